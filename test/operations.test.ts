import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from './harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

type Operation = { operationId?: string; responses: Record<string, { headers?: Record<string, unknown>; content?: Record<string, unknown> }> };

describe('operations', () => {
  it('reports the process healthy and the database ready with current migrations', async () => {
    expect((await t.request({ url: '/healthz' })).json()).toEqual({ status: 'ok' });
    const ready = await t.request({ url: '/readyz' });
    expect(ready.statusCode).toBe(200);
    expect(ready.json().status).toBe('ready');
  });

  it('answers every API call with API-Version and x-request-id, and keeps a given request id', async () => {
    const response = await t.request({ url: `${tenantPath}/neighbourhoods`, headers: { 'x-request-id': 'trace-123' } });
    expect(response.headers['api-version']).toBe('1.0.0');
    expect(response.headers['x-request-id']).toBe('trace-123');
    const problem = await t.request({ url: `${tenantPath}/users` });
    expect(problem.headers['api-version']).toBe('1.0.0');
  });
});

describe('OpenAPI document', () => {
  it('is OpenAPI 3.1 with a versioned https-able server and contact', async () => {
    const document = (await t.request({ url: '/api/v1/openapi.json' })).json();
    expect(document.openapi).toBe('3.1.0');
    expect(document.servers[0].url).toMatch(/\/api\/v1$/);
    expect(document.info.contact).toMatchObject({ name: expect.any(String), email: expect.any(String), url: expect.any(String) });
  });

  it('names every operation after its use case, documents 400 and problem+json, and the API-Version header', async () => {
    const document = (await t.request({ url: '/api/v1/openapi.json' })).json();
    const operations = Object.entries(document.paths as Record<string, Record<string, Operation>>).flatMap(([path, methods]) => Object.entries(methods).map(([method, operation]) => ({ path, method, operation })));
    expect(operations.length).toBeGreaterThan(40);
    const ids = operations.map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][a-zA-Z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { path, method, operation } of operations) {
      expect(path.endsWith('/') && path !== '/', path).toBe(false);
      expect(operation.responses['400'], `${method} ${path} documents 400`).toBeDefined();
      for (const [status, response] of Object.entries(operation.responses)) {
        if (/^[23]/.test(status)) expect(response.headers?.['API-Version'], `${method} ${path} ${status}`).toBeDefined();
        if (/^[45]/.test(status)) expect(Object.keys(response.content ?? {}), `${method} ${path} ${status}`).toEqual(['application/problem+json']);
      }
    }
  });

  it('serves human documentation', async () => {
    const response = await t.request({ url: '/api/v1/docs/' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-type']).toContain('text/html');
  });
});

describe('audit log browsing', () => {
  it('filters by entity, action, actor and period, newest first, with a cursor', async () => {
    const admin = await t.logIn('admin');
    const adminId = (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user.id;
    for (const code of ['thema-a', 'thema-b', 'thema-c']) {
      await t.request({ method: 'POST', url: `${tenantPath}/themes`, as: admin, payload: { code, nameNl: code, nameEn: code } });
      t.clock.advance(60_000);
    }
    const page = (await t.request({ url: `${tenantPath}/audit-log?entityType=theme&action=theme.create&actorUserId=${adminId}&pageSize=2`, as: admin })).json();
    expect(page.items.map((item: { after: { code: string } }) => item.after.code)).toEqual(['thema-c', 'thema-b']);
    const next = (await t.request({ url: `${tenantPath}/audit-log?entityType=theme&pageSize=2&beforeId=${page.nextCursor}`, as: admin })).json();
    expect(next.items.map((item: { after: { code: string } }) => item.after.code)).toEqual(['thema-a']);
    expect(next.nextCursor).toBeNull();
    const to = new Date(t.clock.now().getTime() - 150_000).toISOString();
    const early = (await t.request({ url: `${tenantPath}/audit-log?entityType=theme&to=${encodeURIComponent(to)}`, as: admin })).json();
    expect(early.items.map((item: { after: { code: string } }) => item.after.code)).toEqual(['thema-a']);
  });

  it('never shows password hashes or tokens in the audit trail', async () => {
    const admin = await t.logIn('admin');
    await t.request({ method: 'POST', url: `${tenantPath}/users`, as: admin, payload: { email: 'nieuw@helmond.example', displayName: 'Nieuwe Collega', password: 'paars-fietsbel-kanaal' } });
    const entries = (await t.request({ url: `${tenantPath}/audit-log?pageSize=100`, as: admin })).json();
    const text = JSON.stringify(entries);
    expect(text).not.toContain('argon2');
    expect(text).not.toContain('paars-fietsbel-kanaal');
    expect(text).not.toContain('tokenHash');
  });

  it('is for admins only', async () => {
    const advisor = await t.logIn('advisor');
    expect((await t.request({ url: `${tenantPath}/audit-log`, as: advisor })).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/outbox`, as: advisor })).statusCode).toBe(403);
  });
});
