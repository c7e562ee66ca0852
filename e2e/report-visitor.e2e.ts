import type { Browser, Page } from 'playwright-core';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { arrowTo, expectAccessible, launchBrowser, logIn, openPage, tabTo } from './browser.ts';
import { startMailbox } from './mailbox.ts';
import { type RunningServer, startServer } from './server.setup.ts';

// Its own server, delivering mail over SMTP to a mailbox the journey reads, as the reporter reads their e-mail.
let browser: Browser;
let server: RunningServer;
let mailbox: Awaited<ReturnType<typeof startMailbox>>;
beforeAll(async () => {
  mailbox = await startMailbox();
  server = await startServer({ env: { SMTP_URL: mailbox.smtpUrl, SCHEDULER_INTERVAL_SECONDS: '1', ADMIN_SECOND_FACTOR: 'optional' } });
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
  await server?.stop();
  await mailbox?.close();
});

const phone = { width: 390, height: 844 };
const reporterEmail = 'lantaarn.melder@mail.example';
const officer = 'ilse.vermeulen@helmond.example';

async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

async function statusSays(page: Page, text: string) {
  await expect.poll(() => page.getByRole('status').filter({ hasText: text }).first().isVisible()).toBe(true);
}

/** Taps the map in the middle of a neighbourhood: its shape is the n-th path Leaflet drew, in the order of the boundaries. */
async function tapNeighbourhood(page: Page, name: string) {
  const boundaries = (await (await page.request.get('/api/v1/municipalities/helmond/neighbourhood-boundaries')).json()) as { features: { properties: { name: string } }[] };
  const index = boundaries.features.findIndex((feature) => feature.properties.name === name);
  expect(index, `${name} among the boundaries`).toBeGreaterThanOrEqual(0);
  const shapes = page.locator('.app-location-picker .leaflet-overlay-pane path');
  await expect.poll(() => shapes.count()).toBe(boundaries.features.length);
  await page.locator('.app-location-picker').scrollIntoViewIfNeeded();
  const box = await shapes.nth(index).boundingBox();
  if (!box) throw new Error(`${name} is not drawn`);
  await page.mouse.click(box.x + box.width / 2, box.y + box.height / 2);
}

/** The officer's side, through the API with the session of a browser login: accept the report, then report it done. */
async function handleAsOfficer(reference: string) {
  const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
  await logIn(page, officer);
  const api = '/api/v1/municipalities/helmond';
  const { csrfToken } = await (await page.request.get(`${api}/sessions/current`)).json();
  const headers = { 'x-csrf-token': csrfToken, accept: 'application/json' };
  const list = await (await page.request.get(`${api}/reports?search=${reference}`)).json();
  expect(list.items).toHaveLength(1);
  const id = list.items[0].id as string;
  let report = await (await page.request.get(`${api}/reports/${id}`)).json();
  for (const status of ['accepted', 'done']) {
    const response = await page.request.post(`${api}/reports/${id}/status`, { headers, data: { status, version: report.version, ...(status === 'done' ? { message: 'De lamp is vervangen.' } : {}) } });
    expect(response.status(), await response.text()).toBe(200);
    report = await response.json();
  }
  expect(report.status).toBe('done');
  expect(report.mayPublishPhotos).toBe(true);
  expect(report.photos).toHaveLength(1);

  // On the neighbourhood's page staff see the report among the wijk's latest, and the counts per kind.
  await page.setViewportSize(phone);
  await page.goto('/helmond/wijken/brouwhuis');
  const reports = page.getByRole('region', { name: 'Meldingen in deze wijk' });
  await expect.poll(() => reports.textContent()).toContain(reference);
  const signals = page.getByRole('region', { name: 'Meldingen per soort, laatste 12 weken' });
  await signals.getByText('Toon de cijfers als tabel').click();
  await expect.poll(() => signals.getByRole('row', { name: /Wegen, verkeer, straatmeubilair/ }).textContent()).toMatch(/straatmeubilair\s*\d+\s*\d+/);
  await expectNoSidewaysScroll(page);
  await expectAccessible(page, 'report-visitor-neighbourhood-staff-390');
  await context.close();
}

describe('a visitor reports a broken street light on a phone', () => {
  let reference = '';

  it('reports it in four steps with a photo and an e-mail address, and sees the reference', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await page.setViewportSize(phone);
    await page.goto('/helmond/meldingen/nieuw');
    await page.getByRole('heading', { level: 1, name: 'Melding openbare ruimte' }).waitFor();
    await page.getByRole('radio', { name: 'Wegen, verkeer, straatmeubilair' }).check();
    await page.getByRole('radio', { name: 'Straatverlichting / openbare klok' }).check();
    await expectAccessible(page, 'report-visitor-1-what-390');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await page.getByRole('heading', { name: 'Stap 2 van 4: Waar' }).waitFor();
    await tapNeighbourhood(page, 'Brouwhuis');
    await statusSays(page, 'Gekozen plek: 51.46');
    await page.getByLabel('Adres of beschrijving van de plek').fill('Bij de speeltuin aan de Brouwhorst');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-visitor-2-where-390');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await page.getByRole('heading', { name: 'Stap 3 van 4: Beschrijving' }).waitFor();
    await page.getByLabel('Beschrijf het probleem').fill('De lantaarnpaal bij de speeltuin is al een week uit.');
    await page.getByRole('radio', { name: 'De lamp is uit' }).check();
    expect(await page.getByText('JPEG, PNG of WebP, elk hoogstens 10 MB').isVisible()).toBe(true);
    const photo = await sharp({ create: { width: 64, height: 48, channels: 3, background: '#f2b600' } }).png().toBuffer();
    await page.getByLabel('Foto\'s (niet verplicht)').setInputFiles({ name: 'lantaarn.png', mimeType: 'image/png', buffer: photo });
    await statusSays(page, 'lantaarn.png');
    await expectAccessible(page, 'report-visitor-3-description-390');
    await page.getByRole('button', { name: 'Volgende stap' }).click();

    await page.getByRole('heading', { name: 'Stap 4 van 4: Contact en versturen' }).waitFor();
    await page.getByRole('textbox', { name: 'E-mailadres' }).fill(reporterEmail);
    await page.getByLabel('De gemeente mag mij over deze melding berichten').check();
    await page.getByLabel('Mijn foto\'s mogen op de openbare kaart van meldingen komen').check();
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-visitor-4-contact-390');
    await page.getByRole('button', { name: 'Melding versturen' }).click();

    await page.getByRole('heading', { level: 1, name: 'Uw melding is ontvangen' }).waitFor();
    reference = (await page.locator('.app-reference').textContent()) ?? '';
    expect(reference).toMatch(/^M-\d{4}-\d+$/);
    expect(await page.getByText('in Brouwhuis').isVisible()).toBe(true);
    // The photo went through: no warning about a refused one.
    expect(await page.getByText('niet elke foto').count()).toBe(0);
    expect(await page.getByText('Foto\'s toegevoegd aan uw melding: 1.').isVisible()).toBe(true);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-visitor-5-received-390');
    await context.close();

    const confirmation = await mailbox.waitFor(reporterEmail, /is ontvangen/);
    expect(confirmation.subject).toContain(reference);
    expect(confirmation.text).toContain('/helmond/meldingen/status/');
  });

  it('after it is done, says from the e-mail link that the problem is not solved, and the report is reopened', async () => {
    await handleAsOfficer(reference);
    const done = await mailbox.waitFor(reporterEmail, /afgehandeld/i);
    const notSatisfied = done.text.match(/https?:\/\/\S+\?tevreden=nee/)?.[0];
    if (!notSatisfied) throw new Error(`no link to say "not satisfied" in:\n${done.text}`);

    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await page.setViewportSize(phone);
    await page.goto(notSatisfied);
    await page.getByRole('heading', { level: 1, name: `Melding ${reference}` }).waitFor();
    await page.getByRole('heading', { name: 'Bent u tevreden?' }).waitFor();
    // The link only chose the answer: opening it sent nothing (mail scanners open links too).
    expect(await page.getByRole('radio', { name: 'Nee, ik ben niet tevreden' }).isChecked()).toBe(true);
    expect(await page.locator('main').textContent()).toContain('Status: afgehandeld');
    await expect.poll(() => page.getByRole('img', { name: `Foto 1 bij melding ${reference}` }).evaluate((image: HTMLImageElement) => image.complete && image.naturalWidth)).toBe(64);
    await page.getByRole('radio', { name: 'Het probleem is niet opgelost' }).check();
    await page.getByLabel('Toelichting (niet verplicht)').fill('De lamp is gisteravond weer uitgevallen.');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-visitor-6-satisfaction-390');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();

    await statusSays(page, `melding ${reference} is heropend`);
    await expect.poll(() => page.locator('main').textContent()).toContain('Status: heropend');
    await expectAccessible(page, 'report-visitor-7-reopened-390');
    await context.close();
  });

  it('looks at the public map of reports and its list', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await page.setViewportSize(phone);
    await page.goto('/helmond/meldingen/kaart');
    await page.getByRole('heading', { level: 1, name: 'Meldingen op de kaart' }).waitFor();
    await statusSays(page, 'op dit deel van de kaart');
    await page.getByRole('heading', { name: 'Dezelfde meldingen als lijst' }).waitFor();
    await expect.poll(() => page.locator('.app-public-reports').textContent()).toContain(reference);
    expect(await page.locator('main').textContent()).not.toContain(reporterEmail);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'report-visitor-8-map-390');
    await context.close();
  });
});

describe('a visitor who reads English reports with the keyboard only', () => {
  it('chooses the kind, the place and the words without a mouse, and gets the confirmation in English', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    const email = 'keyboard.reporter@mail.example';
    await page.goto('/helmond/meldingen/nieuw');
    await page.getByRole('heading', { level: 1, name: 'Melding openbare ruimte' }).waitFor();
    await page.locator('body').focus();
    await tabTo(page, () => document.activeElement?.textContent?.trim() === 'English');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { level: 1, name: 'Report a problem in public space' }).waitFor();

    // Step 1: into the main categories, the arrow keys choose; then the same for the subcategory.
    await tabTo(page, () => (document.activeElement as HTMLInputElement | null)?.type === 'radio');
    await arrowTo(page, 'Waste');
    await page.getByRole('group', { name: /What exactly is the matter\? \(Waste\)/ }).waitFor();
    await tabTo(page, () => (document.activeElement as HTMLInputElement | null)?.name !== (document.querySelector('input[type=radio]:checked') as HTMLInputElement | null)?.name && (document.activeElement as HTMLInputElement | null)?.type === 'radio');
    await arrowTo(page, 'Litter bin is full');
    await tabTo(page, () => document.activeElement?.textContent?.trim() === 'Next step');
    await page.keyboard.press('Enter');

    // Step 2: the map takes the keyboard; the cross in its middle is the place.
    await page.getByRole('heading', { name: 'Step 2 of 4: Where' }).waitFor();
    await tabTo(page, () => document.activeElement?.classList.contains('leaflet-container') ?? false);
    await page.keyboard.press('ArrowUp');
    await tabTo(page, () => document.activeElement?.textContent?.trim() === 'Choose the place in the middle of the map');
    await page.keyboard.press('Enter');
    await statusSays(page, 'Chosen place: 51.');
    await tabTo(page, () => document.activeElement?.textContent?.trim() === 'Next step');
    await page.keyboard.press('Enter');

    // Step 3: the words.
    await page.getByRole('heading', { name: 'Step 3 of 4: Description' }).waitFor();
    await tabTo(page, () => document.activeElement?.tagName === 'TEXTAREA');
    await page.keyboard.type('The litter bin by the bus stop is overflowing.');
    await tabTo(page, () => document.activeElement?.textContent?.trim() === 'Next step');
    await page.keyboard.press('Enter');

    // Step 4: an e-mail address, consent with the space bar, and send.
    await page.getByRole('heading', { name: 'Step 4 of 4: Contact and send' }).waitFor();
    await tabTo(page, () => (document.activeElement as HTMLInputElement | null)?.type === 'email');
    await page.keyboard.type(email);
    await tabTo(page, () => (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.startsWith('The municipality may contact me') ?? false);
    await page.keyboard.press('Space');
    await expectAccessible(page, 'report-visitor-keyboard-en-4');
    await tabTo(page, () => document.activeElement?.textContent?.trim() === 'Send report');
    await page.keyboard.press('Enter');

    await page.getByRole('heading', { level: 1, name: 'Your report has been received' }).waitFor();
    const reference = (await page.locator('.app-reference').textContent()) ?? '';
    expect(reference).toMatch(/^M-\d{4}-\d+$/);
    expect(await page.locator('main').textContent()).toContain('Your report about ‘Litter bin is full’');
    await expectAccessible(page, 'report-visitor-keyboard-en-received');
    await context.close();

    const confirmation = await mailbox.waitFor(email, /received/i);
    expect(confirmation.subject).toContain(reference);
    expect(confirmation.text).toContain('/helmond/meldingen/status/');
  });
});
