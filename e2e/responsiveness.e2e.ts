import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

/** "1.234" or "1,234" as a number: the page writes numbers the Dutch or the English way. */
const numberIn = (text: string | null) => Number((text ?? '').replace(/[^\d]/g, ''));

/** Opens the table behind a chart (its "show as table" disclosure) and returns its rows as cell texts. */
async function tableOf(page: Page, chartTitle: string, showTable = 'Toon als tabel') {
  const section = page.getByRole('region', { name: chartTitle });
  await section.getByText(showTable, { exact: true }).click();
  const table = section.getByRole('table', { name: chartTitle });
  await expect.poll(() => table.isVisible()).toBe(true);
  const rows = async (part: string) => table.locator(`${part} tr`).evaluateAll((elements) => elements.map((row) => Array.from(row.children, (cell) => cell.textContent ?? '')));
  return { body: await rows('tbody'), footer: await rows('tfoot') };
}

/** Axe and a screenshot from the top of the page (a full-page shot of a scrolled page shows the hidden skip link). */
async function expectAccessibleFromTop(page: Page, label: string) {
  await page.evaluate(() => window.scrollTo(0, 0));
  await expectAccessible(page, label);
}

describe('responsiveness (reactiesnelheid) for municipal staff', () => {
  it('an alderman opens it from their home, reads the figures and regroups them per neighbourhood and month', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'marieke.gerritsen@helmond.example');
    await page.getByRole('link', { name: 'Reactiesnelheid van de gemeente' }).click();
    await page.waitForURL('**/helmond/reactiesnelheid');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reactiesnelheid');

    // Headline figures and charts for the default period: the last twelve months, per department.
    await expect.poll(() => page.locator('.insights-chart svg[role="img"]').count()).toBe(3);
    const headlineTotal = numberIn(await page.locator('[data-figure="total"] .insights-headline__value').textContent());
    expect(headlineTotal).toBeGreaterThan(0);

    // The verdict table adds up: nu + ooit + nooit is the total it shows.
    const verdicts = await tableOf(page, 'Oordelen: nu, ooit, nooit');
    expect(verdicts.body.map((row) => row[0])).toEqual(['Nu', 'Ooit', 'Nooit']);
    const verdictSum = verdicts.body.reduce((sum, row) => sum + numberIn(row[1]), 0);
    expect(verdictSum).toBeGreaterThan(0);
    expect(numberIn(verdicts.footer[0][1])).toBe(verdictSum);

    // The departments' request counts add up to the headline total.
    const perDepartment = await tableOf(page, 'Tijd tot antwoord per afdeling');
    expect(perDepartment.body.length).toBeGreaterThan(1);
    expect(perDepartment.body.reduce((sum, row) => sum + numberIn(row[1]), 0)).toBe(headlineTotal);
    await expectAccessibleFromTop(page, 'responsiveness-department');

    // Per neighbourhood: the address changes, so the view can be shared.
    await page.getByLabel('Groeperen per').selectOption('neighbourhood');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.waitForURL(/[?&]per=wijk/);
    await expect.poll(() => page.getByRole('heading', { name: 'Tijd tot antwoord per wijk' }).isVisible()).toBe(true);
    const perNeighbourhood = await tableOf(page, 'Op tijd beantwoord per wijk');
    expect(perNeighbourhood.body.map((row) => row[0])).toContain('Stiphout');
    await expectAccessibleFromTop(page, 'responsiveness-neighbourhood');

    // Per month: a trend over the twelve months.
    await page.getByLabel('Groeperen per').selectOption('month');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.waitForURL(/[?&]per=maand/);
    await expect.poll(() => page.getByRole('heading', { name: 'Vragen per maand' }).isVisible()).toBe(true);
    const perMonth = await tableOf(page, 'Vragen per maand');
    expect(perMonth.body).toHaveLength(12);
    expect(perMonth.body.reduce((sum, row) => sum + numberIn(row[1]), 0)).toBe(headlineTotal);
    await expectAccessibleFromTop(page, 'responsiveness-month');

    // The same view in English.
    await page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Responsiveness');
    await expect.poll(() => page.getByRole('heading', { name: 'Requests per month' }).isVisible()).toBe(true);
    await expectAccessibleFromTop(page, 'responsiveness-month-en');
    await page.getByLabel('Group by').selectOption('department');
    await page.getByRole('button', { name: 'Show figures' }).click();
    await page.waitForURL(/[?&]per=afdeling/);
    await expect.poll(() => page.getByRole('heading', { name: 'Time to answer per department' }).isVisible()).toBe(true);
    await expectAccessibleFromTop(page, 'responsiveness-department-en');
    await context.close();
  });

  it('an advisor finds it on their home; a shared address with a period without requests says so', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.getByRole('link', { name: 'Reactiesnelheid van de gemeente' }).click();
    await page.waitForURL('**/helmond/reactiesnelheid');
    await expect.poll(() => page.locator('.insights-chart svg').count()).toBeGreaterThan(0);
    // On a phone the charts shrink to the screen and the tables scroll in their own box (WCAG 1.4.10 reflow).
    await page.setViewportSize({ width: 390, height: 844 });
    await expect.poll(() => page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessibleFromTop(page, 'responsiveness-narrow');
    await page.setViewportSize({ width: 1280, height: 900 });

    const lastYear = new Date().getFullYear() - 1;
    await page.getByRole('button', { name: 'Vorig jaar' }).click();
    await page.waitForURL(new RegExp(`van=${lastYear}-01-01&tot=${lastYear}-12-31&per=afdeling`));
    await expect.poll(() => page.getByLabel('Van', { exact: true }).inputValue()).toBe(`${lastYear}-01-01`);

    await page.goto('/helmond/reactiesnelheid?van=2001-01-01&tot=2001-12-31&per=wijk');
    await expect.poll(() => page.getByText('Er zijn geen vragen ingediend van 1 januari 2001 tot en met 31 december 2001.').isVisible()).toBe(true);
    expect(await page.locator('.insights-chart').count()).toBe(0);
    expect(await page.getByLabel('Groeperen per').inputValue()).toBe('neighbourhood');
    await expectAccessibleFromTop(page, 'responsiveness-empty');

    // A period that ends before it starts is caught in the form, before anything is asked of the server.
    await page.getByLabel('Tot en met', { exact: true }).fill('2000-06-30');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await expect.poll(() => page.getByText('De einddatum ligt vóór de begindatum.').isVisible()).toBe(true);
    expect(page.url()).toContain('tot=2001-12-31');
    await context.close();
  });

  it('a visitor sees the figures while they are public; when the administrator keeps them in, a visitor and a resident are told', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond');
    await page.getByRole('navigation').getByRole('link', { name: 'Reactiesnelheid' }).click();
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Reactiesnelheid');
    await page.getByText('Deze cijfers zijn openbaar').waitFor();
    await expectAccessibleFromTop(page, 'responsiveness-public-visitor');

    const admin = await openPage(browser);
    await logIn(admin.page, 'femke.janssen@helmond.example');
    await admin.page.goto('/helmond/reactiesnelheid');
    await admin.page.getByRole('button', { name: 'Alleen voor gemeente en wijkorganen tonen' }).click();
    await admin.page.getByRole('status').filter({ hasText: 'alleen te zien voor de gemeente en de wijkorganen' }).waitFor();

    try {
      await page.reload();
      await page.getByRole('heading', { level: 1, name: 'Geen toegang tot de reactiesnelheid' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('alleen aan haar medewerkers en aan de wijkorganen');
      expect(await page.getByRole('main').getByRole('link', { name: 'Inloggen' }).isVisible()).toBe(true);
      await expectAccessibleFromTop(page, 'responsiveness-visitor');

      // Someone logged in without a municipal or council role: the partner (the demo's resident is made a council
      // member by the admin journey, and councils always see the figures).
      await logIn(page, 'bram.dewit@politie.example');
      await page.goto('/helmond/reactiesnelheid');
      await page.getByRole('heading', { level: 1, name: 'Geen toegang tot de reactiesnelheid' }).waitFor();
      expect(await page.getByRole('alert').textContent()).toContain('Je account heeft geen van die rollen');
      expect(await page.getByRole('main').getByRole('link', { name: 'Naar mijn pagina' }).isVisible()).toBe(true);
    } finally {
      await admin.page.getByRole('button', { name: 'Openbaar maken' }).click();
      await admin.page.getByRole('status').filter({ hasText: 'nu openbaar' }).waitFor();
    }
    await admin.context.close();
    await context.close();
  });
});
