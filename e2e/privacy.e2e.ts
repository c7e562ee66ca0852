import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, expectAccessible, launchBrowser, openPage } from './browser.ts';
import { type RunningServer, startServer } from './server.setup.ts';

// Its own server: the journey erases the demo's resident, whom other journeys need.
let server: RunningServer;
let browser: Browser;
const resident = 'eva.mulder@mail.example';
const admin = 'femke.janssen@helmond.example';
const councilMember = 'henk.aarts@brandevoort.example';

beforeAll(async () => {
  server = await startServer({ env: { ADMIN_SECOND_FACTOR: 'optional' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

async function logIn(page: import('playwright-core').Page, email: string) {
  await page.goto('/helmond/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord *', { exact: true }).fill(demoPassword());
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/helmond/mijn');
}

describe('privacy in the browser', () => {
  it('a visitor reads the privacy statement from the footer', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await page.goto('/helmond');
    await page.getByRole('contentinfo').getByRole('link', { name: 'Privacy' }).click();
    await page.waitForURL('**/helmond/privacy');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Privacyverklaring Wijkwerk van de gemeente Helmond');
    await expect.poll(() => page.getByRole('heading', { name: 'Je rechten', level: 2 }).isVisible()).toBe(true);
    await expectAccessible(page, 'privacy-statement');
    await page.setViewportSize({ width: 390, height: 844 });
    await expectAccessible(page, 'privacy-statement-390');
    await context.close();
  });

  it('a council member downloads their data and asks for it to be erased; the administrator carries it out', async () => {
    const residentPage = await openPage(browser, { baseUrl: server.baseUrl });
    await logIn(residentPage.page, councilMember);
    await residentPage.page.goto('/helmond/mijn/beveiliging');
    const myData = residentPage.page.getByRole('region', { name: 'Mijn gegevens' });
    const [download] = await Promise.all([residentPage.page.waitForEvent('download'), myData.getByRole('link', { name: 'Download mijn gegevens (JSON)' }).click()]);
    expect(download.suggestedFilename()).toMatch(/^wijkwerk-gegevens-\d{4}-\d{2}-\d{2}\.json$/);
    const exported = JSON.parse(await readFile((await download.path()) as string, 'utf8'));
    expect(exported.account).toMatchObject({ email: councilMember, displayName: 'Henk Aarts' });
    await expectAccessible(residentPage.page, 'security-my-data');

    await myData.getByRole('button', { name: 'Vraag om mijn gegevens te verwijderen' }).click();
    await myData.getByRole('button', { name: 'Ja, verstuur het verzoek' }).click();
    await expect.poll(() => myData.getByText(/Je hebt op .* gevraagd om je gegevens te verwijderen/).isVisible()).toBe(true);
    await expectAccessible(residentPage.page, 'security-erasure-requested');

    const adminPage = await openPage(browser, { baseUrl: server.baseUrl });
    await logIn(adminPage.page, admin);
    await adminPage.page.goto('/helmond/beheer/privacy');
    const requests = adminPage.page.getByRole('region', { name: 'Verzoeken om gegevens te verwijderen' });
    await expect.poll(() => requests.getByText(`Henk Aarts · ${councilMember}`).isVisible()).toBe(true);
    await expectAccessible(adminPage.page, 'admin-privacy');
    await requests.getByRole('button', { name: 'Gegevens verwijderen' }).click();
    await requests.getByRole('button', { name: 'Ja, verwijder de gegevens van Henk Aarts' }).click();
    await expect.poll(() => requests.getByText('De gegevens zijn verwijderd en het account is geanonimiseerd.').isVisible()).toBe(true);
    await expect.poll(() => requests.getByText('Er wachten geen verzoeken.').isVisible()).toBe(true);

    // The council member's session ended with the erasure.
    await residentPage.page.goto('/helmond/mijn');
    await expect.poll(() => residentPage.page.url()).toContain('/helmond/inloggen');
    await residentPage.context.close();
    await adminPage.context.close();
  });

  it('a resident deletes their own account at once; the page says so and the login no longer works', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await logIn(page, resident);
    await page.goto('/helmond/mijn/beveiliging');
    const myData = page.getByRole('region', { name: 'Mijn gegevens' });
    await myData.getByRole('button', { name: 'Account verwijderen' }).click();
    await expectAccessible(page, 'security-delete-account-confirm');
    await myData.getByRole('button', { name: 'Ja, verwijder mijn account' }).click();
    await page.waitForURL(/\/helmond$/);
    await page.getByRole('status').filter({ hasText: 'Je account is verwijderd en je bent uitgelogd.' }).waitFor();
    await expectAccessible(page, 'account-deleted');

    await page.goto('/helmond/inloggen');
    await page.getByLabel('E-mailadres').fill(resident);
    await page.getByLabel('Wachtwoord *', { exact: true }).fill(demoPassword());
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByText('Het e-mailadres of wachtwoord klopt niet.').waitFor();
    await context.close();
  });
});
