import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const inAMonth = () => new Date(Date.now() + 30 * 86_400_000).toISOString().slice(0, 10);

describe('the municipality asks a council for advice', () => {
  it('an advisor asks, the council answers from the request, and both see the advice linked', async () => {
    const advisor = await openPage(browser);
    await logIn(advisor.page, 'sanne.kuipers@helmond.example');
    await advisor.page.getByRole('link', { name: 'Adviesaanvragen' }).click();
    await advisor.page.getByRole('link', { name: 'Nieuwe adviesaanvraag' }).click();
    // Nothing filled in: every field that needs it is named.
    await advisor.page.getByRole('button', { name: 'Adviesaanvraag versturen' }).click();
    await expect.poll(() => advisor.page.getByRole('alert').textContent()).toContain('Controleer wat je hebt ingevuld');
    await expectAccessible(advisor.page, 'advice-request-errors');

    await advisor.page.getByLabel('Onderwerp *').fill('Speelplekken in De Veste');
    await advisor.page.getByLabel('De vraag aan de wijkorganen *').fill('Welke speelplekken in De Veste zijn aan vervanging toe, en wat wensen kinderen en ouders voor de nieuwe?');
    await advisor.page.getByLabel('Advies gevraagd vóór *').fill(inAMonth());
    await advisor.page.getByLabel('Wijkraad Brandevoort').check();
    await advisor.page.getByLabel('Webadres van het stuk (optioneel)').fill('https://documenten.helmond.example/speelplekken.pdf');
    await advisor.page.getByLabel(/formele inspraakprocedure/).check();
    await advisor.page.getByRole('button', { name: 'Adviesaanvraag versturen' }).click();
    await advisor.page.waitForURL(/\/helmond\/adviesaanvragen\/[0-9a-f-]{36}$/);
    const adviceRequestUrl = advisor.page.url();
    await expect.poll(() => advisor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Speelplekken in De Veste');
    expect(await advisor.page.getByText('Wijkraad Brandevoort: nog geen advies').isVisible()).toBe(true);
    await expectAccessible(advisor.page, 'advice-request-sent');

    const council = await openPage(browser);
    await logIn(council.page, 'henk.aarts@brandevoort.example');
    await council.page.getByRole('link', { name: 'Adviesaanvragen' }).click();
    await council.page.getByRole('link', { name: 'Speelplekken in De Veste' }).click();
    await council.page.getByRole('link', { name: 'Advies geven' }).click();
    await expect.poll(() => council.page.getByLabel('Soort *').inputValue()).toBe('advice_solicited');
    await council.page.getByLabel('Onderwerp *').fill('Advies over de speelplekken in De Veste');
    await council.page.getByLabel('Toelichting *').fill('De speeltoestellen bij de vijver zijn versleten; ouders vragen om schaduw en een plek voor de kleinsten.');
    await council.page.getByLabel('Openbare vergadering').check();
    await council.page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Brandevoort' });
    await council.page.getByRole('radio', { name: /^Iedereen/ }).check();
    await council.page.getByRole('button', { name: 'Indienen' }).click();
    await council.page.waitForURL(/\/helmond\/vragen\/HLM-\d{4}-\d{4,}$/);
    await expect.poll(() => council.page.getByRole('link', { name: 'Speelplekken in De Veste' }).isVisible()).toBe(true);
    expect(await council.page.getByText('Formele inspraakprocedure').isVisible()).toBe(true);
    await expectAccessible(council.page, 'advice-given');

    await advisor.page.goto(adviceRequestUrl);
    await expect.poll(() => advisor.page.getByRole('link', { name: 'Advies over de speelplekken in De Veste' }).isVisible()).toBe(true);
    // On a phone the request for advice reads from top to bottom without sideways scrolling.
    await advisor.page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(advisor.page, 'advice-request-phone');
    expect(await advisor.page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await advisor.context.close();
    await council.context.close();
  });

  // A partner (not the resident: the admin journey makes her a council member) has no requests for advice.
  it('is not for partners', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'bram.dewit@politie.example');
    expect(await page.getByRole('link', { name: 'Adviesaanvragen', exact: true }).count()).toBe(0);
    await page.goto('/helmond/adviesaanvragen');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Geen toestemming');
    await context.close();
  });
});
