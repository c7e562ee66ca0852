import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoIds, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let kinds: Record<string, string>;

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  kinds = Object.fromEntries(((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).map((kind) => [kind.code, kind.id]));
});
afterAll(async () => t?.close());

/** The events of a feed, read by an independent parser. */
function eventsOf(body: string) {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents('vevent').map((component) => {
    const event = new ICAL.Event(component);
    return { uid: event.uid, summary: event.summary, location: event.location, start: event.startDate.toJSDate().toISOString(), end: event.endDate.toJSDate().toISOString(), status: component.getFirstPropertyValue('status'), sequence: event.sequence };
  });
}

describe('a neighbourhood’s public meeting calendar', () => {
  it('holds public meetings and the public part of closed ones, nothing else, as valid iCalendar with an ETag', async () => {
    const advisor = await t.logIn('advisorSouth');
    const plan = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${tenantPath}/meetings`, as: advisor, payload: { neighbourhoodId: ids.brandevoort, isLocationInNeighbourhood: true, ...payload } });
    const alderman = (await t.request({ url: `${tenantPath}/users?search=Gerritsen`, as: await t.logIn('admin') })).json().items[0].id;
    const wijktafel = await plan({
      kindId: kinds.wijktafel,
      title: 'Wijktafel Brandevoort',
      startsAt: '2026-12-15T19:00:00+01:00',
      endsAt: '2026-12-15T21:00:00+01:00',
      location: 'Wijkhuis, vergaderzaal',
      initiatorSide: 'municipality',
      chairUserId: alderman,
      publicPart: { startsAt: '2026-12-15T20:30:00+01:00', endsAt: '2026-12-15T21:30:00+01:00', location: 'Wijkhuis, grote zaal' },
      invitedGroups: ['college', 'council', 'partners', 'advisor', 'officers'],
    });
    expect(wijktafel.statusCode, wijktafel.body).toBe(201);
    const bilateral = await plan({ kindId: kinds.bilateral, title: 'Geheim gesprek over de begroting', startsAt: '2026-12-16T10:00:00+01:00', endsAt: '2026-12-16T11:00:00+01:00', location: 'Stadskantoor', initiatorSide: 'municipality', invitedGroups: ['council', 'advisor'] });
    expect(bilateral.statusCode).toBe(201);

    const url = `${tenantPath}/neighbourhoods/${ids.brandevoort}/meeting-calendar`;
    const feed = await t.request({ url });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('public, max-age=300');
    const events = eventsOf(feed.body);
    expect(events).toEqual([
      {
        uid: expect.stringMatching(new RegExp(`^${wijktafel.json().id}-public@`)),
        summary: 'Wijktafel (openbaar deel): Wijktafel Brandevoort',
        location: 'Wijkhuis, grote zaal',
        start: '2026-12-15T19:30:00.000Z',
        end: '2026-12-15T20:30:00.000Z',
        status: 'CONFIRMED',
        sequence: 0,
      },
    ]);
    expect(feed.body).not.toMatch(/Geheim gesprek|vergaderzaal|Gerritsen/);

    // Unchanged: 304 on the ETag. Called off: the event stays, CANCELLED, with a higher sequence.
    expect((await t.request({ url, headers: { 'if-none-match': feed.headers.etag as string } })).statusCode).toBe(304);
    await t.request({ method: 'POST', url: `${tenantPath}/meetings/${wijktafel.json().id}/cancellation`, as: advisor, payload: { version: 1, reason: 'De wethouder is ziek.' } });
    const after = await t.request({ url, headers: { 'if-none-match': feed.headers.etag as string } });
    expect(after.statusCode).toBe(200);
    expect(eventsOf(after.body)[0]).toMatchObject({ status: 'CANCELLED', sequence: 1 });
    expect(eventsOf((await t.request({ url, headers: { 'accept-language': 'en' } })).body)[0].summary).toBe('Neighbourhood table (wijktafel) (public part): Wijktafel Brandevoort');
  });

  it('gives one meeting as an .ics file: the public part to outsiders, the meeting itself to participants', async () => {
    const meetings = (await t.request({ url: `${tenantPath}/meetings?neighbourhoodId=${ids.brandevoort}&pageSize=100`, as: await t.logIn('advisorSouth') })).json().items as { id: string; title: string }[];
    const wijktafel = meetings.find((meeting) => meeting.title === 'Wijktafel Brandevoort')!;
    const file = await t.request({ url: `${tenantPath}/meetings/${wijktafel.id}/calendar` });
    expect(file.headers['content-disposition']).toBe('attachment; filename="overleg.ics"');
    expect(eventsOf(file.body)).toEqual([expect.objectContaining({ location: 'Wijkhuis, grote zaal', start: '2026-12-15T19:30:00.000Z' })]);
    const forCouncil = await t.request({ url: `${tenantPath}/meetings/${wijktafel.id}/calendar`, as: await t.logIn('councilMember') });
    expect(eventsOf(forCouncil.body)).toEqual([expect.objectContaining({ location: 'Wijkhuis, vergaderzaal', start: '2026-12-15T18:00:00.000Z', summary: 'Wijktafel: Wijktafel Brandevoort' })]);
    const closed = meetings.find((meeting) => meeting.title === 'Geheim gesprek over de begroting')!;
    expect((await t.request({ url: `${tenantPath}/meetings/${closed.id}/calendar` })).statusCode).toBe(404);
  });

  it('is a 404 for a neighbourhood of another municipality or none at all', async () => {
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/${t.other.neighbourhood.id}/meeting-calendar` })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/00000000-0000-4000-8000-000000000000/meeting-calendar` })).statusCode).toBe(404);
  });
});
