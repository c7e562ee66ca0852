import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { writeGeoPackage } from '../test/geopackage.ts';
import { startIdentityProvider } from '../test/identity-provider.ts';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';
import { linkIn, startMailbox } from './mailbox.ts';
import { type RunningServer, startServer } from './server.setup.ts';

// A municipality starts for real: the platform administrator (made on the server with the command) creates
// "Eindhoven-test", its administrator accepts the e-mailed invitation and uploads the CBS map as published.
const platformPassword = 'Lantaarn-kanaal-e2e-2026';
const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../test/fixtures/helmond-wijken-rd-new.geojson'), 'utf8'));

let browser: Browser;
let server: RunningServer;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;

beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startServer({
    env: { SMTP_URL: mailbox.smtpUrl, SCHEDULER_INTERVAL_SECONDS: '1', ADMIN_SECOND_FACTOR: 'optional', PLATFORM_ADMIN_PASSWORD: platformPassword },
    commandsBefore: [['server/modules/platform-administration/platform-admin-command.ts', '--email', 'platform@wijkwerk.example', '--name', 'Platformbeheer', '--password-from-env']],
  });
  // The municipality's own identity provider, as its IT department runs one.
  idp = await startIdentityProvider({ redirectUris: [`${server.baseUrl}/api/v1/municipalities/eindhoven-test/single-sign-on/callback`], accounts: { 'daan.bakker': { email: 'daan.bakker@eindhoven-test.example', name: 'Daan Bakker' } } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await idp?.close();
  await browser?.close();
  await server?.stop();
  await mailbox?.close();
});

describe('a new municipality', () => {
  it('is created by the platform administrator, and its administrator sets it up with the CBS map', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await page.goto('/platformbeheer');
    await page.getByRole('heading', { name: 'Platformbeheer', level: 1 }).waitFor();
    // A municipality's administrator cannot get in here.
    await page.getByLabel('E-mailadres').fill('femke.janssen@helmond.example');
    await page.getByLabel('Wachtwoord').fill('E2e-demo-wachtwoord-2026');
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('klopt niet');
    await page.getByLabel('E-mailadres').fill('platform@wijkwerk.example');
    await page.getByLabel('Wachtwoord').fill(platformPassword);
    await page.getByRole('button', { name: 'Inloggen' }).click();
    await page.getByRole('heading', { name: 'Nieuwe gemeente' }).waitFor();
    await expectAccessible(page, 'platform-municipalities');

    await page.getByLabel('Naam *', { exact: true }).fill('Eindhoven-test');
    expect(await page.getByLabel('Webadres').inputValue()).toBe('eindhoven-test');
    await page.getByLabel('CBS-code').fill('GM0794');
    await page.getByLabel('Naam van de beheerder').fill('Sanne de Vries');
    await page.getByLabel('E-mailadres van de beheerder').fill('sanne@eindhoven-test.example');
    await page.getByRole('button', { name: 'Gemeente aanmaken' }).click();
    // Helmond has that code already: said at the field, nothing made.
    await expect.poll(() => page.getByText('Er is al een gemeente met deze CBS-code.').first().isVisible()).toBe(true);
    await page.getByLabel('CBS-code').fill('GM0772');
    await page.getByRole('button', { name: 'Gemeente aanmaken' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain('Eindhoven-test is aangemaakt. Sanne de Vries krijgt een e-mail');
    await expect.poll(() => page.getByRole('row', { name: /Eindhoven-test GM0772 0 1/ }).isVisible()).toBe(true);
    await context.close();

    // The invitation arrives; its administrator chooses a password and logs in.
    const invitation = await mailbox.waitFor('sanne@eindhoven-test.example', /.+/);
    const admin = await openPage(browser, { baseUrl: server.baseUrl });
    await admin.page.goto(linkIn(invitation, '/eindhoven-test/wachtwoord-instellen'));
    await admin.page.getByLabel(/^Nieuw wachtwoord/).fill('Zonnebloem-trapveld-42');
    await admin.page.getByRole('button', { name: 'Wachtwoord instellen' }).click();
    await admin.page.getByRole('link', { name: 'Naar inloggen' }).click();
    await admin.page.getByLabel('E-mailadres').fill('sanne@eindhoven-test.example');
    await admin.page.getByLabel('Wachtwoord').fill('Zonnebloem-trapveld-42');
    await admin.page.getByRole('button', { name: 'Inloggen' }).click();
    await admin.page.waitForURL(/\/eindhoven-test\/mijn/);

    // The map as CBS publishes it: a GeoPackage in RD New, with another municipality's wijk beside its own.
    await admin.page.goto('/eindhoven-test/beheer/wijken');
    await admin.page.getByRole('heading', { name: 'Wijken en buurten importeren', level: 2 }).waitFor();
    const asEindhoven = (feature: { properties: Record<string, string>; geometry: unknown }, index: number) => ({
      geometry: feature.geometry as { type: string; coordinates: unknown },
      properties: { ...feature.properties, gemeentecode: 'GM0772', wijkcode: `WK0772${String(index + 1).padStart(2, '0')}`, ...(feature.properties.buurtcode ? { buurtcode: `BU0772${String(index + 1).padStart(4, '0')}` } : {}) },
    });
    const wijken = sample.features.filter((feature: { id: string }) => feature.id.startsWith('WK'));
    const buurten = sample.features.filter((feature: { id: string }) => feature.id.startsWith('BU'));
    const file = path.join(mkdtempSync(path.join(tmpdir(), 'wijkwerk-e2e-map-')), 'wijkenbuurten.gpkg');
    writeGeoPackage(file, { wijken: [...wijken.map(asEindhoven), wijken[0]], buurten: buurten.map((feature: { properties: Record<string, string>; geometry: unknown }, index: number) => ({ ...asEindhoven(feature, index), properties: { ...asEindhoven(feature, index).properties, wijkcode: 'WK077201' } })) });
    await admin.page.getByLabel('Kaartbestand (GeoPackage of GeoJSON)').setInputFiles(file);
    await admin.page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await expect.poll(() => admin.page.getByText(/Bij importeren: \d+ nieuw, 0 bijgewerkt, 0 al gelijk, 0 afgekeurd; over te slaan omdat ze bij een andere gemeente horen: 1\./).isVisible()).toBe(true);
    await admin.page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect.poll(() => admin.page.getByRole('status').filter({ hasText: 'Import klaar' }).first().textContent()).toMatch(/Import klaar: \d+ nieuw/);
    await expectAccessible(admin.page, 'new-municipality-map-imported');

    // Its people from a spreadsheet: checked line by line first.
    await admin.page.goto('/eindhoven-test/beheer/gebruikers/importeren');
    await admin.page.getByRole('heading', { name: 'Gebruikers importeren uit CSV', level: 1 }).waitFor();
    const people = ['naam;e-mail;rollen', 'Daan Bakker;daan.bakker@eindhoven-test.example;wijkadviseur: Suytkade | Hoogeind', 'Noor Jansen;noor.jansen@eindhoven-test.example;inwoner'];
    await admin.page.getByLabel('CSV-bestand').setInputFiles({ name: 'mensen.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${people.join('\r\n')}`, 'utf8') });
    await admin.page.getByRole('button', { name: 'Bestand controleren' }).click();
    await expect.poll(() => admin.page.getByText('Bij importeren: 2 nieuw, 0 bijgewerkt, 0 al gelijk, 0 afgewezen.').isVisible()).toBe(true);
    await admin.page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect.poll(() => admin.page.getByRole('status').filter({ hasText: 'Accounts aangemaakt' }).first().textContent()).toContain('Accounts aangemaakt: 2, uitnodigingen verstuurd.');

    // Staff log in with the municipality's own account from now on.
    await admin.page.goto('/eindhoven-test/beheer/inloggen');
    await admin.page.getByRole('heading', { name: 'Inloggen via de gemeente', level: 1 }).waitFor();
    await admin.page.getByLabel('Inloggen via de gemeente aanzetten').check();
    await admin.page.getByLabel('Issuer (adres van de identity provider)').fill(`${idp.issuer}/verkeerd`);
    await admin.page.getByLabel('Client ID').fill(idp.clientId);
    await admin.page.getByLabel('Client secret').fill(idp.clientSecret);
    await admin.page.getByLabel('Tekst op de knop').fill('het Eindhoven-account');
    await admin.page.getByRole('button', { name: 'Opslaan' }).click();
    // A wrong address is said at its field, before anything is saved.
    await expect.poll(() => admin.page.getByText(/geen OpenID Connect-configuratie te vinden/).first().isVisible()).toBe(true);
    await admin.page.getByLabel('Issuer (adres van de identity provider)').fill(idp.issuer);
    await admin.page.getByRole('button', { name: 'Opslaan' }).click();
    await expect.poll(() => admin.page.getByRole('status').textContent()).toContain('Medewerkers kunnen nu inloggen met het Eindhoven-account.');
    await expectAccessible(admin.page, 'new-municipality-single-sign-on');
    await admin.context.close();

    // A staff member logs in through the provider, without a Wijkwerk password.
    // A context of its own, without the console check: the provider's development login page asks for web fonts
    // from the internet, which this machine cannot reach. Wijkwerk's own pages are checked everywhere else.
    const staffContext = await browser.newContext({ baseURL: server.baseUrl, locale: 'nl-NL' });
    const staff = { context: staffContext, page: await staffContext.newPage() };
    await staff.page.goto('/eindhoven-test/inloggen');
    await staff.page.getByRole('link', { name: 'Inloggen met het Eindhoven-account' }).click();
    await staff.page.locator('input[name="login"]').fill('daan.bakker');
    await staff.page.locator('input[name="password"]').fill('wat-de-gemeente-ook-vraagt');
    await staff.page.getByRole('button', { name: 'Sign-in' }).click();
    await staff.page.getByRole('button', { name: 'Continue' }).click();
    await staff.page.waitForURL(/\/eindhoven-test\/mijn/);
    await expect.poll(() => staff.page.getByText('Ingelogd als Daan Bakker').isVisible()).toBe(true);
    await staff.context.close();

    // The public sees the new municipality's wijken.
    const visitor = await openPage(browser, { baseUrl: server.baseUrl });
    await visitor.page.goto('/eindhoven-test');
    await expect.poll(() => visitor.page.getByRole('link', { name: /Suytkade/ }).count()).toBeGreaterThan(0);
    await visitor.context.close();
  });
});
