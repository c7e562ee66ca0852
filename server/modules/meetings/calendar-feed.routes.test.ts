import { sql } from 'drizzle-orm';
import ICAL from 'ical.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type DemoIds, demoEmails, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let titles: Record<string, string>;

const feedUrl = `${tenantPath}/users/me/calendar-feed`;
const at = (day: string, time: string) => `${day}T${time}:00+01:00`;

/** The summaries of a feed's events, read by an independent parser (which throws on invalid iCalendar). */
function summariesOf(body: string): string[] {
  const calendar = new ICAL.Component(ICAL.parse(body));
  return calendar.getAllSubcomponents('vevent').map((component) => new ICAL.Event(component).summary);
}

/** The path part of the address a person gets back, as a client would request it. */
async function createFeed(person: Parameters<TestApp['logIn']>[0]) {
  const created = await t.request({ method: 'POST', url: feedUrl, as: await t.logIn(person) });
  expect(created.statusCode, created.body).toBe(201);
  return new URL(created.json().url).pathname;
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  const kinds = Object.fromEntries(((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).map((kind) => [kind.code, kind.id]));
  const admin = await t.logIn('admin');
  const alderman = (await t.request({ url: `${tenantPath}/users?search=Gerritsen`, as: admin })).json().items[0].id;
  const neighbourhoods = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().items as { id: string; slug: string }[];
  const stiphout = neighbourhoods.find((item) => item.slug === 'stiphout')!.id;
  const plan = async (person: Parameters<TestApp['logIn']>[0], payload: Record<string, unknown>) => {
    const response = await t.request({ method: 'POST', url: `${tenantPath}/meetings`, as: await t.logIn(person), payload: { isLocationInNeighbourhood: true, ...payload } });
    expect(response.statusCode, response.body).toBe(201);
  };
  titles = { wijktafel: 'Wijktafel Brandevoort', bilateral: 'Gesprek over de begroting', stiphout: 'Gesprek over de subsidie in Stiphout' };
  await plan('advisorSouth', {
    kindId: kinds.wijktafel,
    neighbourhoodId: ids.brandevoort,
    title: titles.wijktafel,
    startsAt: at('2026-12-15', '19:00'),
    endsAt: at('2026-12-15', '21:00'),
    location: 'Wijkhuis, vergaderzaal',
    initiatorSide: 'municipality',
    chairUserId: alderman,
    publicPart: { startsAt: at('2026-12-15', '20:30'), endsAt: at('2026-12-15', '21:30'), location: 'Wijkhuis, grote zaal' },
    invitedGroups: ['college', 'council', 'partners', 'advisor', 'officers'],
  });
  const closed = { kindId: kinds.bilateral, startsAt: at('2026-12-16', '10:00'), endsAt: at('2026-12-16', '11:00'), location: 'Stadskantoor', initiatorSide: 'municipality', invitedGroups: ['council', 'advisor'] };
  await plan('advisorSouth', { ...closed, neighbourhoodId: ids.brandevoort, title: titles.bilateral });
  await plan('advisor', { ...closed, neighbourhoodId: stiphout, title: titles.stiphout });
});
afterAll(async () => t?.close());

describe('a personal calendar feed', () => {
  it('gives a council member their neighbourhood’s meetings whole, as valid iCalendar, without their name', async () => {
    const path = await createFeed('councilMember');
    expect(path).toMatch(/\/calendar-feeds\/wcal_[\w-]{43}$/);
    const feed = await t.request({ url: path });
    expect(feed.statusCode).toBe(200);
    expect(feed.headers['content-type']).toBe('text/calendar; charset=utf-8');
    expect(feed.headers['cache-control']).toBe('private, max-age=300');
    // The closed part too: a participant sees the wijktafel itself, and the closed meeting of their own neighbourhood.
    expect(summariesOf(feed.body).sort()).toEqual([`Bilateraal overleg: ${titles.bilateral}`, `Wijktafel: ${titles.wijktafel}`].sort());
    // Another neighbourhood's closed meeting is not theirs.
    expect(feed.body).not.toContain(titles.stiphout);
    expect(feed.body).not.toMatch(/Henk|Aarts|brandevoort\.example|Gerritsen/);
    // Unchanged: 304 on its ETag.
    expect((await t.request({ url: path, headers: { 'if-none-match': feed.headers.etag as string } })).statusCode).toBe(304);
    // Only the hash is stored.
    const [stored] = await queryRows<{ token_hash: string }>(t.database.db, sql`select token_hash from calendar_feed where revoked_at is null`);
    expect(path).not.toContain(stored.token_hash);
    expect(stored.token_hash).toMatch(/^[0-9a-f]{64}$/);
  });

  it('gives an advisor only their own neighbourhoods, an alderman the meetings the college is invited to', async () => {
    const south = summariesOf((await t.request({ url: await createFeed('advisorSouth') })).body);
    expect(south.some((summary) => summary.includes(titles.wijktafel))).toBe(true);
    expect(south.some((summary) => summary.includes(titles.stiphout))).toBe(false);
    const north = summariesOf((await t.request({ url: await createFeed('advisor') })).body);
    expect(north).toEqual([`Bilateraal overleg: ${titles.stiphout}`]);
    // The alderman chairs the wijktafel; the bilateral meetings are not theirs.
    expect(summariesOf((await t.request({ url: await createFeed('alderman') })).body)).toEqual([`Wijktafel: ${titles.wijktafel}`]);
    // An officer chaired and planned nothing here.
    expect(summariesOf((await t.request({ url: await createFeed('officer') })).body)).toEqual([]);
  });

  it('stops working when revoked or replaced: 404, like an unknown address', async () => {
    const member = await t.logIn('councilMemberOost');
    const first = new URL((await t.request({ method: 'POST', url: feedUrl, as: member })).json().url).pathname;
    expect((await t.request({ url: feedUrl, as: member })).json()).toEqual({ isActive: true, createdAt: '2026-06-15T10:00:00.000Z' });
    const second = new URL((await t.request({ method: 'POST', url: feedUrl, as: member })).json().url).pathname;
    expect(second).not.toBe(first);
    expect((await t.request({ url: first })).statusCode).toBe(404);
    expect((await t.request({ url: second })).statusCode).toBe(200);

    const revoked = await t.request({ method: 'DELETE', url: feedUrl, as: member });
    expect(revoked.statusCode).toBe(204);
    const gone = await t.request({ url: second });
    expect(gone.statusCode).toBe(404);
    expect(gone.headers['content-type']).toContain('application/problem+json');
    expect((await t.request({ url: feedUrl, as: member })).json()).toEqual({ isActive: false, createdAt: null });
    expect((await t.request({ method: 'DELETE', url: feedUrl, as: member })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/calendar-feeds/wcal_bestaat-niet` })).statusCode).toBe(404);
    // Another municipality's path does not find Helmond's feed.
    expect((await t.request({ url: (await createFeed('councilMemberOost')).replace('/helmond/', '/eindhoven/') })).statusCode).toBe(404);

    // The person's own data export says when each address was made and revoked, never the address.
    const exported = await t.request({ url: `${tenantPath}/me/data-export`, as: member });
    const feeds = exported.json().calendarFeeds as { createdAt: string; revokedAt: string | null }[];
    expect(feeds).toHaveLength(3);
    expect(feeds.filter((feed) => feed.revokedAt === null)).toHaveLength(1);
    expect(feeds.every((feed) => feed.createdAt === '2026-06-15T10:00:00.000Z')).toBe(true);
    expect(exported.body).not.toContain('wcal_');

    const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_type = 'calendar_feed' order by occurred_at, id`);
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['calendarFeed.create', 'calendarFeed.revoke']));
  });

  it('gives a partner the meetings they are invited to by name, and nothing else', async () => {
    const path = await createFeed('partner');
    expect(summariesOf((await t.request({ url: path })).body)).toEqual([]);
    const advisor = await t.logIn('advisorSouth');
    const meetings = (await t.request({ url: `${tenantPath}/meetings?neighbourhoodId=${ids.brandevoort}&pageSize=100`, as: advisor })).json().items as { id: string; title: string }[];
    const closed = meetings.find((meeting) => meeting.title === titles.bilateral)!;
    const admin = await t.logIn('admin');
    const partnerId = (await t.request({ url: `${tenantPath}/users?search=${demoEmails.partner}`, as: admin })).json().items[0].id;
    const invited = await t.request({ method: 'POST', url: `${tenantPath}/meetings/${closed.id}/participants`, as: advisor, payload: { userId: partnerId } });
    expect(invited.statusCode, invited.body).toBe(201);
    expect(summariesOf((await t.request({ url: path })).body)).toEqual([`Bilateraal overleg: ${titles.bilateral}`]);
  });

  it('keeps one working address when two are made at the same moment: the second is refused or replaces, never a 500', async () => {
    const officer = await t.logIn('officerGreen');
    const answers = await Promise.all([t.request({ method: 'POST', url: feedUrl, as: officer }), t.request({ method: 'POST', url: feedUrl, as: officer })]);
    expect(answers.map((answer) => answer.statusCode).every((status) => status === 201 || status === 409)).toBe(true);
    expect(answers.some((answer) => answer.statusCode === 201)).toBe(true);
    const [row] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from calendar_feed f join user_account u on u.id = f.user_id where u.email = ${demoEmails.officerGreen} and f.revoked_at is null`);
    expect(row.count).toBe(1);
  });

  it('is not for residents, nor without logging in', async () => {
    expect((await t.request({ method: 'POST', url: feedUrl })).statusCode).toBe(401);
    const resident = await t.logIn('resident');
    expect((await t.request({ method: 'POST', url: feedUrl, as: resident })).statusCode).toBe(403);
    expect((await t.request({ url: feedUrl, as: resident })).statusCode).toBe(403);
    const [row] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from calendar_feed f join user_account u on u.id = f.user_id where u.email = ${demoEmails.resident}`);
    expect(row.count).toBe(0);
  });
});
