import { and, eq } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { testStart } from '../../../test/factories.ts';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { createMeetingReminderJobs } from './meeting-reminders.ts';
import { meeting } from './meeting.tables.ts';

let t: TestApp;
let ids: DemoIds;
let kinds: Record<string, string>;
let people: { alderman: string; koen: string; henk: string };

const at = (day: string, time: string) => `${day}T${time}:00+02:00`;
const as = async (person: DemoPerson | null) => (person ? { as: await t.logIn(person) } : {});

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  kinds = Object.fromEntries(((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).map((kind) => [kind.code, kind.id]));
  const admin = await t.logIn('admin');
  const find = async (search: string) => (await t.request({ url: `${tenantPath}/users?search=${search}`, as: admin })).json().items[0].id as string;
  people = { alderman: await find('Gerritsen'), koen: await find('Verhoeven'), henk: await find('Aarts') };
});
afterAll(async () => t?.close());

/** A closed ad-hoc meeting in Brandevoort, organised by the municipality. */
async function plannedMeeting(day = '2026-06-25') {
  const planned = await t.request({
    method: 'POST',
    url: `${tenantPath}/meetings`,
    ...(await as('advisorSouth')),
    payload: { kindId: kinds.ad_hoc, neighbourhoodId: ids.brandevoort, title: 'Overleg over de speeltuin', startsAt: at(day, '19:30'), endsAt: at(day, '21:00'), location: 'Wijkhuis De Brandevoortse Hoeve', initiatorSide: 'municipality', invitedGroups: ['council'] },
  });
  expect(planned.statusCode, planned.body).toBe(201);
  return planned.json() as { id: string; version: number; allowedActions: string[] };
}

async function mails(meetingId: string) {
  const rows = await t.database.db
    .select()
    .from(outboxMessage)
    .where(and(eq(outboxMessage.municipalityId, t.municipalityId), eq(outboxMessage.channel, 'email')));
  return rows.filter((row) => (row.payload as { meetingId?: string } | null)?.meetingId === meetingId);
}

describe('the agenda', () => {
  it('lets the organiser add points and the council ask for its request; the organiser declines with a reason the council reads', async () => {
    const meeting = await plannedMeeting();
    expect(meeting.allowedActions).toEqual(expect.arrayContaining(['editAgenda', 'manageParticipants', 'sendInvitations', 'cancel', 'reschedule']));
    const url = `${tenantPath}/meetings/${meeting.id}`;
    const added = await t.request({ method: 'POST', url: `${url}/agenda-items`, ...(await as('advisorSouth')), payload: { title: 'Opening' } });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().items).toMatchObject([{ title: 'Opening', state: 'accepted', isProposedByCouncil: false }]);

    // The council member sees that they may ask, not edit.
    const seenByMember = (await t.request({ url, ...(await as('councilMember')) })).json();
    expect(seenByMember.allowedActions).toEqual(['proposeAgendaItem']);
    const withoutRequest = await t.request({ method: 'POST', url: `${url}/agenda-items`, ...(await as('councilMember')), payload: { title: 'Iets anders' } });
    expect(withoutRequest.statusCode).toBe(400);
    expect(withoutRequest.json().errors[0]).toMatchObject({ field: 'body.requestId', code: 'agendaRequestRequired' });

    const submitted = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      ...(await as('councilMember')),
      payload: { kind: 'request', title: 'Meer bankjes in het park', body: 'Ouderen in de wijk vragen om meer bankjes langs de wandelroute door het park.', neighbourhoodId: ids.brandevoort, scale: 'neighbourhood', councilId: ids.councilBrandevoort },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const proposed = await t.request({ method: 'POST', url: `${url}/agenda-items`, ...(await as('councilMember')), payload: { title: 'Bankjes in het park', requestId: submitted.json().id } });
    expect(proposed.statusCode, proposed.body).toBe(201);
    const item = proposed.json().items.find((entry: { title: string }) => entry.title === 'Bankjes in het park');
    expect(item).toMatchObject({ state: 'requested', isProposedByCouncil: true, request: { id: submitted.json().id, reference: expect.any(String) } });

    // The council member cannot decide on it; the organiser declines, and must say why.
    expect((await t.request({ method: 'POST', url: `${url}/agenda-items/${item.id}/decision`, ...(await as('councilMember')), payload: { decision: 'accept' } })).statusCode).toBe(403);
    const noReason = await t.request({ method: 'POST', url: `${url}/agenda-items/${item.id}/decision`, ...(await as('advisorSouth')), payload: { decision: 'decline' } });
    expect(noReason.statusCode).toBe(400);
    const declined = await t.request({ method: 'POST', url: `${url}/agenda-items/${item.id}/decision`, ...(await as('advisorSouth')), payload: { decision: 'decline', reason: 'Dit hoort bij het overleg over het groenplan in maart.' } });
    expect(declined.statusCode, declined.body).toBe(200);
    const agenda = (await t.request({ url: `${url}/agenda`, ...(await as('councilMember')) })).json();
    expect(agenda.items.find((entry: { id: string }) => entry.id === item.id)).toMatchObject({ state: 'declined', declineReason: expect.stringContaining('groenplan') });
  });

  it('tells nobody outside of a closed meeting’s agenda, and refuses a request of another council', async () => {
    const meeting = await plannedMeeting();
    const url = `${tenantPath}/meetings/${meeting.id}`;
    for (const person of [null, 'resident', 'councilMemberOost', 'partner'] as const) {
      expect((await t.request({ url: `${url}/agenda`, ...(await as(person)) })).statusCode, String(person)).toBe(404);
      expect((await t.request({ url: `${url}/participants`, ...(await as(person)) })).statusCode, String(person)).toBe(person ? 404 : 401);
      expect((await t.request({ url: `${url}/minutes`, ...(await as(person)) })).statusCode, String(person)).toBe(404);
    }
    for (const person of ['resident', 'partner', 'officer', 'councilMember', 'admin'] as const) await t.logIn(person);
    const before = await fingerprintDatabase(t.database.db);
    const oostRequest = await t.request({ url: `${tenantPath}/requests?neighbourhoodId=${ids.oost}&pageSize=1`, ...(await as('admin')) });
    const foreign = oostRequest.json().items[0];
    if (foreign) {
      const refused = await t.request({ method: 'POST', url: `${url}/agenda-items`, ...(await as('councilMember')), payload: { title: 'Niet van ons', requestId: foreign.id } });
      expect(refused.statusCode).toBe(400);
      expect(refused.json().errors[0]).toMatchObject({ field: 'body.requestId', code: 'unknownReference' });
    }
    for (const person of ['resident', 'partner', 'officer'] as const) {
      expect((await t.request({ method: 'POST', url: `${url}/agenda-items`, ...(await as(person)), payload: { title: 'Ongevraagd' } })).statusCode, person).toBe(403);
    }
    // Refusals are recorded (audit log, security events); nothing else changes.
    const after = await fingerprintDatabase(t.database.db);
    expect(Object.keys(after).filter((table) => after[table] !== before[table] && !['audit_log', 'audit_chain_head', 'security_event', 'user_session'].includes(table))).toEqual([]);
  });
});

describe('drafts', () => {
  it('keeps a draft meeting among staff: not in lists, pages or the public feed for anyone else', async () => {
    const sanne = (await t.request({ url: `${tenantPath}/sessions/current`, ...(await as('advisorSouth')) })).json().user.id;
    const at = new Date('2026-09-05T08:00:00Z');
    const [draft] = await t.database.db
      .insert(meeting)
      .values({
        municipalityId: t.municipalityId,
        kindId: kinds.wijkbezoek,
        neighbourhoodId: ids.brandevoort,
        title: 'Concept: wijkbezoek in september',
        startsAt: at,
        endsAt: new Date(at.getTime() + 4 * 3_600_000),
        location: 'Nog te bepalen',
        isLocationInNeighbourhood: true,
        initiatorSide: 'council',
        invitedGroups: ['college', 'council'],
        state: 'draft',
        createdByUserId: sanne,
        createdAt: new Date(testStart),
        updatedAt: new Date(testStart),
      })
      .returning();
    const titles = async (person: DemoPerson | null) => ((await t.request({ url: `${tenantPath}/meetings?neighbourhoodId=${ids.brandevoort}&pageSize=100`, ...(await as(person)) })).json().items as { title: string }[]).map((item) => item.title);
    for (const person of [null, 'resident', 'councilMember', 'partner'] as const) {
      expect(await titles(person), String(person)).not.toContain(draft.title);
      expect((await t.request({ url: `${tenantPath}/meetings/${draft.id}`, ...(await as(person)) })).statusCode, String(person)).toBe(404);
    }
    expect(await titles('advisorSouth')).toContain(draft.title);
    const feed = await t.request({ url: `${tenantPath}/neighbourhoods/${ids.brandevoort}/meeting-calendar` });
    expect(feed.body).not.toContain('september');
  });
});

describe('preparation', () => {
  it('reminds the person once, two working days before their contribution is due', async () => {
    const meeting = await plannedMeeting('2026-06-30');
    const url = `${tenantPath}/meetings/${meeting.id}`;
    const asked = await t.request({ method: 'POST', url: `${url}/contributions`, ...(await as('advisorSouth')), payload: { title: 'Kosten van nieuwe speeltoestellen', assigneeUserId: people.koen, dueOn: '2026-06-26' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const late = await t.request({ method: 'POST', url: `${url}/contributions`, ...(await as('advisorSouth')), payload: { title: 'Te laat', assigneeUserId: people.koen, dueOn: '2026-07-02' } });
    expect(late.json().errors[0]).toMatchObject({ field: 'body.dueOn', code: 'contributionAfterMeeting' });
    const [job] = createMeetingReminderJobs({ clock: t.clock, publicUrl: 'http://localhost' });
    const reminders = async () =>
      (await t.database.db.select().from(outboxMessage).where(and(eq(outboxMessage.municipalityId, t.municipalityId), eq(outboxMessage.topic, 'meeting.contributionDue'), eq(outboxMessage.channel, 'in_app')))).filter((row) =>
        row.body.includes('speeltoestellen'),
      );
    await job.run(t.database.db);
    expect(await reminders()).toHaveLength(0);
    t.clock.set('2026-06-24T08:00:00Z');
    try {
      await job.run(t.database.db);
      await job.run(t.database.db);
      expect(await reminders()).toHaveLength(1);
    } finally {
      t.clock.set(testStart);
    }
    // Koen hands it in; someone else cannot.
    const id = asked.json().contributions[0].id;
    expect((await t.request({ method: 'POST', url: `${url}/contributions/${id}/delivery`, ...(await as('councilMember')), payload: { text: 'Niet van mij' } })).statusCode).toBe(403);
    const delivered = await t.request({ method: 'POST', url: `${url}/contributions/${id}/delivery`, ...(await as('officer')), payload: { text: 'Drie toestellen kosten samen 42.000 euro.' } });
    expect(delivered.statusCode, delivered.body).toBe(200);
    expect(delivered.json().contributions[0]).toMatchObject({ isDelivered: true });
  });
});

describe('participants and invitations', () => {
  it('offers planners the aldermen with their portfolio and the neighbourhood’s council, and nobody else the list', async () => {
    const offered = await t.request({ url: `${tenantPath}/meeting-candidates?neighbourhoodId=${ids.brandevoort}`, ...(await as('advisorSouth')) });
    expect(offered.statusCode, offered.body).toBe(200);
    const names = offered.json().items.map((person: { name: string }) => person.name);
    expect(names).toEqual(expect.arrayContaining(['Marieke Gerritsen', 'Henk Aarts', 'Koen Verhoeven']));
    expect(names).not.toContain('Ayşe Yıldız');
    expect(offered.json().items.find((person: { name: string }) => person.name === 'Marieke Gerritsen').roles[0]).toMatchObject({ role: 'alderman', isNeighbourhoodPolicy: true });
    for (const person of [null, 'resident', 'partner', 'officer'] as const) {
      expect((await t.request({ url: `${tenantPath}/meeting-candidates`, ...(await as(person)) })).statusCode, String(person)).toBe(person ? 403 : 401);
    }
  });

  it('invites by e-mail with a calendar request, sends the change and the cancellation with the same UID and a higher SEQUENCE', async () => {
    const meeting = await plannedMeeting('2026-06-26');
    const url = `${tenantPath}/meetings/${meeting.id}`;
    const organiser = await as('advisorSouth');
    const both = await t.request({ method: 'POST', url: `${url}/participants`, ...organiser, payload: { userId: people.koen, guest: { name: 'Raadslid', email: 'raad@example.org', kind: 'municipal_council_member' } } });
    expect(both.statusCode).toBe(400);
    expect(both.json().errors[0].code).toBe('participantPersonOrGuest');
    expect((await t.request({ method: 'POST', url: `${url}/participants`, ...organiser, payload: { userId: people.koen } })).statusCode).toBe(201);
    const twice = await t.request({ method: 'POST', url: `${url}/participants`, ...organiser, payload: { userId: people.koen } });
    expect(twice.json().errors?.[0]?.code).toBe('participantAlreadyInvited');
    const guest = await t.request({ method: 'POST', url: `${url}/participants`, ...organiser, payload: { guest: { name: 'J. Raadslid', email: 'J.Raadslid@Gemeenteraad.example', kind: 'municipal_council_member' }, isOptional: true } });
    expect(guest.statusCode, guest.body).toBe(201);
    // A guest's address is contact data: it is never part of the answer.
    expect(guest.body).not.toContain('gemeenteraad.example');

    const sent = await t.request({ method: 'POST', url: `${url}/invitations`, ...organiser });
    expect(sent.json()).toMatchObject({ sentCount: 2 });
    expect((await t.request({ method: 'POST', url: `${url}/invitations`, ...organiser })).json()).toMatchObject({ sentCount: 0 });
    const invitations = await mails(meeting.id);
    expect(invitations.map((mail) => mail.recipientEmail).sort()).toEqual(['j.raadslid@gemeenteraad.example', 'koen.verhoeven@helmond.example']);
    const event = (row: (typeof invitations)[number]) => {
      const calendar = new ICAL.Component(ICAL.parse((row.payload as { icalEvent: { content: string } }).icalEvent.content));
      const vevent = calendar.getFirstSubcomponent('vevent')!;
      return { method: calendar.getFirstPropertyValue('method'), uid: vevent.getFirstPropertyValue('uid'), sequence: vevent.getFirstPropertyValue('sequence'), start: vevent.getFirstProperty('dtstart')!, timezone: calendar.getFirstSubcomponent('vtimezone')?.getFirstPropertyValue('tzid') };
    };
    const first = event(invitations[0]);
    expect(first).toMatchObject({ method: 'REQUEST', sequence: 0, timezone: 'Europe/Amsterdam' });
    expect(first.start.getParameter('tzid')).toBe('Europe/Amsterdam');
    expect(String(first.start.getFirstValue())).toBe('2026-06-26T19:30:00');

    // Koen answers; a resident has no invitation to answer.
    const koen = await as('officer');
    expect((await t.request({ url, ...koen })).json().allowedActions).toContain('answerInvitation');
    const answered = await t.request({ method: 'PUT', url: `${url}/my-answer`, ...koen, payload: { answer: 'maybe' } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json().items.find((item: { userId: string }) => item.userId === people.koen)).toMatchObject({ answer: 'maybe' });
    expect((await t.request({ method: 'PUT', url: `${url}/my-answer`, ...(await as('councilMember')), payload: { answer: 'yes' } })).statusCode).toBe(403);

    const moved = await t.request({ method: 'PATCH', url, ...organiser, payload: { version: meeting.version, startsAt: at('2026-06-29', '19:30'), endsAt: at('2026-06-29', '21:00'), location: 'Basisschool De Veste' } });
    expect(moved.statusCode, moved.body).toBe(200);
    const updates = (await mails(meeting.id)).filter((mail) => mail.subject.startsWith('Gewijzigd'));
    expect(updates).toHaveLength(2);
    expect(event(updates[0])).toMatchObject({ method: 'REQUEST', uid: first.uid, sequence: 1 });

    const cancelled = await t.request({ method: 'POST', url: `${url}/cancellation`, ...organiser, payload: { version: moved.json().version, reason: 'De speeltuin is al opgeknapt.' } });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    const cancellations = (await mails(meeting.id)).filter((mail) => mail.subject.startsWith('Afgezegd'));
    expect(cancellations).toHaveLength(2);
    expect(event(cancellations[0])).toMatchObject({ method: 'CANCEL', uid: first.uid, sequence: 2 });
    // Once called off, nothing about it is planned any more.
    expect((await t.request({ method: 'POST', url: `${url}/agenda-items`, ...organiser, payload: { title: 'Te laat' } })).statusCode).toBe(409);
  });

  it('refuses a chair who already chairs another meeting at that time, also when an advisor would set rules aside', async () => {
    const payload = (day: string, title: string) => ({ kindId: kinds.ad_hoc, neighbourhoodId: ids.brandevoort, title, startsAt: at(day, '19:30'), endsAt: at(day, '21:00'), location: 'Wijkhuis', initiatorSide: 'municipality', invitedGroups: ['council'], chairUserId: people.alderman });
    const first = await t.request({ method: 'POST', url: `${tenantPath}/meetings`, ...(await as('advisorSouth')), payload: payload('2026-07-07', 'Eerste overleg') });
    expect(first.statusCode, first.body).toBe(201);
    const clash = await t.request({ method: 'POST', url: `${tenantPath}/meetings`, ...(await as('advisorSouth')), payload: { ...payload('2026-07-07', 'Tweede overleg'), override: { reason: 'Het moet echt die avond gebeuren.' } } });
    expect(clash.statusCode).toBe(400);
    expect(clash.json().errors[0]).toMatchObject({ field: 'body.chairUserId', code: 'chairDoubleBooked', message: expect.stringContaining('voorzitter') });
    const otherDay = await t.request({ method: 'POST', url: `${tenantPath}/meetings`, ...(await as('advisorSouth')), payload: payload('2026-07-08', 'Tweede overleg') });
    expect(otherDay.statusCode, otherDay.body).toBe(201);
    const movedOnto = await t.request({ method: 'PATCH', url: `${tenantPath}/meetings/${otherDay.json().id}`, ...(await as('advisorSouth')), payload: { version: 1, startsAt: at('2026-07-07', '20:00'), endsAt: at('2026-07-07', '21:30'), location: 'Wijkhuis' } });
    expect(movedOnto.statusCode).toBe(400);
    expect(movedOnto.json().errors[0].code).toBe('chairDoubleBooked');
  });

  it('refuses an end before the start when rescheduling, and lets no council member reschedule what the municipality organises', async () => {
    const meeting = await plannedMeeting('2026-06-27');
    const url = `${tenantPath}/meetings/${meeting.id}`;
    const backwards = await t.request({ method: 'PATCH', url, ...(await as('advisorSouth')), payload: { version: meeting.version, startsAt: at('2026-06-27', '21:00'), endsAt: at('2026-06-27', '19:00'), location: 'Wijkhuis' } });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((error: { field: string }) => error.field)).toContain('body.endsAt');
    const byMember = await t.request({ method: 'PATCH', url, ...(await as('councilMember')), payload: { version: meeting.version, startsAt: at('2026-06-28', '19:00'), endsAt: at('2026-06-28', '20:00'), location: 'Wijkhuis' } });
    expect(byMember.statusCode).toBe(403);
  });
});

describe('after the meeting: minutes and follow-up', () => {
  it('lets the officer write and publish a wijkwerkoverleg’s minutes once it is held, with an agreement tracked on the neighbourhood', async () => {
    const planned = await t.request({
      method: 'POST',
      url: `${tenantPath}/meetings`,
      ...(await as('advisorSouth')),
      payload: {
        kindId: kinds.wijkwerkoverleg,
        neighbourhoodId: ids.brandevoort,
        title: 'Wijkwerkoverleg verkeer',
        // Later today: the test clock moves on a quarter of an hour, and sessions stay valid.
        startsAt: at('2026-06-15', '12:15'),
        endsAt: at('2026-06-15', '13:15'),
        location: 'Wijkhuis De Brandevoortse Hoeve',
        initiatorSide: 'municipality',
        chairUserId: people.alderman,
        invitedGroups: ['subject_aldermen', 'council', 'officers', 'advisor'],
        dossierThemeIds: [ids.themeSafety],
        override: { reason: 'De wethouder verkeer is verhinderd; de wethouder wijkbeleid zit voor.' },
      },
    });
    expect(planned.statusCode, planned.body).toBe(201);
    const meeting = planned.json();
    const url = `${tenantPath}/meetings/${meeting.id}`;
    const officer = await as('officer');
    const minutes = { body: 'Afgesproken: de gemeente plaatst voor de zomer drempels bij de school.', isPublished: false, version: 0 };
    // Before it is held there are no minutes to write.
    expect((await t.request({ method: 'PUT', url: `${url}/minutes`, ...officer, payload: minutes })).statusCode).toBe(409);
    expect((await t.request({ method: 'POST', url: `${url}/held`, ...(await as('advisorSouth')), payload: { version: meeting.version } })).statusCode).toBe(409);

    t.clock.set('2026-06-15T10:20:00Z');
    try {
      const held = await t.request({ method: 'POST', url: `${url}/held`, ...(await as('advisorSouth')), payload: { version: meeting.version } });
      expect(held.statusCode, held.body).toBe(200);
      expect(held.json().state).toBe('held');
      // Held: the agenda and the times no longer change.
      expect((await t.request({ method: 'POST', url: `${url}/agenda-items`, ...(await as('advisorSouth')), payload: { title: 'Achteraf' } })).statusCode).toBe(409);
      expect((await t.request({ method: 'POST', url: `${url}/cancellation`, ...(await as('advisorSouth')), payload: { version: held.json().version, reason: 'Toch niet' } })).statusCode).toBe(400);

      // The council does not write a wijkwerkoverleg's minutes; the officer does.
      expect((await t.request({ method: 'PUT', url: `${url}/minutes`, ...(await as('councilMember')), payload: minutes })).statusCode).toBe(403);
      const draft = await t.request({ method: 'PUT', url: `${url}/minutes`, ...officer, payload: minutes });
      expect(draft.statusCode, draft.body).toBe(200);
      expect(draft.json()).toMatchObject({ state: 'draft', dueOn: expect.any(String), version: 1 });
      // A draft is the writer's: the council sees there are none yet.
      expect((await t.request({ url: `${url}/minutes`, ...(await as('councilMember')) })).json()).toMatchObject({ state: null, body: null });
      const stale = await t.request({ method: 'PUT', url: `${url}/minutes`, ...officer, payload: { ...minutes, version: 0 } });
      expect(stale.statusCode).toBe(409);
      const published = await t.request({ method: 'PUT', url: `${url}/minutes`, ...officer, payload: { ...minutes, isPublished: true, version: 1 } });
      expect(published.statusCode, published.body).toBe(200);
      expect((await t.request({ url: `${url}/minutes`, ...(await as('councilMember')) })).json()).toMatchObject({ state: 'published', body: expect.stringContaining('drempels') });
      expect((await t.request({ method: 'PUT', url: `${url}/minutes`, ...officer, payload: { ...minutes, version: 2 } })).statusCode).toBe(409);

      const noOwner = await t.request({ method: 'POST', url: `${url}/follow-ups`, ...officer, payload: { description: 'Drempels plaatsen bij de school', dueOn: '2026-07-15' } });
      expect(noOwner.statusCode).toBe(400);
      expect(noOwner.json().errors[0]).toMatchObject({ field: 'body.ownerName', code: 'followUpOwnerRequired' });
      const followUp = await t.request({ method: 'POST', url: `${url}/follow-ups`, ...officer, payload: { description: 'Drempels plaatsen bij de school', ownerUserId: people.koen, dueOn: '2026-07-15' } });
      expect(followUp.statusCode, followUp.body).toBe(201);

      const tracked = await t.request({ url: `${tenantPath}/neighbourhoods/${ids.brandevoort}/follow-ups?state=open`, ...(await as('councilMember')) });
      expect(tracked.json().items.map((item: { description: string }) => item.description)).toContain('Drempels plaatsen bij de school');
      for (const person of ['resident', 'councilMemberOost', 'partner'] as const) {
        expect((await t.request({ url: `${tenantPath}/neighbourhoods/${ids.brandevoort}/follow-ups`, ...(await as(person)) })).statusCode, person).toBe(403);
      }
      expect((await t.request({ method: 'POST', url: `${tenantPath}/meeting-follow-ups/${followUp.json().id}/completion`, ...(await as('councilMemberOost')), payload: { version: 1 } })).statusCode).toBe(404);
      // The council makes a second agreement a request of its own; once, and nobody else can.
      const second = (await t.request({ method: 'POST', url: `${url}/follow-ups`, ...officer, payload: { description: 'Een zebrapad bij de kerk onderzoeken', ownerName: 'Afdeling Verkeer', dueOn: '2026-08-01' } })).json();
      const convertUrl = `${tenantPath}/meeting-follow-ups/${second.id}/request`;
      expect((await t.request({ method: 'POST', url: convertUrl, ...(await as('resident')), payload: { version: 1 } })).statusCode).toBe(404);
      expect((await t.request({ method: 'POST', url: convertUrl, ...officer, payload: { version: 1 } })).statusCode).toBe(403);
      const converted = await t.request({ method: 'POST', url: convertUrl, ...(await as('councilMember')), payload: { version: 1, kind: 'request' } });
      expect(converted.statusCode, converted.body).toBe(201);
      const made = (await t.request({ url: `${tenantPath}/requests/${converted.json().requestId}`, ...(await as('councilMember')) })).json();
      expect(made).toMatchObject({ title: 'Een zebrapad bij de kerk onderzoeken', council: { id: ids.councilBrandevoort } });
      expect((await t.request({ method: 'POST', url: convertUrl, ...(await as('councilMember')), payload: { version: 2 } })).statusCode).toBe(409);

      const done = await t.request({ method: 'POST', url: `${tenantPath}/meeting-follow-ups/${followUp.json().id}/completion`, ...officer, payload: { version: 1 } });
      expect(done.statusCode, done.body).toBe(200);
      expect(done.json().state).toBe('done');

      // Attendance: only people on the list.
      const attendance = await t.request({ method: 'PUT', url: `${url}/attendance`, ...(await as('advisorSouth')), payload: { presentParticipantIds: [people.koen] } });
      expect(attendance.statusCode).toBe(400);
    } finally {
      t.clock.set(testStart);
    }
  });
});
