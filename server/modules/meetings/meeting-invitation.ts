import { TZDate } from '@date-fns/tz';
import { getVtimezoneComponent } from '@touch4it/ical-timezones';
import ical, { ICalAttendeeRole, ICalAttendeeStatus, ICalCalendarMethod, ICalEventStatus } from 'ical-generator';
import type { Language } from '../../platform/language.ts';
import type { MeetingRecord } from './meeting.repository.ts';

export type InvitationMethod = 'REQUEST' | 'CANCEL';

const zone = 'Europe/Amsterdam';
const answerStatus = { yes: ICalAttendeeStatus.ACCEPTED, no: ICalAttendeeStatus.DECLINED, maybe: ICalAttendeeStatus.TENTATIVE } as const;

/**
 * An invitation as iTIP (RFC 5546) over iCalendar (RFC 5545): METHOD:REQUEST for an invitation or a change,
 * METHOD:CANCEL when the meeting is called off. The UID is the meeting's, and SEQUENCE follows its version, so a
 * calendar that has the invitation updates or removes that same event. Times carry the Europe/Amsterdam zone with its
 * VTIMEZONE, so "19:30" stays 19:30 in the Netherlands whatever the reader's device thinks.
 */
export function invitationCalendar(
  record: MeetingRecord,
  options: { method: InvitationMethod; host: string; pageUrl: string; organiser: { name: string; email: string }; attendee: { name: string; email: string; answer: keyof typeof answerStatus | null; isOptional: boolean }; language: Language },
): string {
  const row = record.meeting;
  const calendar = ical({
    method: options.method === 'CANCEL' ? ICalCalendarMethod.CANCEL : ICalCalendarMethod.REQUEST,
    prodId: { company: 'Wijkwerk', product: 'wijkwerk', language: options.language.toUpperCase() },
  });
  // The generator adds the VTIMEZONE for the events' zone; the calendar itself keeps UTC, so DTSTAMP stays UTC as it must.
  calendar.timezone({ name: null, generator: getVtimezoneComponent });
  const kindName = options.language === 'en' ? record.kind.nameEn : record.kind.nameNl;
  const event = calendar.createEvent({
    id: `${row.id}@${options.host}`,
    sequence: row.version - 1,
    start: new TZDate(row.startsAt, zone),
    end: new TZDate(row.endsAt, zone),
    timezone: zone,
    stamp: row.updatedAt,
    summary: `${kindName}: ${row.title}`,
    location: row.location,
    url: options.pageUrl,
    status: options.method === 'CANCEL' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    organizer: { name: options.organiser.name, email: options.organiser.email },
  });
  event.createAttendee({
    name: options.attendee.name,
    email: options.attendee.email,
    role: options.attendee.isOptional ? ICalAttendeeRole.OPT : ICalAttendeeRole.REQ,
    status: options.attendee.answer ? answerStatus[options.attendee.answer] : ICalAttendeeStatus.NEEDSACTION,
    rsvp: options.method === 'REQUEST',
  });
  return calendar.toString();
}

/** The e-mail around the invitation, in the recipient's language. */
export function invitationMail(record: MeetingRecord, options: { method: InvitationMethod; isUpdate: boolean; pageUrl: string; language: Language; when: string }) {
  const row = record.meeting;
  if (options.language === 'en') {
    const kindName = record.kind.nameEn;
    if (options.method === 'CANCEL') return { subject: `Cancelled: ${kindName} ${row.title}`, body: `The ${kindName.toLowerCase()} “${row.title}” on ${options.when} has been called off. Your calendar removes it when you open the attachment.\n\n${options.pageUrl}` };
    return {
      subject: `${options.isUpdate ? 'Changed: ' : 'Invitation: '}${kindName} ${row.title}`,
      body: `${options.isUpdate ? 'The meeting has changed.' : 'You are invited.'}\n\n${kindName}: ${row.title}\nWhen: ${options.when}\nWhere: ${row.location}\n\nAnswer yes, no or maybe in Wijkwerk or in your calendar (attachment). ${options.pageUrl}`,
    };
  }
  const kindName = record.kind.nameNl;
  if (options.method === 'CANCEL') return { subject: `Afgezegd: ${kindName} ${row.title}`, body: `De ${kindName.toLowerCase()} “${row.title}” op ${options.when} gaat niet door. Je agenda haalt hem weg als je de bijlage opent.\n\n${options.pageUrl}` };
  return {
    subject: `${options.isUpdate ? 'Gewijzigd: ' : 'Uitnodiging: '}${kindName} ${row.title}`,
    body: `${options.isUpdate ? 'Het overleg is gewijzigd.' : 'Je bent uitgenodigd.'}\n\n${kindName}: ${row.title}\nWanneer: ${options.when}\nWaar: ${row.location}\n\nAntwoord ja, nee of misschien in Wijkwerk of in je agenda (bijlage). ${options.pageUrl}`,
  };
}
