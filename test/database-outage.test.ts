import { DrizzleQueryError } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { defaultConfig } from '../server/config.ts';
import { type DatabaseHandle, openPostgres } from '../server/db/client.ts';
import { isDatabaseUnavailable } from '../server/platform/errors.ts';
import { createTestApp, type TestApp, tenantPath } from './harness.ts';

const withCode = (code: string, message = 'failed') => Object.assign(new Error(message), { code });

describe('telling an unreachable database from a failed query', () => {
  it.each([
    ['connection refused', withCode('ECONNREFUSED', 'connect ECONNREFUSED 127.0.0.1:5432')],
    ['both addresses of localhost refused', Object.assign(new AggregateError([withCode('ECONNREFUSED'), withCode('ECONNREFUSED')]), { code: 'ECONNREFUSED' })],
    ['connection reset', withCode('ECONNRESET')],
    ['an administrator shut the server down (57P01)', withCode('57P01', 'terminating connection due to administrator command')],
    ['the server is starting up (57P03)', withCode('57P03')],
    ['a connection exception (08006)', withCode('08006')],
    ['too many connections (53300)', withCode('53300')],
    ['the pool could not connect in time', new Error('timeout exceeded when trying to connect')],
    ['the connection was terminated', new Error('Connection terminated unexpectedly')],
    ['an embedded database that was closed', new Error('PGlite is closed')],
    ['any of these wrapped by Drizzle', new DrizzleQueryError('select 1', [], withCode('57P01'))],
  ])('unavailable: %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(true);
  });

  it.each([
    ['a unique violation', withCode('23505')],
    ['a syntax error', withCode('42601')],
    ['a serialization failure', withCode('40001')],
    ['a plain bug', new TypeError('cannot read properties of undefined')],
    ['nothing', undefined],
  ])('not unavailable: %s', (_label, error) => {
    expect(isDatabaseUnavailable(error)).toBe(false);
  });
});

describe('a PostgreSQL server that refuses connections', () => {
  let database: DatabaseHandle;
  let app: Awaited<ReturnType<typeof buildApp>>;
  beforeAll(async () => {
    // Port 1: nothing listens there, so every connection is refused at once.
    database = await openPostgres('postgres://postgres@127.0.0.1:1/wijkwerk', 2);
    app = await buildApp({ config: defaultConfig({ SCHEDULER_INTERVAL_SECONDS: 0, WEB_DIST_DIR: '/nonexistent', PUBLIC_CACHE_SECONDS: 0 }), database });
    await app.ready();
  });
  afterAll(async () => {
    await app?.close();
    await database?.close();
  });

  it('answers 503 problem+json with Retry-After, in the reader language, not 500', async () => {
    for (const url of ['/api/v1/municipalities', `${tenantPath}/neighbourhoods`]) {
      const response = await app.inject({ url, headers: { 'accept-language': 'nl' } });
      expect(response.statusCode, url).toBe(503);
      expect(response.headers['retry-after']).toBe('10');
      expect(String(response.headers['content-type'])).toContain('application/problem+json');
      expect(response.json()).toMatchObject({ status: 503, code: 'SERVICE_UNAVAILABLE', title: 'Tijdelijk niet beschikbaar' });
    }
    const login = await app.inject({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: 'femke.janssen@helmond.example', password: 'wat-dan-ook-123' } });
    expect(login.statusCode).toBe(503);
  });

  it('is not ready, but alive', async () => {
    const ready = await app.inject({ url: '/readyz' });
    expect(ready.statusCode).toBe(503);
    expect(ready.json()).toEqual({ status: 'database unreachable' });
    expect((await app.inject({ url: '/healthz' })).statusCode).toBe(200);
  });
});

describe('a database that goes away while the server runs', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp();
  });
  // The test closes the database itself.
  afterAll(async () => t?.app.close());

  it('answers 503 with Retry-After once the database is closed, and /readyz says not ready', async () => {
    expect((await t.request({ url: `${tenantPath}/neighbourhoods` })).statusCode).toBe(200);
    await t.database.close();
    const response = await t.request({ url: `${tenantPath}/neighbourhoods` });
    expect(response.statusCode).toBe(503);
    expect(response.headers['retry-after']).toBe('10');
    expect(response.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
    expect((await t.request({ url: '/readyz' })).statusCode).toBe(503);
  });
});
