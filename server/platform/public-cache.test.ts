import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../test/harness.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ PUBLIC_CACHE_SECONDS: 60 });
});
afterAll(async () => t?.close());

describe('public response cache', () => {
  it('answers a repeated public list from memory, byte for byte', async () => {
    const first = await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=3` });
    const second = await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=3` });
    expect(first.headers['x-cache']).toBeUndefined();
    expect(second.headers['x-cache']).toBe('hit');
    expect(second.body).toBe(first.body);
    expect(second.headers['content-type']).toBe(first.headers['content-type']);
    expect(second.headers['api-version']).toBe('1.0.0');
  });

  it('shows a change made through the API at once', async () => {
    const before = (await t.request({ url: `${tenantPath}/neighbourhoods` })).json().total;
    expect((await t.request({ url: `${tenantPath}/neighbourhoods` })).headers['x-cache']).toBe('hit');
    const admin = await t.logIn('admin');
    expect((await t.request({ method: 'POST', url: `${tenantPath}/neighbourhoods`, as: admin, payload: { name: 'Nieuwe wijk' } })).statusCode).toBe(201);
    const after = await t.request({ url: `${tenantPath}/neighbourhoods` });
    expect(after.headers['x-cache']).toBeUndefined();
    expect(after.json().total).toBe(before + 1);
  });

  it('keeps municipalities apart and never caches errors or other query strings as the same answer', async () => {
    const helmond = (await t.request({ url: `${tenantPath}/neighbourhoods` })).json();
    const eindhoven = (await t.request({ url: '/api/v1/municipalities/eindhoven/neighbourhoods' })).json();
    expect(eindhoven.total).toBe(1);
    expect(helmond.total).toBeGreaterThan(1);
    await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=1000` });
    const again = await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=1000` });
    expect(again.statusCode).toBe(400);
    expect(again.headers['x-cache']).toBeUndefined();
  });
});
