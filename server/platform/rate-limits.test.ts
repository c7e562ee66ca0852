import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, generousRateLimits, type TestApp, tenantPath } from '../../test/harness.ts';
import { buildApp } from '../app.ts';
import { defaultConfig } from '../config.ts';

const list = `${tenantPath}/neighbourhoods`;
const preferences = `${tenantPath}/notification-preferences`;

describe('reads per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_READS_PER_ADDRESS: 3, RATE_LIMIT_WINDOW_SECONDS: 60, PUBLIC_CACHE_SECONDS: 60 });
  });
  afterAll(async () => t?.close());

  it('answers a burst over the limit with 429 problem+json in the reader’s language and says when to try again', async () => {
    for (let index = 0; index < 3; index++) expect((await t.request({ url: list, remoteAddress: '192.0.2.10' })).statusCode).toBe(200);
    // The fourth is refused even though the answer is in the public cache: a cached answer counts too.
    const refused = await t.request({ url: list, remoteAddress: '192.0.2.10' });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect(Number(refused.headers['retry-after'])).toBeLessThanOrEqual(60);
    expect(refused.json()).toMatchObject({ status: 429, code: 'RATE_LIMITED', title: 'Te veel verzoeken', instance: list });
    expect(refused.json().detail).toContain('hoogstens 3 per 60 seconden');
    const english = await t.request({ url: list, remoteAddress: '192.0.2.10', headers: { 'accept-language': 'en' } });
    expect(english.statusCode).toBe(429);
    expect(english.json().detail).toMatch(/^Too many requests arrived from you in a short time \(at most 3 per 60 seconds\)\. Wait \d+ seconds/);
  });

  it('does not hold one address’s burst against another address, nor against an IPv4 neighbour', async () => {
    for (let index = 0; index < 4; index++) await t.request({ url: list, remoteAddress: '192.0.2.20' });
    expect((await t.request({ url: list, remoteAddress: '192.0.2.20' })).statusCode).toBe(429);
    expect((await t.request({ url: list, remoteAddress: '192.0.2.21' })).statusCode).toBe(200);
  });

  it('counts an IPv6 client by its /64 network, so it cannot dodge the limit by changing its last bits', async () => {
    for (let index = 0; index < 3; index++) expect((await t.request({ url: list, remoteAddress: `2001:db8:1:2::${index + 1}` })).statusCode).toBe(200);
    expect((await t.request({ url: list, remoteAddress: '2001:db8:1:2::99' })).statusCode).toBe(429);
    expect((await t.request({ url: list, remoteAddress: '2001:db8:1:3::1' })).statusCode).toBe(200);
  });

  it('never limits health checks, readiness, the OpenAPI document or the API documentation', async () => {
    for (let index = 0; index < 6; index++) await t.request({ url: list, remoteAddress: '192.0.2.30' });
    for (let index = 0; index < 6; index++) {
      expect((await t.request({ url: '/healthz', remoteAddress: '192.0.2.30' })).statusCode).toBe(200);
      expect((await t.request({ url: '/readyz', remoteAddress: '192.0.2.30' })).statusCode).toBe(200);
      expect((await t.request({ url: '/api/v1/openapi.json', remoteAddress: '192.0.2.30' })).statusCode).toBe(200);
      expect((await t.request({ url: '/api/v1/docs/', remoteAddress: '192.0.2.30' })).statusCode).toBe(200);
    }
  });

  it('documents 429 with Retry-After on every operation', async () => {
    const document = (await t.request({ url: '/api/v1/openapi.json', remoteAddress: '192.0.2.40' })).json();
    const operations = Object.values(document.paths as Record<string, Record<string, { responses: Record<string, { headers?: Record<string, unknown> }> }>>).flatMap((path) => Object.values(path));
    expect(operations.length).toBeGreaterThan(20);
    for (const operation of operations) expect(operation.responses['429']?.headers?.['Retry-After']).toBeDefined();
  });
});

describe('changes per user and per address', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_WRITES_PER_USER: 2, RATE_LIMIT_WRITES_PER_ADDRESS: 3, RATE_LIMIT_READS_PER_ADDRESS: 2, RATE_LIMIT_READS_PER_USER: 1000 });
  });
  afterAll(async () => t?.close());

  it('limits a logged-in writer as a person: a colleague at the same address may still change things', async () => {
    // Logging in is an anonymous change from the address (two of its three).
    const resident = await t.logIn('resident');
    const officer = await t.logIn('officer');
    const change = (as: typeof resident) => t.request({ method: 'PUT', url: preferences, as, payload: { wantsEmailCopies: true, wantsDailyDigest: false } });
    expect((await change(resident)).statusCode).toBe(200);
    expect((await change(resident)).statusCode).toBe(200);
    const refused = await change(resident);
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect((await change(officer)).statusCode).toBe(200);
    // Reads of a logged-in person are theirs too: the address's own read limit (2) does not apply to them.
    for (let index = 0; index < 4; index++) expect((await t.request({ url: preferences, as: officer })).statusCode).toBe(200);
  });

  it('counts anonymous changes per address, whatever they are answered with', async () => {
    const badLogin = (remoteAddress: string) => t.request({ method: 'POST', url: `${tenantPath}/sessions`, remoteAddress, payload: {} });
    for (let index = 0; index < 3; index++) expect((await badLogin('198.51.100.7')).statusCode).toBe(400);
    expect((await badLogin('198.51.100.7')).statusCode).toBe(429);
    expect((await badLogin('198.51.100.8')).statusCode).toBe(400);
  });
});

describe('uploads', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_UPLOADS_PER_USER: 2 });
  });
  afterAll(async () => t?.close());

  it('limits uploads more strictly than other changes', async () => {
    const resident = await t.logIn('resident');
    const requestId = '00000000-0000-4000-8000-000000000000';
    const upload = () => t.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/attachments`, as: resident, payload: {} });
    // Not found, twice; the third never gets as far as looking.
    expect((await upload()).statusCode).toBe(404);
    expect((await upload()).statusCode).toBe(404);
    expect((await upload()).statusCode).toBe(429);
    expect((await t.request({ method: 'PUT', url: preferences, as: resident, payload: { wantsEmailCopies: true, wantsDailyDigest: false } })).statusCode).toBe(200);
  });
});

describe('counts shared in the database', () => {
  let t: TestApp;
  let second: FastifyInstance;
  beforeAll(async () => {
    t = await createTestApp({ RATE_LIMIT_STORE: 'database', RATE_LIMIT_WRITES_PER_ADDRESS: 3 });
    second = await buildApp({
      config: defaultConfig({ SCHEDULER_INTERVAL_SECONDS: 0, WEB_DIST_DIR: '/nonexistent', PUBLIC_CACHE_SECONDS: 0, ...generousRateLimits, RATE_LIMIT_STORE: 'database', RATE_LIMIT_WRITES_PER_ADDRESS: 3 }),
      database: t.database,
      clock: t.clock,
    });
    await second.ready();
  });
  afterAll(async () => {
    await second?.close();
    await t?.close();
  });

  it('lets two instances on one database share one count', async () => {
    const badLogin = (app: FastifyInstance) => app.inject({ method: 'POST', url: `${tenantPath}/sessions`, remoteAddress: '203.0.113.5', payload: {} });
    expect((await badLogin(t.app)).statusCode).toBe(400);
    expect((await badLogin(second)).statusCode).toBe(400);
    expect((await badLogin(t.app)).statusCode).toBe(400);
    const refused = await badLogin(second);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThanOrEqual(1);
    expect((await badLogin(t.app)).statusCode).toBe(429);
  });
});
