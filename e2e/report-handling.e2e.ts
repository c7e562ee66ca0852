import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const officer = 'ilse.vermeulen@helmond.example';
const api = '/api/v1/municipalities/helmond';
const phone = { width: 390, height: 844 };

async function statusSays(page: Page, text: string) {
  await expect.poll(() => page.getByRole('status').filter({ hasText: text }).first().isVisible()).toBe(true);
}

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

/**
 * A visitor's report through the API, as an app would make it: a loose tile and a broken bench in one report,
 * in Brouwhuis, with a photo the reporter allows on the public map.
 */
async function reportWithPhoto() {
  const response = await fetch(`${baseUrl()}${api}/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({
      categoryCode: 'onderhoud-stoep-straat-en-fietspad',
      location: { latitude: 51.4652, longitude: 5.6928 },
      description: 'Losse stoeptegels voor nummer 12, en het bankje ernaast is kapot.',
      email: 'tegel.melder@mail.example',
      contactConsent: true,
      mayPublishPhotos: true,
    }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  const receipt = (await response.json()) as { id: string; reference: string; statusToken: string };
  const form = new FormData();
  form.set('statusToken', receipt.statusToken);
  const photo = await sharp({ create: { width: 80, height: 60, channels: 3, background: '#7a7a7a' } }).jpeg().toBuffer();
  form.set('file', new Blob([new Uint8Array(photo)], { type: 'image/jpeg' }), 'stoep.jpg');
  const upload = await fetch(`${baseUrl()}${api}/reports/${receipt.id}/photos`, { method: 'POST', body: form, headers: { accept: 'application/json' } });
  expect(upload.status, await upload.clone().text()).toBe(201);
  return receipt;
}

async function openReport(page: Page, report: { id: string; reference: string }) {
  await page.goto(`/helmond/meldingen/${report.id}`);
  await page.getByRole('heading', { level: 1, name: new RegExp(`${report.reference}$`) }).waitFor();
}

describe('an officer approves a photo, refers, links, and splits a report', () => {
  let report: Awaited<ReturnType<typeof reportWithPhoto>>;

  beforeAll(async () => {
    report = await reportWithPhoto();
  });

  it('approves the reporter’s photo for the public map on a phone, and the public list shows it', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize(phone);
    await logIn(page, officer);
    await openReport(page, report);
    const photos = page.getByRole('region', { name: 'Foto’s' });
    expect(await photos.getByText('De melder vindt het goed dat de foto’s op de openbare kaart staan, als je ze goedkeurt.').isVisible()).toBe(true);
    const image = photos.getByRole('img', { name: `Foto 1 bij melding ${report.reference}` });
    await image.scrollIntoViewIfNeeded();
    await expect.poll(() => image.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(80);
    expect(await photos.getByText('Niet openbaar.').isVisible()).toBe(true);
    // Not yet approved: the public sees no photo.
    const before = (await (await page.request.get(`${api}/public-reports?pageSize=100`)).json()) as { items: { reference: string; photoUrl: string | null }[] };
    expect(before.items.find((item) => item.reference === report.reference)?.photoUrl ?? null).toBeNull();

    await photos.getByRole('button', { name: 'Foto 1 goedkeuren voor de openbare kaart' }).click();
    await statusSays(page, 'Foto 1 staat nu op de openbare kaart.');
    await expect.poll(() => photos.getByText('Staat op de openbare kaart.').isVisible()).toBe(true);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-photo-approved-390');
    await context.close();

    // A visitor's public list of Brouwhuis shows the report with its photo, and nothing of the reporter.
    const visitor = await openPage(browser);
    await visitor.page.setViewportSize(phone);
    await visitor.page.goto('/helmond/meldingen/kaart');
    await visitor.page.getByRole('heading', { name: 'Dezelfde meldingen als lijst' }).waitFor();
    const entry = visitor.page.locator('.app-public-reports li').filter({ hasText: report.reference });
    await expect.poll(() => entry.count()).toBe(1);
    const listed = entry.getByRole('img', { name: `Foto bij melding ${report.reference}` });
    await listed.scrollIntoViewIfNeeded();
    await expect.poll(() => listed.evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(80);
    const text = (await visitor.page.locator('main').textContent()) ?? '';
    expect(text).not.toContain('tegel.melder@mail.example');
    expect(text).not.toContain('Losse stoeptegels voor nummer 12');
    await visitor.context.close();
  });

  it('refers the report to a front-line team in English, and records the team’s feedback', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.getByRole('button', { name: 'English' }).click();
    await openReport(page, report);
    const referral = page.getByRole('region', { name: 'Refer to a team' });
    await referral.getByRole('combobox', { name: /^Team/ }).selectOption({ label: 'Woonoverlastteam' });
    await referral.getByLabel('Note for the team').fill('Neighbours report this every month; please look at it together.');
    await referral.getByRole('button', { name: 'Refer' }).click();
    await statusSays(page, 'The report is referred to Woonoverlastteam.');
    await expect.poll(() => referral.textContent()).toContain('Referred to Woonoverlastteam: referred, not picked up yet.');

    await referral.getByRole('combobox', { name: 'The team’s progress' }).selectOption({ label: 'the team has reported back' });
    await referral.getByLabel('Feedback from the team').fill('The housing association repairs the paving next week.');
    await referral.getByRole('button', { name: 'Save progress' }).click();
    await statusSays(page, 'The progress of Woonoverlastteam is saved: the team has reported back.');
    await expect.poll(() => referral.textContent()).toContain('Feedback: The housing association repairs the paving next week.');
    const history = await page.getByRole('region', { name: 'History' }).getByRole('listitem').allTextContents();
    expect(history.some((step) => step.includes('Referred to a team'))).toBe(true);
    await expectAccessible(page, 'report-referral-en');
    // Back to Dutch for the journeys after this one.
    await page.getByRole('button', { name: 'Nederlands' }).click();
    await context.close();
  });

  it('links the report to a neighbourhood request found by its reference, and the link leads there', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    const requests = (await (await page.request.get(`${api}/requests?pageSize=1`)).json()) as { items: { id: string; reference: string; title: string }[] };
    expect(requests.items.length, 'the officer sees at least one request').toBe(1);
    const [request] = requests.items;
    await openReport(page, report);
    const link = page.getByRole('region', { name: 'Koppelen aan een wijkvraag' });
    // A reference that does not exist is said in words, and nothing is linked.
    await link.getByLabel('Kenmerk van de wijkvraag').fill('HLM-1999-9999');
    await link.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => link.textContent()).toContain('Er is geen wijkvraag gevonden bij ‘HLM-1999-9999’. Controleer het kenmerk.');
    await link.getByLabel('Kenmerk van de wijkvraag').fill(request.reference);
    await link.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => link.textContent()).toContain(`Gevonden: ${request.reference}, ‘${request.title}’.`);
    await link.getByRole('button', { name: `Koppelen aan ${request.reference}` }).click();
    await statusSays(page, `De melding is gekoppeld aan wijkvraag ${request.reference}.`);
    const linked = link.getByRole('link', { name: `${request.reference}: ${request.title}` });
    await linked.waitFor();
    await expectAccessible(page, 'report-request-linked');
    await linked.click();
    await page.waitForURL(`**/helmond/vragen/${request.id}`);
    await context.close();
  });

  it('splits the report into a report per problem, each going to its own department', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize(phone);
    await logIn(page, officer);
    await openReport(page, report);
    const split = page.getByRole('region', { name: 'Splitsen in aparte meldingen' });
    await split.getByRole('group', { name: 'Onderdeel 1' }).getByLabel('Categorie').selectOption({ label: 'Onderhoud stoep, straat en fietspad (Wegen, verkeer, straatmeubilair)' });
    await split.getByRole('group', { name: 'Onderdeel 1' }).getByLabel('Omschrijving').fill('Losse stoeptegels voor nummer 12.');
    await split.getByRole('button', { name: 'Nog een onderdeel' }).click();
    const bench = split.getByRole('group', { name: 'Onderdeel 2' });
    await bench.getByLabel('Categorie').selectOption({ label: 'Straatmeubilair (Wegen, verkeer, straatmeubilair)' });
    await bench.getByLabel('Omschrijving').fill('Kapot bankje naast nummer 12.');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-split-390');
    await split.getByRole('button', { name: 'Splitsen', exact: true }).click();
    await statusSays(page, 'De melding is gesplitst. Aantal nieuwe meldingen: 2.');
    const history = await page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem').allTextContents();
    expect(history.some((step) => step.includes('Gesplitst in aparte meldingen'))).toBe(true);

    // The new reports exist, each with its own reference, and say where they came from.
    const found = (await (await page.request.get(`${api}/reports?search=${encodeURIComponent('Kapot bankje naast nummer 12')}`)).json()) as { items: { id: string; reference: string }[] };
    expect(found.items).toHaveLength(1);
    await openReport(page, found.items[0]);
    const steps = await page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem').allTextContents();
    expect(steps.some((step) => step.includes(`Afgesplitst van melding ${report.reference}`))).toBe(true);
    await context.close();
  });
});
