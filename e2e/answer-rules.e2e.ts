import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the municipality’s answer rules', () => {
  it('an admin adds a front-line team, is told what to fix, and saves', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer');
    await page.getByRole('link', { name: 'Antwoordregels' }).click();
    await page.waitForURL('**/beheer/antwoordregels');
    await expect.poll(() => page.getByLabel('Korte termijn van een “nu” (weken)').inputValue()).toBe('8');
    await page.getByLabel('Vraag: Antwoorden binnen (werkdagen)').fill('15');
    await page.getByRole('button', { name: 'Team toevoegen' }).click();
    const team = page.getByRole('group', { name: 'Nieuw team' });
    await team.getByLabel('Code').fill('Buurtbemiddeling!');
    await team.getByLabel('Naam').fill('Buurtbemiddeling');
    await page.getByRole('button', { name: 'Antwoordregels opslaan' }).click();
    await expect.poll(() => page.getByText('Gebruik 2 tot 30 kleine letters, cijfers of streepjes.').first().isVisible()).toBe(true);
    await expectAccessible(page, 'answer-rules-error');
    await page.getByRole('group', { name: 'Buurtbemiddeling' }).getByLabel('Code').fill('buurtbemiddeling');
    await page.getByRole('button', { name: 'Antwoordregels opslaan' }).click();
    await expect.poll(() => page.getByText('De antwoordregels zijn opgeslagen.').isVisible()).toBe(true);
    await page.reload();
    await expect.poll(() => page.getByLabel('Vraag: Antwoorden binnen (werkdagen)').inputValue()).toBe('15');
    expect(await page.getByRole('group', { name: 'Buurtbemiddeling' }).isVisible()).toBe(true);
    await expectAccessible(page, 'answer-rules');
    await context.close();
  });

  it('a council member chooses one e-mail a day, and the choice stays', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'henk.aarts@brandevoort.example');
    await page.getByLabel('Eén e-mail per dag met alle berichten (’s ochtends)').check();
    await page.getByRole('button', { name: 'Voorkeur opslaan' }).click();
    await expect.poll(() => page.getByText('Je voorkeur is opgeslagen.').isVisible()).toBe(true);
    await expectAccessible(page, 'notification-preferences');
    await page.reload();
    await expect.poll(() => page.getByLabel('Eén e-mail per dag met alle berichten (’s ochtends)').isChecked()).toBe(true);
    await context.close();
  });
});
