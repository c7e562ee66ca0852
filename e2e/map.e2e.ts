import { createServer, type Server } from 'node:http';
import path from 'node:path';
import { crc32, deflateSync } from 'node:zlib';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../test/free-port.ts';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';
import { type RunningServer, startServer } from './server.setup.ts';

/** One 256 × 256 tile: a pale land colour with a darker edge, so the screenshots show where tiles are. */
function tileImage(): Buffer {
  const size = 256;
  const chunk = (type: string, data: Buffer) => {
    const length = Buffer.alloc(4);
    length.writeUInt32BE(data.length);
    const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
    const checksum = Buffer.alloc(4);
    checksum.writeUInt32BE(crc32(body));
    return Buffer.concat([length, body, checksum]);
  };
  const header = Buffer.alloc(13);
  header.writeUInt32BE(size, 0);
  header.writeUInt32BE(size, 4);
  header.set([8, 2, 0, 0, 0], 8); // 8 bits per channel, RGB
  const rows = Buffer.alloc(size * (1 + size * 3));
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      const isEdge = x === 0 || y === 0;
      rows.set(isEdge ? [200, 196, 186] : [242, 239, 233], y * (1 + size * 3) + 1 + x * 3);
    }
  }
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header), chunk('IDAT', deflateSync(rows)), chunk('IEND', Buffer.alloc(0))]);
}

/** A tile server of our own: any /{z}/{x}/{y}.png gets the same tile; it counts what it was asked. */
async function startTileServer(): Promise<{ origin: string; requested: string[]; server: Server }> {
  const tile = tileImage();
  const requested: string[] = [];
  const server = createServer((request, response) => {
    if (/^\/\d+\/\d+\/\d+\.png$/.test(request.url ?? '')) {
      requested.push(request.url ?? '');
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': tile.length }).end(tile);
    } else {
      response.writeHead(404).end();
    }
  });
  const port = await freePort();
  await new Promise<void>((resolve) => server.listen(port, '127.0.0.1', resolve));
  return { origin: `http://127.0.0.1:${port}`, requested, server };
}

/** The wijk names shown on the map (not those left out for lack of room), with where they are. */
function shownNames(page: Page) {
  return page.locator('.app-map .app-map-label:not(.app-map-label--hidden) > span').evaluateAll((elements) =>
    elements.map((element) => {
      const box = element.getBoundingClientRect();
      return { name: element.textContent ?? '', left: box.left, right: box.right, top: box.top, bottom: box.bottom };
    }),
  );
}

/** The name of the wijk whose page this is, when it is shown on the map. */
const highlightedName = (page: Page) => page.locator('.app-map .app-map-label--highlighted:not(.app-map-label--hidden) > span').textContent({ timeout: 1000 }).catch(() => null);

/** The map waits for Leaflet's chunk, the boundaries and the map settings: give it more than a second. */
const waitForMap = { timeout: 10_000 };

type Box = Awaited<ReturnType<typeof shownNames>>[number];
const overlapping = (boxes: Box[]) =>
  boxes.flatMap((box, index) => boxes.slice(index + 1).filter((other) => box.left < other.right && other.left < box.right && box.top < other.bottom && other.top < box.bottom).map((other) => `${box.name} × ${other.name}`));

/** The map alone, at the size it is shown, beside the full-page screenshots: the names are easier to judge there. */
const screenshotMap = (page: Page, label: string) => page.locator('.app-map-figure').screenshot({ path: path.resolve(import.meta.dirname, 'artifacts', `${label}-map.png`) });

/** Nothing on the map can take keyboard focus: to assistive technology it is one image. */
const focusableInMap = (page: Page) => page.locator('.app-map a[href], .app-map button, .app-map [tabindex]:not([tabindex="-1"])').count();

let browser: Browser;
let tiles: Awaited<ReturnType<typeof startTileServer>>;
let server: RunningServer;
beforeAll(async () => {
  browser = await launchBrowser();
  tiles = await startTileServer();
  server = await startServer({ env: { MAP_TILE_URL: `${tiles.origin}/{z}/{x}/{y}.png`, MAP_TILE_ATTRIBUTION: 'Testkaart © Wijkwerk' } });
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await new Promise((resolve) => tiles?.server.close(resolve));
});

describe('the map of wijken', () => {
  it('with a tile server configured: the base map under the shapes, its maker credited, every wijk named', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    const response = await page.goto('/helmond');
    expect(response?.headers()['content-security-policy']).toContain(`img-src 'self' data: ${tiles.origin}`);
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wijken van Helmond');
    await expect.poll(() => page.locator('.app-map .leaflet-tile-loaded').count(), waitForMap).toBeGreaterThan(0);
    expect(tiles.requested.length).toBeGreaterThan(0);
    const figure = page.locator('.app-map-figure');
    expect(await figure.getByText('Achtergrondkaart: Testkaart © Wijkwerk').isVisible()).toBe(true);
    expect(await figure.getByText('Er is geen achtergrondkaart').count()).toBe(0);
    // Names that fit are on the map for good, not only on hover, and none covers another.
    await expect.poll(async () => (await shownNames(page)).length, waitForMap).toBeGreaterThanOrEqual(6);
    const wide = await shownNames(page);
    expect(wide.map((label) => label.name)).toContain('Brandevoort');
    expect(overlapping(wide)).toEqual([]);
    expect(await focusableInMap(page)).toBe(0);
    await expectAccessible(page, 'map-home-base-map');
    await screenshotMap(page, 'map-home-base-map');

    // On a phone the names are smaller and fewer: the ones that would overlap wait for a wider screen.
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => overlapping(await shownNames(page)), waitForMap).toEqual([]);
    expect((await shownNames(page)).length).toBeGreaterThanOrEqual(3);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'map-home-base-map-390');
    await screenshotMap(page, 'map-home-base-map-390');

    // A wijk's own page shows the same map: base map, credit and the wijk's name.
    await page.setViewportSize({ width: 1280, height: 900 });
    const before = tiles.requested.length;
    await page.goto('/helmond/wijken/brandevoort');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Brandevoort');
    await expect.poll(() => page.locator('.app-map .leaflet-tile-loaded').count(), waitForMap).toBeGreaterThan(0);
    expect(tiles.requested.length).toBeGreaterThan(before);
    // The same map as on the home page, centred on this wijk, whose name is always shown; neighbours' names where they fit.
    await expect.poll(() => highlightedName(page), waitForMap).toBe('Brandevoort');
    expect((await shownNames(page)).length).toBeGreaterThanOrEqual(2);
    expect(overlapping(await shownNames(page))).toEqual([]);
    expect(await page.locator('.app-map-figure').getByText('Achtergrondkaart: Testkaart © Wijkwerk').isVisible()).toBe(true);
    expect(await focusableInMap(page)).toBe(0);
    await expectAccessible(page, 'map-neighbourhood-base-map');
    await screenshotMap(page, 'map-neighbourhood-base-map');
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(async () => overlapping(await shownNames(page)), waitForMap).toEqual([]);
    expect(await highlightedName(page)).toBe('Brandevoort');
    await expectAccessible(page, 'map-neighbourhood-base-map-390');
    await screenshotMap(page, 'map-neighbourhood-base-map-390');


    // The credit is in the visitor's language too.
    await page.goto('/helmond');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.locator('.app-map-figure').getByText('Base map: Testkaart © Wijkwerk').isVisible(), waitForMap).toBe(true);
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await context.close();
  }, 150_000);

  it('without a tile server: the shapes on a plain background, named, and the caption says there is no base map', async () => {
    // The journeys' shared server has no MAP_TILE_URL.
    const { context, page } = await openPage(browser);
    const requestedBefore = tiles.requested.length;
    const response = await page.goto('/helmond');
    expect(response?.headers()['content-security-policy']).toContain("img-src 'self' data:;");
    await expect.poll(() => page.locator('.app-map-figure').getByText('Er is geen achtergrondkaart ingesteld: de kaart toont alleen de wijkgrenzen en hun namen.').isVisible(), waitForMap).toBe(true);
    expect(await page.locator('.app-map .leaflet-tile').count()).toBe(0);
    await expect.poll(async () => (await shownNames(page)).length, waitForMap).toBeGreaterThanOrEqual(6);
    expect(overlapping(await shownNames(page))).toEqual([]);
    await expectAccessible(page, 'map-home-no-base-map');
    await screenshotMap(page, 'map-home-no-base-map');

    await page.goto('/helmond/wijken/brandevoort');
    await expect.poll(() => highlightedName(page), waitForMap).toBe('Brandevoort');
    expect(await page.locator('.app-map-figure').getByText('Er is geen achtergrondkaart ingesteld').isVisible()).toBe(true);
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'map-neighbourhood-no-base-map-390');
    await screenshotMap(page, 'map-neighbourhood-no-base-map-390');
    expect(tiles.requested.length).toBe(requestedBefore);
    await context.close();
  }, 120_000);
});
