import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const officer = 'ilse.vermeulen@helmond.example';

async function statusSays(page: Page, text: string) {
  await expect.poll(() => page.getByRole('status').filter({ hasText: text }).isVisible()).toBe(true);
}

/** A visitor's report of a full litter bin at one spot in Brouwhuis, made through the API as an app would. */
async function reportLitter(description: string) {
  const response = await fetch(`${baseUrl()}/api/v1/municipalities/helmond/reports`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', accept: 'application/json' },
    body: JSON.stringify({ categoryCode: 'prullenbak-is-vol', location: { latitude: 51.4661, longitude: 5.6941 }, description, email: 'buurvrouw@mail.example', contactConsent: true }),
  });
  expect(response.status, await response.clone().text()).toBe(201);
  return (await response.json()) as { id: string; reference: string; statusToken: string };
}

describe('the back office merges a duplicate into the report that was there first', () => {
  let original: Awaited<ReturnType<typeof reportLitter>>;
  let duplicate: Awaited<ReturnType<typeof reportLitter>>;

  beforeAll(async () => {
    original = await reportLitter('Prullenbak bij het bankje puilt uit.');
    duplicate = await reportLitter('De afvalbak naast het bankje zit vol.');
  });

  it('the officer assigns and prioritises the original and leaves a note for colleagues', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.goto(`/helmond/meldingen/${original.id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${original.reference}` }).waitFor();

    const assign = page.getByRole('region', { name: 'Toewijzen' });
    await assign.getByLabel('Behandelaar').selectOption({ label: 'Ilse Vermeulen' });
    await assign.getByRole('button', { name: 'Toewijzen' }).click();
    await statusSays(page, 'De melding is toegewezen aan Ilse Vermeulen.');

    const priority = page.getByRole('region', { name: 'Prioriteit' });
    await priority.getByLabel('Prioriteit').selectOption({ label: 'Hoog' });
    await priority.getByRole('button', { name: 'Prioriteit opslaan' }).click();
    await statusSays(page, 'De prioriteit is nu ‘Hoog’.');

    const note = page.getByRole('region', { name: 'Notitie voor collega’s' });
    // Too short: the server's message stands at the field.
    await note.getByLabel('Notitie').fill('x');
    await note.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await expect.poll(async () => (await page.locator('#report-new-note-error').textContent()) ?? '').not.toBe('');
    await note.getByLabel('Notitie').fill('Buurtbewoners melden dit elke week.');
    await note.getByRole('button', { name: 'Notitie toevoegen' }).click();
    await statusSays(page, 'De notitie staat in de geschiedenis.');
    const history = await page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem').allTextContents();
    expect(history.at(-1)).toContain('Interne notitie (niet voor de melder): Buurtbewoners melden dit elke week.');
    await context.close();
  });

  it('the officer looks the original up by its reference, sees what it is, and merges after confirming', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.goto(`/helmond/meldingen/${duplicate.id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${duplicate.reference}` }).waitFor();
    const merge = page.getByRole('region', { name: 'Samenvoegen met een andere melding' });
    const reference = merge.getByRole('textbox', { name: 'Kenmerk van de andere melding' });

    // A reference that finds nothing says so at the field, and nothing can be confirmed yet.
    await reference.fill('M-2026-999999');
    await merge.getByRole('button', { name: 'Zoeken' }).click();
    await expect.poll(() => page.locator('#report-merge-reference-error').textContent()).toContain('Er is geen melding met kenmerk M-2026-999999');
    expect(await merge.getByRole('button', { name: /^Samenvoegen met/ }).count()).toBe(0);

    await reference.fill(original.reference.toLowerCase());
    await merge.getByRole('button', { name: 'Zoeken' }).click();
    await merge.getByText('Prullenbak is vol').first().waitFor();
    expect(await merge.textContent()).toContain(`Als je samenvoegt, wordt ${duplicate.reference} gesloten als samengevoegd.`);
    await expectAccessible(page, 'report-merge-confirm');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'report-merge-confirm-390');
    await page.setViewportSize({ width: 1280, height: 900 });

    await merge.getByRole('button', { name: `Samenvoegen met ${original.reference}` }).click();
    await statusSays(page, `Melding ${duplicate.reference} is samengevoegd met ${original.reference}. De melder volgt nu ${original.reference} en krijgt daarvan bericht.`);
    await expect.poll(() => page.locator('main p.utrecht-paragraph--lead').textContent()).toContain('· Samengevoegd');
    // A merged report takes notes only; it links to the original.
    expect(await page.getByRole('region', { name: 'Samenvoegen met een andere melding' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Status wijzigen' }).count()).toBe(0);
    expect(await page.getByRole('region', { name: 'Notitie voor collega’s' }).count()).toBe(1);
    await page.getByRole('link', { name: original.reference }).waitFor();
    const steps = await page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem').allTextContents();
    expect(steps.at(-1)).toContain('Samengevoegd met een andere melding (Ilse Vermeulen)');
    await expectAccessible(page, 'report-merged');

    await page.getByRole('link', { name: original.reference }).click();
    await page.getByRole('heading', { level: 1, name: `Melding ${original.reference}` }).waitFor();
    const originalSteps = await page.getByRole('region', { name: 'Geschiedenis' }).getByRole('listitem').allTextContents();
    expect(originalSteps.at(-1)).toContain(`Melding ${duplicate.reference} is hiermee samengevoegd`);
    // The duplicate's reporter now follows the original.
    expect(await page.getByText('Aantal anderen dat deze melding volgt: 1.').isVisible()).toBe(true);
    await context.close();
  });

  it('the duplicate’s status link says it was merged, and into which report', async () => {
    const { context, page } = await openPage(browser);
    await page.goto(`/helmond/meldingen/status/${duplicate.statusToken}`);
    await expect.poll(() => page.getByText(`Uw melding is samengevoegd met melding ${original.reference}`).isVisible()).toBe(true);
    await expectAccessible(page, 'report-merged-status-link');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'report-merged-status-link-390');
    await context.close();
  });

  it('the officer changes several reports at once from the queue, and hears which one refuses', async () => {
    const first = await reportLitter('Zakken afval naast de bak bij de vijver.');
    const second = await reportLitter('Bak bij de vijver loopt over, zakken ernaast.');
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.goto('/helmond/meldingen?search=vijver');
    await page.getByText('Aantal gevonden meldingen: 2.').waitFor();
    const bulk = page.getByRole('region', { name: 'Meerdere meldingen tegelijk wijzigen' });
    await bulk.getByRole('checkbox', { name: 'Alle meldingen op deze pagina kiezen' }).check();
    await statusSays(page, 'Aantal gekozen meldingen: 2.');
    await bulk.getByLabel('Wat wil je doen?').selectOption({ label: 'Prioriteit wijzigen' });
    await bulk.locator('#report-bulk-priority').selectOption({ label: 'Hoog' });
    await bulk.getByRole('button', { name: /^Wijzigen/ }).click();
    await statusSays(page, 'Aantal meldingen: 2.');
    await expect.poll(async () => (await page.getByRole('row').filter({ hasText: 'Hoog' }).count()) >= 2).toBe(true);

    // A report can only be reopened once it is closed: the whole change is refused, and the sentence names which.
    await page.getByRole('checkbox', { name: `Melding ${first.reference} kiezen` }).check();
    await page.getByRole('checkbox', { name: `Melding ${second.reference} kiezen` }).check();
    await bulk.getByLabel('Wat wil je doen?').selectOption({ label: 'Status wijzigen' });
    await bulk.getByLabel('Nieuwe status').selectOption({ label: 'Heropend' });
    await bulk.getByRole('button', { name: /^Wijzigen/ }).click();
    await expect.poll(() => bulk.getByRole('alert').textContent()).toContain('Er is niets gewijzigd;');
    expect(await bulk.getByRole('alert').textContent()).toMatch(/M-\d{4}-\d{6}/);
    await expectAccessible(page, 'report-bulk-refused');
    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'report-bulk-390');
    await context.close();
  });
});
