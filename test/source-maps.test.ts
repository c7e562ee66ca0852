import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from './harness.ts';

// The build makes no source maps (vite.config.ts); one left in WEB_DIST_DIR by a debugging build must still not
// hand the web app's sources out in production.
let t: TestApp;
let webDist: string;
beforeAll(async () => {
  webDist = mkdtempSync(path.join(tmpdir(), 'wijkwerk-web-'));
  mkdirSync(path.join(webDist, 'assets'));
  writeFileSync(path.join(webDist, 'index.html'), '<!doctype html><title>Wijkwerk</title><script type="module" src="/assets/index.js"></script>');
  writeFileSync(path.join(webDist, 'assets', 'index.js'), 'console.log("wijkwerk");\n//# sourceMappingURL=index.js.map\n');
  writeFileSync(path.join(webDist, 'assets', 'index.js.map'), '{"version":3,"sources":["../src/main.tsx"],"sourcesContent":["secret source"]}');
  t = await createTestApp({ WEB_DIST_DIR: webDist, NODE_ENV: 'production', PUBLIC_URL: 'https://wijkwerk.helmond.nl' });
});
afterAll(async () => {
  await t?.close();
  rmSync(webDist, { recursive: true, force: true });
});

describe('the web app in production', () => {
  it('serves its scripts', async () => {
    const script = await t.request({ url: '/assets/index.js' });
    expect(script.statusCode).toBe(200);
    expect(script.body).toContain('wijkwerk');
  });

  it('does not serve a source map, even one that is there', async () => {
    const map = await t.request({ url: '/assets/index.js.map' });
    expect(map.body).not.toContain('secret source');
    expect(String(map.headers['content-type'])).toContain('text/html');
  });
});
