import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client.ts';
import { fingerprintDatabase } from './database.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from './harness.ts';

// A user of one municipality can neither read nor change anything of another, through any endpoint.
// The test walks every route the app registers (the access table filled by the onRoute hook), fills
// path parameters with real ids found by naming convention (`:councilTermId` → table council_term), so a
// new module's routes are covered without touching this file.

const tenantPrefix = '/api/v1/municipalities/:municipality';
const unknownId = '00000000-0000-4000-8000-000000000000';

/** Path parameters whose table is not named after them. */
const parameterTables: Record<string, { table: string; condition?: string }> = {
  userId: { table: 'user_account' },
  notificationId: { table: 'outbox_message', condition: "channel = 'in_app'" },
  relatedRequestId: { table: 'request' },
  attachmentId: { table: 'request_attachment' },
};

type Route = { method: string; url: string; access: string };
type Caller = { label: string; headers: Record<string, string> };

let t: TestApp;
let routes: Route[];
let helmondIds: Record<string, string>;
let eindhovenIds: Record<string, string>;
let unresolved: string[];
let helmondUuids: Set<string>;
let callers: Caller[];

const isPublicRead = (route: Route) => route.method === 'GET' && (route.access === 'public' || route.access === 'public-identified');
const isGuarded = (route: Route) => route.access !== 'public' && route.access !== 'public-identified';
const parametersOf = (url: string) => [...url.matchAll(/:(\w+)/g)].map((match) => match[1]).filter((name) => name !== 'municipality');

function pathFor(route: Route, slug: string, ids: Record<string, string>): string {
  return route.url.replace(/:(\w+)/g, (_match, name: string) => (name === 'municipality' ? slug : (ids[name] ?? unknownId)));
}

function bodyFor(route: Route): Record<string, unknown> | undefined {
  // Something plausible; refused callers are stopped before the body is read anyway.
  return route.method === 'GET' || route.method === 'DELETE' ? undefined : { version: 1, name: 'Overgenomen', isRead: true };
}

/** A real id of this municipality for every path parameter, found through the table named after it. */
async function idsOf(municipalityId: string, parameters: string[]) {
  const ids: Record<string, string> = {};
  const missing: string[] = [];
  for (const parameter of parameters) {
    const { table, condition } = parameterTables[parameter] ?? { table: parameter.replace(/Id$/, '').replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`) };
    const columns = await queryRows<{ column_name: string }>(t.database.db, sql`select column_name from information_schema.columns where table_schema = 'public' and table_name = ${table}`);
    const names = new Set(columns.map((column) => column.column_name));
    if (!names.has('id') || !names.has('municipality_id')) {
      missing.push(`:${parameter} (no table ${table} with id and municipality_id)`);
      continue;
    }
    const [row] = await queryRows<{ id: string }>(
      t.database.db,
      sql`select id::text as id from ${sql.identifier(table)} where municipality_id = ${municipalityId} ${condition ? sql.raw(`and ${condition}`) : sql``} order by id limit 1`,
    );
    if (row) ids[parameter] = row.id;
    else missing.push(`:${parameter} (no row in ${table})`);
  }
  return { ids, missing };
}

/** Every uuid that identifies a row of Helmond: none may show up in an answer about Eindhoven. */
async function helmondRowIds(): Promise<Set<string>> {
  const tables = await queryRows<{ table_name: string }>(
    t.database.db,
    sql`select c.table_name from information_schema.columns c
        join information_schema.columns m on m.table_schema = c.table_schema and m.table_name = c.table_name and m.column_name = 'municipality_id'
        where c.table_schema = 'public' and c.column_name = 'id' and c.data_type = 'uuid'`,
  );
  const ids = new Set<string>([t.municipalityId]);
  for (const { table_name } of tables) {
    const rows = await queryRows<{ id: string }>(t.database.db, sql`select id::text as id from ${sql.identifier(table_name)} where municipality_id = ${t.municipalityId}`);
    for (const row of rows) ids.add(row.id);
  }
  return ids;
}

beforeAll(async () => {
  t = await createTestApp();
  // Helmond data that only insiders may see: a private request (which also notifies its advisor in the
  // app) and an API token.
  const resident = await t.logIn('resident');
  const admin = await t.logIn('admin');
  const neighbourhoods = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().items as { id: string; slug: string }[];
  const submitted = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: resident,
    payload: { kind: 'request', title: 'Losliggende stoeptegels', body: 'Voor mijn deur liggen drie stoeptegels los; mijn buurman is er al over gestruikeld.', neighbourhoodId: neighbourhoods.find((item) => item.slug === 'brouwhuis')?.id, scale: 'street', isPublic: false },
  });
  expect(submitted.statusCode).toBe(201);
  const attachment = { 'content-type': 'multipart/form-data; boundary=x', ...resident.headers };
  const pdf = '--x\r\nContent-Disposition: form-data; name="file"; filename="foto.pdf"\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--x--\r\n';
  expect((await t.request({ method: 'POST', url: `${tenantPath}/requests/${submitted.json().id}/attachments`, headers: attachment, payload: pdf })).statusCode).toBe(201);
  const adminId = (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user.id;
  expect((await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: adminId, name: 'Koppeling zaaksysteem' } })).statusCode).toBe(201);

  // The Eindhoven admin, by session cookie (with its CSRF token) and by API token.
  const eindhovenAdmin: Session = await t.logIn(t.other.adminLogin);
  const created = await t.request({ method: 'POST', url: '/api/v1/municipalities/eindhoven/api-tokens', as: eindhovenAdmin, payload: { userId: t.other.admin.id, name: 'Koppeling Eindhoven' } });
  expect(created.statusCode).toBe(201);
  const bearer = { authorization: `Bearer ${created.json().token}` };
  // First use records "last used"; done here so the walk itself starts from a database at rest.
  expect((await t.request({ url: '/api/v1/municipalities/eindhoven/users', headers: bearer })).statusCode).toBe(200);
  callers = [
    { label: 'Eindhoven admin (session)', headers: eindhovenAdmin.headers },
    { label: 'Eindhoven admin (API token)', headers: bearer },
  ];

  routes = t.app.routeAccessTable.filter((route) => (route.url === tenantPrefix || route.url.startsWith(`${tenantPrefix}/`)) && route.method !== 'HEAD');
  const parameters = [...new Set(routes.flatMap((route) => parametersOf(route.url)))];
  const helmond = await idsOf(t.municipalityId, parameters);
  helmondIds = helmond.ids;
  unresolved = helmond.missing;
  eindhovenIds = (await idsOf(t.other.municipality.id, parameters)).ids;
  helmondUuids = await helmondRowIds();
});
afterAll(async () => t?.close());

describe('tenant isolation', () => {
  it('walks every tenant route, with a real Helmond id for every path parameter', () => {
    expect(routes.length).toBeGreaterThan(30);
    expect(routes.some((route) => route.method === 'DELETE')).toBe(true);
    // A new route with a parameter this test cannot resolve: name the parameter after its table, give
    // Helmond a row in it (seed or beforeAll above), or add the table to parameterTables.
    expect(unresolved).toEqual([]);
  });

  it('gives the Eindhoven admin nothing of Helmond through any Helmond path, and changes nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const leaks: string[] = [];
    for (const caller of callers) {
      for (const route of routes) {
        const response = await t.request({ method: route.method as 'GET', url: pathFor(route, 'helmond', helmondIds), headers: caller.headers, payload: bodyFor(route) });
        const label = `${caller.label}: ${route.method} ${route.url} → ${response.statusCode}`;
        if (response.statusCode < 400 && !isPublicRead(route)) leaks.push(label);
        // Refused for being from elsewhere, before anything of Helmond is looked up.
        if (isGuarded(route) && response.statusCode !== 403) leaks.push(`${label} (expected 403)`);
        if (response.statusCode >= 500) leaks.push(`${label} ${response.body}`);
      }
    }
    expect(leaks).toEqual([]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('shows every public Helmond page to the Eindhoven admin exactly as to a visitor: no internal fields, no private requests', async () => {
    const differences: string[] = [];
    for (const route of routes.filter(isPublicRead)) {
      const url = pathFor(route, 'helmond', helmondIds);
      const visitor = await t.request({ url });
      for (const caller of callers) {
        const response = await t.request({ url, headers: caller.headers });
        if (response.statusCode !== visitor.statusCode || response.body !== visitor.body) differences.push(`${caller.label}: GET ${route.url} → ${response.statusCode}, visitor ${visitor.statusCode}`);
      }
    }
    expect(differences).toEqual([]);
    // The private request is among the walked ids; a visitor (and so the Eindhoven admin) does not find it.
    expect((await t.request({ url: `${tenantPath}/requests/${helmondIds.requestId}` })).statusCode).toBe(404);
  });

  it('keeps Helmond ids out of Eindhoven paths: not found, not changed', async () => {
    const [eindhovenAdmin] = callers;
    const before = await fingerprintDatabase(t.database.db);
    const problems: string[] = [];
    for (const route of routes.filter((candidate) => parametersOf(candidate.url).length > 0)) {
      const response = await t.request({ method: route.method as 'GET', url: pathFor(route, 'eindhoven', helmondIds), headers: eindhovenAdmin.headers, payload: bodyFor(route) });
      const label = `${route.method} ${route.url} → ${response.statusCode}`;
      if (response.statusCode < 400 || response.statusCode >= 500) problems.push(label);
      // Without a body to validate first, the lookup itself must come up empty.
      if ((route.method === 'GET' || route.method === 'DELETE') && response.statusCode !== 404) problems.push(`${label} (expected 404)`);
    }
    expect(problems).toEqual([]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('shows the Eindhoven admin only Eindhoven data on Eindhoven paths', async () => {
    const [eindhovenAdmin] = callers;
    const own = (await t.request({ url: '/api/v1/municipalities/eindhoven/neighbourhoods', headers: eindhovenAdmin.headers })).json();
    expect(own.total).toBe(1);
    expect(own.items[0].name).toBe('Strijp');
    const users = (await t.request({ url: '/api/v1/municipalities/eindhoven/users', headers: eindhovenAdmin.headers })).json();
    expect(users.items.map((user: { email: string }) => user.email)).toEqual(['beheer@eindhoven.example']);

    const leaks: string[] = [];
    for (const route of routes.filter((candidate) => candidate.method === 'GET')) {
      if (parametersOf(route.url).some((parameter) => !eindhovenIds[parameter])) continue;
      const response = await t.request({ url: pathFor(route, 'eindhoven', eindhovenIds), headers: eindhovenAdmin.headers });
      if (response.statusCode >= 500) leaks.push(`GET ${route.url} → ${response.statusCode}`);
      const found = response.body.match(/[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/g) ?? [];
      const helmondOnes = found.filter((id) => helmondUuids.has(id));
      if (helmondOnes.length > 0) leaks.push(`GET ${route.url} shows Helmond ids ${helmondOnes.join(', ')}`);
      if (/helmond/i.test(response.body)) leaks.push(`GET ${route.url} mentions Helmond`);
    }
    expect(leaks).toEqual([]);
  });

  it('does not accept a Helmond session or API token on Eindhoven paths', async () => {
    const admin = await t.logIn('admin');
    const adminId = (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user.id;
    const created = (await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: adminId, name: 'Beheerkoppeling' } })).json();
    const bearer = { authorization: `Bearer ${created.token}` };
    expect((await t.request({ url: `${tenantPath}/users`, headers: bearer })).statusCode).toBe(200);
    expect((await t.request({ url: '/api/v1/municipalities/eindhoven/users', headers: bearer })).statusCode).toBe(403);
    expect((await t.request({ url: '/api/v1/municipalities/eindhoven/users', as: admin })).statusCode).toBe(403);
    const change = await t.request({ method: 'POST', url: '/api/v1/municipalities/eindhoven/themes', as: admin, payload: { code: 'overname', nameNl: 'Overname', nameEn: 'Takeover' } });
    expect(change.statusCode).toBe(403);
  });
});
