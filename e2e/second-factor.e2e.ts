import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, it } from 'vitest';
import { totpCodeAt } from '../server/modules/users/totp.ts';
import { demoPassword, expectAccessible, launchBrowser, openPage } from './browser.ts';
import { type RunningServer, startServer } from './server.setup.ts';

// Its own server, as a municipality runs it: administrators must use a second factor, and (to see the step-up without
// waiting ten minutes) a change to roles needs a confirmation from the last minute. Served as "localhost", because
// passkeys are bound to a host name.
let server: RunningServer;
let browser: Browser;
const admin = 'femke.janssen@helmond.example';

beforeAll(async () => {
  server = await startServer({ host: 'localhost', env: { REAUTHENTICATION_MINUTES: '1' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
});

/** A code is accepted once: wait for the authenticator app's next 30-second step after the one last used. */
let lastStep = 0;
async function nextCode(secret: string): Promise<string> {
  while (Math.floor(Date.now() / 30_000) <= lastStep) await new Promise((resolve) => setTimeout(resolve, 500));
  lastStep = Math.floor(Date.now() / 30_000);
  return totpCodeAt(secret, new Date());
}

async function passwordStep(page: Page) {
  await page.goto('/helmond/inloggen');
  await page.getByLabel('E-mailadres').fill(admin);
  await page.getByLabel('Wachtwoord *', { exact: true }).fill(demoPassword());
  await page.getByRole('button', { name: 'Inloggen' }).click();
}

describe('an administrator’s second factor', () => {
  let secret = '';

  it('is asked for at the first login, set up with an authenticator app, and asked for at the next login', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await passwordStep(page);
    // Every page leads to the set-up until it is done.
    await page.waitForURL('**/helmond/mijn/beveiliging');
    await page.getByText('Voordat je verder kunt: stel hieronder een tweede stap in.').waitFor();
    await page.goto('/helmond/beheer/gebruikers');
    await page.waitForURL('**/helmond/mijn/beveiliging');
    await expectAccessible(page, 'second-factor-required');

    await page.getByLabel('Naam (voor jezelf)').fill('Telefoon Femke');
    await page.getByRole('button', { name: 'Authenticator-app koppelen' }).click();
    const shown = page.locator('.app-secret');
    await shown.waitFor();
    await page.getByRole('img', { name: 'QR-code om Wijkwerk aan je authenticator-app toe te voegen' }).waitFor();
    await expectAccessible(page, 'second-factor-scan');
    secret = ((await shown.textContent()) ?? '').replace(/\s+/g, '');
    await page.getByLabel('De code die de app nu toont').fill('000000');
    await page.getByRole('button', { name: 'App bevestigen' }).click();
    await page.getByText('Deze code klopt niet.').first().waitFor();
    await page.getByLabel('De code die de app nu toont').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'App bevestigen' }).click();
    await page.getByText('“Telefoon Femke” is toegevoegd.').waitFor();
    await page.getByRole('cell', { name: 'Telefoon Femke · authenticator-app' }).waitFor();
    await page.goto('/helmond/beheer/gebruikers');
    await page.getByRole('heading', { name: 'Gebruikers', level: 1 }).waitFor();
    await context.close();

    const again = await openPage(browser, { baseUrl: server.baseUrl });
    await passwordStep(again.page);
    await again.page.getByRole('heading', { name: 'Nog één stap', level: 1 }).waitFor();
    await expectAccessible(again.page, 'login-second-step');
    await again.page.getByLabel('Code uit de app').fill(await nextCode(secret));
    await again.page.getByRole('button', { name: 'Inloggen' }).click();
    await again.page.waitForURL('**/helmond/mijn');
    await again.context.close();
  });

  it('confirms it is them before a role change when the login is not recent', { timeout: 180_000 }, async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await passwordStep(page);
    await page.getByLabel('Code uit de app').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/helmond/mijn');
    await page.goto('/helmond/beheer/gebruikers');
    // Past the one-minute window of this server.
    await new Promise((resolve) => setTimeout(resolve, 62_000));
    await page.getByRole('button', { name: 'Rollen van Eva Mulder wijzigen' }).click();
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Lid wijkorgaan' });
    await page.getByLabel('Voor welk wijkorgaan').selectOption({ label: 'Wijkraad Warande' });
    await page.getByRole('button', { name: 'Rol toevoegen' }).click();
    const dialog = page.getByRole('dialog', { name: 'Bevestig dat jij het bent' });
    await dialog.waitFor();
    await expectAccessible(page, 'step-up-dialog');
    await dialog.getByLabel('Code uit de app').fill(await nextCode(secret));
    await dialog.getByRole('button', { name: 'Bevestigen' }).click();
    await dialog.waitFor({ state: 'hidden' });
    // The change was made as soon as the person confirmed.
    await page.getByText('Lid wijkorgaan: Wijkraad Warande').first().waitFor();
    await context.close();
  });

  it('adds a passkey and logs in with it', { timeout: 120_000 }, async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    // Chromium's virtual authenticator stands in for a phone or security key.
    const cdp = await context.newCDPSession(page);
    await cdp.send('WebAuthn.enable');
    await cdp.send('WebAuthn.addVirtualAuthenticator', { options: { protocol: 'ctap2', transport: 'internal', hasResidentKey: true, hasUserVerification: true, isUserVerified: true } });
    await passwordStep(page);
    await page.getByLabel('Code uit de app').fill(await nextCode(secret));
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.waitForURL('**/helmond/mijn');
    await page.goto('/helmond/mijn/beveiliging');
    await page.getByLabel('Naam (voor jezelf)').fill('Laptop');
    await page.getByRole('button', { name: 'Passkey toevoegen' }).click();
    await page.getByText('“Laptop” is toegevoegd.').waitFor();
    await expectAccessible(page, 'second-factor-passkey-added');
    await page.getByRole('button', { name: 'Uitloggen' }).click();

    await passwordStep(page);
    await page.getByRole('button', { name: 'Inloggen met passkey' }).click();
    await page.waitForURL('**/helmond/mijn');
    await context.close();
  });
});
