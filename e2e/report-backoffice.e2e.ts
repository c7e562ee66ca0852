import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { baseUrl, expectAccessible, launchBrowser, logIn, openPage, tabTo } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const officer = 'ilse.vermeulen@helmond.example';

async function statusSays(page: Page, text: string) {
  await expect.poll(() => page.getByRole('status').filter({ hasText: text }).isVisible()).toBe(true);
}

describe('the back office handles a report about public space', () => {
  let report: { id: string; reference: string };

  beforeAll(async () => {
    // A visitor reports a street light that is out, without an account, as the public form or an app would.
    const response = await fetch(`${baseUrl()}/api/v1/municipalities/helmond/reports`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({
        categoryCode: 'straatverlichting-openbare-klok',
        location: { latitude: 51.4655, longitude: 5.6935 },
        description: 'Lamp uit bij de speeltuin',
        answers: { 'wat-is-er-aan-de-hand': 'uit' },
        email: 'melder@mail.example',
        contactConsent: true,
      }),
    });
    expect(response.status, await response.clone().text()).toBe(201);
    report = await response.json();
  });

  it('the officer finds the report in the queue, also on a phone', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Meldingen' }).click();
    await page.waitForURL('**/helmond/meldingen');
    await page.getByRole('heading', { level: 1, name: 'Meldingen openbare ruimte' }).waitFor();
    // The queue opens on what still needs doing (the demo's year of reports, overdue ones first); searching finds the new one.
    await expect.poll(() => page.getByRole('table').isVisible()).toBe(true);
    await page.getByRole('textbox', { name: 'Zoeken op kenmerk of woorden' }).fill(report.reference);
    await page.getByRole('button', { name: 'Filteren' }).click();
    await statusSays(page, 'Aantal gevonden meldingen: 1.');
    const row = page.getByRole('row').filter({ has: page.getByRole('link', { name: report.reference }) });
    const rowText = await row.textContent();
    expect(rowText).toContain('Straatverlichting');
    expect(rowText).toContain('Gemeld');
    expect(rowText).toContain('Normaal');
    await expectAccessible(page, 'report-queue');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'report-queue-390');
    await context.close();
  });

  it('the officer accepts it with the keyboard only, then reports it done with a message, and sees the history', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.goto(`/helmond/meldingen?search=${report.reference}`);
    await page.getByRole('link', { name: report.reference }).click();
    await page.waitForURL(`**/helmond/meldingen/${report.id}`);
    await page.getByRole('heading', { level: 1, name: `Melding ${report.reference}` }).waitFor();
    expect(await page.getByText('Lamp uit bij de speeltuin').isVisible()).toBe(true);
    // Staff see how to reach the reporter.
    expect(await page.getByRole('link', { name: 'melder@mail.example' }).isVisible()).toBe(true);
    const form = page.getByRole('region', { name: 'Status wijzigen' });
    expect(await form.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.id))).toEqual(
      ['accepted', 'in_progress', 'planned', 'done', 'cancelled', 'forwarded'].map((status) => `report-status-${status}`),
    );
    expect(await form.getByText('Laat leeg om het standaardbericht voor deze status te sturen.').isVisible()).toBe(true);

    // Forwarding needs the party it goes to; the server's message stands at the field.
    await form.getByRole('radio', { name: 'Doorgezet' }).check();
    await form.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => page.locator('#report-forwarded-to-error').textContent()).toContain('Zeg aan welke partij de melding is doorgezet.');
    await expectAccessible(page, 'report-forward-error');
    await page.reload();
    await page.getByRole('heading', { level: 1, name: `Melding ${report.reference}` }).waitFor();

    // Keyboard only: Tab into the status choice (the first one takes the focus), choose it with Space, Tab past
    // the message (empty: the standard text), write an internal note, Tab to the button and press Enter.
    await page.locator('body').focus();
    await tabTo(page, () => document.activeElement?.getAttribute('name') === 'report-status');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-status-accepted');
    await page.keyboard.press('Space');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-message');
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('report-note');
    await page.keyboard.type('Aannemer ingeseind, werkbon 7781.');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Enter');
    const accepted = 'Status gewijzigd naar ‘In behandeling genomen’; de melder krijgt bericht.';
    await statusSays(page, accepted);
    // The focus moves to the confirmation, so keyboard and screen-reader users hear what happened.
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(accepted);
    await expect.poll(() => page.locator('main p.utrecht-paragraph--lead').textContent()).toContain('· In behandeling genomen');

    await form.getByRole('radio', { name: 'Afgehandeld' }).check();
    await form.getByLabel('Bericht aan de melder').fill('De lamp is vervangen en brandt weer. Dank voor uw melding.');
    // Meanwhile a colleague (here: the same officer in a second tab) plans the repair.
    const other = await context.newPage();
    await other.goto(page.url());
    await other.getByRole('radio', { name: 'Ingepland' }).check();
    await other.getByRole('button', { name: 'Status wijzigen' }).click();
    await statusSays(other, 'Status gewijzigd naar ‘Ingepland’; de melder krijgt bericht.');
    await other.close();
    // The first tab's change is refused, says why, and the report is loaded again; the message typed stays.
    await form.getByRole('button', { name: 'Status wijzigen' }).click();
    await expect.poll(() => form.getByRole('alert').textContent()).toContain('Intussen gewijzigd');
    // The earlier confirmation goes: it no longer says how things stand.
    expect(await page.getByRole('status').filter({ hasText: 'Status gewijzigd' }).count()).toBe(0);
    await expect.poll(() => form.getByText('De melding is opnieuw geladen zoals ze nu is.').isVisible()).toBe(true);
    await expect.poll(() => page.locator('main p.utrecht-paragraph--lead').textContent()).toContain('· Ingepland');
    expect(await form.getByLabel('Bericht aan de melder').inputValue()).toBe('De lamp is vervangen en brandt weer. Dank voor uw melding.');
    expect(await form.getByRole('radio', { name: 'Afgehandeld' }).isChecked()).toBe(true);
    await expectAccessible(page, 'report-conflict');
    await form.getByRole('button', { name: 'Status wijzigen' }).click();
    await statusSays(page, 'Status gewijzigd naar ‘Afgehandeld’; de melder krijgt bericht.');
    // A done report can only be reopened.
    await expect.poll(() => form.getByRole('radio').evaluateAll((radios) => radios.map((radio) => radio.id))).toEqual(['report-status-reopened']);

    const history = page.getByRole('region', { name: 'Geschiedenis' });
    const steps = await history.getByRole('listitem').allTextContents();
    expect(steps).toHaveLength(4);
    expect(steps[0]).toContain('Melding gedaan');
    expect(steps[1]).toContain('Status van ‘Gemeld’ naar ‘In behandeling genomen’ (Ilse Vermeulen)');
    expect(steps[1]).toContain('Bericht aan de melder:');
    expect(steps[1]).toContain('Interne notitie (niet voor de melder): Aannemer ingeseind, werkbon 7781.');
    expect(steps[2]).toContain('Status van ‘In behandeling genomen’ naar ‘Ingepland’ (Ilse Vermeulen)');
    expect(steps[3]).toContain('Status van ‘Ingepland’ naar ‘Afgehandeld’ (Ilse Vermeulen)');
    expect(steps[3]).toContain('De lamp is vervangen en brandt weer. Dank voor uw melding.');
    await expectAccessible(page, 'report-done');

    await page.setViewportSize({ width: 390, height: 844 });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'report-done-390');

    // Closed, it leaves the open queue and shows under the closed ones.
    await page.goto(`/helmond/meldingen?search=${report.reference}`);
    await statusSays(page, 'Aantal gevonden meldingen: 0.');
    await page.goto(`/helmond/meldingen?search=${report.reference}&status=closed`);
    await statusSays(page, 'Aantal gevonden meldingen: 1.');
    await context.close();
  });

  it('a path under /meldingen that is no report id shows the not-found page', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, officer);
    await page.goto('/helmond/meldingen/M-2026-000001');
    await page.getByRole('heading', { level: 1, name: 'Pagina niet gevonden' }).waitFor();
    await context.close();
  });
});
