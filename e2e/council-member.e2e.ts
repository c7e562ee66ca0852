import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('a council member', () => {
  it('sees their council with its members and keeps its contact details up to date', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'henk.aarts@brandevoort.example');
    await expect.poll(() => page.getByRole('heading', { name: 'Mijn wijkorgaan: Wijkraad Brandevoort' }).isVisible()).toBe(true);
    expect(await page.getByText('Henk Aarts (voorzitter)').isVisible()).toBe(true);
    await expectAccessible(page, 'council-member-home');

    await page.getByLabel('E-mailadres').fill('geen-adres');
    await page.getByRole('button', { name: 'Contactgegevens opslaan' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Controleer wat je hebt ingevuld');
    await expectAccessible(page, 'council-member-error');

    await page.getByLabel('E-mailadres').fill('secretariaat@wijkraad-brandevoort.example');
    await page.getByLabel('Telefoonnummer').fill('0492-555123');
    await page.getByRole('button', { name: 'Contactgegevens opslaan' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('De contactgegevens zijn opgeslagen.');

    await page.goto('/helmond/wijken/brandevoort');
    await expect.poll(() => page.getByRole('link', { name: 'secretariaat@wijkraad-brandevoort.example' }).isVisible()).toBe(true);
    await context.close();
  });

  it('is told when someone else saved the contact details in the meantime, and can load the latest version', async () => {
    const stale = await openPage(browser);
    await logIn(stale.page, 'henk.aarts@brandevoort.example');
    await expect.poll(() => stale.page.getByRole('button', { name: 'Contactgegevens opslaan' }).isVisible()).toBe(true);

    // A fellow member (here: the same account in another browser) saves first.
    const other = await openPage(browser);
    await logIn(other.page, 'henk.aarts@brandevoort.example');
    await other.page.getByLabel('Telefoonnummer').fill('0492-555999');
    await other.page.getByRole('button', { name: 'Contactgegevens opslaan' }).click();
    await expect.poll(() => other.page.getByRole('status').first().textContent()).toContain('De contactgegevens zijn opgeslagen.');
    await other.context.close();

    await stale.page.getByLabel('Postadres').fill('Postbus 12, 5700 AA Helmond');
    await stale.page.getByRole('button', { name: 'Contactgegevens opslaan' }).click();
    await expect.poll(() => stale.page.getByRole('alert').textContent()).toContain('Intussen gewijzigd');
    await expectAccessible(stale.page, 'council-member-conflict');
    await stale.page.getByRole('button', { name: 'Nieuwste versie laden' }).click();
    await expect.poll(() => stale.page.getByLabel('Telefoonnummer').inputValue()).toBe('0492-555999');
    await stale.page.getByLabel('Postadres').fill('Postbus 12, 5700 AA Helmond');
    await stale.page.getByRole('button', { name: 'Contactgegevens opslaan' }).click();
    await expect.poll(() => stale.page.getByRole('status').first().textContent()).toContain('De contactgegevens zijn opgeslagen.');
    await stale.context.close();
  });
});
