import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let kinds: Record<string, string>;
let people: { alderman: string; henk: string };
let neighbourhoodCount: number;

const at = (day: string, time: string) => `${day}T${time}:00+01:00`;
const url = `${tenantPath}/meeting-frequency`;

type Row = { neighbourhood: { id: string; name: string; version: number }; kind: { code: string }; lastHeldOn: string | null; nextPlannedOn: string | null; nextDueOn: string | null; isOverdue: boolean; isExempt: boolean; exemptReason: string | null; badge: string; explanation: { nl: string; en: string }; yearlyTarget: { perYear: number | null } | null; allowedActions: string[] };

async function overview(person: Parameters<TestApp['logIn']>[0], query = 'pageSize=100') {
  const response = await t.request({ url: `${url}?${query}`, as: await t.logIn(person) });
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as { items: Row[]; total: number; pageCount: number };
}
const rowOf = (rows: Row[], neighbourhoodId: string, code: string) => rows.find((row) => row.neighbourhood.id === neighbourhoodId && row.kind.code === code)!;

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  kinds = Object.fromEntries(((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).map((kind) => [kind.code, kind.id]));
  const admin = await t.logIn('admin');
  const find = async (search: string) => (await t.request({ url: `${tenantPath}/users?search=${search}`, as: admin })).json().items[0].id as string;
  people = { alderman: await find('Gerritsen'), henk: await find('Aarts') };
  neighbourhoodCount = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().total;
});
afterAll(async () => t?.close());

describe('the meeting frequency overview', () => {
  it('is for municipal staff and council members: a visitor must log in, a resident or partner is refused', async () => {
    expect((await t.request({ url })).statusCode).toBe(401);
    expect((await t.request({ url, as: await t.logIn('resident') })).statusCode).toBe(403);
    expect((await t.request({ url, as: await t.logIn('partner') })).statusCode).toBe(403);
  });

  it('gives staff one row per neighbourhood and kind, with the development area’s agreement as exemption', async () => {
    for (const person of ['advisor', 'officer', 'alderman', 'admin'] as const) expect((await overview(person)).total, person).toBe(neighbourhoodCount * 3);
    const { items } = await overview('advisor', 'pageSize=100');
    // Never held: due today, not yet overdue.
    expect(rowOf(items, ids.brandevoort, 'wijktafel')).toMatchObject({ lastHeldOn: null, nextDueOn: '2026-06-15', isOverdue: false, isExempt: false, badge: 'dueSoon' });
    // Helmond-Oost is a development area where the wijktafel and wijkwerkoverleg take another form; the wijkbezoek stays.
    expect(rowOf(items, ids.oost, 'wijktafel')).toMatchObject({ isExempt: true, badge: 'exempt', nextDueOn: null, exemptReason: expect.stringMatching(/.{10,}/) });
    expect(rowOf(items, ids.oost, 'wijkwerkoverleg')).toMatchObject({ isExempt: true });
    expect(rowOf(items, ids.oost, 'wijkbezoek')).toMatchObject({ isExempt: false, nextDueOn: '2030-03-29' });
    // The advisor of the north and east records targets there, not in Brandevoort.
    expect(rowOf(items, ids.oost, 'wijkwerkoverleg').allowedActions).toEqual(['recordYearlyTarget']);
    expect(rowOf(items, ids.brandevoort, 'wijkwerkoverleg').allowedActions).toEqual([]);
    expect(rowOf(items, ids.oost, 'wijkbezoek').allowedActions).toEqual([]);
  });

  it('counts held and planned meetings, not cancelled ones, and shows overdue once the due day has passed', async () => {
    const wijkbezoek = {
      kindId: kinds.wijkbezoek,
      neighbourhoodId: ids.brandevoort,
      title: 'Wijkbezoek Brandevoort',
      startsAt: at('2026-07-04', '09:30'),
      endsAt: at('2026-07-04', '13:30'),
      location: 'Start bij het station Helmond Brandevoort',
      isLocationInNeighbourhood: true,
      initiatorSide: 'council',
      chairUserId: people.henk,
      invitedGroups: ['college', 'council', 'residents', 'officers', 'partners', 'advisor', 'municipal_council_members'],
    };
    const member = await t.logIn('councilMember');
    const planned = await t.request({ method: 'POST', url: `${tenantPath}/meetings`, as: member, payload: wijkbezoek });
    expect(planned.statusCode, planned.body).toBe(201);
    let row = rowOf((await overview('advisor', `neighbourhoodId=${ids.brandevoort}&kindCode=wijkbezoek`)).items, ids.brandevoort, 'wijkbezoek');
    expect(row).toMatchObject({ lastHeldOn: null, nextPlannedOn: '2026-07-04', nextDueOn: '2030-03-29', badge: 'ok' });

    // Called off: it no longer counts.
    expect((await t.request({ method: 'POST', url: `${tenantPath}/meetings/${planned.json().id}/cancellation`, as: member, payload: { version: 1, reason: 'Te weinig aanmeldingen.' } })).statusCode).toBe(200);
    row = rowOf((await overview('advisor', `neighbourhoodId=${ids.brandevoort}&kindCode=wijkbezoek`)).items, ids.brandevoort, 'wijkbezoek');
    expect(row.nextPlannedOn).toBeNull();

    const again = await t.request({ method: 'POST', url: `${tenantPath}/meetings`, as: member, payload: { ...wijkbezoek, startsAt: at('2026-07-11', '09:30'), endsAt: at('2026-07-11', '13:30') } });
    expect(again.statusCode, again.body).toBe(201);
    t.clock.set('2026-08-01T10:00:00Z');
    try {
      const { items } = await overview('advisor', `neighbourhoodId=${ids.brandevoort}`);
      expect(items.map((item) => item.kind.code)).toEqual(['wijktafel', 'wijkwerkoverleg', 'wijkbezoek']);
      expect(rowOf(items, ids.brandevoort, 'wijkbezoek')).toMatchObject({ lastHeldOn: '2026-07-11', nextPlannedOn: null, badge: 'ok' });
      // The wijktafel was due on the first day of the overview and has not been held since.
      expect(rowOf(items, ids.brandevoort, 'wijktafel')).toMatchObject({ isOverdue: false, nextDueOn: '2026-08-01' });
      const overdue = await overview('advisor', 'isOverdue=true&pageSize=100');
      expect(overdue.items.every((item) => item.isOverdue)).toBe(true);
      // Not recorded: once a year, due by 31 December; nothing is overdue yet in the summer.
      expect(rowOf((await overview('advisor')).items, ids.brandevoort, 'wijkwerkoverleg')).toMatchObject({ nextDueOn: '2026-12-31', yearlyTarget: { perYear: null } });
    } finally {
      t.clock.set('2026-06-15T10:00:00Z');
    }
  });

  it('shows a council member their own neighbourhood only', async () => {
    const own = await overview('councilMember');
    expect(own.total).toBe(3);
    expect(new Set(own.items.map((row) => row.neighbourhood.id))).toEqual(new Set([ids.brandevoort]));
    expect(own.items.every((row) => row.allowedActions.length === 0)).toBe(true);
    expect((await overview('councilMember', `neighbourhoodId=${ids.oost}`)).total).toBe(0);
    expect((await overview('councilMemberOost')).items.map((row) => row.neighbourhood.id)).toEqual([ids.oost, ids.oost, ids.oost]);
  });

  it('asks the database as often for every neighbourhood as for one: no query per neighbourhood or kind', async () => {
    const admin = await t.logIn('admin');
    // Both drivers send every statement through their client's query(): count the calls during one request.
    const client = (t.database.db as unknown as { $client: { query: (...args: unknown[]) => Promise<unknown> } }).$client;
    const original = client.query;
    let statements = 0;
    client.query = function (this: unknown, ...args: unknown[]) {
      statements++;
      return original.apply(this, args);
    };
    const countFor = async (query: string) => {
      statements = 0;
      expect((await t.request({ url: `${url}?${query}`, as: admin })).statusCode).toBe(200);
      return statements;
    };
    try {
      const forOne = await countFor(`neighbourhoodId=${ids.brandevoort}`);
      const forAll = await countFor('pageSize=100');
      // The session, then neighbourhoods, kinds, terms and all their meetings at once.
      expect(forOne).toBeGreaterThanOrEqual(4);
      expect(forAll).toBe(forOne);
    } finally {
      client.query = original;
    }
  });

  it('filters by kind and overdue and pages in order', async () => {
    const wijktafels = await overview('admin', 'kindCode=wijktafel&pageSize=5&page=2');
    expect(wijktafels).toMatchObject({ total: neighbourhoodCount, pageCount: Math.ceil(neighbourhoodCount / 5) });
    expect(wijktafels.items.every((row) => row.kind.code === 'wijktafel')).toBe(true);
    const names = (await overview('admin', 'kindCode=wijktafel&pageSize=100')).items.map((row) => row.neighbourhood.name);
    expect(names).toEqual([...names].sort((a, b) => a.localeCompare(b, 'nl')));
    const bySoonest = (await overview('admin', 'sort=nextDueOn&pageSize=100')).items.map((row) => row.nextDueOn ?? '9999-12-31');
    expect(bySoonest).toEqual([...bySoonest].sort());
    expect((await overview('admin', 'isOverdue=true')).total).toBe(0);
  });

  it('answers 400 naming the query field for a kind without a rhythm or a bad flag', async () => {
    const admin = await t.logIn('admin');
    for (const [query, field] of [
      ['kindCode=bilateral', 'querystring.kindCode'],
      ['isOverdue=ja', 'querystring.isOverdue'],
      ['neighbourhoodId=brandevoort', 'querystring.neighbourhoodId'],
      ['sort=name', 'querystring.sort'],
    ]) {
      const response = await t.request({ url: `${url}?${query}`, as: admin });
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
    }
  });
});

describe('recording the yearly number of wijkwerkoverleggen', () => {
  const targetUrl = (neighbourhoodId: string) => `${tenantPath}/neighbourhoods/${neighbourhoodId}/yearly-meeting-target`;

  it('lets the neighbourhood’s advisor record 1 to 3, audited, and the overview counts on it', async () => {
    const advisor = await t.logIn('advisorSouth');
    const version = rowOf((await overview('advisorSouth')).items, ids.brandevoort, 'wijkwerkoverleg').neighbourhood.version;
    const recorded = await t.request({ method: 'PUT', url: targetUrl(ids.brandevoort), as: advisor, payload: { yearlyTarget: 3, version } });
    expect(recorded.statusCode, recorded.body).toBe(200);
    expect(recorded.json()).toMatchObject({ yearlyTarget: 3, version: version + 1, recordedAt: '2026-06-15T10:00:00.000Z' });
    const row = rowOf((await overview('advisorSouth')).items, ids.brandevoort, 'wijkwerkoverleg');
    // Three a year: the first by 30 April, so in June it is overdue.
    expect(row).toMatchObject({ yearlyTarget: { perYear: 3 }, nextDueOn: '2026-04-30', isOverdue: true, badge: 'overdue' });
    expect(row.explanation.nl).toContain('3 keer per jaar');
    const [audit] = await queryRows<{ action: string; entity_type: string }>(t.database.db, sql`select action, entity_type from audit_log where entity_id = ${ids.brandevoort} and action = 'neighbourhood.recordYearlyMeetingTarget'`);
    expect(audit).toEqual({ action: 'neighbourhood.recordYearlyMeetingTarget', entity_type: 'neighbourhood' });

    // A stale version: 409, nothing changed.
    const stale = await t.request({ method: 'PUT', url: targetUrl(ids.brandevoort), as: advisor, payload: { yearlyTarget: 1, version } });
    expect(stale.statusCode).toBe(409);
    // An administrator may correct it anywhere.
    expect((await t.request({ method: 'PUT', url: targetUrl(ids.brandevoort), as: await t.logIn('admin'), payload: { yearlyTarget: 2, version: version + 1 } })).statusCode).toBe(200);
  });

  it('refuses a number outside 1 to 3, naming the field, and changes nothing', async () => {
    const advisor = await t.logIn('advisorSouth');
    const before = await fingerprintDatabase(t.database.db);
    for (const payload of [{ yearlyTarget: 4, version: 1 }, { yearlyTarget: 0, version: 1 }, { yearlyTarget: 1.5, version: 1 }, { version: 1 }]) {
      const response = await t.request({ method: 'PUT', url: targetUrl(ids.brandevoort), as: advisor, payload });
      expect(response.statusCode, JSON.stringify(payload)).toBe(400);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain('body.yearlyTarget');
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('is not for another advisor’s neighbourhood, a council member, or an unknown neighbourhood', async () => {
    const [advisorSouth, member, admin] = [await t.logIn('advisorSouth'), await t.logIn('councilMember'), await t.logIn('admin')];
    const before = await fingerprintDatabase(t.database.db);
    expect((await t.request({ method: 'PUT', url: targetUrl(ids.oost), as: advisorSouth, payload: { yearlyTarget: 2, version: 1 } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url: targetUrl(ids.brandevoort), as: member, payload: { yearlyTarget: 2, version: 1 } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url: targetUrl(ids.brandevoort), payload: { yearlyTarget: 2, version: 1 } })).statusCode).toBe(401);
    expect((await t.request({ method: 'PUT', url: targetUrl('00000000-0000-4000-8000-000000000000'), as: admin, payload: { yearlyTarget: 2, version: 1 } })).statusCode).toBe(404);
    expect((await t.request({ method: 'PUT', url: targetUrl(t.other.neighbourhood.id), as: admin, payload: { yearlyTarget: 2, version: 1 } })).statusCode).toBe(404);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});
