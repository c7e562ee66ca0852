import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the home page of each role', () => {
  it('a resident picks their neighbourhood once and finds its page and council, next to their own and followed requests', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'eva.mulder@mail.example');
    await expect.poll(() => page.getByRole('heading', { name: 'Mijn wijk', exact: true }).isVisible()).toBe(true);
    await page.getByLabel('In welke wijk woon je?').selectOption({ label: 'Stiphout' });
    await page.getByRole('status').filter({ hasText: 'Je wijk is opgeslagen.' }).waitFor();
    await expect.poll(() => page.getByText('Wijkorgaan: Wijkraad Stiphout.').isVisible()).toBe(true);
    await expectAccessible(page, 'resident-home');

    // The choice is kept in the account: the next visit, on any device, starts there.
    await page.reload();
    await expect.poll(() => page.getByLabel('In welke wijk woon je?').locator('option:checked').textContent()).toBe('Stiphout');
    await page.getByRole('link', { name: 'Naar de pagina van Stiphout' }).click();
    await page.waitForURL('**/helmond/wijken/stiphout');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Stiphout');
    await context.close();
  });

  it('an advisor keeps the public description of one of their neighbourhoods current', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await expect.poll(() => page.getByRole('heading', { name: /^Mijn wijken/ }).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Beschrijving van Warande wijzigen' }).click();
    await page.getByLabel('Beschrijving voor de openbare wijkpagina').fill('Warande: wonen rond het stadspark, met de wijkraad als eerste aanspreekpunt.');
    await expectAccessible(page, 'advisor-home-editing');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('De beschrijving is opgeslagen.');
    await expectAccessible(page, 'advisor-home');

    await page.getByRole('link', { name: 'Warande', exact: true }).click();
    await page.waitForURL('**/helmond/wijken/warande');
    await expect.poll(() => page.getByText('Warande: wonen rond het stadspark').isVisible()).toBe(true);
    await context.close();
  });

  it('an officer sees their department and what waits for its answer', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'koen.verhoeven@helmond.example');
    await expect.poll(() => page.getByRole('heading', { name: 'Mijn afdeling', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Verkeer', exact: true }).isVisible()).toBe(true);
    expect(await page.getByRole('link', { name: 'verkeer@helmond.example' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Open vragen voor mijn afdeling (behandelen of meewerken)' }).isVisible()).toBe(true);
    await expectAccessible(page, 'officer-home');
    await context.close();
  });

  it('a partner sees their organisation and the requests it submitted', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'bram.dewit@politie.example');
    await expect.poll(() => page.getByRole('heading', { name: 'Mijn organisatie', exact: true }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('heading', { name: 'Politie Eenheid Oost-Brabant, basisteam Helmond' }).isVisible()).toBe(true);
    const requests = page.getByRole('region', { name: 'Vragen van jouw organisatie' });
    await expect.poll(() => requests.getByRole('link').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'partner-home');
    await context.close();
  });

  it('an alderman sees their portfolio, how fast its departments answer, what is late in it and the advice the college deviates from', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'marieke.gerritsen@helmond.example');
    await page.getByRole('heading', { name: 'Portefeuille Wijkbeleid' }).waitFor();
    await page.getByText('Brandevoort, Helmond-Oost, Stiphout').waitFor();
    const figures = page.getByRole('region', { name: 'Hoe snel je afdelingen antwoorden' });
    await figures.getByRole('rowheader', { name: 'Wijkonderhoud' }).waitFor();
    const college = page.getByRole('region', { name: 'Afwijken van een advies: het college beslist' });
    await expect.poll(() => college.getByRole('row').count()).toBeGreaterThan(1);
    const late = page.getByRole('region', { name: 'Over de termijn in je portefeuille' });
    await late.getByRole('row').nth(1).waitFor();
    expect(await late.textContent()).toContain('(te laat)');
    const open = page.getByRole('region', { name: 'Open vragen in je portefeuille' });
    await open.getByRole('row').nth(1).waitFor();
    await expectAccessible(page, 'alderman-home');

    // In English the portfolio, its departments and subjects carry their English names.
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: 'Portfolio Neighbourhood policy' }).waitFor();
    await page.getByText('Neighbourhood maintenance, Neighbourhood development').waitFor();
    await page.getByRole('region', { name: 'How fast your departments answer' }).getByRole('rowheader', { name: 'Neighbourhood maintenance' }).waitFor();
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'alderman-home-en-390');
    await context.close();
  });
});
