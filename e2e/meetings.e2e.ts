import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('kinds of meeting', () => {
  it('a visitor reads how the municipality and the councils meet, on a phone and in English', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await page.goto('/helmond');
    await page.getByRole('link', { name: 'Overlegvormen' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overlegvormen' }).waitFor();
    const wijktafel = page.getByRole('region', { name: 'Wijktafel' });
    expect(await wijktafel.textContent()).toContain('de wethouder met wijkbeleid in de portefeuille');
    expect(await wijktafel.textContent()).toContain('eens per 2 jaar per wijk');
    expect(await page.getByRole('region', { name: 'Wijkbezoek' }).textContent()).toContain('openbaar');
    // Only administrators tailor the kinds.
    expect(await page.getByRole('button', { name: /wijzigen$/ }).count()).toBe(0);
    await expectAccessible(page, 'meeting-kinds-390');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Kinds of meeting' }).waitFor();
    expect(await page.getByRole('region', { name: 'Neighbourhood visit (wijkbezoek)' }).textContent()).toContain('once');
    await context.close();
  });

  it('an administrator tailors the wijkwerkoverleg, is told what does not hang together, and saves', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'femke.janssen@helmond.example');
    await page.goto('/helmond/overlegvormen');
    await page.getByRole('button', { name: 'Wijkwerkoverleg wijzigen' }).click();
    await page.getByLabel('Aantal', { exact: true }).fill('2');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    const summary = page.getByRole('alert');
    await summary.waitFor();
    expect(await summary.textContent()).toContain('Laat dit leeg');
    await expectAccessible(page, 'meeting-kind-error');
    await page.getByLabel('Aantal', { exact: true }).fill('');
    await page.getByLabel('Verslag klaar binnen (werkdagen)').fill('15');
    await page.getByRole('button', { name: 'Opslaan', exact: true }).click();
    await page.getByRole('status').filter({ hasText: '“Wijkwerkoverleg” is opgeslagen.' }).waitFor();
    expect(await page.getByRole('region', { name: 'Wijkwerkoverleg' }).textContent()).toContain('binnen 15 werkdagen na het overleg');
    await context.close();
  });

  it('a visitor sees the public wijkbezoek and only the public part of a wijktafel on the wijk pages, and nothing of a closed meeting', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond/wijken/brandevoort');
    const meetings = page.getByRole('region', { name: 'Overleggen in deze wijk' });
    await meetings.getByText('Wijkbezoek van het college aan Brandevoort').waitFor();
    expect(await meetings.textContent()).toContain('iedereen is welkom');
    // The visitor takes the wijkbezoek into their own calendar.
    const ics = meetings.getByRole('link', { name: 'Wijkbezoek van het college aan Brandevoort in je agenda zetten (.ics)' });
    const file = await page.request.get((await ics.getAttribute('href')) ?? '');
    expect(file.headers()['content-type']).toBe('text/calendar; charset=utf-8');
    expect(await file.text()).toContain('SUMMARY:Wijkbezoek: Wijkbezoek van het college aan Brandevoort');
    // The wijkwerkoverleg about traffic safety is closed and has no public part.
    expect(await meetings.textContent()).not.toContain('Wijkwerkoverleg verkeersveiligheid');
    await expectAccessible(page, 'neighbourhood-meetings');

    await page.goto('/helmond/wijken/helmond-oost');
    const oost = page.getByRole('region', { name: 'Overleggen in deze wijk' });
    await oost.getByText('Wijktafel Helmond-Oost').waitFor();
    const text = (await oost.textContent()) ?? '';
    expect(text).toContain('openbaar deel');
    expect(text).toContain('Buurthuis De Geseldonk, café');
    expect(text).toContain('21:00–22:00');
    expect(text).not.toContain('Gesprek over de jaarplanning');

    // The advisor sees the closed ones too.
    await logIn(page, 'jeroen.hermans@helmond.example');
    await page.goto('/helmond/wijken/helmond-oost');
    await page.getByRole('region', { name: 'Overleggen in deze wijk' }).getByText('Gesprek over de jaarplanning van de wijkraad').waitFor();
    await context.close();
  });
});
