import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';

// Reporting needs no account, so a visitor's address is what is counted: a script cannot flood the back office.
let t: TestApp;
beforeAll(async () => {
  t = await createTestApp({ RATE_LIMIT_WRITES_PER_ADDRESS: 2, RATE_LIMIT_WINDOW_SECONDS: 60 });
});
afterAll(async () => t?.close());

const report = { categoryCode: 'prullenbak-is-vol', location: { latitude: 51.4655, longitude: 5.6935 }, description: 'De prullenbak zit vol.' };

describe('rate limits for anonymous reports', () => {
  it('answers a visitor’s third report within the window with a clear 429 and Retry-After, through our API and Open311 alike', async () => {
    for (let count = 0; count < 2; count++) expect((await t.request({ method: 'POST', url: `${tenantPath}/reports`, payload: report })).statusCode).toBe(201);
    const refused = await t.request({ method: 'POST', url: `${tenantPath}/reports`, payload: report });
    expect(refused.statusCode).toBe(429);
    expect(refused.headers['retry-after']).toBeDefined();
    expect(refused.json()).toMatchObject({ code: 'RATE_LIMITED' });

    const open311 = await t.request({
      method: 'POST',
      url: '/open311/v2/requests.json',
      payload: new URLSearchParams({ jurisdiction_id: 'helmond', service_code: 'prullenbak-is-vol', lat: '51.4655', long: '5.6935', description: 'De prullenbak zit vol.' }).toString(),
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    expect(open311.statusCode).toBe(429);
    expect(open311.json()).toEqual([{ code: 429, description: expect.any(String) }]);
  });
});
