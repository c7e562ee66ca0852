import { createHash } from 'node:crypto';
import ical, { ICalEventStatus } from 'ical-generator';
import type { Language } from '../../platform/language.ts';
import type { MeetingRecord } from './meeting.repository.ts';
import { presentMeeting } from './meeting.presenter.ts';

/**
 * A neighbourhood's public meetings as an iCalendar feed (RFC 5545) that anyone subscribes to: public meetings whole
 * and, of closed ones, only the public part — the same as a visitor sees on the page. Times are in UTC, which every
 * calendar shows in its own zone. An event keeps its UID across changes and its SEQUENCE follows the meeting's
 * version, so calendars update it in place; a meeting called off stays in the feed as CANCELLED.
 */
export function publicMeetingCalendar(records: MeetingRecord[], options: { neighbourhoodName: string; pageUrl: string; host: string; language: Language }): { body: string; etag: string } {
  return meetingCalendar(records, { ...options, name: options.language === 'en' ? `Meetings in ${options.neighbourhoodName}` : `Overleggen in ${options.neighbourhoodName}`, isInsider: false });
}

/** One or more meetings as one reader may see them, as iCalendar: a participant gets the closed meeting itself. */
export function meetingCalendar(records: MeetingRecord[], options: { name: string; pageUrl: string; host: string; language: Language; isInsider: boolean }): { body: string; etag: string } {
  const calendar = ical({
    name: options.name,
    prodId: { company: 'Wijkwerk', product: 'wijkwerk', language: options.language.toUpperCase() },
    ttl: 60 * 60,
  });
  for (const record of records) {
    const meeting = presentMeeting(record, options.isInsider);
    const kindName = options.language === 'en' ? meeting.kind.nameEn : meeting.kind.nameNl;
    const part = meeting.isPublicPartOnly ? (options.language === 'en' ? ' (public part)' : ' (openbaar deel)') : '';
    calendar.createEvent({
      // The public part of a closed meeting is its own event: it must never share an identity with the closed part.
      id: `${meeting.id}${meeting.isPublicPartOnly ? '-public' : ''}@${options.host}`,
      sequence: meeting.version - 1,
      start: new Date(meeting.startsAt),
      end: new Date(meeting.endsAt),
      stamp: record.meeting.updatedAt,
      summary: `${kindName}${part}: ${meeting.title}`,
      location: meeting.location,
      url: options.pageUrl,
      status: meeting.state === 'cancelled' ? ICalEventStatus.CANCELLED : ICalEventStatus.CONFIRMED,
    });
  }
  const body = calendar.toString();
  return { body, etag: `"${createHash('sha256').update(body).digest('base64url').slice(0, 27)}"` };
}
