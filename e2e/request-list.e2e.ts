import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('finding requests', () => {
  it('an advisor filters the list, shares it by its address and exports what was found', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Vragen', exact: true }).click();
    await page.waitForURL('**/helmond/vragen');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/^\d+ gevonden$/);
    const all = Number((await page.getByRole('status').textContent())!.split(' ')[0]);
    await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Brandevoort' });
    await page.getByLabel('Soort', { exact: true }).selectOption({ label: 'Ongevraagd advies' });
    await page.getByRole('button', { name: 'Filteren' }).click();
    await page.waitForURL(/neighbourhoodId=.*kind=advice_unsolicited/);
    await expect.poll(async () => Number((await page.getByRole('status').textContent())!.split(' ')[0])).toBeLessThan(all);
    const rows = await page.getByRole('table').getByRole('row').count();
    expect(rows).toBeGreaterThan(1);
    await expectAccessible(page, 'request-list-filtered');

    // The CSV link carries the same filters; the browser's session downloads it.
    const href = await page.getByRole('link', { name: 'Exporteren als CSV' }).getAttribute('href');
    expect(href).toContain('kind=advice_unsolicited');
    const csv = await context.request.get(new URL(href!, page.url()).toString());
    expect(csv.status()).toBe(200);
    const lines = (await csv.text()).replace(/^\uFEFF/, '').trim().split(/\r?\n/);
    expect(lines.length).toBe(rows);
    expect(lines.slice(1).every((line) => line.includes('Ongevraagd advies'))).toBe(true);

    // The address is the list: opened anew it shows the same filters.
    await page.reload();
    await expect.poll(() => page.getByLabel('Soort', { exact: true }).inputValue()).toBe('advice_unsolicited');
    await context.close();
  });

  it('a visitor finds public requests by words, without export links', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond/vragen?search=speelveld');
    await expect.poll(() => page.getByRole('status').textContent()).toMatch(/gevonden$/);
    expect(await page.getByRole('link', { name: 'Exporteren als CSV' }).count()).toBe(0);
    const titles = await page.getByRole('table').getByRole('link').allTextContents();
    expect(titles.length).toBeGreaterThan(0);
    expect(titles.every((title) => /speelveld/i.test(title))).toBe(true);
    await expectAccessible(page, 'request-list-visitor');
    await context.close();
  });
});

describe('logging in from a page', () => {
  it('comes back to the page it started from, and never goes to another site', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond/vragen?search=speelveld');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Inloggen' }).click();
    await page.getByLabel('E-mailadres').fill('sanne.kuipers@helmond.example');
    await page.getByLabel('Wachtwoord').fill(demoPassword());
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/helmond/vragen?search=speelveld');
    await context.close();

    const other = await openPage(browser);
    await other.page.goto(`/helmond/inloggen?naar=${encodeURIComponent('//evil.example/helmond/')}`);
    await other.page.getByLabel('E-mailadres').fill('sanne.kuipers@helmond.example');
    await other.page.getByLabel('Wachtwoord').fill(demoPassword());
    await other.page.getByRole('button', { name: 'Inloggen' }).click();
    await other.page.waitForURL('**/helmond/mijn');
    expect(new URL(other.page.url()).pathname).toBe('/helmond/mijn');
    await other.context.close();
  });
});
