import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoPerson, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}

/** The whole of Helmond, as the map opens; and a few streets in Brouwhuis. */
const cityView = 'west=5.58&south=51.43&east=5.73&north=51.52';
const streetView = 'west=5.690&south=51.464&east=5.697&north=51.467';

type MapPoint = { id: string; reference: string; status: string; priority: string; categoryName: string; mainCategoryName: string; address: string; isOverdue: boolean; latitude: number; longitude: number };
type MapCluster = { latitude: number; longitude: number; count: number; overdueCount: number; bounds: { west: number; south: number; east: number; north: number } };
type ReportMap = { kind: 'points' | 'clusters'; total: number; points: MapPoint[]; clusters: MapCluster[] };

const map = async (person: DemoPerson | null, query: string) => t.request({ url: `${tenantPath}/report-map?${query}`, ...(await as(person)) });
const mapOf = async (person: DemoPerson, query: string) => {
  const response = await map(person, query);
  expect(response.statusCode, response.body).toBe(200);
  return response.json() as ReportMap;
};
const referencesOn = (body: ReportMap) => body.points.map((point) => point.reference);

/** A street light out (wijkonderhoud) and a fallen branch (groen), a few metres apart in Brouwhuis. */
let streetLight: { id: string; reference: string };
let tree: { id: string; reference: string };
beforeAll(async () => {
  t = await createTestApp();
  const submit = async (payload: object) => {
    t.clock.advance(1000);
    const response = await t.request({ method: 'POST', url: `${tenantPath}/reports`, payload });
    expect(response.statusCode, response.body).toBe(201);
    return response.json() as { id: string; reference: string };
  };
  streetLight = await submit({
    categoryCode: 'straatverlichting-openbare-klok',
    location: { latitude: 51.4651, longitude: 5.6931 },
    address: 'Hortsedijk 14',
    description: 'De lantaarnpaal bij de bushalte is donker.',
    answers: { 'wat-is-er-aan-de-hand': 'uit' },
  });
  tree = await submit({ categoryCode: 'boom', location: { latitude: 51.4652, longitude: 5.6933 }, address: 'Hortsedijk 16', description: 'Een grote tak ligt over het fietspad.' });
});
afterAll(async () => t?.close());

describe('the back-office map', () => {
  it('shows an officer the reports of their department in view, with what a point needs, and not another department’s', async () => {
    const maintenance = await mapOf('officerMaintenance', streetView);
    expect(maintenance.kind).toBe('points');
    expect(referencesOn(maintenance)).toContain(streetLight.reference);
    expect(referencesOn(maintenance)).not.toContain(tree.reference);
    expect(maintenance.points.find((point) => point.id === streetLight.id)).toMatchObject({
      reference: streetLight.reference,
      status: 'reported',
      priority: 'normal',
      categoryName: 'Straatverlichting / openbare klok',
      mainCategoryName: 'Wegen, verkeer, straatmeubilair',
      address: 'Hortsedijk 14',
      isOverdue: false,
      latitude: 51.4651,
      longitude: 5.6931,
    });
    // No one's words or contact data on the map.
    expect(JSON.stringify(maintenance)).not.toContain('bushalte');

    const green = await mapOf('officerGreen', streetView);
    expect(referencesOn(green)).toContain(tree.reference);
    expect(referencesOn(green)).not.toContain(streetLight.reference);
    // Verkeer handles neither.
    const traffic = referencesOn(await mapOf('officer', streetView));
    expect(traffic).not.toContain(streetLight.reference);
    expect(traffic).not.toContain(tree.reference);
  });

  it('shows an advisor their neighbourhoods’ reports, and aldermen and admins all of the municipality', async () => {
    for (const person of ['advisorSouth', 'alderman', 'admin'] as const) {
      expect(referencesOn(await mapOf(person, streetView)), person).toEqual(expect.arrayContaining([streetLight.reference, tree.reference]));
    }
    // Brouwhuis is not among the other advisor's neighbourhoods.
    const elsewhere = await mapOf('advisor', streetView);
    expect(elsewhere.total).toBe(0);
    expect(elsewhere.points).toEqual([]);
  });

  it('holds for each person the same reports as their queue with the same filters', async () => {
    for (const person of ['officerMaintenance', 'officerGreen', 'advisorSouth', 'admin'] as const) {
      for (const filter of ['status=open', '', 'priority=normal&status=closed']) {
        const queue = (await t.request({ url: `${tenantPath}/reports?${filter}`, ...(await as(person)) })).json();
        const onMap = await mapOf(person, `${cityView}&${filter}`);
        expect(onMap.total, `${person} ${filter}`).toBe(queue.total);
      }
    }
  });

  it('counts a crowded view in clusters with how many are overdue, and zooming into a cluster shows its reports', async () => {
    // Three hundred more open reports over a square kilometre of Brouwhuis, one in three past its deadline.
    await t.database.db.execute(sql`
      insert into report (municipality_id, reference, category_id, neighbourhood_id, department_id, latitude, longitude, address, description, status, handle_by, status_token_hash, created_at, updated_at)
      select r.municipality_id, 'M-2026-8' || lpad(n::text, 5, '0'), r.category_id, r.neighbourhood_id, r.department_id, 51.460 + (n % 20) * 0.0005, 5.685 + (n / 20) * 0.0008, '', 'Extra', 'reported',
             case when n % 3 = 0 then date '2026-06-01' else date '2026-12-31' end, md5('map' || n), r.created_at, r.updated_at
      from generate_series(1, 300) n, (select * from report where id = ${streetLight.id}) r`);
    const city = await mapOf('admin', cityView);
    expect(city.kind).toBe('clusters');
    expect(city.points).toEqual([]);
    expect(city.clusters.reduce((sum, cluster) => sum + cluster.count, 0)).toBe(city.total);
    expect(city.clusters.some((cluster) => cluster.overdueCount > 0)).toBe(true);
    for (const cluster of city.clusters) {
      expect(cluster.overdueCount).toBeLessThanOrEqual(cluster.count);
      expect(cluster.latitude).toBeGreaterThanOrEqual(cluster.bounds.south);
      expect(cluster.latitude).toBeLessThanOrEqual(cluster.bounds.north);
      expect(cluster.longitude).toBeGreaterThanOrEqual(cluster.bounds.west);
      expect(cluster.longitude).toBeLessThanOrEqual(cluster.bounds.east);
    }
    const busiest = city.clusters.reduce((most, cluster) => (cluster.count > most.count ? cluster : most));
    const { west, south, east, north } = busiest.bounds;
    const zoomed = await mapOf('admin', `west=${west}&south=${south}&east=${east}&north=${north}`);
    expect(zoomed.total).toBeGreaterThanOrEqual(busiest.count);
    const overdue = await mapOf('admin', `${cityView}&overdue=overdue`);
    expect(overdue.total).toBe(city.clusters.reduce((sum, cluster) => sum + cluster.overdueCount, 0));
    // A small map on a phone asks for a coarser grid: fewer, larger clusters with the same reports.
    const coarse = await mapOf('admin', `${cityView}&cells=4`);
    expect(coarse.clusters.length).toBeLessThanOrEqual(16);
    expect(coarse.clusters.length).toBeLessThan(city.clusters.length);
    expect(coarse.total).toBe(city.total);
    // …and shows a street's reports one by one only when the grid has a cell for each.
    for (const cells of [2, 16, 32]) {
      const street = await mapOf('admin', `${streetView}&cells=${cells}`);
      expect(street.kind, `${cells} cells`).toBe(street.total <= Math.min(100, cells * cells) ? 'points' : 'clusters');
    }
  });

  it('filters like the queue: by category (a main category covers its subcategories) and by words', async () => {
    const tree_ = (await t.request({ url: `${tenantPath}/report-categories` })).json().items as { id: string; code: string; subcategories: { id: string; code: string }[] }[];
    const green = tree_.find((main) => main.code === 'openbaar-groen-en-water')!;
    const byMain = await mapOf('admin', `${streetView}&categoryId=${green.id}`);
    expect(referencesOn(byMain)).toContain(tree.reference);
    expect(referencesOn(byMain)).not.toContain(streetLight.reference);
    expect(referencesOn(await mapOf('admin', `${cityView}&search=${streetLight.reference}`))).toEqual([streetLight.reference]);
  });

  it('lets no visitor or resident look', async () => {
    const visitor = await map(null, streetView);
    expect(visitor.statusCode).toBe(401);
    expect(visitor.headers['content-type']).toContain('application/problem+json');
    const resident = await map('resident', streetView);
    expect(resident.statusCode).toBe(403);
    expect(resident.headers['content-type']).toContain('application/problem+json');
    expect(resident.body).not.toContain(streetLight.reference);
  });

  it('refuses a view that is not one, naming the edge', async () => {
    const cases = [
      ['west=5.7&south=51.45&east=5.6&north=51.47', 'querystring.east'],
      ['west=5.6&south=51.47&east=5.7&north=51.45', 'querystring.north'],
      ['south=51.45&east=5.7&north=51.47', 'querystring.west'],
      ['west=5.6&south=51.45&east=5.7&north=91', 'querystring.north'],
      ['west=oost&south=51.45&east=5.7&north=51.47', 'querystring.west'],
      [`${streetView}&status=sleeping`, 'querystring.status'],
      [`${streetView}&cells=1000`, 'querystring.cells'],
    ] as const;
    for (const [query, field] of cases) {
      const response = await map('admin', query);
      expect(response.statusCode, query).toBe(400);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().errors.map((error: { field: string }) => error.field), query).toContain(field);
    }
    const english = await t.request({ url: `${tenantPath}/report-map?west=5.7&south=51.45&east=5.6&north=51.47`, headers: { 'accept-language': 'en' }, ...(await as('admin')) });
    expect(english.json().errors[0].message).toContain('west must be less than east');
  });
});
