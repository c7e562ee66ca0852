import type { Browser, Page } from 'playwright-core';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const year = new Date().getFullYear() + 1;
let planUrl = '';

/** A 1×1 PNG: the server recognises an image by its bytes. */
const samplePng = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

async function statusSays(page: Page, text: string) {
  await page.getByRole('status').filter({ hasText: text }).waitFor();
}

describe('the wijkactieplan from its wijktafel to progress', () => {
  it('the advisor starts the plan for Brouwhuis from its planned wijktafel and invites the police', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    // The wijktafel the plan belongs to.
    await page.goto('/helmond/overleggen');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByLabel('Soort overleg').selectOption({ label: 'Wijktafel' });
    await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Brouwhuis' });
    await page.getByLabel('Titel').fill(`Wijktafel Brouwhuis ${year}`);
    await page.getByLabel('Datum').fill(`${year}-04-14`);
    await page.getByRole('textbox', { name: /^Plaats\s*\*?$/ }).fill('Wijkhuis Brouwhuis');
    const chair = page.getByLabel('Voorzitter');
    await chair.locator('option', { hasText: 'Marieke Gerritsen' }).waitFor({ state: 'attached' });
    await chair.selectOption({ label: (await chair.locator('option', { hasText: 'Marieke Gerritsen' }).textContent()) ?? '' });
    await page.getByLabel('Plaats openbaar deel').fill('Wijkhuis, grote zaal');
    await page.getByLabel('Begintijd openbaar deel').fill('21:00');
    await page.getByLabel('Eindtijd openbaar deel').fill('22:00');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await statusSays(page, `“Wijktafel Brouwhuis ${year}” is gepland.`);

    await page.getByRole('link', { name: 'Wijkactieplannen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijkactieplannen' }).waitFor();
    const wijktafel = page.getByLabel('Wijktafel');
    await wijktafel.locator('option', { hasText: 'Brouwhuis' }).waitFor({ state: 'attached' });
    await wijktafel.selectOption({ label: (await wijktafel.locator('option', { hasText: 'Brouwhuis' }).textContent()) ?? '' });
    // The period is left out: the form says so and nothing is made.
    await page.getByRole('button', { name: 'Wijkactieplan starten' }).click();
    await page.getByRole('alert').waitFor();
    await page.getByLabel('Looptijd vanaf').fill(`${year}-05-01`);
    await page.getByLabel('Looptijd tot en met').fill(`${year + 2}-04-30`);
    await page.getByRole('button', { name: 'Wijkactieplan starten' }).click();
    await page.getByRole('heading', { level: 1, name: `Wijkactieplan Brouwhuis ${year}–${year + 2}` }).waitFor();
    planUrl = new URL(page.url()).pathname;
    expect(await page.locator('main').textContent()).toContain('is gestart als concept');

    await page.getByLabel('Soort partij').selectOption({ label: 'Partner' });
    const party = page.getByRole('combobox', { name: /^Partij\s*\*?$/ });
    await party.locator('option', { hasText: 'Politie' }).waitFor({ state: 'attached' });
    await party.selectOption({ label: (await party.locator('option', { hasText: 'Politie' }).textContent()) ?? '' });
    await page.getByRole('button', { name: 'Uitnodigen' }).click();
    await statusSays(page, 'is uitgenodigd om bij te dragen');
    await page.getByRole('button', { name: 'Bijdragen gaan verzamelen' }).click();
    await statusSays(page, 'De uitgenodigde partijen hebben bericht gekregen');
    expect(await page.getByRole('region', { name: 'Uitgenodigde partijen' }).textContent()).toContain('Nog niet');
    await expectAccessible(page, 'action-plan-collecting');
    await context.close();
  });

  it('the police contribute an action on a phone', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, 'bram.dewit@politie.example');
    await page.goto(planUrl);
    await page.getByRole('heading', { level: 3, name: 'Een actie aandragen' }).waitFor();
    await page.getByRole('textbox', { name: /^Opgave\s*\*?$/ }).fill('Veilig wonen');
    await page.getByRole('textbox', { name: /^Actie\s*\*?$/ }).fill('Woninginbraak voorkomen');
    await page.getByLabel('Wat gebeurt er precies?').fill('Voorlichtingsavonden en extra surveillance in de donkere maanden');
    await page.getByRole('button', { name: 'Bijdrage versturen' }).click();
    await statusSays(page, 'Je bijdrage “Woninginbraak voorkomen” is verstuurd.');
    expect(await page.getByRole('region', { name: 'Bijdragen' }).textContent()).toContain('nog te beoordelen');
    await expectAccessible(page, 'action-plan-contribute-390');
    await context.close();
  });

  it('the advisor takes it over, the SMART check flags the missing indicator, and after the fix the plan is adopted', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.goto(planUrl);
    await page.getByRole('button', { name: '“Woninginbraak voorkomen” overnemen in het plan' }).click();
    await statusSays(page, 'is overgenomen als actie in het plan');
    const check = page.getByRole('region', { name: 'SMART-check' });
    await check.getByText('Geef een indicator').waitFor();
    expect(await check.textContent()).toContain('Woninginbraak voorkomen');

    await page.getByRole('button', { name: '“Woninginbraak voorkomen” wijzigen' }).click();
    await page.getByLabel('Indicator').fill('Woninginbraken per jaar');
    await page.getByLabel('Beginwaarde').fill('40');
    await page.getByLabel('Streefwaarde').fill('25');
    await page.getByLabel('Eenheid').fill('inbraken per jaar');
    await page.getByLabel('Start').fill(`${year}-09-01`);
    await page.getByLabel('Einddatum').fill(`${year + 1}-03-31`);
    await page.getByLabel('Waar in de wijk?').fill('Brouwhuis-Noord en Brouwhuis-Zuid');
    await page.getByLabel('Uren', { exact: true }).fill('80');
    await page.getByLabel('De eigenaar bevestigt dat dit extra inzet is, bovenop het reguliere werk').check();
    await page.getByRole('button', { name: 'Actie opslaan' }).click();
    await statusSays(page, 'Actie “Woninginbraak voorkomen” is opgeslagen.');
    await check.getByText('Op te lossen').waitFor({ state: 'detached' });

    await page.getByRole('button', { name: 'Klaar voor de wijktafel' }).click();
    await statusSays(page, 'Het plan staat klaar voor de wijktafel.');
    // Each warning is named by its action and what is missing, and is accepted with a reason.
    const reasons = page.getByRole('form', { name: 'Vaststellen' }).locator('input[id^="warning-"]');
    await page.getByRole('form', { name: 'Vaststellen' }).getByLabel('Woninginbraak voorkomen: Kies een contactpersoon bij de eigenaar.').waitFor();
    expect(await reasons.count()).toBeGreaterThan(0);
    for (const field of await reasons.all()) await field.fill('Besproken aan de wijktafel.');
    await expectAccessible(page, 'action-plan-adopt');
    await page.getByRole('button', { name: 'Plan vaststellen' }).click();
    await statusSays(page, 'Versie 1 is vastgesteld.');
    expect(await page.locator('main').textContent()).toContain('Vastgesteld · versie 1');

    // The adopted version downloads as a PDF that holds the plan's actions.
    const href = await page.getByRole('link', { name: 'Versie 1 (pdf)' }).getAttribute('href');
    const pdf = await page.request.get(href ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Woninginbraak voorkomen');
    expect(text).toContain('Versie 1');
    await context.close();
  });

  it('the owner posts progress with a photo as evidence and the plan is in execution', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'bram.dewit@politie.example');
    await page.goto(planUrl);
    await page.getByRole('button', { name: 'Voortgang van “Woninginbraak voorkomen” doorgeven' }).click();
    await page.getByLabel('Stand van zaken').selectOption({ label: 'Op schema' });
    await page.getByLabel('Waarde nu (Woninginbraken per jaar)').fill('34');
    await page.getByLabel('Toelichting').fill('Twee voorlichtingsavonden gehouden, goed bezocht.');
    await page.getByLabel('Bewijsstuk (niet verplicht)').setInputFiles({ name: 'voorlichtingsavond.png', mimeType: 'image/png', buffer: samplePng });
    await page.getByRole('button', { name: 'Voortgang doorgeven' }).click();
    await statusSays(page, 'Voortgang van “Woninginbraak voorkomen” is doorgegeven: Op schema.');
    expect(await page.locator('main').textContent()).toContain('In uitvoering');
    expect(await page.locator('main').textContent()).toContain('nu 34');
    // The report and its photo in the action's history.
    await page.getByText('Voortgangsberichten en bewijsstukken van “Woninginbraak voorkomen”').click();
    const photo = page.getByRole('link', { name: 'voorlichtingsavond.png' });
    await photo.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), photo.click()]);
    expect(download.suggestedFilename()).toBe('voorlichtingsavond.png');
    await expectAccessible(page, 'action-plan-progress');
    await context.close();
  });
});

describe('monitoring, reports and the public plan', () => {
  it('the advisor sees what needs attention and the subsidy condition, and sends the reports that are due', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.goto('/helmond/wijkactieplannen');
    await page.getByRole('link', { name: 'Acties die aandacht vragen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Acties die aandacht vragen' }).waitFor();
    await page.getByRole('table').waitFor();
    expect(await page.locator('main').textContent()).toContain('te laat');
    await expectAccessible(page, 'action-plan-attention');

    await page.goto('/helmond/wijkactieplannen/subsidievoorwaarde');
    await page.getByRole('table').waitFor();
    expect(await page.locator('main').textContent()).toMatch(/\d+ van de \d+ wijkorganen hebben in \d{4} bijgedragen/);
    await expectAccessible(page, 'subsidy-condition');

    await page.goto('/helmond/wijkactieplannen');
    await page.getByRole('link', { name: /Wijkactieplan Brandevoort/ }).click();
    await page.getByRole('heading', { level: 2, name: 'Voortgangsrapportages' }).waitFor();
    await page.getByRole('button', { name: 'Rapportages die aan de beurt zijn nu maken en versturen' }).click();
    await statusSays(page, 'naar het wijkorgaan gestuurd');
    await page.getByRole('link', { name: 'Voortgangsrapportage 1 (pdf)' }).waitFor();
    await context.close();
  });

  it('the council member opens the quarterly report', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'henk.aarts@brandevoort.example');
    await page.getByRole('link', { name: 'Wijkactieplannen' }).click();
    await page.getByRole('link', { name: /Wijkactieplan Brandevoort/ }).click();
    const report = page.getByRole('link', { name: 'Voortgangsrapportage 1 (pdf)' });
    await report.waitFor();
    // The council member reads, and is not offered the advisor's steps.
    expect(await page.getByRole('button', { name: 'Rapportages die aan de beurt zijn nu maken en versturen' }).count()).toBe(0);
    await expectAccessible(page, 'action-plan-council-member');
    const pdf = await page.request.get((await report.getAttribute('href')) ?? '');
    expect(pdf.headers()['content-type']).toBe('application/pdf');
    const text = (await extractText(await getDocumentProxy(new Uint8Array(await pdf.body())), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Voortgangsrapportage 1');
    expect(text).toContain('Brandevoort');
    await context.close();
  });

  it('a visitor sees the adopted plan of Brandevoort with its successes, on a phone', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/helmond/wijken/brandevoort');
    const plan = page.getByRole('region', { name: 'Wijkactieplan' });
    await plan.getByRole('heading', { level: 3, name: 'Successen' }).waitFor();
    expect(await plan.textContent()).toMatch(/\d+ van \d+ acties afgerond/);
    // Owners by organisation, never a person.
    expect(await plan.textContent()).not.toContain('Henk Aarts');
    await expectAccessible(page, 'public-action-plan-390');
    await context.close();
  });

  it('the advisor adds a section to the way of working and publishes it; a partner reads it', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.goto('/helmond/wijkactieplannen/werkwijze');
    await page.getByRole('button', { name: 'Onderdeel toevoegen' }).click();
    await page.getByRole('button', { name: 'Vaststellen en publiceren' }).click();
    // The empty new section is refused, field by field, and nothing is published.
    await page.getByRole('alert').filter({ hasText: 'Titel (Nederlands): Dit veld is verplicht.' }).waitFor();
    const last = (await page.locator('fieldset legend').filter({ hasText: /^Onderdeel \d+$/ }).count()) - 1;
    await page.locator(`#method-section-${last}-titleNl`).fill('Samen de wijk schoonhouden');
    await page.locator(`#method-section-${last}-titleEn`).fill('Keeping the neighbourhood clean together');
    await page.locator(`#method-section-${last}-guidanceNl`).fill('Wat bewoners, partners en gemeente samen doen aan zwerfafval.');
    await page.getByRole('button', { name: 'Vaststellen en publiceren' }).click();
    await statusSays(page, 'De werkwijze is gepubliceerd.');
    await expectAccessible(page, 'action-plan-method');
    await context.close();

    const reader = await openPage(browser);
    await logIn(reader.page, 'bram.dewit@politie.example');
    await reader.page.goto('/helmond/wijkactieplannen/werkwijze');
    await reader.page.getByText('Samen de wijk schoonhouden').waitFor();
    expect(await reader.page.getByRole('button', { name: 'Vaststellen en publiceren' }).count()).toBe(0);
    await reader.context.close();
  });
});
