import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client.ts';
import { actionPlanReport, actionPlanVersion, actionProgress, actionProgressEvidence } from '../server/modules/action-plans/index.ts';
import { meeting as meetingTable, meetingFollowUp } from '../server/modules/meetings/index.ts';
import { totpCodeAt } from '../server/modules/users/index.ts';
import { area } from '../server/modules/neighbourhoods/index.ts';
import { partnerOrganisation, theme } from '../server/modules/organisation/index.ts';
import { report, reportCategory, reportPhoto } from '../server/modules/reports/index.ts';
import { adviceRequest, request } from '../server/modules/requests/index.ts';
import { fingerprintDatabase } from './database.ts';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type Session, type TestApp, tenantPath } from './harness.ts';

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
  sessionId: { table: 'user_session' },
  factorId: { table: 'second_factor' },
  agendaItemId: { table: 'meeting_agenda_item' },
  contributionId: { table: 'meeting_contribution' },
  participantId: { table: 'meeting_participant' },
  followUpId: { table: 'meeting_follow_up' },
  // A feed is found by its secret token, never by its id: the walk sends the row's id, which must find nothing.
  calendarFeedToken: { table: 'calendar_feed' },
  planId: { table: 'action_plan' },
  challengeId: { table: 'action_plan_challenge' },
  actionId: { table: 'action_plan_action' },
  pointId: { table: 'action_plan_point' },
  planContributionId: { table: 'action_plan_contribution' },
  progressId: { table: 'action_progress' },
  evidenceId: { table: 'action_progress_evidence' },
  // A version is found by its number within the plan; the walk sends an id, which is no number: refused.
  number: { table: 'action_plan_version' },
  // A progress report likewise: by its number within the plan, never by an id.
  reportNumber: { table: 'action_plan_report' },
  // A public-space report's status link works by its secret, never by the report's id.
  token: { table: 'report' },
  photoId: { table: 'report_photo' },
  categoryId: { table: 'report_category' },
};

type Route = { method: string; url: string; access: string };
type Caller = { label: string; headers: Record<string, string> };

let t: TestApp;
let plannedMeetingId: string;
let heldMeetingId: string;
/** A Helmond action plan collecting contributions, with a challenge, an action and a contribution from the police. */
let actionPlanIds: { plan: string; challenge: string; action: string; contribution: string; police: string };

/** A meeting row like one planned through the API, for what the API cannot make yet (a meeting held in the past). */
function meetingValues(planned: { kind: { id: string }; neighbourhood: { id: string } | null; invitedGroups: string[] }, municipalityId: string, userId: string) {
  const now = new Date('2026-01-01T00:00:00Z');
  return {
    municipalityId,
    kindId: planned.kind.id,
    neighbourhoodId: planned.neighbourhood?.id ?? null,
    title: '',
    startsAt: now,
    endsAt: now,
    location: 'Stadskantoor',
    isLocationInNeighbourhood: false,
    initiatorSide: 'municipality' as const,
    invitedGroups: planned.invitedGroups as ['council'],
    createdByUserId: userId,
    createdAt: now,
    updatedAt: now,
  };
}
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
  // A second factor of a Helmond alderman, so that its routes are walked with a real id too.
  const advisor = await t.logIn('alderman');
  const enrolment = (await t.request({ method: 'POST', url: `${tenantPath}/second-factors/totp`, as: advisor, payload: { label: 'telefoon' } })).json();
  const confirmed = await t.request({ method: 'POST', url: `${tenantPath}/second-factors/totp/${enrolment.factorId}/confirmation`, as: advisor, payload: { code: totpCodeAt(enrolment.secret, t.clock.now()) } });
  expect(confirmed.statusCode).toBe(201);
  const neighbourhoods = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().items as { id: string; slug: string }[];
  const submitted = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: resident,
    payload: { kind: 'request', title: 'Losliggende stoeptegels', body: 'Voor mijn deur liggen drie stoeptegels los; mijn buurman is er al over gestruikeld.', neighbourhoodId: neighbourhoods.find((item) => item.slug === 'brouwhuis')?.id, scale: 'street', isPublic: false },
  });
  expect(submitted.statusCode).toBe(201);
  // A closed meeting of Helmond: only its participants and staff may know of it.
  const bilateral = ((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).find((kind) => kind.code === 'bilateral')!;
  const meeting = await t.request({
    method: 'POST',
    url: `${tenantPath}/meetings`,
    as: await t.logIn('advisor'),
    payload: { kindId: bilateral.id, neighbourhoodId: neighbourhoods.find((item) => item.slug === 'stiphout')?.id, title: 'Gesprek over de subsidie', startsAt: '2026-12-20T10:00:00+01:00', endsAt: '2026-12-20T11:00:00+01:00', location: 'Stadskantoor', initiatorSide: 'municipality', invitedGroups: ['council', 'advisor'] },
  });
  expect(meeting.statusCode, meeting.body).toBe(201);
  // Its agenda, preparation and a participant; and a held meeting with an agreement, so every meeting route has ids.
  const organiser = await t.logIn('advisor');
  const meetingUrl = `${tenantPath}/meetings/${meeting.json().id}`;
  const organiserId = (await t.request({ url: `${tenantPath}/sessions/current`, as: organiser })).json().user.id;
  expect((await t.request({ method: 'POST', url: `${meetingUrl}/agenda-items`, as: organiser, payload: { title: 'De subsidieaanvraag' } })).statusCode).toBe(201);
  expect((await t.request({ method: 'POST', url: `${meetingUrl}/contributions`, as: organiser, payload: { title: 'Begroting', assigneeUserId: organiserId, dueOn: '2026-12-18' } })).statusCode).toBe(201);
  expect((await t.request({ method: 'POST', url: `${meetingUrl}/participants`, as: organiser, payload: { userId: organiserId } })).statusCode).toBe(201);
  const [held] = await t.database.db
    .insert(meetingTable)
    .values({ ...meetingValues(meeting.json(), t.municipalityId, organiserId), title: 'Gehouden overleg', state: 'held', startsAt: new Date('2026-01-10T10:00:00Z'), endsAt: new Date('2026-01-10T11:00:00Z') })
    .returning();
  heldMeetingId = held.id;
  await t.database.db.insert(meetingFollowUp).values({ municipalityId: t.municipalityId, meetingId: held.id, description: 'Iets uitzoeken', ownerUserId: organiserId, dueOn: '2026-02-01', createdByUserId: organiserId, createdAt: new Date('2026-01-10T12:00:00Z') });
  plannedMeetingId = meeting.json().id;
  const attachment = { 'content-type': 'multipart/form-data; boundary=x', ...resident.headers };
  const pdf = '--x\r\nContent-Disposition: form-data; name="file"; filename="foto.pdf"\r\n\r\n%PDF-1.4\n%%EOF\n\r\n--x--\r\n';
  expect((await t.request({ method: 'POST', url: `${tenantPath}/requests/${submitted.json().id}/attachments`, headers: attachment, payload: pdf })).statusCode).toBe(201);
  const adminId = (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user.id;
  const councils = (await t.request({ url: `${tenantPath}/councils?pageSize=100`, as: admin })).json().items as { id: string }[];
  const asked = await t.request({
    method: 'POST',
    url: `${tenantPath}/advice-requests`,
    as: admin,
    payload: { title: 'Adviesaanvraag over het groenplan', question: 'Welke plekken in de wijk verdienen als eerste meer groen, en waarom?', dueOn: '2026-09-01', councilIds: [councils[0].id] },
  });
  expect(asked.statusCode).toBe(201);
  expect((await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: adminId, name: 'Koppeling zaaksysteem' } })).statusCode).toBe(201);
  // The staggered planner's periods: one without meetings for all of Helmond, and the admin's own days off.
  expect((await t.request({ method: 'POST', url: `${tenantPath}/blackout-periods`, as: admin, payload: { kind: 'council_recess', from: '2026-07-04', to: '2026-08-30', description: 'Zomerreces' } })).statusCode).toBe(201);
  expect((await t.request({ method: 'POST', url: `${tenantPath}/blocked-periods`, as: admin, payload: { from: '2026-09-01', to: '2026-09-04', reason: 'Verlof' } })).statusCode).toBe(201);
  // An action plan for a wijktafel in Brouwhuis, collecting contributions, with an adopted version row.
  const wijktafelKind = ((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).find((kind) => kind.code === 'wijktafel')!;
  const [wijktafel] = await t.database.db
    .insert(meetingTable)
    .values({ ...meetingValues({ kind: wijktafelKind, neighbourhood: { id: neighbourhoods.find((item) => item.slug === 'brouwhuis')!.id }, invitedGroups: ['council'] }, t.municipalityId, organiserId), title: 'Wijktafel Brouwhuis', state: 'planned', startsAt: new Date('2026-11-12T18:00:00Z'), endsAt: new Date('2026-11-12T20:00:00Z') })
    .returning();
  const planned = await t.request({ method: 'POST', url: `${tenantPath}/action-plans`, as: admin, payload: { meetingId: wijktafel.id, periodStartsOn: '2026-12-01', periodEndsOn: '2028-11-30' } });
  expect(planned.statusCode, planned.body).toBe(201);
  const planUrl = `${tenantPath}/action-plans/${planned.json().id}`;
  const police = ((await t.request({ url: `${tenantPath}/partner-organisations?pageSize=100`, as: admin })).json().items as { id: string; name: string }[]).find((item) => item.name.startsWith('Politie'))!.id;
  expect((await t.request({ method: 'POST', url: `${planUrl}/invitations`, as: admin, payload: { parties: [{ kind: 'partner', id: police }] } })).statusCode).toBe(201);
  expect((await t.request({ method: 'POST', url: `${planUrl}/transitions`, as: admin, payload: { transition: 'startCollecting', version: 1 } })).statusCode).toBe(200);
  const challenge = await t.request({ method: 'POST', url: `${planUrl}/challenges`, as: admin, payload: { title: 'Veilig wonen' } });
  const action = await t.request({ method: 'POST', url: `${tenantPath}/action-plan-challenges/${challenge.json().id}/actions`, as: admin, payload: { title: 'Inbraakpreventie' } });
  expect((await t.request({ method: 'POST', url: `${planUrl}/points`, as: admin, payload: { kind: 'decision', text: 'Budget vaststellen' } })).statusCode).toBe(201);
  const contribution = await t.request({ method: 'POST', url: `${planUrl}/contributions`, as: await t.logIn('partner'), payload: { challengeTitle: 'Veilig wonen', title: 'Voorlichtingsavond' } });
  expect(contribution.statusCode, contribution.body).toBe(201);
  await t.database.db.insert(actionPlanVersion).values({ municipalityId: t.municipalityId, planId: planned.json().id, number: 1, snapshot: { title: 'Wijkactieplan', periodStartsOn: '2026-12-01', periodEndsOn: '2028-11-30', challenges: [] }, changes: [], acceptedWarnings: [], adoptedOn: '2026-11-12', adoptedAt: new Date('2026-11-12T20:00:00Z'), adoptedByUserId: adminId });
  const reportContent = { versionNumber: 1, rollup: { total: 0, counted: 0, done: 0, overdue: 0, atRisk: 0, delayed: 0, dropped: 0, percentDone: null }, challenges: [], successes: [] };
  await t.database.db.insert(actionPlanReport).values({ municipalityId: t.municipalityId, planId: planned.json().id, number: 1, periodStartsOn: '2026-11-12', periodEndsOn: '2027-02-11', dueOn: '2027-02-21', content: reportContent, generatedAt: new Date('2027-02-12T06:00:00Z') });
  // A progress report with evidence on that action, so the evidence routes are walked with real rows.
  const [progress] = await t.database.db.insert(actionProgress).values({ municipalityId: t.municipalityId, actionId: action.json().id, status: 'on_track', postedByUserId: adminId, postedAt: new Date('2027-01-05T10:00:00Z'), postedOn: '2027-01-05' }).returning();
  const evidenceContent = Buffer.from('%PDF-1.4\n%%EOF\n');
  await t.database.db.insert(actionProgressEvidence).values({ municipalityId: t.municipalityId, actionId: action.json().id, progressId: progress.id, fileName: 'bewijs.pdf', mediaType: 'application/pdf', sizeBytes: evidenceContent.length, content: evidenceContent, uploadedByUserId: adminId, createdAt: new Date('2027-01-05T10:00:00Z') });
  actionPlanIds = { plan: planned.json().id, challenge: challenge.json().id, action: action.json().id, contribution: contribution.json().id, police };

  // A public-space report in Brouwhuis, made by a visitor with an e-mail address for feedback.
  const reported = await t.request({
    method: 'POST',
    url: `${tenantPath}/reports`,
    payload: { categoryCode: 'prullenbak-is-vol', location: { latitude: 51.4655, longitude: 5.6935 }, description: 'De prullenbak bij het speelveld puilt uit.', email: 'melder@mail.example', contactConsent: true },
  });
  expect(reported.statusCode, reported.body).toBe(201);
  // A photo with it, approved for the public map although the reporter did not allow publication: still not public.
  const photoContent = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');
  await t.database.db.insert(reportPhoto).values({ municipalityId: t.municipalityId, reportId: reported.json().id, mediaType: 'image/png', byteSize: photoContent.length, content: photoContent, approvedAt: t.clock.now(), approvedByUserId: adminId, createdAt: t.clock.now() });

  // A personal calendar feed of Helmond, so that its routes are walked with a real row.
  expect((await t.request({ method: 'POST', url: `${tenantPath}/users/me/calendar-feed`, as: admin })).statusCode).toBe(201);

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

// Ids arrive in bodies and query strings too. Each must belong to the municipality in the path: composite
// foreign keys make anything else impossible in the database, and the services name the field first.
describe('ids of another municipality in bodies and query strings', () => {
  type Case = { operationId: string; field: string; as: DemoPerson; method: 'GET' | 'POST' | 'PATCH' | 'PUT'; url: string; payload?: Record<string, unknown> };
  let eindhoven: { reportCategory: string; meetingKind: string; adviceRequest: string; neighbourhood: string; council: string; department: string; user: string; area: string; theme: string; partner: string; request: string };
  let ids: DemoIds;

  beforeAll(async () => {
    const now = t.clock.now();
    const municipalityId = t.other.municipality.id;
    const [buurt] = await t.database.db.insert(area).values({ municipalityId, neighbourhoodId: t.other.neighbourhood.id, name: 'Strijp-S', createdAt: now }).returning();
    const [subject] = await t.database.db.insert(theme).values({ municipalityId, code: 'verkeer', nameNl: 'Verkeer', nameEn: 'Traffic' }).returning();
    const [partner] = await t.database.db.insert(partnerOrganisation).values({ municipalityId, name: 'Woonbedrijf', kind: 'housing_corporation', createdAt: now }).returning();
    const [vraag] = await t.database.db
      .insert(request)
      .values({ municipalityId, reference: 'EIN-2026-0001', kind: 'question', title: 'Vraag uit Eindhoven', body: 'Een vraag uit een andere gemeente.', scale: 'street', weight: 'large', isPublic: true, state: 'submitted', submitterUserId: t.other.admin.id, acknowledgeBy: '2026-06-20', answerBy: '2026-07-10', createdAt: now, updatedAt: now })
      .returning();
    const [gevraagd] = await t.database.db
      .insert(adviceRequest)
      .values({ municipalityId, title: 'Vraag om advies uit Eindhoven', question: 'Een vraag om advies uit een andere gemeente.', dueOn: '2026-09-01', requestedByUserId: t.other.admin.id, createdAt: now, updatedAt: now })
      .returning();
    // A report category of Eindhoven and one of its reports placed within Helmond's map view: a map query that
    // forgot the municipality would show it.
    const [categorie] = await t.database.db.insert(reportCategory).values({ municipalityId, code: 'afval-eindhoven', name: 'Afval' }).returning();
    await t.database.db.insert(report).values({ municipalityId, reference: 'M-2026-900001', categoryId: categorie.id, neighbourhoodId: t.other.neighbourhood.id, departmentId: t.other.department.id, latitude: 51.4655, longitude: 5.6935, description: 'Melding uit Eindhoven', status: 'reported', statusTokenHash: 'eindhoven-map', createdAt: now, updatedAt: now });
    const eindhovenKinds = (await t.request({ url: '/api/v1/municipalities/eindhoven/meeting-kinds' })).json().items as { id: string }[];
    eindhoven = { reportCategory: categorie.id, meetingKind: eindhovenKinds[0].id, adviceRequest: gevraagd.id, neighbourhood: t.other.neighbourhood.id, council: t.other.council.id, department: t.other.department.id, user: t.other.admin.id, area: buurt.id, theme: subject.id, partner: partner.id, request: vraag.id };
    ids = await findDemoIds(t);
  });

  /** A request routed to Koen, so routing and linking have something to act on. */
  async function freshRequest() {
    const created = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      as: await t.logIn('resident'),
      payload: { kind: 'request', title: 'Kapotte lantaarnpaal', body: 'De lantaarnpaal op de hoek is al twee weken kapot.', neighbourhoodId: ids.brandevoort, scale: 'street' },
    });
    return created.json() as { id: string; version: number };
  }

  async function cases(): Promise<Case[]> {
    const admin = await t.logIn('admin');
    const koen = (await t.request({ url: `${tenantPath}/users/${ids.koen}`, as: admin })).json();
    const brandevoort = (await t.request({ url: `${tenantPath}/neighbourhoods/${ids.brandevoort}`, as: admin })).json();
    const council = (await t.request({ url: `${tenantPath}/councils/${ids.councilBrandevoort}`, as: admin })).json();
    const settings = (await t.request({ url: `${tenantPath}/request-settings`, as: admin })).json();
    const portfolio = (await t.request({ url: `${tenantPath}/portfolios` })).json().items[0];
    const helmondKinds = (await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[];
    const meetingPlan = { kindId: helmondKinds.find((kind) => kind.code === 'ad_hoc')!.id, neighbourhoodId: ids.brandevoort, title: 'Overleg elders', startsAt: '2026-12-21T10:00:00+01:00', endsAt: '2026-12-21T11:00:00+01:00', location: 'Stadskantoor', initiatorSide: 'municipality', invitedGroups: ['council'] };
    const plannedMeeting = `${tenantPath}/meetings/${plannedMeetingId}`;
    const heldMeeting = `${tenantPath}/meetings/${heldMeetingId}`;
    const newPortfolio = { code: 'elders', name: 'Elders' };
    const portfolioUrl = `${tenantPath}/portfolios/${portfolio.id}`;
    const adviceQuestion = { title: 'Groen in de wijk', question: 'Welke plekken in de wijk verdienen als eerste meer groen?', dueOn: '2026-09-01' };
    const submit = { kind: 'request', title: 'Kapotte lantaarnpaal', body: 'De lantaarnpaal op de hoek is al twee weken kapot.', neighbourhoodId: ids.brandevoort, scale: 'street' };
    const request = await freshRequest();
    const category = (await t.request({ url: `${tenantPath}/report-category-list`, as: admin })).json().items[0].subcategories[0] as { id: string; version: number };
    const acknowledged = (await t.request({ method: 'POST', url: `${tenantPath}/requests/${request.id}/acknowledgement`, as: await t.logIn('advisorSouth'), payload: { version: request.version } })).json();
    const requestUrl = `${tenantPath}/requests/${request.id}`;
    const query = (path: string, name: string, value: string) => `${tenantPath}${path}?${name}=${value}`;
    return [
      { operationId: 'updateUser', field: 'body.roles[].scopeId', as: 'admin', method: 'PATCH', url: `${tenantPath}/users/${ids.koen}`, payload: { version: koen.version, roles: [{ role: 'officer', scopeId: eindhoven.department }] } },
      { operationId: 'createUser', field: 'body.roles[].scopeId', as: 'admin', method: 'POST', url: `${tenantPath}/users`, payload: { email: 'nieuw@helmond.example', displayName: 'Nieuwe medewerker', roles: [{ role: 'advisor', scopeId: eindhoven.neighbourhood }] } },
      {
        operationId: 'configureSingleSignOn',
        field: 'body.roleMappings[].scopeId',
        as: 'admin',
        method: 'PUT',
        url: `${tenantPath}/single-sign-on`,
        payload: { isEnabled: false, issuer: 'https://login.example', clientId: 'wijkwerk', clientSecret: 'geheim', roleMappings: [{ group: 'elders', role: 'officer', scopeId: eindhoven.department }] },
      },
      { operationId: 'createApiToken', field: 'body.userId', as: 'admin', method: 'POST', url: `${tenantPath}/api-tokens`, payload: { userId: eindhoven.user, name: 'Overgenomen' } },
      { operationId: 'createNeighbourhood', field: 'body.programmeManagerUserId', as: 'admin', method: 'POST', url: `${tenantPath}/neighbourhoods`, payload: { name: 'Nieuwe wijk', programmeManagerUserId: eindhoven.user } },
      { operationId: 'updateNeighbourhood', field: 'body.programmeManagerUserId', as: 'admin', method: 'PATCH', url: `${tenantPath}/neighbourhoods/${ids.brandevoort}`, payload: { version: brandevoort.version, programmeManagerUserId: eindhoven.user } },
      { operationId: 'createCouncil', field: 'body.neighbourhoodId', as: 'admin', method: 'POST', url: `${tenantPath}/councils`, payload: { name: 'Wijkraad Elders', legalForm: 'association', neighbourhoodId: eindhoven.neighbourhood } },
      { operationId: 'updateCouncil', field: 'body.neighbourhoodId', as: 'admin', method: 'PATCH', url: `${tenantPath}/councils/${ids.councilBrandevoort}`, payload: { version: council.version, neighbourhoodId: eindhoven.neighbourhood } },
      { operationId: 'createPortfolio', field: 'body.departmentIds', as: 'admin', method: 'POST', url: `${tenantPath}/portfolios`, payload: { ...newPortfolio, departmentIds: [eindhoven.department] } },
      { operationId: 'createPortfolio', field: 'body.themeIds', as: 'admin', method: 'POST', url: `${tenantPath}/portfolios`, payload: { ...newPortfolio, themeIds: [eindhoven.theme] } },
      { operationId: 'createPortfolio', field: 'body.neighbourhoodIds', as: 'admin', method: 'POST', url: `${tenantPath}/portfolios`, payload: { ...newPortfolio, neighbourhoodIds: [eindhoven.neighbourhood] } },
      { operationId: 'updatePortfolio', field: 'body.departmentIds', as: 'admin', method: 'PATCH', url: portfolioUrl, payload: { version: portfolio.version, departmentIds: [eindhoven.department] } },
      { operationId: 'updatePortfolio', field: 'body.themeIds', as: 'admin', method: 'PATCH', url: portfolioUrl, payload: { version: portfolio.version, themeIds: [eindhoven.theme] } },
      { operationId: 'updatePortfolio', field: 'body.neighbourhoodIds', as: 'admin', method: 'PATCH', url: portfolioUrl, payload: { version: portfolio.version, neighbourhoodIds: [eindhoven.neighbourhood] } },
      { operationId: 'updateRequestSettings', field: 'body.cityWideAdvisorUserId', as: 'admin', method: 'PUT', url: `${tenantPath}/request-settings`, payload: { ...settings, cityWideAdvisorUserId: eindhoven.user } },
      { operationId: 'submitRequest', field: 'body.neighbourhoodId', as: 'resident', method: 'POST', url: `${tenantPath}/requests`, payload: { ...submit, neighbourhoodId: eindhoven.neighbourhood } },
      { operationId: 'submitRequest', field: 'body.areaId', as: 'resident', method: 'POST', url: `${tenantPath}/requests`, payload: { ...submit, areaId: eindhoven.area } },
      { operationId: 'submitRequest', field: 'body.themeIds', as: 'resident', method: 'POST', url: `${tenantPath}/requests`, payload: { ...submit, themeIds: [eindhoven.theme] } },
      { operationId: 'submitRequest', field: 'body.councilId', as: 'councilMember', method: 'POST', url: `${tenantPath}/requests`, payload: { ...submit, councilId: eindhoven.council } },
      { operationId: 'submitRequest', field: 'body.partnerOrganisationId', as: 'partner', method: 'POST', url: `${tenantPath}/requests`, payload: { ...submit, partnerOrganisationId: eindhoven.partner } },
      { operationId: 'submitRequest', field: 'body.adviceRequestId', as: 'councilMember', method: 'POST', url: `${tenantPath}/requests`, payload: { ...submit, kind: 'advice_solicited', councilId: ids.councilBrandevoort, supportStatement: { origins: [{ kind: 'open_meeting' }], breadth: 'broad', dissent: '' }, adviceRequestId: eindhoven.adviceRequest } },
      { operationId: 'createAdviceRequest', field: 'body.councilIds', as: 'advisor', method: 'POST', url: `${tenantPath}/advice-requests`, payload: { ...adviceQuestion, councilIds: [eindhoven.council] } },
      { operationId: 'createAdviceRequest', field: 'body.departmentId', as: 'advisor', method: 'POST', url: `${tenantPath}/advice-requests`, payload: { ...adviceQuestion, councilIds: [ids.councilBrandevoort], departmentId: eindhoven.department } },
      { operationId: 'listAdviceRequests', field: 'query.councilId', as: 'advisor', method: 'GET', url: query('/advice-requests', 'councilId', eindhoven.council) },
      { operationId: 'routeRequest', field: 'body.leadDepartmentId', as: 'advisorSouth', method: 'POST', url: `${requestUrl}/routing`, payload: { version: acknowledged.version, leadDepartmentId: eindhoven.department } },
      { operationId: 'routeRequest', field: 'body.leadOfficerUserId', as: 'advisorSouth', method: 'POST', url: `${requestUrl}/routing`, payload: { version: acknowledged.version, leadDepartmentId: ids.verkeer, leadOfficerUserId: eindhoven.user } },
      { operationId: 'routeRequest', field: 'body.contributingDepartmentIds', as: 'advisorSouth', method: 'POST', url: `${requestUrl}/routing`, payload: { version: acknowledged.version, leadDepartmentId: ids.verkeer, contributingDepartmentIds: [eindhoven.department] } },
      { operationId: 'linkRequest', field: 'body.relatedRequestId', as: 'advisorSouth', method: 'POST', url: `${requestUrl}/links`, payload: { version: acknowledged.version, relatedRequestId: eindhoven.request, kind: 'related' } },
      { operationId: 'listMeetingFrequency', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: query('/meeting-frequency', 'neighbourhoodId', eindhoven.neighbourhood) },
      { operationId: 'listMeetings', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: query('/meetings', 'neighbourhoodId', eindhoven.neighbourhood) },
      { operationId: 'planMeeting', field: 'body.kindId', as: 'admin', method: 'POST', url: `${tenantPath}/meetings`, payload: { ...meetingPlan, kindId: eindhoven.meetingKind } },
      { operationId: 'planMeeting', field: 'body.neighbourhoodId', as: 'admin', method: 'POST', url: `${tenantPath}/meetings`, payload: { ...meetingPlan, neighbourhoodId: eindhoven.neighbourhood } },
      { operationId: 'planMeeting', field: 'body.chairUserId', as: 'admin', method: 'POST', url: `${tenantPath}/meetings`, payload: { ...meetingPlan, chairUserId: eindhoven.user } },
      { operationId: 'planMeeting', field: 'body.dossierThemeIds', as: 'admin', method: 'POST', url: `${tenantPath}/meetings`, payload: { ...meetingPlan, dossierThemeIds: [eindhoven.theme] } },
      { operationId: 'createBlockedPeriod', field: 'body.userId', as: 'advisor', method: 'POST', url: `${tenantPath}/blocked-periods`, payload: { userId: eindhoven.user, from: '2026-09-01', to: '2026-09-04' } },
      { operationId: 'listBlockedPeriods', field: 'query.userId', as: 'advisor', method: 'GET', url: query('/blocked-periods', 'userId', eindhoven.user) },
      { operationId: 'acceptMeetingPlan', field: 'body.proposals[].neighbourhoodId', as: 'admin', method: 'POST', url: `${tenantPath}/meeting-plans/acceptance`, payload: { proposals: [{ neighbourhoodId: eindhoven.neighbourhood, kindCode: 'wijktafel', date: '2026-09-08' }] } },
      { operationId: 'listMeetingCandidates', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: query('/meeting-candidates', 'neighbourhoodId', eindhoven.neighbourhood) },
      { operationId: 'addMeetingAgendaItem', field: 'body.requestId', as: 'admin', method: 'POST', url: `${plannedMeeting}/agenda-items`, payload: { title: 'Verzoek van elders', requestId: eindhoven.request } },
      { operationId: 'addMeetingContribution', field: 'body.assigneeUserId', as: 'admin', method: 'POST', url: `${plannedMeeting}/contributions`, payload: { title: 'Cijfers', assigneeUserId: eindhoven.user, dueOn: '2026-12-10' } },
      { operationId: 'addMeetingParticipant', field: 'body.userId', as: 'admin', method: 'POST', url: `${plannedMeeting}/participants`, payload: { userId: eindhoven.user } },
      { operationId: 'recordMeetingAttendance', field: 'body.presentParticipantIds', as: 'admin', method: 'PUT', url: `${heldMeeting}/attendance`, payload: { presentParticipantIds: [eindhoven.user] } },
      { operationId: 'addMeetingFollowUp', field: 'body.ownerUserId', as: 'admin', method: 'POST', url: `${heldMeeting}/follow-ups`, payload: { description: 'Iets uitzoeken', ownerUserId: eindhoven.user, dueOn: '2027-01-10' } },
      ...actionPlanCases(),
      { operationId: 'listCouncils', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: query('/councils', 'neighbourhoodId', eindhoven.neighbourhood) },
      ...(['neighbourhoodId', 'departmentId', 'themeId', 'councilId'] as const).flatMap((name) => {
        const value = { neighbourhoodId: eindhoven.neighbourhood, departmentId: eindhoven.department, themeId: eindhoven.theme, councilId: eindhoven.council }[name];
        return [
          { operationId: 'listRequests', field: `query.${name}`, as: 'admin', method: 'GET', url: query('/requests', name, value) } as Case,
          { operationId: 'exportRequests', field: `query.${name}`, as: 'advisor', method: 'GET', url: `${query('/requests/export', name, value)}&format=csv` } as Case,
        ];
      }),
      ...reportCases(),
      { operationId: 'createReportCategory', field: 'body.departmentId', as: 'admin', method: 'POST', url: `${tenantPath}/report-categories`, payload: { code: 'elders', name: 'Elders', departmentId: eindhoven.department } },
      { operationId: 'updateReportCategory', field: 'body.departmentId', as: 'admin', method: 'PATCH', url: `${tenantPath}/report-categories/${category.id}`, payload: { version: category.version, departmentId: eindhoven.department } },
      { operationId: 'listReports', field: 'query.categoryId', as: 'admin', method: 'GET', url: query('/reports', 'categoryId', eindhoven.request) },
      { operationId: 'listReports', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: query('/reports', 'neighbourhoodId', eindhoven.neighbourhood) },
      { operationId: 'listReports', field: 'query.departmentId', as: 'admin', method: 'GET', url: query('/reports', 'departmentId', eindhoven.department) },
      ...(['categoryId', 'neighbourhoodId', 'departmentId'] as const).map((name): Case => {
        const value = { categoryId: eindhoven.reportCategory, neighbourhoodId: eindhoven.neighbourhood, departmentId: eindhoven.department }[name];
        return { operationId: 'getReportMap', field: `query.${name}`, as: 'admin', method: 'GET', url: `${query('/report-map', name, value)}&west=5.58&south=51.43&east=5.73&north=51.52` };
      }),
      { operationId: 'browseAuditLog', field: 'query.actorUserId', as: 'admin', method: 'GET', url: query('/audit-log', 'actorUserId', eindhoven.user) },
      { operationId: 'browseSecurityEvents', field: 'query.actorUserId', as: 'admin', method: 'GET', url: query('/security-events', 'actorUserId', eindhoven.user) },
      { operationId: 'register', field: 'body.homeNeighbourhoodId', as: 'resident', method: 'POST', url: `${tenantPath}/registrations`, payload: { email: 'verhuisd@mail.example', displayName: 'Verhuisde Bewoner', password: 'paarse-olifant-danst-samba', homeNeighbourhoodId: eindhoven.neighbourhood } },
      { operationId: 'setMyHomeNeighbourhood', field: 'body.homeNeighbourhoodId', as: 'resident', method: 'PUT', url: `${tenantPath}/me/home-neighbourhood`, payload: { homeNeighbourhoodId: eindhoven.neighbourhood } },
    ];
  }

  /** Every id a report's back-office operations take, from Eindhoven, on Helmond's report (still at version 1). */
  function reportCases(): Case[] {
    const reportUrl = `${tenantPath}/reports/${helmondIds.reportId}`;
    return [
      { operationId: 'assignReport', field: 'body.assignedUserId', as: 'admin', method: 'POST', url: `${reportUrl}/assignment`, payload: { assignedUserId: eindhoven.user, version: 1 } },
      { operationId: 'mergeReport', field: 'body.originalReportId', as: 'admin', method: 'POST', url: `${reportUrl}/merge`, payload: { originalReportId: eindhoven.request, version: 1 } },
      { operationId: 'linkReportRequest', field: 'body.requestId', as: 'admin', method: 'POST', url: `${reportUrl}/request-link`, payload: { requestId: eindhoven.request, version: 1 } },
      { operationId: 'changeReportsInBulk', field: 'body.reportIds', as: 'admin', method: 'POST', url: `${tenantPath}/report-bulk-actions`, payload: { reportIds: [eindhoven.request], action: 'setPriority', priority: 'high' } },
      { operationId: 'changeReportsInBulk', field: 'body.assignedUserId', as: 'admin', method: 'POST', url: `${tenantPath}/report-bulk-actions`, payload: { reportIds: [helmondIds.reportId], action: 'assign', assignedUserId: eindhoven.user } },
      { operationId: 'listPublicReports', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: `${tenantPath}/public-reports?neighbourhoodId=${eindhoven.neighbourhood}` },
      { operationId: 'getReportSignals', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: `${tenantPath}/report-signals?from=2026-01-01&to=2026-12-31&neighbourhoodId=${eindhoven.neighbourhood}` },
    ];
  }

  /** Every id an action plan's operations take, from Eindhoven; the plan collects contributions, so edits are allowed. */
  function actionPlanCases(): Case[] {
    const planUrl = `${tenantPath}/action-plans/${actionPlanIds.plan}`;
    const actionUrl = `${tenantPath}/action-plan-actions/${actionPlanIds.action}`;
    const handling = `${tenantPath}/action-plan-contributions/${actionPlanIds.contribution}/handling`;
    const contribution = { challengeTitle: 'Veilig wonen', title: 'Voorlichting' };
    return [
      { operationId: 'listActionPlanAttention', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: `${tenantPath}/action-plan-attention?neighbourhoodId=${eindhoven.neighbourhood}` },
      { operationId: 'listActionPlans', field: 'query.neighbourhoodId', as: 'admin', method: 'GET', url: `${tenantPath}/action-plans?neighbourhoodId=${eindhoven.neighbourhood}` },
      { operationId: 'createActionPlan', field: 'body.meetingId', as: 'admin', method: 'POST', url: `${tenantPath}/action-plans`, payload: { meetingId: eindhoven.request, periodStartsOn: '2027-01-01', periodEndsOn: '2028-12-31' } },
      { operationId: 'adoptActionPlan', field: 'body.acceptedWarnings[].actionId', as: 'admin', method: 'POST', url: `${planUrl}/versions`, payload: { version: 1, acceptedWarnings: [{ actionId: eindhoven.request, code: 'contactMissing', reason: 'Later' }] } },
      { operationId: 'adoptActionPlan', field: 'body.acceptedWarnings[].challengeId', as: 'admin', method: 'POST', url: `${planUrl}/versions`, payload: { version: 1, acceptedWarnings: [{ challengeId: eindhoven.request, code: 'challengeWithoutTheme', reason: 'Later' }] } },
      { operationId: 'addActionPlanChallenge', field: 'body.themeIds', as: 'admin', method: 'POST', url: `${planUrl}/challenges`, payload: { title: 'Elders', themeIds: [eindhoven.theme] } },
      { operationId: 'updateActionPlanChallenge', field: 'body.themeIds', as: 'admin', method: 'PATCH', url: `${tenantPath}/action-plan-challenges/${actionPlanIds.challenge}`, payload: { themeIds: [eindhoven.theme] } },
      { operationId: 'addAction', field: 'body.owner.id', as: 'admin', method: 'POST', url: `${tenantPath}/action-plan-challenges/${actionPlanIds.challenge}/actions`, payload: { title: 'Elders', owner: { kind: 'department', id: eindhoven.department } } },
      { operationId: 'addAction', field: 'body.contactUserId', as: 'admin', method: 'POST', url: `${tenantPath}/action-plan-challenges/${actionPlanIds.challenge}/actions`, payload: { title: 'Elders', owner: { kind: 'department', id: ids.verkeer }, contactUserId: eindhoven.user } },
      { operationId: 'addAction', field: 'body.originRequestId', as: 'admin', method: 'POST', url: `${tenantPath}/action-plan-challenges/${actionPlanIds.challenge}/actions`, payload: { title: 'Elders', originRequestId: eindhoven.request } },
      { operationId: 'addAction', field: 'body.originFollowUpId', as: 'admin', method: 'POST', url: `${tenantPath}/action-plan-challenges/${actionPlanIds.challenge}/actions`, payload: { title: 'Elders', originFollowUpId: eindhoven.request } },
      { operationId: 'updateAction', field: 'body.owner.id', as: 'admin', method: 'PATCH', url: actionUrl, payload: { version: 1, owner: { kind: 'partner', id: eindhoven.partner } } },
      { operationId: 'updateAction', field: 'body.contactUserId', as: 'admin', method: 'PATCH', url: actionUrl, payload: { version: 1, owner: { kind: 'department', id: ids.verkeer }, contactUserId: eindhoven.user } },
      { operationId: 'updateAction', field: 'body.challengeId', as: 'admin', method: 'PATCH', url: actionUrl, payload: { version: 1, challengeId: eindhoven.request } },
      { operationId: 'addActionPlanPoint', field: 'body.challengeId', as: 'admin', method: 'POST', url: `${planUrl}/points`, payload: { kind: 'discussion', text: 'Elders', challengeId: eindhoven.request } },
      { operationId: 'addActionPlanPoint', field: 'body.actionId', as: 'admin', method: 'POST', url: `${planUrl}/points`, payload: { kind: 'discussion', text: 'Elders', actionId: eindhoven.request } },
      { operationId: 'inviteToActionPlan', field: 'body.parties[].id', as: 'admin', method: 'POST', url: `${planUrl}/invitations`, payload: { parties: [{ kind: 'council', id: eindhoven.council }] } },
      { operationId: 'contributeToActionPlan', field: 'body.party.id', as: 'partner', method: 'POST', url: `${planUrl}/contributions`, payload: { ...contribution, party: { kind: 'partner', id: eindhoven.partner } } },
      { operationId: 'handleContribution', field: 'body.challengeId', as: 'admin', method: 'POST', url: handling, payload: { outcome: 'takeOver', challengeId: eindhoven.request, version: 1 } },
      { operationId: 'handleContribution', field: 'body.actionId', as: 'admin', method: 'POST', url: handling, payload: { outcome: 'merge', actionId: eindhoven.request, version: 1 } },
    ];
  }

  it('covers every operation that takes an id in its body or query string', async () => {
    const document = (await t.request({ url: '/api/v1/openapi.json' })).json();
    const taken = new Set((await cases()).map((item) => `${item.operationId} ${item.field}`));
    const missing = idFieldsOf(document).filter((entry) => !taken.has(entry));
    // A new operation that takes an id: add a case above with an id of Eindhoven in that field.
    expect(missing).toEqual([]);
  });

  it('refuses an id of another municipality in a body with 400 naming the field, finds nothing by one in a query, and changes nothing', async () => {
    const all = await cases();
    const before = await fingerprintDatabase(t.database.db);
    const problems: string[] = [];
    for (const item of all) {
      const response = await t.request({ method: item.method, url: item.url, as: await t.logIn(item.as), payload: item.payload });
      const label = `${item.operationId} ${item.field} → ${response.statusCode}`;
      if (item.field.startsWith('body.')) {
        const fields = response.statusCode === 400 ? (response.json().errors ?? []).map((error: { field: string }) => error.field.replace(/\.\d+/g, '[]')) : [];
        if (response.statusCode !== 400 || !fields.includes(item.field.replace('[]', '[]'))) problems.push(`${label} ${response.body.slice(0, 160)}`);
      } else {
        // A list has no items; a map (points or clusters, no items) counts none in view.
        const isEmptyJson = (body: { items?: unknown[]; total?: number }) => (body.items ? body.items.length === 0 : body.total === 0);
        const isEmpty = response.statusCode === 200 && (response.headers['content-type']?.includes('json') ? isEmptyJson(response.json()) : response.body.trim().split('\n').length === 1);
        if (!isEmpty) problems.push(`${label} ${response.body.slice(0, 160)}`);
      }
    }
    expect(problems).toEqual([]);
    // Exports are audited (the log and its chain's head) and logins leave sessions; nothing else may have changed.
    const after = await fingerprintDatabase(t.database.db);
    const changed = Object.keys(after).filter((table) => after[table] !== before[table] && !['audit_log', 'audit_chain_head', 'user_session'].includes(table));
    expect(changed).toEqual([]);
  });
});

/** Every "operationId field" whose schema is a uuid (or a list of them), in bodies and query strings. */
function idFieldsOf(document: { paths: Record<string, Record<string, OpenApiOperation>>; components: { schemas: Record<string, SchemaNode> } }): string[] {
  const resolve = (schema: SchemaNode | undefined): SchemaNode | undefined => (schema?.$ref ? document.components.schemas[schema.$ref.split('/').pop()!] : schema);
  const isUuid = (schema: SchemaNode | undefined): boolean => schema?.format === 'uuid' || (schema?.anyOf ?? []).some(isUuid);
  const fieldsIn = (node: SchemaNode | undefined, prefix: string): string[] => {
    const schema = resolve(node);
    if (!schema) return [];
    const found = [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])].flatMap((variant) => fieldsIn(variant, prefix));
    for (const [name, property] of Object.entries(schema.properties ?? {})) {
      const resolved = resolve(property);
      if (isUuid(resolved) || isUuid(resolve(resolved?.items))) found.push(`${prefix}${name}`);
      else if (resolved?.items) found.push(...fieldsIn(resolved.items, `${prefix}${name}[].`));
      else if (resolved?.properties) found.push(...fieldsIn(resolved, `${prefix}${name}.`));
    }
    return found;
  };
  const entries = Object.values(document.paths).flatMap((item) =>
    Object.values(item).flatMap((operation) => [
      ...fieldsIn(operation.requestBody?.content?.['application/json']?.schema, 'body.').map((field) => `${operation.operationId} ${field}`),
      ...(operation.parameters ?? []).filter((parameter) => parameter.in === 'query' && isUuid(parameter.schema)).map((parameter) => `${operation.operationId} query.${parameter.name}`),
    ]),
  );
  return [...new Set(entries)];
}

interface SchemaNode {
  $ref?: string;
  format?: string;
  anyOf?: SchemaNode[];
  oneOf?: SchemaNode[];
  allOf?: SchemaNode[];
  properties?: Record<string, SchemaNode>;
  items?: SchemaNode;
}
interface OpenApiOperation {
  operationId: string;
  requestBody?: { content?: Record<string, { schema?: SchemaNode }> };
  parameters?: { in: string; name: string; schema?: SchemaNode }[];
}
