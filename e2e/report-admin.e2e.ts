import { readFileSync } from 'node:fs';
import type { Browser, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const admin = 'femke.janssen@helmond.example';
const officer = 'ilse.vermeulen@helmond.example';
const advisor = 'sanne.kuipers@helmond.example';
// Unique per run, so the journey never meets what an earlier run left behind.
const run = Date.now().toString(36);

async function statusSays(page: Page, text: string) {
  await expect.poll(() => page.getByRole('status').filter({ hasText: text }).isVisible()).toBe(true);
}

/** A visitor's report in Brouwhuis, made through the API as an app would. */
async function reportInBrouwhuis(body: Record<string, unknown>) {
  const response = await fetch(`${baseUrl()}/api/v1/municipalities/helmond/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ categoryCode: 'prullenbak-is-kapot', location: { latitude: 51.4648, longitude: 5.6928 }, contactConsent: true, ...body }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; reference: string };
}

/** At 390 × 844: nothing wider than the screen, axe content; a picture of the part in view (`show`) to look at. */
async function fitsThePhone(page: Page, label: string, show?: Locator) {
  await page.setViewportSize({ width: 390, height: 844 });
  await show?.scrollIntoViewIfNeeded();
  await page.screenshot({ path: `e2e/artifacts/${label}-view.png` });
  expect(await page.evaluate(() => document.documentElement.scrollWidth), label).toBeLessThanOrEqual(390);
  await expectAccessible(page, label);
  await page.setViewportSize({ width: 1280, height: 900 });
}

describe('reporters’ satisfaction', () => {
  it('an officer opens the figures from the queue: a chart and a table per category and per department, a period, on a phone and in English', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.goto('/helmond/meldingen');
    await page.getByRole('link', { name: 'Tevredenheid van melders per categorie en afdeling' }).click();
    await page.waitForURL('**/helmond/meldingen/tevredenheid');
    await page.getByRole('heading', { level: 1, name: 'Tevredenheid van melders' }).waitFor();
    // The demo's year of reports has satisfaction answers: two charts, each with its table of the same groups.
    await expect.poll(() => page.locator('.insights-chart svg[role="img"]').count()).toBe(2);
    const byCategory = page.getByRole('region', { name: 'Tevredenheid per categorie' });
    const table = byCategory.getByRole('table', { name: 'Tevredenheid per categorie' });
    expect(await table.getByRole('columnheader').allTextContents()).toEqual(['Categorie', 'Antwoorden', 'Tevreden', 'Deel tevreden', 'Heropend']);
    const firstRow = (await table.getByRole('row').nth(1).getByRole('cell').allTextContents()).map((cell) => cell.trim());
    const [answers, satisfied, share] = firstRow;
    expect(share).toBe(`${Math.round((100 * Number(satisfied)) / Number(answers))}%`);
    expect(await byCategory.getByRole('img').getAttribute('aria-label')).toContain('De cijfers staan in de tabel onder de grafiek');
    await expect.poll(() => page.getByRole('region', { name: 'Tevredenheid per afdeling' }).getByRole('row').count()).toBeGreaterThan(1);
    await expectAccessible(page, 'report-satisfaction');

    // The period: an end before the start is said at the field, nothing is fetched; a good one goes into the address.
    await page.getByLabel('Van').fill('2026-06-01');
    await page.getByLabel('Tot en met').fill('2026-05-01');
    await page.getByLabel('Tot en met').press('Enter');
    await expect.poll(async () => (await page.locator('#satisfaction-to-error').textContent()) ?? '').toContain('De einddatum ligt vóór de begindatum.');
    await page.getByLabel('Van').fill('1990-01-01');
    await page.getByLabel('Tot en met').fill('1990-12-31');
    await page.getByRole('button', { name: 'Toon cijfers' }).click();
    await page.waitForURL(/van=1990-01-01&tot=1990-12-31/);
    await expect.poll(() => page.getByText('heeft geen enkele melder gezegd of die tevreden was').isVisible()).toBe(true);
    await page.goBack();
    await expect.poll(() => page.locator('.insights-chart svg[role="img"]').count()).toBe(2);

    await fitsThePhone(page, 'report-satisfaction-390', page.getByRole('heading', { name: 'Tevredenheid per categorie' }));

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Reporters’ satisfaction' }).waitFor();
    await page.getByRole('table', { name: 'Satisfaction per department' }).waitFor();
    await expectAccessible(page, 'report-satisfaction-en');
    await context.close();
  });
});

describe('one reporter’s data', () => {
  const email = `inzage-${run}@mail.example`;
  let made: { id: string; reference: string };
  beforeAll(async () => {
    made = await reportInBrouwhuis({ description: 'De prullenbak bij de bushalte is losgeslagen.', email, phone: '06 12345678' });
  });

  it('the admin looks it up by e-mail address, downloads it, and erases it after a second yes; the sentence says how many reports', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, admin);
    await page.goto('/helmond/beheer/privacy');
    const section = page.getByRole('region', { name: 'Gegevens van een melder' });
    await section.waitFor();

    // Not an address: the server's message stands at the field.
    await section.getByLabel('E-mailadres van de melder').fill('geen-adres');
    await section.getByRole('button', { name: 'Gegevens opzoeken' }).click();
    await expect.poll(async () => (await page.locator('#reporter-email-error').textContent()) ?? '').not.toBe('');

    await section.getByLabel('E-mailadres van de melder').fill(email.toUpperCase());
    await section.getByLabel('E-mailadres van de melder').press('Enter');
    await expect.poll(() => section.getByText(`Bij ${email} bewaren we gegevens. Aantal meldingen van deze melder: 1.`).isVisible()).toBe(true);
    const reported = section.getByRole('table', { name: 'Meldingen van deze melder' });
    expect(await reported.getByRole('row').nth(1).textContent()).toContain(made.reference);
    expect(await reported.getByRole('row').nth(1).textContent()).toContain('06 12345678');
    await expectAccessible(page, 'reporter-data');

    const downloading = page.waitForEvent('download');
    await section.getByRole('link', { name: /Download deze gegevens/ }).click();
    const file = await (await downloading).path();
    const downloaded = JSON.parse(readFileSync(file, 'utf8'));
    expect(downloaded).toMatchObject({ email, reported: [{ reference: made.reference, email }] });

    await fitsThePhone(page, 'reporter-data-390', section.getByRole('table'));

    await section.getByRole('button', { name: 'Contactgegevens van deze melder wissen' }).click();
    // The question takes the focus and says what will go.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain('Weet je het zeker?');
    await section.getByRole('button', { name: 'Ja, wis de contactgegevens' }).click();
    await statusSays(page, `De contactgegevens van ${email} zijn gewist. Aantal meldingen van deze melder: 1. Aantal meldingen die de melder niet meer volgt: 0.`);
    await expectAccessible(page, 'reporter-data-erased');

    // Looked up again: nothing left; the report itself is still there, without the contact details.
    await section.getByRole('button', { name: 'Gegevens opzoeken' }).click();
    await expect.poll(() => section.getByText(`Bij ${email} bewaren we geen meldingen en geen gevolgde meldingen.`).isVisible()).toBe(true);
    expect(await section.getByRole('button', { name: 'Contactgegevens van deze melder wissen' }).count()).toBe(0);
    await page.goto(`/helmond/meldingen/${made.id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${made.reference}` }).waitFor();
    expect(await page.getByRole('main').textContent()).not.toContain(email);
    await context.close();
  });
});

describe('a report turned into a neighbourhood request', () => {
  let made: { id: string; reference: string };
  beforeAll(async () => {
    made = await reportInBrouwhuis({ description: 'Weer is de prullenbak bij het speelveld kapotgetrapt.', contactConsent: false });
  });

  it('the neighbourhood’s advisor makes it a request and follows the link to it; the officer is not offered the form', async () => {
    const officerView = await openPage(browser);
    await logIn(officerView.page, officer);
    await officerView.page.goto(`/helmond/meldingen/${made.id}`);
    await officerView.page.getByRole('heading', { level: 1, name: `Melding ${made.reference}` }).waitFor();
    await officerView.page.getByRole('region', { name: 'Status wijzigen' }).waitFor();
    expect(await officerView.page.getByRole('region', { name: 'Wijkvraag maken van deze melding' }).count()).toBe(0);
    await officerView.context.close();

    const { context, page } = await openPage(browser);
    await logIn(page, advisor);
    await page.goto(`/helmond/meldingen/${made.id}`);
    const card = page.getByRole('region', { name: 'Wijkvraag maken van deze melding' });
    await card.waitFor();
    await expectAccessible(page, 'report-turn-into-request');

    // Too short: each of the server's messages stands at its own field.
    await card.getByLabel('Vraag aan de gemeente').fill('Bak');
    await card.getByRole('button', { name: 'Wijkvraag maken' }).click();
    await expect.poll(async () => (await page.locator('#report-new-request-title-error').textContent()) ?? '').not.toBe('');
    await expect.poll(async () => (await page.locator('#report-new-request-explanation-error').textContent()) ?? '').not.toBe('');
    await expectAccessible(page, 'report-turn-into-request-errors');
    await fitsThePhone(page, 'report-turn-into-request-390', card);

    const title = `Stevigere prullenbakken bij het speelveld (${run})`;
    await card.getByLabel('Vraag aan de gemeente').fill(title);
    await card.getByLabel('Waarom is hier een besluit nodig?').fill('De prullenbak wordt elke maand vernield; vervangen door dezelfde bak helpt niet.');
    await card.getByRole('button', { name: 'Wijkvraag maken' }).click();
    await statusSays(page, 'is gemaakt en aan deze melding gekoppeld.');
    // Once linked, the form is gone and the facts link to the request.
    await expect.poll(() => card.count()).toBe(0);
    await page.getByRole('link', { name: 'Bekijk de wijkvraag bij deze melding' }).click();
    await page.waitForURL(/\/helmond\/vragen\/[0-9a-f-]{36}$/);
    await page.getByRole('heading', { level: 1, name: title }).waitFor();
    await context.close();
  });
});

describe('the categories reporters choose from', () => {
  it('the admin adds a main category and keeps a subcategory’s extra questions: add, move, remove, with errors at the right input', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, admin);
    await page.goto('/helmond/beheer/meldingen');
    await page.getByRole('heading', { name: 'Categorieën' }).waitFor();

    // A main category, not offered yet (so no reporter meets an empty one); a malformed code is said at its field.
    const main = page.getByRole('form', { name: 'Hoofdcategorie toevoegen' });
    await main.getByLabel('Code').fill('Speel Plekken');
    await main.getByLabel('Naam in het Nederlands').fill('Speelplekken');
    await main.getByLabel('Naam in het Engels').fill('Play areas');
    await main.getByLabel('Actief: melders kunnen deze categorie kiezen').uncheck();
    await main.getByRole('button', { name: 'Hoofdcategorie toevoegen' }).click();
    await expect.poll(async () => (await page.locator('#category-new-main-category-code-error').textContent()) ?? '').toContain('Gebruik kleine letters');
    await main.getByLabel('Code').fill(`speelplekken-${run}`);
    await main.getByRole('button', { name: 'Hoofdcategorie toevoegen' }).click();
    await statusSays(page, 'Hoofdcategorie “Speelplekken” is toegevoegd.');
    await expectAccessible(page, 'report-category-main-added');
    await page.getByRole('heading', { level: 3, name: 'Speelplekken (niet actief)' }).waitFor();

    // Ganzen gets two questions; the second repeats the first one's code, and the server's message stands at it.
    await page.getByRole('button', { name: /Wijzigen.*Ganzen$/ }).click();
    const form = page.getByRole('form', { name: '“Ganzen” wijzigen' });
    await form.getByRole('button', { name: 'Vraag toevoegen' }).click();
    await statusSays(page, 'Vraag 1 is toegevoegd.');
    // The focus went to the new question's first field.
    await expect.poll(() => page.evaluate(() => document.activeElement?.id ?? '')).toMatch(/-questions-0-question$/);
    await page.keyboard.type('Hoeveel ganzen ziet u?');
    const first = form.getByRole('group', { name: /^Vraag 1:/ });
    await first.getByLabel('Code van de vraag').fill('aantal');
    await form.getByRole('button', { name: 'Vraag toevoegen' }).click();
    const second = form.getByRole('group', { name: /^Vraag 2:/ });
    await second.getByLabel('Vraag in het Nederlands').fill('Waar staan de ganzen?');
    await second.getByLabel('Vraag in het Engels').fill('Where are the geese?');
    await second.getByLabel('Code van de vraag').fill('aantal');
    await second.getByLabel('Soort antwoord').selectOption({ label: 'Kiezen uit een lijst' });
    await second.getByLabel('Verplicht: de melder moet deze vraag beantwoorden').check();
    await second.getByLabel('Antwoord 1 in het Nederlands').fill('Op het gras');
    await second.getByLabel('Code van antwoord 1').fill('gras');
    await second.getByLabel('Antwoord 2 in het Nederlands').fill('Op de weg');
    await second.getByLabel('Code van antwoord 2').fill('weg');
    await form.getByRole('button', { name: 'Categorie opslaan' }).click();
    await expect.poll(async () => (await form.locator('[id$="-questions-1-code-error"]').textContent()) ?? '').toContain('al in gebruik');
    expect(await form.locator('[id$="-questions-0-code-error"]').count()).toBe(0);
    await expectAccessible(page, 'report-category-questions-error');
    await form.screenshot({ path: 'e2e/artifacts/report-category-questions-form.png' });

    await second.getByLabel('Code van de vraag').fill('plek');
    // Moved up with the keyboard: said in a sentence, and the focus stays with the question it moved.
    await form.getByRole('button', { name: /^Omhoog\W+Waar staan de ganzen\?$/ }).focus();
    await page.keyboard.press('Enter');
    await statusSays(page, '“Waar staan de ganzen?” staat nu op plaats 1 van 2.');
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toMatch(/^Omlaag\W+Waar staan de ganzen\?$/);
    await form.getByRole('button', { name: /^Vraag verwijderen\W+Hoeveel ganzen ziet u\?$/ }).click();
    await statusSays(page, '“Hoeveel ganzen ziet u?” is uit de lijst gehaald.');
    await fitsThePhone(page, 'report-category-questions-390', form.getByRole('group', { name: /^Vraag 1:/ }));
    await form.getByRole('button', { name: 'Categorie opslaan' }).click();
    await statusSays(page, '“Ganzen” is opgeslagen.');
    await statusSays(page, 'Aantal extra vragen voor melders: 1, in deze volgorde: “Waar staan de ganzen?”.');

    // Reporters get the question, with its answers, in their language.
    const tree = await (await fetch(`${baseUrl()}/api/v1/municipalities/helmond/report-categories`, { headers: { accept: 'application/json', 'accept-language': 'en' } })).json();
    const geese = tree.items.flatMap((item: { subcategories: unknown[] }) => item.subcategories).find((sub: { code: string }) => sub.code === 'ganzen');
    expect(geese.questions).toMatchObject([{ code: 'plek', question: 'Where are the geese?', options: [{ key: 'gras' }, { key: 'weg' }] }]);

    // Back as it was, for the journeys that follow.
    await page.getByRole('button', { name: /Wijzigen.*Ganzen$/ }).click();
    await form.getByRole('button', { name: /^Vraag verwijderen\W+Waar staan de ganzen\?$/ }).click();
    await form.getByRole('button', { name: 'Categorie opslaan' }).click();
    await statusSays(page, 'Melders krijgen geen extra vragen meer bij deze categorie.');
    await context.close();
  });
});
