import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../test/harness.ts';

const pdok = 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png';

let withBaseMap: TestApp;
let withoutBaseMap: TestApp;
beforeAll(async () => {
  withBaseMap = await createTestApp({ MAP_TILE_URL: pdok, MAP_TILE_ATTRIBUTION: 'Kaartgegevens © Kadaster' });
  withoutBaseMap = await createTestApp();
});
afterAll(async () => {
  await withBaseMap?.close();
  await withoutBaseMap?.close();
});

describe('the map settings', () => {
  it('give anyone the configured base map and its attribution, cacheable for a few minutes', async () => {
    const answer = await withBaseMap.request({ url: '/api/v1/map-settings' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ baseMap: { tileUrl: pdok, attribution: 'Kaartgegevens © Kadaster' } });
    expect(answer.headers['cache-control']).toBe('public, max-age=300');
    // A logged-in visitor gets the same answer: nothing in it is personal.
    const resident = await withBaseMap.logIn('resident');
    expect((await withBaseMap.request({ url: '/api/v1/map-settings', as: resident })).json()).toEqual(answer.json());
  });

  it('say plainly that there is no base map when none is configured', async () => {
    const answer = await withoutBaseMap.request({ url: '/api/v1/map-settings' });
    expect(answer.statusCode).toBe(200);
    expect(answer.json()).toEqual({ baseMap: null });
  });

  it('cannot be changed through the API, nor asked for with a trailing slash', async () => {
    const admin = await withBaseMap.logIn('admin');
    for (const method of ['POST', 'PUT', 'PATCH', 'DELETE'] as const) {
      const refused = await withBaseMap.request({ method, url: '/api/v1/map-settings', as: admin, payload: { baseMap: null } });
      expect(refused.statusCode, method).toBe(404);
      expect(refused.headers['content-type']).toContain('application/problem+json');
    }
    expect((await withBaseMap.request({ url: '/api/v1/map-settings/' })).statusCode).toBe(404);
    expect((await withBaseMap.request({ url: '/api/v1/map-settings' })).json().baseMap.tileUrl).toBe(pdok);
  });
});
