import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMonitoredPlan } from '../../../test/action-plan-factories.ts';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit-log.tables.ts';
import { actionPlanContribution } from './action-plan-contribution.tables.ts';

let t: TestApp;
let ids: DemoIds;
let police: string;
/** Action ids by their title. */
const actionIds = new Map<string, string>();

const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
/** One session per person for the whole file, so a refused call's fingerprint is not disturbed by a login. */
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}
const everyone = ['admin', 'advisor', 'advisorSouth', 'officer', 'alderman', 'councilMember', 'partner', 'resident'] as const;
const titlesOf = (body: { items: { action: { title: string } }[] }) => body.items.map((item) => item.action.title);

// The test clock stands at 15 June 2026: "soon" runs until 29 June.
beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  const admin = await t.logIn('admin');
  const adminId = (await t.request({ url: `${tenantPath}/users?search=Janssen`, as: admin })).json().items[0].id;
  police = ((await t.request({ url: `${tenantPath}/partner-organisations?pageSize=100`, as: admin })).json().items as { id: string; name: string }[]).find((item) => item.name.startsWith('Politie'))!.id;
  const brandevoort = await insertMonitoredPlan(t, adminId, {
    neighbourhoodId: ids.brandevoort,
    title: 'Wijkactieplan Brandevoort 2026–2027',
    actions: [
      { title: 'Verlichting fietspad', deadlineOn: '2026-06-01', owner: { kind: 'department', id: ids.verkeer } },
      { title: 'Surveillance scholen', deadlineOn: '2026-12-01', status: 'at_risk', owner: { kind: 'partner', id: police } },
      { title: 'Buurtschouw', deadlineOn: '2026-06-20', status: 'not_started', owner: { kind: 'council', id: ids.councilBrandevoort } },
      { title: 'Afgerond en te laat', deadlineOn: '2026-05-01', status: 'done', owner: { kind: 'department', id: ids.groen } },
      { title: 'Later in het jaar', deadlineOn: '2026-11-01', owner: { kind: 'department', id: ids.groen } },
      { title: 'Zonder einddatum vertraagd', deadlineOn: null, status: 'delayed', owner: { kind: 'department', id: ids.groen } },
    ],
  });
  const oost = await insertMonitoredPlan(t, adminId, { neighbourhoodId: ids.oost, title: 'Wijkactieplan Helmond-Oost', state: 'adopted', actions: [{ title: 'Speeltuin vernieuwen', deadlineOn: '2026-06-10', status: 'delayed', owner: { kind: 'department', id: ids.groen } }] });
  // A draft is not monitored yet, and its period lies after the subsidy year asked for below.
  await insertMonitoredPlan(t, adminId, { neighbourhoodId: ids.brandevoort, title: 'Concept', state: 'draft', adoptedOn: null, periodStartsOn: '2028-01-01', periodEndsOn: '2029-12-31', actions: [{ title: 'Concept te laat', deadlineOn: '2026-06-01' }] });
  for (const action of [...brandevoort.actions, ...oost.actions]) actionIds.set(action.title, action.id);
  // The Brandevoort council contributed twice; the first one counts.
  const henk = (await t.request({ url: `${tenantPath}/users?search=Aarts`, as: admin })).json().items[0].id;
  const proposal = { specific: null, location: null, indicator: null, baseline: null, target: null, unit: null, startsOn: null, deadlineOn: null, budgetEuros: null, hours: null, fundingSource: null };
  for (const [title, at, state] of [
    ['Buurtschouw', '2025-11-03T09:00:00Z', 'taken_over'],
    ['Zomerfeest', '2025-11-20T09:00:00Z', 'declined'],
  ] as const) {
    await t.database.db.insert(actionPlanContribution).values({ municipalityId: t.municipalityId, planId: brandevoort.plan.id, partyKind: 'council', councilId: ids.councilBrandevoort, challengeTitle: 'Veilig en schoon', title, proposal, state, submittedByUserId: henk, submittedAt: new Date(at) });
  }
  for (const person of everyone) await as(person);
});
afterAll(async () => t?.close());

describe('the advisor’s attention list', () => {
  const url = `${tenantPath}/action-plan-attention`;

  it('shows an administrator every open action of monitored plans that needs attention, by deadline, with the reason', async () => {
    const response = await t.request({ url, ...(await as('admin')) });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(titlesOf(body)).toEqual(['Verlichting fietspad', 'Speeltuin vernieuwen', 'Buurtschouw', 'Surveillance scholen', 'Zonder einddatum vertraagd']);
    expect(body.items.map((item: { reason: string }) => item.reason)).toEqual(['overdue', 'overdue', 'deadline_soon', 'at_risk', 'delayed']);
    expect(body.total).toBe(5);
    expect(body.items[0]).toMatchObject({
      action: { id: actionIds.get('Verlichting fietspad'), deadlineOn: '2026-06-01', status: 'on_track' },
      plan: { title: 'Wijkactieplan Brandevoort 2026–2027' },
      neighbourhood: { id: ids.brandevoort, name: 'Brandevoort' },
    });
    // The owner is an organisation or the council, never a person.
    expect(body.items.map((item: { ownerName: string }) => item.ownerName)).toEqual(expect.arrayContaining(['Wijkraad Brandevoort', expect.stringMatching(/^Politie/)]));
  });

  it('shows an advisor only their own neighbourhoods, and filters by neighbourhood and reason', async () => {
    const south = (await t.request({ url, ...(await as('advisorSouth')) })).json();
    expect(titlesOf(south)).toEqual(['Verlichting fietspad', 'Buurtschouw', 'Surveillance scholen', 'Zonder einddatum vertraagd']);
    const northEast = (await t.request({ url, ...(await as('advisor')) })).json();
    expect(titlesOf(northEast)).toEqual(['Speeltuin vernieuwen']);
    // Someone else's neighbourhood is an empty list, not a way around the scope.
    expect((await t.request({ url: `${url}?neighbourhoodId=${ids.oost}`, ...(await as('advisorSouth')) })).json()).toMatchObject({ items: [], total: 0 });
    expect(titlesOf((await t.request({ url: `${url}?neighbourhoodId=${ids.oost}`, ...(await as('admin')) })).json())).toEqual(['Speeltuin vernieuwen']);
    expect(titlesOf((await t.request({ url: `${url}?reason=overdue`, ...(await as('admin')) })).json())).toEqual(['Verlichting fietspad', 'Speeltuin vernieuwen']);
    expect(titlesOf((await t.request({ url: `${url}?reason=delayed`, ...(await as('admin')) })).json())).toEqual(['Zonder einddatum vertraagd']);
    expect(titlesOf((await t.request({ url: `${url}?reason=deadline_soon`, ...(await as('admin')) })).json())).toEqual(['Buurtschouw']);
  });

  it('pages in the same order', async () => {
    const second = (await t.request({ url: `${url}?page=2&pageSize=2`, ...(await as('admin')) })).json();
    expect(second).toMatchObject({ page: 2, pageSize: 2, total: 5, pageCount: 3 });
    expect(titlesOf(second)).toEqual(['Buurtschouw', 'Surveillance scholen']);
  });

  it('refuses bad input naming the field, and everyone but advisors and administrators', async () => {
    const badReason = await t.request({ url: `${url}?reason=someday`, ...(await as('admin')) });
    expect(badReason.statusCode).toBe(400);
    expect(badReason.json().errors[0].field).toBe('querystring.reason');
    const badId = await t.request({ url: `${url}?neighbourhoodId=brandevoort`, ...(await as('admin')) });
    expect(badId.json().errors[0].field).toBe('querystring.neighbourhoodId');
    const before = await fingerprintDatabase(t.database.db);
    expect((await t.request({ url })).statusCode).toBe(401);
    for (const person of ['officer', 'alderman', 'councilMember', 'partner', 'resident'] as const) {
      expect((await t.request({ url, ...(await as(person)) })).statusCode, person).toBe(403);
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});

describe('the subsidy condition', () => {
  const url = `${tenantPath}/action-plan-subsidy-condition`;
  type Row = { council: { name: string }; plan: { title: string } | null; hasContributed: boolean; firstContributedAt: string | null };
  const rowOf = (body: { items: Row[] }, council: string) => body.items.find((item) => item.council.name === council);

  it('lists every council with the plan current in the year and whether (and when first) the council contributed', async () => {
    const response = await t.request({ url: `${url}?year=2026&pageSize=100`, ...(await as('advisorSouth')) });
    expect(response.statusCode, response.body).toBe(200);
    const body = response.json();
    expect(body.year).toBe(2026);
    expect(body.items.length).toBe(body.total);
    expect(rowOf(body, 'Wijkraad Brandevoort')).toMatchObject({ plan: { title: 'Wijkactieplan Brandevoort 2026–2027', state: 'in_execution' }, hasContributed: true, firstContributedAt: '2025-11-03T09:00:00.000Z' });
    expect(rowOf(body, 'Wijkraad Helmond-Oost')).toMatchObject({ plan: { title: 'Wijkactieplan Helmond-Oost' }, hasContributed: false, firstContributedAt: null });
    expect(body.items.filter((item: Row) => item.plan === null).length).toBe(body.total - 2);
    // The draft for 2028 is the plan current then.
    const later = (await t.request({ url: `${url}?year=2028&pageSize=100`, ...(await as('admin')) })).json();
    expect(rowOf(later, 'Wijkraad Brandevoort')).toMatchObject({ plan: { title: 'Concept' }, hasContributed: false });
    expect(JSON.stringify(body)).not.toContain('Henk');
    const paged = (await t.request({ url: `${url}?year=2026&pageSize=1&page=2`, ...(await as('admin')) })).json();
    expect(paged.items).toHaveLength(1);
  });

  it('exports the year as CSV and Excel without names of people, recorded in the audit log', async () => {
    const csv = await t.request({ url: `${url}/export?year=2026`, ...(await as('advisor')) });
    expect(csv.statusCode, csv.body).toBe(200);
    expect(csv.headers['content-type']).toContain('text/csv');
    const lines = csv.body.replace('\uFEFF', '').split('\r\n');
    expect(lines[0]).toBe('Wijkorgaan,Wijk,Wijkactieplan,Looptijd vanaf,Looptijd tot en met,Bijgedragen,Eerste bijdrage');
    expect(lines).toContain('Wijkraad Brandevoort,Brandevoort,Wijkactieplan Brandevoort 2026–2027,2026-01-01,2027-12-31,ja,2025-11-03');
    expect(csv.body).not.toContain('Henk');
    const xlsx = await t.request({ url: `${url}/export?year=2026&format=xlsx`, ...(await as('admin')) });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toContain('spreadsheetml');
    const audited = await t.database.db.select().from(auditLog).where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.action, 'actionPlan.exportSubsidyCondition')));
    expect(audited).toHaveLength(2);
  });

  it('refuses bad input naming the field, and everyone but advisors and administrators, changing nothing', async () => {
    for (const query of ['', 'year=twenty', 'year=1800']) {
      const refused = await t.request({ url: `${url}?${query}`, ...(await as('admin')) });
      expect(refused.statusCode, query).toBe(400);
      expect(refused.json().errors[0].field).toBe('querystring.year');
    }
    const badFormat = await t.request({ url: `${url}/export?year=2026&format=pdf`, ...(await as('admin')) });
    expect(badFormat.json().errors[0].field).toBe('querystring.format');
    const before = await fingerprintDatabase(t.database.db);
    for (const path of [`${url}?year=2026`, `${url}/export?year=2026`]) {
      expect((await t.request({ url: path })).statusCode).toBe(401);
      for (const person of ['officer', 'alderman', 'councilMember', 'partner', 'resident'] as const) {
        expect((await t.request({ url: path, ...(await as(person)) })).statusCode, `${person} ${path}`).toBe(403);
      }
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});
