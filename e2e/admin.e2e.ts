import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('an admin', () => {
  it('logs in with the keyboard only', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond/inloggen');
    await expectAccessible(page, 'login');
    // Tab, Enter and typing only: the skip link comes first and jumps past the header to the form.
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Direct naar de inhoud');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect(await page.getByLabel('E-mailadres').evaluate((field) => field === document.activeElement)).toBe(true);
    await page.keyboard.type('femke.janssen@helmond.example');
    await page.keyboard.press('Tab');
    await page.keyboard.type(demoPassword());
    await page.keyboard.press('Enter');
    await page.waitForURL('**/helmond/mijn');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Welkom, Femke Janssen');
    await expectAccessible(page, 'admin-home');
    await context.close();
  });

  it('creates a neighbourhood in the register, sees field errors first, and finds it on the public site', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.getByRole('link', { name: 'Beheer', exact: true }).click();
    await page.getByRole('link', { name: 'Wijken', exact: true }).last().click();
    await page.waitForURL('**/beheer/wijken');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Wijken');
    await expectAccessible(page, 'admin-neighbourhoods');

    await page.getByRole('button', { name: 'Nieuwe wijk' }).click();
    await page.getByLabel('CBS-code').fill('WK12');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Dit veld is verplicht.');
    await expectAccessible(page, 'admin-neighbourhood-errors');

    await page.getByLabel('Naam *').fill('Suytkade');
    await page.getByLabel('CBS-code').fill('WK079412');
    await page.getByLabel('Beschrijving').fill('Nieuwe woonwijk aan het kanaal.');
    await page.getByRole('button', { name: 'Toevoegen' }).click();
    await expect.poll(() => page.getByRole('status').first().textContent()).toContain('“Suytkade” is opgeslagen.');
    await expect.poll(() => page.getByRole('cell', { name: 'Suytkade', exact: true }).isVisible()).toBe(true);

    await page.goto('/helmond/wijken/suytkade');
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe('Suytkade');
    expect(await page.getByText('Nieuwe woonwijk aan het kanaal.').isVisible()).toBe(true);
    await context.close();
  });

  it('records what a portfolio covers and an English name, and the English interface uses it', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer/portefeuilles');
    await page.getByRole('heading', { level: 1, name: 'Portefeuilles' }).waitFor();
    await page.getByRole('button', { name: 'Economie wijzigen' }).click();
    const departments = page.getByRole('group', { name: 'Afdelingen' });
    await departments.getByLabel('Groen').check();
    await page.getByRole('group', { name: 'Wijken (wijkwethouder)' }).getByLabel('Warande').check();
    await expectAccessible(page, 'admin-portfolio-editing');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '“Economie” is opgeslagen.' }).first().waitFor();
    const row = page.getByRole('row').filter({ hasText: 'Economie en Werk, Groen' });
    await row.waitFor();
    expect(await row.textContent()).toContain('Warande');

    // A department's English name shows in the English interface; without one, the Dutch name does.
    await page.goto('/helmond/beheer/afdelingen');
    await page.getByRole('button', { name: 'Sport wijzigen' }).click();
    await page.getByLabel('Naam in het Engels (niet verplicht)').fill('Sports and leisure');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '“Sport” is opgeslagen.' }).first().waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.goto('/helmond/vragen');
    const departmentFilter = page.getByLabel('Department', { exact: true });
    await departmentFilter.locator('option', { hasText: 'Sports and leisure' }).waitFor({ state: 'attached' });
    const options = await departmentFilter.locator('option').allTextContents();
    expect(options).toEqual(expect.arrayContaining(['Sports and leisure', 'Traffic', 'Green spaces']));
    await context.close();
  });

  it('imports a buurt from a GeoJSON file: preview first, a file with a refused part not at all, then confirm', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer/wijken');
    await page.getByRole('heading', { name: 'Wijken en buurten importeren', level: 2 }).waitFor();
    const square = [[[5.69, 51.47], [5.7, 51.47], [5.7, 51.48], [5.69, 51.48], [5.69, 51.47]]];
    const file = {
      type: 'FeatureCollection',
      features: [
        { type: 'Feature', properties: { gemeentecode: 'GM0794', wijkcode: 'WK079412', buurtcode: 'BU07941201', buurtnaam: 'Suytkade-Noord' }, geometry: { type: 'Polygon', coordinates: square } },
        { type: 'Feature', properties: { gemeentecode: 'GM0794', wijkcode: 'WK079416', wijknaam: 'Punt' }, geometry: { type: 'Point', coordinates: [5.69, 51.47] } },
      ],
    };
    const mapFile = page.getByLabel('Kaartbestand (GeoPackage of GeoJSON)');
    await mapFile.setInputFiles({ name: 'suytkade.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify(file)) });
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await expect.poll(() => page.getByText('Bij importeren: 1 nieuw, 0 bijgewerkt, 0 al gelijk, 1 afgekeurd; over te slaan omdat ze bij een andere gemeente horen: 0.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: 'WK079416' }).isVisible()).toBe(true);
    await expectAccessible(page, 'admin-area-import-preview');
    // Half a map is not imported: the point has to go first.
    await expect.poll(() => page.getByText('Er wordt pas iets geïmporteerd als elk onderdeel van deze gemeente klopt').isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).isDisabled()).toBe(true);
    await mapFile.setInputFiles({ name: 'suytkade.geojson', mimeType: 'application/geo+json', buffer: Buffer.from(JSON.stringify({ ...file, features: file.features.slice(0, 1) })) });
    await page.getByRole('button', { name: 'Bekijk wat er verandert' }).click();
    await expect.poll(() => page.getByText('Bij importeren: 1 nieuw, 0 bijgewerkt, 0 al gelijk, 0 afgekeurd;').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import klaar' }).first().textContent()).toContain('Import klaar: 1 nieuw, 0 bijgewerkt, 0 al gelijk; overgeslagen omdat ze bij een andere gemeente horen: 0.');
    await context.close();
  });

  it('imports people from a CSV file: checks every line first, imports only a file without rejected lines', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer/gebruikers');
    await page.getByRole('link', { name: 'Importeren uit CSV' }).click();
    await page.getByRole('heading', { name: 'Gebruikers importeren uit CSV', level: 1 }).waitFor();
    const lines = ['naam;e-mail;rollen', 'Sanne de Vries;sanne.devries@example.org;wijkadviseur: Brandevoort', 'Daan Bakker;daan.bakker@example.org;wijkadviseur: Atlantis'];
    const choose = (content: string) => page.getByLabel('CSV-bestand').setInputFiles({ name: 'gebruikers.csv', mimeType: 'text/csv', buffer: Buffer.from(`\uFEFF${content}`, 'utf8') });
    await choose(lines.join('\r\n'));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await expect.poll(() => page.getByText('Bij importeren: 1 nieuw, 0 bijgewerkt, 0 al gelijk, 1 afgewezen.').isVisible()).toBe(true);
    await expect.poll(() => page.getByRole('cell', { name: /Onbekende wijk “Atlantis”/ }).isVisible()).toBe(true);
    expect(await page.getByRole('button', { name: 'Importeren', exact: true }).isDisabled()).toBe(true);
    await expectAccessible(page, 'admin-user-import-preview');
    // The corrected file imports.
    await choose(lines.slice(0, 2).join('\r\n'));
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await expect.poll(() => page.getByText('Bij importeren: 1 nieuw, 0 bijgewerkt, 0 al gelijk, 0 afgewezen.').isVisible()).toBe(true);
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Accounts aangemaakt' }).first().textContent()).toContain('Accounts aangemaakt: 1, uitnodigingen verstuurd.');
    await context.close();
  });

  it('downloads the departments as CSV and reads an edited file back in', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer/afdelingen');
    await page.getByRole('heading', { name: 'Lijst als CSV', level: 2 }).waitFor();
    const exported = await page.request.get(String(await page.getByRole('link', { name: 'Lijst downloaden als CSV' }).getAttribute('href')));
    expect(exported.headers()['content-type']).toContain('text/csv');
    const edited = `${(await exported.text()).replace(/^\uFEFF/, '')}cultuur;Cultuur;Culture;\r\n`;
    await page.getByLabel('CSV-bestand', { exact: true }).setInputFiles({ name: 'afdelingen.csv', mimeType: 'text/csv', buffer: Buffer.from(edited, 'utf8') });
    await page.getByRole('button', { name: 'Bestand controleren' }).click();
    await expect.poll(() => page.getByText(/Bij importeren: 1 nieuw, 0 bijgewerkt, \d+ al gelijk, 0 afgewezen\./).isVisible()).toBe(true);
    await expectAccessible(page, 'admin-department-csv-preview');
    await page.getByRole('button', { name: 'Importeren', exact: true }).click();
    await expect.poll(() => page.getByRole('status').filter({ hasText: 'Import klaar' }).first().textContent()).toContain('Import klaar: 1 nieuw, 0 bijgewerkt');
    await expect.poll(() => page.getByRole('cell', { name: 'Cultuur', exact: true }).isVisible()).toBe(true);
    await context.close();
  });

  it('browses the audit log and sees the new neighbourhood there', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer/auditlog');
    // In words: what happened and to which record, not codes and ids.
    await expect.poll(() => page.getByRole('cell', { name: 'Wijk aangemaakt', exact: true }).count()).toBeGreaterThan(0);
    await expect.poll(() => page.getByRole('cell', { name: 'Wijk: Suytkade', exact: true }).count()).toBeGreaterThan(0);
    await expectAccessible(page, 'admin-audit-log');
    await page.goto('/helmond/beheer/gebruikers');
    await expect.poll(() => page.getByRole('cell', { name: 'Henk Aarts', exact: true }).isVisible()).toBe(true);
    await expectAccessible(page, 'admin-users');
    // The other logs of the administration, each with its filter bar.
    await page.goto('/helmond/beheer/beveiliging');
    await page.getByRole('heading', { name: 'Beveiligingsgebeurtenissen', level: 1 }).waitFor();
    await page.getByRole('search').getByRole('button', { name: 'Filteren' }).click();
    await expectAccessible(page, 'admin-security-events');
    await page.goto('/helmond/beheer/outbox');
    await page.getByRole('heading', { name: 'Uitgaande berichten', level: 1 }).waitFor();
    await page.getByRole('search').getByRole('button', { name: 'Filteren' }).waitFor();
    await context.close();
  });

  it('gives a resident a council role, scoped to one council', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer/gebruikers');
    await page.getByRole('button', { name: 'Rollen van Eva Mulder wijzigen' }).click();
    await page.getByLabel('Rol', { exact: true }).selectOption({ label: 'Lid wijkorgaan' });
    await page.getByLabel('Voor welk wijkorgaan').selectOption({ label: 'Wijkraad Warande' });
    await expectAccessible(page, 'admin-user-roles');
    await page.getByRole('button', { name: 'Rol toevoegen' }).click();
    await expect.poll(() => page.getByText('Lid wijkorgaan: Wijkraad Warande').count()).toBeGreaterThan(0);
    await context.close();

    const member = await openPage(browser);
    await logIn(member.page, 'eva.mulder@mail.example');
    await expect.poll(() => member.page.getByRole('heading', { name: 'Mijn wijkorgaan: Wijkraad Warande' }).isVisible()).toBe(true);
    await member.context.close();
  });

  // Ayşe logs in in no other journey: her new address changes nothing elsewhere.
  it('changes a person’s e-mail address, and says both addresses were told', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/beheer/gebruikers');
    await page.getByRole('button', { name: 'E-mailadres van Ayşe Yıldız wijzigen' }).click();
    const field = page.getByLabel('Nieuw e-mailadres van Ayşe Yıldız');
    await field.fill('henk.aarts@brandevoort.example');
    await page.getByRole('button', { name: 'E-mailadres opslaan' }).click();
    await page.getByText('Deze waarde is al in gebruik. Kies een andere.').first().waitFor();
    await field.fill('a.yildiz@helmond-oost.example');
    await expectAccessible(page, 'admin-user-email');
    await page.getByRole('button', { name: 'E-mailadres opslaan' }).click();
    await page.getByText('Het e-mailadres van Ayşe Yıldız is nu a.yildiz@helmond-oost.example.').waitFor();
    await page.getByRole('cell', { name: 'a.yildiz@helmond-oost.example' }).waitFor();
    await context.close();
  });

  it('keeps non-admins out of the administration', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'eva.mulder@mail.example');
    await page.goto('/helmond/beheer/wijken');
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Alleen beheerders');
    await context.close();
  });
});
