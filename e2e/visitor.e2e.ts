import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('a visitor', () => {
  it('opens the Helmond home, sees the eleven neighbourhoods on a list and a map, and opens one', async () => {
    const { context, page } = await openPage(browser);
    // A visitor is nobody's session: asking "who am I" is not refused.
    const refused: string[] = [];
    page.on('response', (response) => {
      if (response.status() === 401) refused.push(response.url());
    });
    await page.goto('/');
    await page.waitForURL('**/helmond');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wijken van Helmond');
    expect(refused).toEqual([]);
    // Eleven demo neighbourhoods, and any the admin journey added.
    await expect.poll(() => page.locator('.app-grid > li').count()).toBeGreaterThanOrEqual(11);
    await expect.poll(() => page.getByText('schematisch en niet de officiële CBS-grenzen').isVisible()).toBe(true);
    expect(await page.title()).toBe('Wijken van Helmond · Wijkwerk');
    await expectAccessible(page, 'visitor-home');

    await page.getByRole('link', { name: 'Brandevoort' }).click();
    await page.waitForURL('**/helmond/wijken/brandevoort');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Brandevoort');
    await expect.poll(() => page.getByRole('heading', { name: 'Wijkraad Brandevoort' }).isVisible()).toBe(true);
    // Brandevoort is an ordinary neighbourhood; Helmond-Oost is the demo's development area (below).
    expect(await page.getByText('Ontwikkelingswijk').count()).toBe(0);
    expect(await page.getByText('De Veste (BU07941101)').isVisible()).toBe(true);
    // Members' names are personal data: not on the public page.
    expect(await page.getByText('Henk Aarts').count()).toBe(0);
    await expectAccessible(page, 'visitor-neighbourhood');

    // In a development area the agreement on the meetings is public, with its reason.
    await page.goto('/helmond/wijken/helmond-oost');
    await expect.poll(() => page.getByRole('heading', { name: 'Afspraak over de overleggen' }).isVisible()).toBe(true);
    expect(await page.getByText('De wijktafel en het wijkwerkoverleg gaan door in een andere vorm').isVisible()).toBe(true);
    expect(await page.getByText('Tom Bakker').isVisible()).toBe(true);
    await expectAccessible(page, 'visitor-development-area');
    await context.close();
  });

  it('the programme manager of a development area records the agreement on the meetings; the public sees it', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'tom.bakker@helmond.example');
    await page.goto('/helmond/wijken/helmond-oost');
    const form = page.getByRole('region', { name: 'Afspraak over de overleggen vastleggen' });
    await form.getByLabel('Afspraak').selectOption({ label: 'De wijktafel en het wijkwerkoverleg gaan hier niet door zolang het programma loopt.' });
    await form.getByLabel('Waarom, gezien de bewonersparticipatie in het programma? *').fill('Kort');
    await form.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toContain('Controleer wat je hebt ingevuld');
    await expectAccessible(page, 'development-agreement-error');
    await form.getByLabel('Waarom, gezien de bewonersparticipatie in het programma? *').fill('De klankbordgroep van de wijkvisie komt elke maand bij elkaar; daar zitten dezelfde bewoners.');
    await form.getByRole('button', { name: 'Afspraak opslaan' }).click();
    await expect.poll(() => page.getByText('De afspraak is opgeslagen en staat op deze pagina.').isVisible()).toBe(true);
    await context.close();

    const visitor = await openPage(browser);
    await visitor.page.goto('/helmond/wijken/helmond-oost');
    await expect.poll(() => visitor.page.getByText('Waarom: De klankbordgroep van de wijkvisie').isVisible()).toBe(true);
    expect(await visitor.page.getByRole('region', { name: 'Afspraak over de overleggen vastleggen' }).count()).toBe(0);
    await visitor.context.close();
  });

  it('switches the interface to English and back', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond');
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Neighbourhoods of Helmond');
    expect(await page.locator('html').getAttribute('lang')).toBe('en');
    await expectAccessible(page, 'visitor-home-english');
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wijken van Helmond');
    await context.close();
  });

  it('gets a clear page for an address that does not exist', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond/wijken/atlantis');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Pagina niet gevonden');
    await expectAccessible(page, 'visitor-not-found');
    await context.close();
  });
});
