import { readFile } from 'node:fs/promises';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const title = 'Losliggende stoeptegels op de Mierloseweg';
const pdf = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');
const png = Buffer.from('iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mNk+M9QDwADhgGAWjR9awAAAABJRU5ErkJggg==', 'base64');

describe('a resident attaches files to a request', () => {
  let requestUrl = '';

  it('submits a request with a PDF, finds it on the request page and downloads it unchanged', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'eva.mulder@mail.example');
    await page.goto('/helmond/vragen/nieuw');
    await page.getByLabel('Soort *').selectOption({ label: 'Verzoek' });
    await page.getByLabel('Onderwerp *').fill(title);
    await page.getByLabel('Toelichting *').fill('Voor huisnummer 40 liggen vier tegels los; in de bijlage staat een schets van de plek.');
    await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Brandevoort' });
    await page.getByLabel('Hoe groot is het onderwerp? *').selectOption({ label: 'Een straat of een paar straten' });
    await page.getByRole('radio', { name: /^Iedereen/ }).check();
    await page.getByLabel('Bijlagen (pdf of afbeelding, max 10 MB)').setInputFiles({ name: 'situatieschets.pdf', mimeType: 'application/pdf', buffer: pdf });
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.waitForURL(/\/vragen\/HLM-\d{4}-\d{4,}$/);
    requestUrl = new URL(page.url()).pathname;

    const link = page.getByRole('link', { name: 'situatieschets.pdf' });
    await expect.poll(() => link.isVisible()).toBe(true);
    expect(await page.getByText('(pdf, 1 kB)').isVisible()).toBe(true);
    await expect.poll(() => page.getByText('Bijlage toegevoegd').first().isVisible()).toBe(true);
    const [download] = await Promise.all([page.waitForEvent('download'), link.click()]);
    expect(download.suggestedFilename()).toBe('situatieschets.pdf');
    expect((await readFile(await download.path())).equals(pdf)).toBe(true);
    await expectAccessible(page, 'request-attachments');
    await context.close();
  });

  it('adds a photo on the request page, is told why a fake PDF is refused, and removes a file of their own', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'eva.mulder@mail.example');
    await page.goto(requestUrl);

    const file = page.getByLabel('Bestand', { exact: true });
    await file.setInputFiles({ name: 'rapport.pdf', mimeType: 'application/pdf', buffer: Buffer.from('<html><script>alert(1)</script></html>') });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await expect.poll(() => page.getByText('Dit bestand is geen van die soorten').isVisible()).toBe(true);
    await expectAccessible(page, 'request-attachment-refused');

    await file.setInputFiles({ name: 'foto-stoep.png', mimeType: 'image/png', buffer: png });
    await page.getByRole('button', { name: 'Uploaden' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'foto-stoep.png' }).isVisible()).toBe(true);
    await expect.poll(() => page.getByText('De bijlage is toegevoegd.').isVisible()).toBe(true);

    page.once('dialog', (dialog) => dialog.accept());
    await page.getByRole('button', { name: 'Bijlage foto-stoep.png verwijderen' }).click();
    await expect.poll(() => page.getByRole('link', { name: 'foto-stoep.png' }).count()).toBe(0);
    expect(await page.getByRole('link', { name: 'situatieschets.pdf' }).isVisible()).toBe(true);
    await context.close();
  });
});
