import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** Records every Content-Security-Policy violation the page reports, from the first byte on. */
/** Style sheets the browser refused to load or apply (Chrome does not always report a refused <style>). */
function refusedStyleSheets(page: Page): Promise<string[]> {
  return page.evaluate(() =>
    [...document.querySelectorAll('style, link[rel="stylesheet"]')].filter((element) => !(element as HTMLStyleElement).sheet).map((element) => element.outerHTML.slice(0, 80)),
  );
}

async function watchViolations(page: Page): Promise<string[]> {
  const violations: string[] = [];
  await page.exposeFunction('reportViolation', (text: string) => violations.push(text));
  await page.addInitScript(() => {
    document.addEventListener('securitypolicyviolation', (event) => {
      (window as unknown as { reportViolation(text: string): void }).reportViolation(`${event.violatedDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`);
    });
  });
  page.on('console', (message) => {
    if (message.text().includes('Content Security Policy')) violations.push(message.text());
  });
  return violations;
}

describe('the Content-Security-Policy', () => {
  it('lets the web app work without a single violation: home, a neighbourhood with its map, login, the responsiveness charts', async () => {
    const { context, page } = await openPage(browser);
    const violations = await watchViolations(page);
    const response = await page.goto('/helmond');
    expect(response?.headers()['content-security-policy']).toContain("script-src 'self'");
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wijken van Helmond');
    await expect.poll(() => page.locator('.leaflet-interactive').count()).toBeGreaterThanOrEqual(11);

    await page.goto('/helmond/wijken/brandevoort');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Brandevoort');
    await expect.poll(() => page.locator('.leaflet-interactive').count()).toBeGreaterThanOrEqual(1);
    // Leaflet places the wijk's name from script, styled by its own sheet and ours: neither is refused.
    const name = page.locator('.app-map-label--highlighted > span');
    await expect.poll(() => name.textContent(), { timeout: 10_000 }).toBe('Brandevoort');
    expect(await name.evaluate((element) => [getComputedStyle(element.parentElement as HTMLElement).position, getComputedStyle(element).whiteSpace])).toEqual(['absolute', 'nowrap']);
    expect(await refusedStyleSheets(page)).toEqual([]);

    await logIn(page, 'femke.janssen@helmond.example');
    expect(await refusedStyleSheets(page)).toEqual([]);

    await page.goto('/helmond/reactiesnelheid');
    await expect.poll(() => page.locator('.insights-chart svg').count()).toBeGreaterThanOrEqual(1);
    expect(await refusedStyleSheets(page)).toEqual([]);
    // Plot's own rules, now from the site's stylesheet: a chart never grows wider than its column.
    expect(await page.locator('.insights-chart svg').first().evaluate((chart) => getComputedStyle(chart).maxWidth)).toBe('100%');
    expect(violations).toEqual([]);
    await context.close();
  });

  it('lets the API documentation (Swagger UI) work', async () => {
    const { context, page } = await openPage(browser);
    const violations = await watchViolations(page);
    await page.goto(`${baseUrl()}/api/v1/docs`);
    await expect.poll(() => page.getByText('Wijkwerk API').first().isVisible()).toBe(true);
    // The operations come grouped by subject, folded: a hundred and more at once is too much to read.
    const tags = page.locator('.opblock-tag');
    await tags.filter({ hasText: 'Meetings' }).first().waitFor();
    expect(await tags.count()).toBeGreaterThan(10);
    await tags.filter({ hasText: 'Requests' }).first().click();
    await page.locator('.opblock').nth(10).waitFor();
    expect(await refusedStyleSheets(page)).toEqual([]);
    expect(violations).toEqual([]);
    await context.close();
  });
});
