import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const officer = 'ilse.vermeulen@helmond.example';
const phone = { width: 390, height: 844 };

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/** Tabs onwards until the keyboard reaches an element the check accepts; fails if it never does. */
async function tabTo(page: Page, isTarget: () => boolean) {
  for (let step = 0; step < 80; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error('the keyboard never reached the element');
}

const focusedName = (page: Page) => page.evaluate(() => document.activeElement?.getAttribute('aria-label') ?? '');

describe('the officer looks at her reports on the map', () => {
  it('switches the queue to the map on a phone, zooms into a cluster with the keyboard and opens a report from a point', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize(phone);
    await logIn(page, officer);
    await page.goto('/helmond/meldingen');
    await page.getByRole('heading', { level: 1, name: 'Meldingen openbare ruimte' }).waitFor();

    // The year's reports of her department, every status: a filter of the queue that the map keeps.
    await page.getByRole('button', { name: 'Filters tonen' }).click();
    await page.getByRole('combobox', { name: 'Status' }).selectOption('all');
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/status=all/);
    await page.getByRole('button', { name: 'Kaart', pressed: false }).click();
    await page.waitForURL(/view=map/);
    expect(page.url()).toContain('status=all');
    expect(await page.getByRole('button', { name: 'Kaart' }).getAttribute('aria-pressed')).toBe('true');
    expect(await page.getByRole('table').count()).toBe(0);

    const status = page.getByRole('status').filter({ hasText: 'op dit deel van de kaart' });
    await status.waitFor();
    const clusters = page.getByRole('button', { name: /meldingen?, (\d+ )?te laat — inzoomen$|melding — inzoomen$/ });
    await expect.poll(() => clusters.count()).toBeGreaterThan(1);
    const cityCount = Number((await status.textContent())?.match(/(\d+)/)?.[1]);
    expect(cityCount).toBeGreaterThan(100);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-map-1-clusters-390');

    // Tab to a cluster and zoom in with Enter until the reports lie apart as points; the focus stays on the map.
    const points = page.getByRole('link', { name: /^M-\d{4}-\d+, .* — openen$/ });
    for (let zoom = 0; zoom < 3 && (await points.count()) === 0; zoom++) {
      await page.getByRole('application', { name: 'Kaart met de meldingen die bij de filters passen' }).focus();
      await tabTo(page, () => document.activeElement?.classList.contains('app-map-cluster-button') ?? false);
      const label = await focusedName(page);
      expect(label).toMatch(/inzoomen$/);
      const before = await status.textContent();
      await page.keyboard.press('Enter');
      expect(await page.evaluate(() => document.activeElement?.classList.contains('app-map--reports'))).toBe(true);
      await expect.poll(() => status.textContent()).not.toBe(before);
    }
    await expect.poll(() => points.count()).toBeGreaterThan(0);
    const zoomedCount = Number((await status.textContent())?.match(/(\d+)/)?.[1]);
    expect(zoomedCount).toBeLessThan(cityCount);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-map-2-points-390');

    // From the map, Tab reaches a report; Enter opens its page.
    await page.getByRole('application', { name: 'Kaart met de meldingen die bij de filters passen' }).focus();
    await tabTo(page, () => document.activeElement?.classList.contains('app-map-report-link') ?? false);
    const reference = (await focusedName(page)).split(',')[0];
    expect(reference).toMatch(/^M-\d{4}-\d+$/);
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/helmond\/meldingen\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();

    // Back in the browser's history: the map again, with the filters.
    await page.goBack();
    await page.waitForURL(/view=map/);
    expect(page.url()).toContain('status=all');
    await status.waitFor();
    await context.close();
  });
});

describe('a visitor uses the public map with the keyboard', () => {
  it('reaches a cluster with Tab on a phone and zooms in with Enter', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize(phone);
    await page.goto('/helmond/meldingen/kaart');
    await page.getByRole('heading', { level: 1, name: 'Meldingen op de kaart' }).waitFor();
    const status = page.getByRole('status').filter({ hasText: 'op dit deel van de kaart' });
    await status.waitFor();
    const clusters = page.getByRole('button', { name: /^\d+ meldingen, \d+ nog niet opgelost — inzoomen$|^1 melding — inzoomen$/ });
    await expect.poll(() => clusters.count()).toBeGreaterThan(1);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-map-3-public-390');

    const map = page.getByRole('application', { name: 'Kaart met meldingen in de openbare ruimte' });
    await map.focus();
    await tabTo(page, () => document.activeElement?.classList.contains('app-map-cluster-button') ?? false);
    expect(await focusedName(page)).toMatch(/inzoomen$/);
    const zoomBefore = await page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '');
    const before = await status.textContent();
    await page.keyboard.press('Enter');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('aria-label'))).toBe('Kaart met meldingen in de openbare ruimte');
    await expect.poll(() => page.evaluate(() => document.querySelector('.leaflet-proxy')?.getAttribute('style') ?? '')).not.toBe(zoomBefore);
    await expect.poll(() => status.textContent()).not.toBe(before);
    await context.close();
  });
});

