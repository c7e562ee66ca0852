import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from './harness.ts';

// A user of one municipality can neither read nor change anything of another, through any endpoint.
// The test walks every route the app registers, so new modules are covered without touching it.

let t: TestApp;
let eindhovenAdmin: Session;
let helmondIds: Record<string, string>;
const tenantRoutes: { method: string; url: string; access: string }[] = [];

async function tableCounts(): Promise<Record<string, number>> {
  const rows = await queryRows<{ table_name: string }>(t.database.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
  const counts: Record<string, number> = {};
  for (const { table_name } of rows) {
    if (table_name === 'user_session' || table_name === 'login_failure') continue;
    const [row] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from ${sql.identifier(table_name)} where ${sql.raw(table_name === 'municipality' ? 'id' : 'municipality_id')} = ${t.municipalityId}`);
    counts[table_name] = row.count;
  }
  return counts;
}

function fillPath(url: string): string {
  return url.replace(/:(\w+)/g, (_match, name: string) => (name === 'municipality' ? 'helmond' : (helmondIds[name] ?? '00000000-0000-4000-8000-000000000000')));
}

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.logIn('admin');
  const first = async (path: string) => (await t.request({ url: `${tenantPath}${path}`, as: admin })).json().items[0].id as string;
  const neighbourhoodId = await first('/neighbourhoods');
  const detail = (await t.request({ url: `${tenantPath}/neighbourhoods/${neighbourhoodId}` })).json();
  helmondIds = {
    neighbourhoodId,
    areaId: detail.areas[0].id,
    councilId: await first('/councils'),
    userId: await first('/users'),
    departmentId: await first('/departments'),
    partnerOrganisationId: await first('/partner-organisations'),
    themeId: await first('/themes'),
    portfolioId: await first('/portfolios'),
    councilTermId: await first('/council-terms'),
  };
  const token = await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: helmondIds.userId, name: 'Koppeling' } });
  helmondIds.apiTokenId = token.json().id;
  eindhovenAdmin = await t.logIn(t.other.adminLogin);
});
afterAll(async () => t?.close());

describe('tenant isolation', () => {
  it('finds the tenant routes to check', () => {
    for (const route of collectRoutes()) tenantRoutes.push(route);
    expect(tenantRoutes.length).toBeGreaterThan(30);
  });

  it('gives an Eindhoven admin nothing of Helmond through any endpoint, and changes nothing', async () => {
    const before = await tableCounts();
    const auditBefore = before.audit_log;
    const leaks: string[] = [];
    for (const route of tenantRoutes) {
      const url = fillPath(route.url);
      const payload = route.method === 'GET' || route.method === 'DELETE' ? undefined : { version: 1, name: 'Overgenomen', isRead: true };
      const response = await t.request({ method: route.method as 'GET', url, as: eindhovenAdmin, payload });
      const isPublicRead = route.method === 'GET' && (route.access === 'public' || route.access === 'public-identified');
      if (response.statusCode < 300 && !isPublicRead) leaks.push(`${route.method} ${route.url} → ${response.statusCode}`);
      if (response.statusCode >= 500) leaks.push(`${route.method} ${route.url} → ${response.statusCode} ${response.body}`);
    }
    expect(leaks).toEqual([]);
    const after = await tableCounts();
    expect(after).toEqual(before);
    expect(after.audit_log).toBe(auditBefore);
  });

  it('shows public reads of Helmond the same to an Eindhoven admin as to a visitor: no internal fields', async () => {
    const asVisitor = await t.request({ url: `${tenantPath}/councils/${helmondIds.councilId}` });
    const asOther = await t.request({ url: `${tenantPath}/councils/${helmondIds.councilId}`, as: eindhovenAdmin });
    expect(asOther.json().members).toBeNull();
    expect(asOther.body).toBe(asVisitor.body);
  });

  it('keeps Eindhoven data to Eindhoven and Helmond ids out of Eindhoven paths', async () => {
    const own = (await t.request({ url: '/api/v1/municipalities/eindhoven/neighbourhoods', as: eindhovenAdmin })).json();
    expect(own.total).toBe(1);
    expect(own.items[0].name).toBe('Strijp');
    for (const path of [`/neighbourhoods/${helmondIds.neighbourhoodId}`, `/councils/${helmondIds.councilId}`, `/users/${helmondIds.userId}`]) {
      const response = await t.request({ url: `/api/v1/municipalities/eindhoven${path}`, as: eindhovenAdmin });
      expect(response.statusCode, path).toBe(404);
    }
    const patch = await t.request({ method: 'PATCH', url: `/api/v1/municipalities/eindhoven/neighbourhoods/${helmondIds.neighbourhoodId}`, as: eindhovenAdmin, payload: { version: 1, name: 'Overgenomen' } });
    expect(patch.statusCode).toBe(404);
    const users = (await t.request({ url: '/api/v1/municipalities/eindhoven/users', as: eindhovenAdmin })).json();
    expect(users.items.map((user: { email: string }) => user.email)).toEqual(['beheer@eindhoven.example']);
    const audit = (await t.request({ url: '/api/v1/municipalities/eindhoven/audit-log', as: eindhovenAdmin })).json();
    expect(audit.items.every((item: { actorLabel: string }) => item.actorLabel === 'Beheerder Eindhoven')).toBe(true);
  });

  it('does not accept a Helmond API token on Eindhoven paths', async () => {
    const admin = await t.logIn('admin');
    const created = (await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user.id, name: 'Beheerkoppeling' } })).json();
    const own = await t.request({ url: `${tenantPath}/users`, headers: { authorization: `Bearer ${created.token}` } });
    expect(own.statusCode).toBe(200);
    const foreign = await t.request({ url: '/api/v1/municipalities/eindhoven/users', headers: { authorization: `Bearer ${created.token}` } });
    expect(foreign.statusCode).toBe(403);
  });
});

/** Every tenant route with its access rule, as the app registered it. */
function collectRoutes() {
  return t.app.routeAccessTable.filter((route) => route.url.startsWith('/api/v1/municipalities/:municipality/') && route.method !== 'HEAD');
}
