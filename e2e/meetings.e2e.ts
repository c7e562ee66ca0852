import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('kinds of meeting', () => {
  it('a visitor reads how the municipality and the councils meet, on a phone and in English', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/helmond');
    await page.getByRole('link', { name: 'Overlegvormen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overlegvormen' }).waitFor();
    const wijktafel = page.getByRole('region', { name: 'Wijktafel' });
    expect(await wijktafel.textContent()).toContain('de wethouder met wijkbeleid in de portefeuille');
    expect(await wijktafel.textContent()).toContain('eens per 2 jaar per wijk');
    expect(await page.getByRole('region', { name: 'Wijkbezoek' }).textContent()).toContain('openbaar');
    // Only administrators tailor the kinds.
    expect(await page.getByRole('button', { name: /wijzigen$/ }).count()).toBe(0);
    await expectAccessible(page, 'meeting-kinds-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kinds of meeting' }).waitFor();
    expect(await page.getByRole('region', { name: 'Neighbourhood visit (wijkbezoek)' }).textContent()).toContain('once');
    await context.close();
  });

  it('an administrator tailors the wijkwerkoverleg, is told what does not hang together, and saves', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/overlegvormen');
    await page.getByRole('button', { name: 'Wijkwerkoverleg wijzigen' }).click();
    await page.getByLabel('Aantal', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Laat dit leeg');
    await expectAccessible(page, 'meeting-kind-error');
    await page.getByLabel('Aantal', { exact: true }).fill('');
    await page.getByLabel('Verslag klaar binnen (werkdagen)').fill('15');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '“Wijkwerkoverleg” is opgeslagen.' }).waitFor();
    expect(await page.getByRole('region', { name: 'Wijkwerkoverleg' }).textContent()).toContain('binnen 15 werkdagen na het overleg');
    await context.close();
  });
});
