import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from './harness.ts';

let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'wijkwerk-web-'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Wijkwerk</title><script type="module" src="/assets/index.js"></script>');
  t = await createTestApp({ WEB_DIST_DIR: webDist });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

const directivesOf = (header: unknown) => new Map(String(header).split(';').map((part) => part.trim().split(/\s+/)).map(([name, ...sources]) => [name, sources]));

describe('security headers', () => {
  it('are on every kind of answer: a page, the API, a problem, a missing route', async () => {
    const admin = await t.logIn('admin');
    const answers = [
      await t.request({ url: '/helmond/wijken/brandevoort' }),
      await t.request({ url: `${tenantPath}/neighbourhoods` }),
      await t.request({ url: `${tenantPath}/users`, as: admin }),
      await t.request({ url: `${tenantPath}/users` }),
      await t.request({ url: '/api/v1/does-not-exist' }),
      await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: '{', headers: { 'content-type': 'application/json' } }),
      await t.request({ url: '/healthz' }),
    ];
    expect(answers.map((answer) => answer.statusCode)).toEqual([200, 200, 200, 401, 404, 400, 200]);
    for (const answer of answers) {
      const policy = directivesOf(answer.headers['content-security-policy']);
      expect(policy.get('default-src')).toEqual(["'self'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('style-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(policy.get('object-src')).toEqual(["'none'"]);
      expect(policy.has('upgrade-insecure-requests')).toBe(false);
      expect(answer.headers).toMatchObject({ 'x-content-type-options': 'nosniff', 'referrer-policy': 'same-origin', 'x-frame-options': 'DENY' });
      // Over plain http a Strict-Transport-Security header is meaningless at best.
      expect(answer.headers['strict-transport-security']).toBeUndefined();
    }
    // API answers (data and problems alike) are saved when a browser opens them, never shown as a page; the page is not.
    expect(answers.slice(1, 6).map((answer) => answer.headers['content-disposition'])).toEqual(Array(5).fill('attachment; filename="api.json"'));
    expect(answers[0].headers['content-disposition']).toBeUndefined();
  });

  it('allow inline styles on the API documentation only, and nothing else more', async () => {
    for (const url of ['/api/v1/docs', '/api/v1/docs/static/swagger-initializer.js']) {
      const answer = await t.request({ url });
      expect(answer.statusCode).toBe(200);
      const policy = directivesOf(answer.headers['content-security-policy']);
      expect(policy.get('style-src')).toEqual(["'self'", "'unsafe-inline'"]);
      expect(policy.get('script-src')).toEqual(["'self'"]);
      expect(policy.get('frame-ancestors')).toEqual(["'none'"]);
      expect(answer.headers['x-content-type-options']).toBe('nosniff');
    }
  });

  it('let images come from a base map\'s tile server only when one is configured', async () => {
    const page = await t.request({ url: '/helmond/wijken/brandevoort' });
    expect(directivesOf(page.headers['content-security-policy']).get('img-src')).toEqual(["'self'", 'data:']);
    const withTiles = await createTestApp({ WEB_DIST_DIR: webDist, MAP_TILE_URL: 'https://service.pdok.nl/brt/achtergrondkaart/wmts/v2_0/standaard/EPSG:3857/{z}/{x}/{y}.png' });
    try {
      for (const url of ['/helmond/wijken/brandevoort', `${tenantPath}/neighbourhoods`, '/api/v1/map-settings']) {
        const policy = directivesOf((await withTiles.request({ url })).headers['content-security-policy']);
        expect(policy.get('img-src'), url).toEqual(["'self'", 'data:', 'https://service.pdok.nl']);
        expect(policy.get('connect-src'), url).toEqual(["'self'"]);
        expect(policy.get('default-src'), url).toEqual(["'self'"]);
      }
    } finally {
      await withTiles.close();
    }
  });

  it('tell browsers to insist on https when the public address is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://wijkwerk.helmond.nl' });
    try {
      const answer = await secure.request({ url: `${tenantPath}/neighbourhoods` });
      expect(answer.headers['strict-transport-security']).toBe('max-age=31536000; includeSubDomains');
      expect(directivesOf(answer.headers['content-security-policy']).has('upgrade-insecure-requests')).toBe(true);
    } finally {
      await secure.close();
    }
  });
});

describe('what browsers and proxies may keep', () => {
  it('keeps no copy of a logged-in answer or a problem, lets the public list be cached, and clears the browser at logout', async () => {
    const admin = await t.logIn('admin');
    for (const answer of [await t.request({ url: `${tenantPath}/users`, as: admin }), await t.request({ url: `${tenantPath}/users` }), await t.request({ url: `${tenantPath}/requests?mine=true`, as: admin })]) {
      expect(answer.headers['cache-control']).toBe('no-store');
    }
    expect((await t.request({ url: `${tenantPath}/neighbourhoods` })).headers['cache-control']).toBeUndefined();
    const loggedOut = await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/current`, as: admin });
    expect(loggedOut.statusCode).toBe(204);
    expect(loggedOut.headers['clear-site-data']).toBe('"cache", "cookies"');
  });
});
