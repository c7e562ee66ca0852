import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('meeting frequency', () => {
  it('an advisor opens the overview on a phone, finds the wijkwerkoverleggen and records a yearly target for their neighbourhood', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.getByRole('navigation').getByRole('link', { name: 'Overlegfrequentie' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overlegfrequentie' }).waitFor();
    // Helmond-Oost is a development area: the agreement exempts its wijktafel, and says why.
    await page.getByText('Vrijgesteld').first().waitFor();

    await page.getByLabel('Soort overleg').selectOption('wijkwerkoverleg');
    const target = page.getByLabel('Wijkwerkoverleggen per jaar in Brandevoort');
    await target.waitFor();
    // Only the advisor's own neighbourhoods carry the form.
    expect(await page.getByLabel('Wijkwerkoverleggen per jaar in Stiphout').count()).toBe(0);
    await target.selectOption('2');
    await page.locator('form', { has: target }).getByRole('button', { name: 'Vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Vastgelegd: in Brandevoort zijn nu 2 wijkwerkoverleggen per jaar afgesproken.' }).waitFor();
    await page.getByText('2 keer per jaar (zoals voor deze wijk vastgelegd)').waitFor();
    // Usable at 390 px: the table folds into cards and nothing pushes the page sideways.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'meeting-frequency-390');

    await page.getByLabel('Achterstand').selectOption('true');
    await page.getByText(/^\d+ regels$/).waitFor();
    await context.close();
  });

  it('a council member makes an agenda subscription, copies the address once, and revokes it', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'henk.aarts@brandevoort.example');
    await page.goto('/helmond/mijn');
    const section = page.getByRole('region', { name: 'Agenda-abonnement' });
    await section.getByRole('button', { name: 'Agenda-abonnement maken' }).click();
    await section.getByRole('status').filter({ hasText: 'Je agenda-abonnement is gemaakt.' }).waitFor();
    const address = await section.getByLabel('Adres van je agenda-abonnement').inputValue();
    expect(address).toMatch(/\/calendar-feeds\/wcal_/);
    const feed = await page.request.get(address);
    expect(feed.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await feed.text()).not.toContain('Henk');
    await expectAccessible(page, 'calendar-subscription');

    await section.getByRole('button', { name: 'Abonnement intrekken' }).click();
    await section.getByRole('button', { name: 'Ja, intrekken' }).click();
    await section.getByRole('status').filter({ hasText: 'Je agenda-abonnement is ingetrokken' }).waitFor();
    expect((await page.request.get(address)).status()).toBe(404);
    await context.close();
  });
});
