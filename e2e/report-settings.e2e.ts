import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('an admin keeping the report settings', () => {
  it('sets a standard message and changes a subcategory’s term, each confirmed in a sentence, also on a phone', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer');
    await page.locator('#main').getByRole('link', { name: 'Meldingen', exact: true }).click();
    await page.waitForURL('**/beheer/meldingen');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Meldingen');
    await page.getByRole('group', { name: 'Afgehandeld' }).waitFor();
    await expectAccessible(page, 'admin-report-settings');

    const done = page.getByRole('group', { name: 'Afgehandeld' });
    await done.getByLabel('Bericht in het Nederlands').fill('Wij hebben het opgelost. Dank u wel voor uw melding!');
    await done.getByLabel('Bericht in het Engels').fill('We have fixed it. Thank you for your report!');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await expect.poll(() => page.getByText('De instellingen voor meldingen zijn opgeslagen.').isVisible()).toBe(true);

    const edit = page.getByRole('button', { name: /Wijzigen.*Container is vol$/ });
    if ((await edit.count()) !== 1) throw new Error(`edit buttons: ${(await page.getByRole('button', { name: /Container is vol/ }).allTextContents()).join(' | ')}`);
    await edit.click();
    const form = page.getByRole('form', { name: '“Container is vol” wijzigen' });
    await form.getByLabel('Termijn in dagen').fill('2');
    await form.getByRole('button', { name: 'Categorie opslaan' }).click();
    await expect.poll(() => page.getByText('“Container is vol” is opgeslagen.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('row', { name: /Container is vol/ }).textContent()).toContain('2 werkdagen');
    await expectAccessible(page, 'admin-report-settings-saved');

    await page.setViewportSize({ width: 390, height: 844 });
    await page.getByRole('heading', { name: 'Categorieën' }).scrollIntoViewIfNeeded();
    await page.screenshot({ path: 'e2e/artifacts/admin-report-settings-390-view.png' });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'admin-report-settings-390');

    // Back as it was, for the journeys that follow: the built-in message and a term of three working days.
    await page.setViewportSize({ width: 1280, height: 900 });
    await page.getByRole('button', { name: /Wijzigen.*Container is vol$/ }).click();
    await page.getByRole('form', { name: '“Container is vol” wijzigen' }).getByLabel('Termijn in dagen').fill('3');
    await page.getByRole('button', { name: 'Categorie opslaan' }).click();
    await expect.poll(() => page.getByRole('row', { name: /Container is vol/ }).textContent()).toContain('3 werkdagen');
    await done.getByLabel('Bericht in het Nederlands').fill('');
    await done.getByLabel('Bericht in het Engels').fill('');
    await page.getByRole('button', { name: 'Instellingen opslaan' }).click();
    await expect.poll(() => page.getByText('De instellingen voor meldingen zijn opgeslagen.').isVisible()).toBe(true);
    await context.close();
  });
});
