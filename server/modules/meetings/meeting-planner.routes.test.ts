import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { roleAssignment, userAccount } from '../users/index.ts';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';

// The test clock stands on Monday 15 June 2026. The test tenant starts without meetings: every wijk is due now.
// Sanne (advisorSouth) advises five wijken, among them Brandevoort; Jeroen (advisor) the six others.

let t: TestApp;
let ids: DemoIds;
/** An advisor of Eindhoven, for its own wijk: a planner elsewhere, never in Helmond. */
let eindhovenAdvisor: Session;
const sessions = new Map<DemoPerson, Session>();
const people: DemoPerson[] = ['admin', 'advisor', 'advisorSouth', 'officer', 'alderman', 'councilMember', 'partner', 'resident'];

type Proposal = { neighbourhood: { id: string; name: string }; kindCode: string; date: string; startTime: string; quarter: string; explanation: { nl: string; en: string } };

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  const now = t.clock.now();
  const municipalityId = t.other.municipality.id;
  const [advisor] = await t.database.db
    .insert(userAccount)
    .values({ municipalityId, email: 'adviseur@eindhoven.example', displayName: 'Adviseur Eindhoven', passwordHash: t.other.admin.passwordHash, createdAt: now })
    .returning();
  await t.database.db.insert(roleAssignment).values({ municipalityId, userId: advisor.id, role: 'advisor', scopeType: 'neighbourhood', scopeId: t.other.neighbourhood.id, createdAt: now });
  eindhovenAdvisor = await t.logIn({ ...t.other.adminLogin, email: advisor.email });
  // The same advisor plans in Eindhoven: the refusals below are about the municipality, not the role.
  expect((await t.request({ method: 'POST', url: '/api/v1/municipalities/eindhoven/meeting-plans/proposals', payload: { ...period, kindCodes: ['wijktafel'] }, as: eindhovenAdvisor })).statusCode).toBe(200);
  // Logged in once, up front: a login writes a session, which would show in the before/after comparisons.
  for (const person of people) sessions.set(person, await t.logIn(person));
});
const session = async (person: DemoPerson) => sessions.get(person) ?? t.logIn(person);
afterAll(async () => t?.close());

const period = { from: '2026-07-01', to: '2028-06-30' };
const as = async (person: DemoPerson | null) => (person ? { as: await session(person) } : {});
const propose = async (person: DemoPerson | null, payload: Record<string, unknown> = { ...period, kindCodes: ['wijktafel'] }) =>
  t.request({ method: 'POST', url: `${tenantPath}/meeting-plans/proposals`, payload, ...(await as(person)) });
const accept = async (person: DemoPerson | null, proposals: Record<string, unknown>[]) => t.request({ method: 'POST', url: `${tenantPath}/meeting-plans/acceptance`, payload: { proposals }, ...(await as(person)) });
const outsiders: (DemoPerson | null)[] = [null, 'resident', 'councilMember', 'partner', 'officer', 'alderman'];

describe('proposing a staggered plan', () => {
  it('gives the advisor dates for their own wijken only, each with its reason, spread so the alderman has one a week at most', async () => {
    const response = await propose('advisorSouth');
    expect(response.statusCode, response.body).toBe(200);
    const { proposals, unplaced, maxPerAdvisorPerMonth } = response.json() as { proposals: Proposal[]; unplaced: unknown[]; maxPerAdvisorPerMonth: number };
    expect(maxPerAdvisorPerMonth).toBe(2);
    expect(unplaced).toEqual([]);
    expect(proposals.map((proposal) => proposal.neighbourhood.name).sort()).toEqual(['Brandevoort', 'Brouwhuis', 'Mierlo-Hout', 'Rijpelberg', 'Warande']);
    const brandevoort = proposals.find((proposal) => proposal.neighbourhood.id === ids.brandevoort)!;
    expect(brandevoort.explanation.en).toMatch(/^Brandevoort has not had a wijktafel yet, so one is due now\. .* (Monday|Tuesday|Wednesday|Thursday|Friday) \d+ \w+ 202\d\.( Days passed over: .+\.)?$/);
    expect(brandevoort.explanation.nl).toMatch(/^Brandevoort heeft nog geen wijktafel gehad, dus die is nu aan de beurt\./);
    // Five wijken due at once are spread over the period rather than piled into its first weeks.
    expect(new Set(proposals.map((proposal) => proposal.quarter)).size).toBe(5);
    for (const proposal of proposals) {
      expect(proposal.startTime).toBe('19:30');
      expect([1, 2, 3, 4, 5]).toContain(new Date(`${proposal.date}T12:00:00Z`).getUTCDay());
    }
    // One alderman chairs every wijktafel: never two in one week.
    const weeks = proposals.map((proposal) => Math.floor((Date.parse(proposal.date) - Date.parse('2026-06-29')) / (7 * 86_400_000)));
    expect(new Set(weeks).size).toBe(weeks.length);
    // The same question, the same answer.
    expect((await propose('advisorSouth')).json()).toEqual(response.json());
  });

  it('gives an administrator every wijk, and wijkbezoeken when asked', async () => {
    const wijktafels = (await propose('admin')).json().proposals as Proposal[];
    expect(wijktafels.length).toBe(11);
    const both = await propose('admin', { ...period, kindCodes: ['wijktafel', 'wijkbezoek'] });
    expect(both.statusCode, both.body).toBe(200);
    // Every wijk gets a wijkbezoek proposed, or the reason why not (it is due by the end of the college term).
    const { proposals, unplaced } = both.json() as { proposals: Proposal[]; unplaced: { kindCode: string }[] };
    expect(proposals.filter((proposal) => proposal.kindCode === 'wijktafel')).toHaveLength(11);
    expect([...proposals, ...unplaced].filter((item) => item.kindCode === 'wijkbezoek')).toHaveLength(11);
  });

  it('proposes nothing for today or the past, even when the period starts there', async () => {
    const response = await propose('admin', { from: '2026-01-01', to: '2026-07-31', kindCodes: ['wijktafel'] });
    expect(response.statusCode, response.body).toBe(200);
    const dates = (response.json().proposals as Proposal[]).map((proposal) => proposal.date);
    expect(dates.length).toBeGreaterThan(0);
    expect(dates.every((date) => date > '2026-06-15')).toBe(true);
  });

  it.each<[string, Record<string, unknown>, string, string]>([
    ['an end before the start', { from: '2027-01-01', to: '2026-12-01' }, 'body.to', 'endBeforeStart'],
    ['more than three years', { from: '2027-01-01', to: '2031-01-01' }, 'body.to', 'plannerPeriodTooLong'],
    ['a kind the planner does not plan', { ...period, kindCodes: ['wijkwerkoverleg'] }, 'body.kindCodes.0', ''],
    ['no date', { to: '2027-01-01' }, 'body.from', ''],
    ['a date that is no date', { from: '2027-02-30', to: '2027-12-01' }, 'body.from', ''],
  ])('refuses %s with a 400 naming the field', async (_label, payload, field, code) => {
    const response = await propose('advisorSouth', payload);
    expect(response.statusCode).toBe(400);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field, ...(code ? { code } : {}) }));
  });

  it('is refused to everyone who does not plan wijktafels, and to another municipality', async () => {
    for (const person of outsiders) expect((await propose(person)).statusCode, String(person)).toBe(person ? 403 : 401);
    const other = await t.request({ method: 'POST', url: `${tenantPath}/meeting-plans/proposals`, payload: { ...period, kindCodes: ['wijktafel'] }, as: eindhovenAdvisor });
    expect([401, 403, 404]).toContain(other.statusCode);
  });
});

describe('accepting proposals as draft meetings', () => {
  it('creates drafts that staff see and nobody outside, and will not create them twice', async () => {
    const proposals = (await propose('advisorSouth')).json().proposals as Proposal[];
    const chosen = proposals.filter((proposal) => ['Brandevoort', 'Warande'].includes(proposal.neighbourhood.name));
    const accepted = await accept(
      'advisorSouth',
      chosen.map((proposal) => ({ neighbourhoodId: proposal.neighbourhood.id, kindCode: proposal.kindCode, date: proposal.date })),
    );
    expect(accepted.statusCode, accepted.body).toBe(201);
    expect(accepted.json().created).toBe(2);
    const brandevoort = accepted.json().meetings.find((item: { neighbourhoodId: string }) => item.neighbourhoodId === ids.brandevoort);
    expect(brandevoort.title).toBe('Wijktafel Brandevoort');
    const date = chosen.find((proposal) => proposal.neighbourhood.id === ids.brandevoort)!.date;
    // 19:30 in Helmond.
    expect(new Date(brandevoort.startsAt).toLocaleString('en-GB', { timeZone: 'Europe/Amsterdam', hour: '2-digit', minute: '2-digit', hourCycle: 'h23' })).toBe('19:30');

    const url = `${tenantPath}/meetings/${brandevoort.id}`;
    const seenByAdvisor = (await t.request({ url, as: await session('advisorSouth') })).json();
    expect(seenByAdvisor).toMatchObject({ state: 'draft', location: 'Nog te bepalen', chair: { name: 'Marieke Gerritsen' }, initiatorSide: 'municipality' });
    expect(seenByAdvisor.allowedActions).toContain('confirm');
    expect((await t.request({ url, as: await session('officer') })).json().allowedActions).not.toContain('confirm');
    for (const person of ['officer', 'alderman', 'admin'] as const) expect((await t.request({ url, as: await session(person) })).statusCode, person).toBe(200);
    // Never public: not for residents, not even for Brandevoort's own council yet.
    for (const person of [null, 'resident', 'councilMember', 'partner'] as const) {
      expect((await t.request({ url, ...(await as(person)) })).statusCode, String(person)).toBe(404);
      const list = (await t.request({ url: `${tenantPath}/meetings?neighbourhoodId=${ids.brandevoort}&pageSize=100`, ...(await as(person)) })).json();
      expect(list.items.map((item: { id: string }) => item.id), String(person)).not.toContain(brandevoort.id);
    }
    const feed = await t.request({ url: `${tenantPath}/neighbourhoods/${ids.brandevoort}/meeting-calendar` });
    expect(feed.body).not.toContain(date.replaceAll('-', ''));
    const staffList = (await t.request({ url: `${tenantPath}/meetings?state=draft&pageSize=100`, as: await session('advisor') })).json();
    expect(staffList.items.map((item: { id: string }) => item.id)).toContain(brandevoort.id);

    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=meeting&pageSize=20`, as: await session('admin') })).json();
    expect(audit.items.filter((entry: { action: string }) => entry.action === 'meeting.acceptProposal').length).toBeGreaterThanOrEqual(2);

    // Accepting the same again creates nothing; the planner now reports Brandevoort as planned.
    const before = await fingerprintDatabase(t.database.db);
    const again = await accept('advisorSouth', [{ neighbourhoodId: ids.brandevoort, kindCode: 'wijktafel', date }]);
    expect(again.statusCode).toBe(400);
    expect(again.json().errors).toEqual([expect.objectContaining({ field: 'body.proposals.0.neighbourhoodId', code: 'meetingAlreadyPlanned' })]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    expect((await propose('advisorSouth')).json().unplaced).toContainEqual(expect.objectContaining({ neighbourhood: { id: ids.brandevoort, name: 'Brandevoort' }, reasonCode: 'alreadyPlanned' }));

    // Once its place is known the advisor fixes it: from then on it is a planned wijktafel with its public closing part.
    const confirm = async (person: DemoPerson | null, payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${url}/confirmation`, payload, ...(await as(person)) });
    const fixing = { version: 1, location: 'Wijkhuis De Brandevoortse Hoeve' };
    const beforeRefusals = await fingerprintDatabase(t.database.db);
    // The council of Brandevoort does not know of the draft yet; the other advisor may not fix another's wijk.
    const refusals: [DemoPerson | null, number][] = [[null, 401], ['resident', 403], ['councilMember', 404], ['partner', 403], ['officer', 403], ['alderman', 403], ['advisor', 403]];
    for (const [person, status] of refusals) expect((await confirm(person, fixing)).statusCode, String(person)).toBe(status);
    expect((await confirm('advisorSouth', { version: 1, location: '' })).json().errors).toContainEqual(expect.objectContaining({ field: 'body.location' }));
    expect(await fingerprintDatabase(t.database.db)).toEqual(beforeRefusals);
    const fixed = await confirm('advisorSouth', fixing);
    expect(fixed.statusCode, fixed.body).toBe(200);
    expect(fixed.json()).toMatchObject({ state: 'planned', location: 'Wijkhuis De Brandevoortse Hoeve', publicPart: { location: 'Wijkhuis De Brandevoortse Hoeve' }, version: 2 });
    expect((await t.request({ url })).json()).toMatchObject({ isPublicPartOnly: true, location: 'Wijkhuis De Brandevoortse Hoeve' });
    expect((await t.request({ url, as: await session('advisorSouth') })).json().allowedActions).not.toContain('confirm');
    expect((await confirm('advisorSouth', { ...fixing, version: 2 })).json().errors).toEqual([expect.objectContaining({ field: 'body.version', code: 'meetingNotDraft' })]);
  });

  it.each<[string, () => Record<string, unknown>[], string, string]>([
    ['a wijk of another advisor', () => [{ neighbourhoodId: ids.oost, kindCode: 'wijktafel', date: '2026-09-08' }], 'body.proposals.0.neighbourhoodId', 'neighbourhoodNotYours'],
    ['a wijk of another municipality', () => [{ neighbourhoodId: t.other.neighbourhood.id, kindCode: 'wijktafel', date: '2026-09-08' }], 'body.proposals.0.neighbourhoodId', 'unknownReference'],
    ['a Saturday', () => [{ neighbourhoodId: ids.brandevoort, kindCode: 'wijktafel', date: '2026-09-12' }], 'body.proposals.0.date', 'plannerWeekdayOnly'],
    ['Christmas Day', () => [{ neighbourhoodId: ids.brandevoort, kindCode: 'wijktafel', date: '2026-12-25' }], 'body.proposals.0.date', 'plannerWeekdayOnly'],
    ['a day in the past', () => [{ neighbourhoodId: ids.brandevoort, kindCode: 'wijktafel', date: '2026-03-03' }], 'body.proposals.0.date', 'dateNotInFuture'],
    [
      'one good and one bad: nothing is saved',
      () => [
        { neighbourhoodId: ids.brandevoort, kindCode: 'wijkbezoek', date: '2026-09-08' },
        { neighbourhoodId: ids.oost, kindCode: 'wijktafel', date: '2026-09-15' },
      ],
      'body.proposals.1.neighbourhoodId',
      'neighbourhoodNotYours',
    ],
    ['the same wijk twice', () => ['2026-09-08', '2026-09-15'].map((date) => ({ neighbourhoodId: ids.brandevoort, kindCode: 'wijkbezoek', date })), 'body.proposals.1.neighbourhoodId', 'duplicate'],
    ['a kind the planner does not plan', () => [{ neighbourhoodId: ids.brandevoort, kindCode: 'bilateral', date: '2026-09-08' }], 'body.proposals.0.kindCode', ''],
  ])('refuses %s with a 400 naming the field, and changes nothing', async (_label, proposals, field, code) => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await accept('advisorSouth', proposals());
    expect(response.statusCode, response.body).toBe(400);
    expect(response.json().errors).toContainEqual(expect.objectContaining({ field, ...(code ? { code } : {}) }));
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('is refused to everyone who does not plan wijktafels, and to another municipality', async () => {
    const proposal = [{ neighbourhoodId: ids.oost, kindCode: 'wijktafel', date: '2026-10-06' }];
    const before = await fingerprintDatabase(t.database.db);
    for (const person of outsiders) expect((await accept(person, proposal)).statusCode, String(person)).toBe(person ? 403 : 401);
    const other = await t.request({ method: 'POST', url: `${tenantPath}/meeting-plans/acceptance`, payload: { proposals: proposal }, as: eindhovenAdvisor });
    expect([401, 403, 404]).toContain(other.statusCode);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});

describe('periods without meetings', () => {
  const create = async (person: DemoPerson, payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${tenantPath}/blackout-periods`, payload, as: await session(person) });

  it('lets an advisor add one for the whole municipality; the planner then avoids it; it can be removed', async () => {
    const created = await create('advisor', { kind: 'school_holiday', from: '2026-07-01', to: '2026-10-31', description: 'Zomer- en herfstvakantie 2026' });
    expect(created.statusCode, created.body).toBe(201);
    const listed = (await t.request({ url: `${tenantPath}/blackout-periods?from=2026-07-01`, as: await session('officer') })).json();
    expect(listed.items).toContainEqual(expect.objectContaining({ id: created.json().id, kind: 'school_holiday', from: '2026-07-01', to: '2026-10-31' }));
    const proposals = (await propose('admin')).json().proposals as Proposal[];
    expect(proposals.every((proposal) => proposal.date > '2026-10-31')).toBe(true);
    expect(proposals[0].explanation.en).toContain('a period without meetings (Zomer- en herfstvakantie 2026)');
    const removed = await t.request({ method: 'DELETE', url: `${tenantPath}/blackout-periods/${created.json().id}`, as: await session('admin') });
    expect(removed.statusCode).toBe(204);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/blackout-periods/${created.json().id}`, as: await session('admin') })).statusCode).toBe(404);
  });

  it('refuses bad input with a 400 naming the field', async () => {
    const backwards = await create('advisor', { kind: 'council_recess', from: '2027-08-01', to: '2027-07-01', description: 'Reces' });
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: 'body.to', code: 'endBeforeStart' })]);
    const unknownKind = await create('advisor', { kind: 'carnival', from: '2027-02-06', to: '2027-02-10', description: 'Carnaval' });
    expect(unknownKind.statusCode).toBe(400);
    expect(unknownKind.json().errors).toContainEqual(expect.objectContaining({ field: 'body.kind' }));
  });

  it('is for advisors and administrators to change; staff may read it', async () => {
    const payload = { kind: 'other', from: '2027-03-01', to: '2027-03-05', description: 'Verbouwing stadhuis' };
    for (const person of ['resident', 'councilMember', 'partner', 'officer', 'alderman'] as const) expect((await create(person, payload)).statusCode, person).toBe(403);
    for (const person of ['resident', 'councilMember', 'partner'] as const) expect((await t.request({ url: `${tenantPath}/blackout-periods`, as: await session(person) })).statusCode, person).toBe(403);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/blackout-periods`, payload, as: eindhovenAdvisor })).statusCode).not.toBe(201);
  });
});

describe('unavailable days of staff', () => {
  const block = async (person: DemoPerson, payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${tenantPath}/blocked-periods`, payload, as: await session(person) });
  const aldermanId = async () => (await t.request({ url: `${tenantPath}/users?search=Gerritsen`, as: await session('admin') })).json().items[0].id as string;

  it('lets anyone on the staff record their own, and an advisor those of the alderman; the planner avoids them', async () => {
    const own = await block('officer', { from: '2027-01-04', to: '2027-01-08', reason: 'Cursus' });
    expect(own.statusCode, own.body).toBe(201);
    expect(own.json()).toMatchObject({ user: { name: 'Koen Verhoeven' }, reason: 'Cursus' });
    const forAlderman = await block('advisorSouth', { userId: await aldermanId(), from: '2026-07-01', to: '2026-12-31', reason: 'Werkbezoek' });
    expect(forAlderman.statusCode, forAlderman.body).toBe(201);
    const proposals = (await propose('advisorSouth')).json().proposals as Proposal[];
    expect(proposals.every((proposal) => proposal.date >= '2027-01-01')).toBe(true);
    // The officer sees only their own; the advisor sees everyone's.
    const officers = (await t.request({ url: `${tenantPath}/blocked-periods`, as: await session('officer') })).json().items as { id: string }[];
    expect(officers.map((item) => item.id)).toEqual([own.json().id]);
    const everyone = (await t.request({ url: `${tenantPath}/blocked-periods`, as: await session('advisor') })).json().items as { id: string }[];
    expect(everyone.map((item) => item.id)).toEqual(expect.arrayContaining([own.json().id, forAlderman.json().id]));
    // A colleague's days do not exist for the officer; the advisor may remove them.
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/blocked-periods/${forAlderman.json().id}`, as: await session('officer') })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/blocked-periods/${forAlderman.json().id}`, as: await session('advisorSouth') })).statusCode).toBe(204);
  });

  it('refuses someone else’s days to an officer, a stranger’s id, and bad dates', async () => {
    const before = await fingerprintDatabase(t.database.db);
    expect((await block('officer', { userId: await aldermanId(), from: '2027-01-04', to: '2027-01-08' })).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/blocked-periods?userId=${await aldermanId()}`, as: await session('officer') })).statusCode).toBe(403);
    const stranger = await block('advisor', { userId: t.other.admin.id, from: '2027-01-04', to: '2027-01-08' });
    expect(stranger.json().errors).toEqual([expect.objectContaining({ field: 'body.userId', code: 'unknownReference' })]);
    const backwards = await block('officer', { from: '2027-01-08', to: '2027-01-04' });
    expect(backwards.json().errors).toEqual([expect.objectContaining({ field: 'body.to', code: 'endBeforeStart' })]);
    for (const person of ['resident', 'councilMember', 'partner'] as const) expect((await block(person, { from: '2027-01-04', to: '2027-01-08' })).statusCode, person).toBe(403);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});

describe('the planner’s settings', () => {
  it('lets an administrator set the advisors’ monthly maximum, which the planner then uses', async () => {
    const put = async (person: DemoPerson, maxPerAdvisorPerMonth: unknown) => t.request({ method: 'PUT', url: `${tenantPath}/meeting-plans/settings`, payload: { maxPerAdvisorPerMonth }, as: await session(person) });
    expect((await put('advisor', 1)).statusCode).toBe(403);
    const bad = await put('admin', 0);
    expect(bad.json().errors).toContainEqual(expect.objectContaining({ field: 'body.maxPerAdvisorPerMonth' }));
    const saved = await put('admin', 1);
    expect(saved.statusCode, saved.body).toBe(200);
    expect((await t.request({ url: `${tenantPath}/meeting-plans/settings`, as: await session('advisor') })).json()).toEqual({ maxPerAdvisorPerMonth: 1 });
    expect((await t.request({ url: `${tenantPath}/meeting-plans/settings`, as: await session('resident') })).statusCode).toBe(403);
    const proposals = (await propose('advisor')).json().proposals as Proposal[];
    const months = proposals.map((proposal) => proposal.date.slice(0, 7));
    expect(new Set(months).size).toBe(months.length);
  });
});
