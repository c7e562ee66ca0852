import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, expectAccessible, launchBrowser, openPage } from './browser.ts';
import { type RunningServer, startServer } from './server.setup.ts';

// Its own server: the journey changes how Helmond looks, which other journeys do not expect.
let server: RunningServer;
let browser: Browser;
const admin = 'femke.janssen@helmond.example';
/** A 1×1 PNG, the smallest real logo. */
const logo = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

beforeAll(async () => {
  server = await startServer({ env: { ADMIN_SECOND_FACTOR: 'optional' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: Page, email: string) {
  await page.goto('/helmond/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord *', { exact: true }).fill(demoPassword());
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/helmond/mijn');
}

describe('the municipality’s own look and words', () => {
  it('the administrator sets a colour, a logo, contact details and the privacy text, and a visitor sees them', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await logIn(page, admin);
    await page.goto('/helmond/beheer');
    await page.getByRole('link', { name: 'Huisstijl en gegevens' }).click();
    await page.waitForURL('**/helmond/beheer/huisstijl');
    await expectAccessible(page, 'look-admin-empty');

    // Too light first: the page says so while typing, and the server refuses it naming the field.
    const primary = page.getByLabel('Hoofdkleur (knoppen)', { exact: true });
    await primary.fill('#ffcc00');
    await expect.poll(() => page.getByText(/Contrast met wit: 1,\d:1, te laag/).isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Huisstijl en gegevens opslaan' }).click();
    await expect.poll(() => page.getByText(/te weinig contrast met wit/).first().isVisible()).toBe(true);

    await primary.fill('#01689b');
    await expect.poll(() => page.getByText('Contrast met wit: 6,0:1, goed leesbaar.').isVisible()).toBe(true);
    await page.getByLabel('Achtergrond van de voet', { exact: true }).fill('#154273');
    await page.getByLabel('Naam zoals getoond', { exact: true }).fill('Gemeente Helmond');
    await page.getByLabel('Aanspreekvorm', { exact: true }).selectOption('u');
    await page.getByLabel('Telefoon', { exact: true }).fill('14 0492');
    await page.getByLabel('E-mailadres', { exact: true }).fill('info@helmond.example');
    await page.getByLabel('Adres', { exact: true }).fill('Weg op den Heuvel 35\n5701 NV Helmond');
    await page.getByRole('button', { name: 'Huisstijl en gegevens opslaan' }).click();
    await expect.poll(() => page.getByText('Huisstijl en gegevens opgeslagen.', { exact: false }).isVisible()).toBe(true);

    await page.getByLabel('Nieuw logo', { exact: true }).setInputFiles({ name: 'logo.png', mimeType: 'image/png', buffer: logo });
    await page.getByRole('button', { name: 'Logo opslaan' }).click();
    await expect.poll(() => page.getByText('Logo opgeslagen.', { exact: false }).isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('img', { name: 'Huidig logo' }).isVisible()).toBe(true);

    const statement = page.getByLabel('Tekst van de privacyverklaring', { exact: false });
    await statement.fill('# Privacy bij de gemeente Helmond\n\nWij bewaren alleen wat nodig is om uw vraag te beantwoorden.');
    await page.getByRole('button', { name: 'Privacyverklaring publiceren' }).click();
    await expect.poll(() => page.getByText('De privacyverklaring is gepubliceerd.').isVisible()).toBe(true);
    await expectAccessible(page, 'look-admin-filled');
    await context.close();

    // A visitor without an account.
    const visitor = await openPage(browser, { baseUrl: server.baseUrl });
    await visitor.page.goto('/helmond');
    const header = visitor.page.getByRole('banner');
    await expect.poll(() => header.getByRole('link', { name: /Gemeente Helmond/ }).isVisible()).toBe(true);
    await expect.poll(() => header.locator('img.app-brand__logo').evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(1);
    const buttonColour = await visitor.page.getByRole('link', { name: 'Stel een vraag' }).evaluate((element) => getComputedStyle(element).backgroundColor);
    expect(buttonColour).toBe('rgb(1, 104, 155)');
    // The formal form of address on the home page.
    await expect.poll(() => visitor.page.getByRole('heading', { name: 'Iets voor uw wijk?' }).isVisible()).toBe(true);
    const footer = visitor.page.getByRole('contentinfo');
    expect(await footer.evaluate((element) => getComputedStyle(element).backgroundColor)).toBe('rgb(21, 66, 115)');
    expect(await footer.getByRole('link', { name: 'info@helmond.example' }).getAttribute('href')).toBe('mailto:info@helmond.example');
    expect(await footer.getByText('Weg op den Heuvel 35').isVisible()).toBe(true);
    await expectAccessible(visitor.page, 'look-home');

    await footer.getByRole('link', { name: 'Privacy' }).click();
    await visitor.page.waitForURL('**/helmond/privacy');
    await expect.poll(() => visitor.page.getByRole('heading', { level: 1 }).textContent()).toBe('Privacy bij de gemeente Helmond');
    expect(await visitor.page.getByText('Wij bewaren alleen wat nodig is om uw vraag te beantwoorden.').isVisible()).toBe(true);
    await expectAccessible(visitor.page, 'look-privacy');

    await visitor.page.goto('/helmond/meldingen/nieuw');
    await expect.poll(() => visitor.page.getByText(/^Ziet u iets kapot/).isVisible()).toBe(true);
    await visitor.context.close();
  });
});
