import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../server/db/client.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from './harness.ts';

let t: TestApp;
let admin: Session;
beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
});
afterAll(async () => t?.close());

type Operation = { operationId?: string; tags?: string[]; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> };
const uuidPattern = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('health and readiness', () => {
  it('reports the process healthy', async () => {
    const response = await t.request({ url: '/healthz' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toEqual({ status: 'ok' });
    expect(response.headers['x-request-id']).toMatch(uuidPattern);
  });

  it('reports ready when the database answers and every migration is applied, and not ready when one is missing', async () => {
    const ready = await t.request({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json()).toEqual({ status: 'ready', database: t.database.engine });

    // Forget the newest migration for a moment: the instance must say it is not ready for traffic.
    const [newest] = await queryRows<{ id: number; hash: string; created_at: string }>(t.database.db, sql`select id, hash, created_at from drizzle.__drizzle_migrations order by created_at desc limit 1`);
    await t.database.db.execute(sql`delete from drizzle.__drizzle_migrations where id = ${newest.id}`);
    try {
      const pending = await t.request({ url: '/readyz' });
      expect(pending.statusCode).toBe(503);
      expect(pending.json()).toEqual({ status: 'migrations pending' });
    } finally {
      await t.database.db.execute(sql`insert into drizzle.__drizzle_migrations (id, hash, created_at) values (${newest.id}, ${newest.hash}, ${newest.created_at})`);
    }
    expect((await t.request({ url: '/readyz' })).statusCode).toBe(200);
  });
});

describe('response headers', () => {
  it('gives every API response, success or problem, the API-Version and x-request-id headers', async () => {
    const calls: { url: string; method?: 'GET' | 'POST' | 'PUT'; as?: Session; payload?: unknown; headers?: Record<string, string> }[] = [
      { url: '/api/v1/openapi.json' },
      { url: '/api/v1/municipalities' },
      { url: '/api/v1/does-not-exist' },
      { url: '/api/v1/municipalities/atlantis/neighbourhoods' },
      { url: `${tenantPath}/users` },
      { url: `${tenantPath}/neighbourhoods?pageSize=0` },
      { url: `${tenantPath}/neighbourhoods`, method: 'POST', as: admin, headers: { 'content-type': 'application/json' }, payload: '{' },
      { url: `${tenantPath}/neighbourhoods`, method: 'POST', as: admin, headers: { 'content-type': 'text/plain' }, payload: 'x' },
      { url: `${tenantPath}/themes`, method: 'PUT', as: admin, payload: {} },
    ];
    // …and every GET route the app has, as a visitor and as the admin, with made-up ids.
    for (const route of t.app.routeAccessTable.filter((candidate) => candidate.method === 'GET' && candidate.url.startsWith('/api/'))) {
      const url = route.url.replace(':municipality', 'helmond').replace(/:\w+/g, '00000000-0000-4000-8000-000000000000');
      calls.push({ url }, { url, as: admin });
    }
    const missing: string[] = [];
    for (const call of calls) {
      const response = await t.request({ method: call.method ?? 'GET', url: call.url, as: call.as, headers: call.headers, payload: call.payload as string });
      if (response.headers['api-version'] !== '1.0.0') missing.push(`API-Version on ${call.method ?? 'GET'} ${call.url} (${response.statusCode})`);
      if (!uuidPattern.test(String(response.headers['x-request-id']))) missing.push(`x-request-id on ${call.method ?? 'GET'} ${call.url} (${response.statusCode})`);
      if (response.statusCode >= 500) missing.push(`${call.url} answered ${response.statusCode}`);
    }
    expect(calls.length).toBeGreaterThan(30);
    expect(missing).toEqual([]);
  });

  it('keeps a request id the caller sends, so a call can be traced through the logs', async () => {
    const response = await t.request({ url: `${tenantPath}/neighbourhoods`, headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers['x-request-id']).toBe('trace-123');
    // Too long, or with characters that do not belong in a log line: replaced by an id of our own.
    for (const forged of ['x'.repeat(500), 'abc def\u0007', 'a"b<c>']) {
      const replaced = await t.request({ url: `${tenantPath}/neighbourhoods`, headers: { 'x-request-id': forged } });
      expect(replaced.headers['x-request-id']).toMatch(uuidPattern);
    }
  });
});

describe('OpenAPI document', () => {
  async function openApiDocument() {
    const response = await t.request({ url: '/api/v1/openapi.json' });
    expect(response.statusCode).toBe(200);
    return response.json();
  }

  it('is valid OpenAPI 3.1 (Spectral’s OpenAPI rules find no error)', async () => {
    const document = await openApiDocument();
    expect(document.openapi).toBe('3.1.0');
    const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-openapi-'));
    writeFileSync(path.join(folder, 'openapi.json'), JSON.stringify(document));
    writeFileSync(path.join(folder, 'ruleset.yaml'), 'extends: [["spectral:oas", "recommended"]]\n');
    const spectral = path.join(path.dirname(createRequire(import.meta.url).resolve('@stoplight/spectral-cli/package.json')), 'dist', 'index.js');
    const result = spawnSync(
      process.execPath,
      [spectral, 'lint', '--ruleset', path.join(folder, 'ruleset.yaml'), '--format', 'json', '--fail-severity', 'error', '--display-only-failures', '--output', path.join(folder, 'findings.json'), path.join(folder, 'openapi.json')],
      { encoding: 'utf8', timeout: 60_000 },
    );
    // oas3-schema checks the document against the OpenAPI 3.1 schema; it and the other OpenAPI rules report errors here.
    const findings = JSON.parse(readFileSync(path.join(folder, 'findings.json'), 'utf8')) as { code: string; message: string; path: string[]; severity: number }[];
    const errors = findings.filter((finding) => finding.severity === 0).map((finding) => `${finding.code} at ${finding.path.join('.')}: ${finding.message}`);
    expect(errors).toEqual([]);
    expect(result.status, result.stderr).toBe(0);
  }, 60_000);

  it('has a versioned server address and a contact', async () => {
    const document = await openApiDocument();
    expect(document.servers[0].url).toMatch(/\/api\/v1$/);
    expect(document.info.contact).toMatchObject({ name: expect.any(String), email: expect.any(String), url: expect.any(String) });
  });

  it('names every operation after its use case and documents 400, problem+json and the API-Version header', async () => {
    const document = await openApiDocument();
    const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([route, methods]) => Object.entries(methods).map(([method, operation]) => ({ route, method, operation })));
    expect(operations.length).toBeGreaterThan(40);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.filter((id) => typeof id !== 'string' || !/^[a-z][a-zA-Z]+$/.test(id))).toEqual([]);
    expect(new Set(ids).size).toBe(ids.length);
    const problems: string[] = [];
    for (const { route, method, operation } of operations) {
      const label = `${method.toUpperCase()} ${route}`;
      if (route.endsWith('/') && route !== '/') problems.push(`${label}: trailing slash`);
      if (!operation.tags?.length) problems.push(`${label}: no tag`);
      if (['post', 'patch', 'put'].includes(method) && !operation.responses['400']) problems.push(`${label}: does not document 400`);
      const statuses = Object.keys(operation.responses);
      // A page the browser is sent through (leaving for an identity provider and back) succeeds with a redirect.
      if (!statuses.some((status) => status.startsWith('2') || status === '303')) problems.push(`${label}: no success response`);
      for (const [status, response] of Object.entries(operation.responses)) {
        if (status.startsWith('2') && !response.headers?.['API-Version']) problems.push(`${label} ${status}: no API-Version header`);
        if (/^[45]/.test(status) && Object.keys(response.content ?? {}).join() !== 'application/problem+json') problems.push(`${label} ${status}: not problem+json`);
      }
    }
    expect(problems).toEqual([]);
  });

  it('serves human documentation', async () => {
    const response = await t.request({ url: '/api/v1/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('audit log browsing', () => {
  let adminId: string;
  let startedAt: Date;
  const codes = ['thema-a', 'thema-b', 'thema-c'];
  const codesOf = (page: { items: { after: { code: string } | null }[] }) => page.items.map((item) => item.after?.code);
  const browse = async (query: string, as: Session = admin) => t.request({ url: `${tenantPath}/audit-log?${query}`, as });

  beforeAll(async () => {
    t.clock.advance(3_600_000);
    // Logged in anew: the hour above outlasts the idle limit of the first session.
    admin = await t.logIn('admin');
    adminId = (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user.id;
    startedAt = t.clock.now();
    // One theme a minute: thema-a at +0, thema-b at +1 min, thema-c at +2 min.
    for (const code of codes) {
      expect((await t.request({ method: 'POST', url: `${tenantPath}/themes`, as: admin, payload: { code, nameNl: code, nameEn: code } })).statusCode).toBe(201);
      t.clock.advance(60_000);
    }
    // Someone else's change, for the actor filter.
    const resident = await t.logIn('resident');
    await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/current`, as: resident });
  });

  it('filters on entity, action and actor, newest first, with who and when', async () => {
    const page = (await browse(`entityType=theme&action=theme.create&actorUserId=${adminId}`)).json();
    expect(codesOf(page)).toEqual(['thema-c', 'thema-b', 'thema-a']);
    expect(page.items[0]).toMatchObject({ actorUserId: adminId, actorLabel: 'Femke Janssen', action: 'theme.create', entityType: 'theme', before: null, occurredAt: new Date(startedAt.getTime() + 120_000).toISOString() });
    expect(page.items[0].requestId).toBeTruthy();
    const logouts = (await browse('action=session.logout')).json();
    expect(logouts.items.map((item: { actorLabel: string }) => item.actorLabel)).toEqual(['Eva Mulder']);
    expect((await browse(`action=session.logout&actorUserId=${adminId}`)).json().items).toEqual([]);
    const one = (await browse(`entityType=theme&entityId=${page.items[1].entityId}`)).json();
    expect(codesOf(one)).toEqual(['thema-b']);
  });

  it('filters on a period, both ends included', async () => {
    const at = (minutes: number) => encodeURIComponent(new Date(startedAt.getTime() + minutes * 60_000).toISOString());
    expect(codesOf((await browse(`entityType=theme&from=${at(1)}`)).json())).toEqual(['thema-c', 'thema-b']);
    expect(codesOf((await browse(`entityType=theme&from=${at(0)}&to=${at(1)}`)).json())).toEqual(['thema-b', 'thema-a']);
    expect(codesOf((await browse(`entityType=theme&from=${at(1)}&to=${at(1)}`)).json())).toEqual(['thema-b']);
    // With an offset instead of Z: the same moment.
    const amsterdam = encodeURIComponent(new Date(startedAt.getTime() + 60_000 + 2 * 3_600_000).toISOString().replace('Z', '+02:00'));
    expect(codesOf((await browse(`entityType=theme&to=${amsterdam}&from=${at(0)}`)).json())).toEqual(['thema-b', 'thema-a']);
    expect((await browse(`entityType=theme&from=${at(3)}`)).json().items).toEqual([]);
  });

  it('pages with a cursor: every entry once, and the last page says there is no more', async () => {
    const first = (await browse('entityType=theme&pageSize=2')).json();
    expect(codesOf(first)).toEqual(['thema-c', 'thema-b']);
    expect(first.nextCursor).toBe(first.items[1].id);
    const second = (await browse(`entityType=theme&pageSize=2&beforeId=${first.nextCursor}`)).json();
    expect(codesOf(second)).toEqual(['thema-a']);
    expect(second.nextCursor).toBeNull();

    const all = (await browse('pageSize=100')).json().items.map((item: { id: number }) => item.id);
    const walked: number[] = [];
    let cursor: number | null = null;
    do {
      const page: { items: { id: number }[]; nextCursor: number | null } = (await browse(`pageSize=7${cursor ? `&beforeId=${cursor}` : ''}`)).json();
      walked.push(...page.items.map((item) => item.id));
      cursor = page.nextCursor;
    } while (cursor);
    expect(walked).toEqual(all);
  });

  it('refuses bad filters with a message per field', async () => {
    const response = await browse('actorUserId=femke&from=gisteren&pageSize=500&beforeId=-1');
    expect(response.statusCode).toBe(400);
    expect(response.json().errors.map((error: { field: string }) => error.field).sort()).toEqual(['querystring.actorUserId', 'querystring.beforeId', 'querystring.from', 'querystring.pageSize']);
  });

  it('never shows password hashes or tokens in the audit trail', async () => {
    await t.request({ method: 'POST', url: `${tenantPath}/users`, as: admin, payload: { email: 'nieuw@helmond.example', displayName: 'Nieuwe Collega', password: 'paars-fietsbel-kanaal' } });
    const created = (await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: adminId, name: 'Koppeling' } })).json();
    const text = JSON.stringify((await browse('pageSize=100')).json());
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('paars-fietsbel-kanaal');
    expect(text).not.toContain('tokenHash');
    expect(text).not.toContain(created.token);
  });

  it('is for admins only', async () => {
    const advisor = await t.logIn('advisor');
    expect((await browse('', advisor)).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/audit-log` })).statusCode).toBe(401);
  });
});
