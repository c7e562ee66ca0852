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

describe('planning and running meetings', () => {
  it('the advisor plans a wijktafel, is told why the council chair cannot chair it, and plans it with the alderman', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.goto('/helmond/overleggen');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByLabel('Soort overleg').selectOption({ label: 'Wijktafel' });
    await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Brandevoort' });
    await page.getByLabel('Titel').fill('Wijktafel Brandevoort 2027');
    const nextYear = `${new Date().getFullYear() + 1}-03-16`;
    await page.getByLabel('Datum').fill(nextYear);
    await page.getByRole('textbox', { name: /^Plaats\s*\*?$/ }).fill('Wijkhuis De Brandevoortse Hoeve');
    const chair = page.getByLabel('Voorzitter');
    await chair.locator('option', { hasText: 'Henk Aarts' }).waitFor({ state: 'attached' });
    await chair.selectOption({ label: (await chair.locator('option', { hasText: 'Henk Aarts' }).textContent()) ?? '' });
    await page.getByLabel('Plaats openbaar deel').fill('Wijkhuis, grote zaal');
    await page.getByLabel('Begintijd openbaar deel').fill('21:00');
    await page.getByLabel('Eindtijd openbaar deel').fill('22:00');
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    const alert = page.getByRole('alert');
    await alert.waitFor();
    expect(await alert.textContent()).toContain('wethouder met wijkbeleid in de portefeuille');
    await expectAccessible(page, 'plan-meeting-wrong-chair');

    await chair.selectOption({ label: (await chair.locator('option', { hasText: 'Marieke Gerritsen' }).textContent()) ?? '' });
    await page.getByRole('button', { name: 'Overleg plannen' }).click();
    await page.getByRole('status').filter({ hasText: '“Wijktafel Brandevoort 2027” is gepland.' }).waitFor();
    await page.getByRole('heading', { level: 1, name: 'Wijktafel Brandevoort 2027' }).waitFor();
    expect(await page.locator('main').textContent()).toContain('Marieke Gerritsen');
    // Called off again (the planner journey counts on Brandevoort's wijktafel still being due).
    await page.getByLabel('Waarom gaat het niet door?').fill('Dubbel gepland; de overlegplanner stelt een datum voor.');
    await page.getByRole('button', { name: 'Overleg afzeggen' }).click();
    await page.getByRole('status').filter({ hasText: 'Het overleg is afgezegd.' }).waitFor();
    await page.getByText('Wijktafel · afgezegd').waitFor();
    await context.close();
  });

  it('a council member asks for their council’s request on the wijkwerkoverleg agenda', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'henk.aarts@brandevoort.example');
    await page.goto('/helmond/overleggen');
    await page.getByRole('link', { name: 'Wijkwerkoverleg verkeersveiligheid rond de scholen' }).click();
    const select = page.getByLabel('Verzoek van het wijkorgaan');
    await select.locator('option').nth(1).waitFor({ state: 'attached' });
    const options = await select.locator('option').allTextContents();
    const chosen = options[options.length - 1];
    await select.selectOption({ label: chosen });
    await page.getByRole('button', { name: 'Vraag om agendering' }).click();
    await page.getByRole('status').filter({ hasText: 'De organisator beslist' }).waitFor();
    const agenda = page.getByRole('region', { name: 'Agenda' });
    const title = chosen.replace(/^\S+\s/, '');
    await agenda.getByText(title, { exact: true }).first().waitFor();
    expect(await agenda.textContent()).toContain('gevraagd door het wijkorgaan');
    // The council asks; it does not decide.
    expect(await page.getByRole('button', { name: 'Op de agenda zetten' }).count()).toBe(0);
    await expectAccessible(page, 'meeting-council-request');
    await context.close();
  });

  it('the officer writes and publishes the wijkwerkoverleg minutes, and an agreement shows on the wijk page', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, 'koen.verhoeven@helmond.example');
    await page.goto('/helmond/overleggen');
    await page.getByLabel('Toon').selectOption({ label: 'Gehouden overleggen' });
    await page.getByRole('link', { name: 'Wijkwerkoverleg parkeren rond het winkelcentrum' }).click();
    await page.getByRole('textbox', { name: 'Verslag' }).fill('Het wijkorgaan en de gemeente bespraken de parkeerdruk. De gemeente onderzoekt een blauwe zone rond het winkelcentrum.');
    await page.getByRole('button', { name: 'Publiceren' }).click();
    await page.getByRole('status').filter({ hasText: 'Het verslag is gepubliceerd.' }).waitFor();
    await page.getByText('De gemeente onderzoekt een blauwe zone').waitFor();

    await page.getByLabel('Wat is afgesproken?').fill('Onderzoek naar een blauwe zone rond het winkelcentrum');
    await page.getByLabel('Wie doet het?').fill('Afdeling Verkeer');
    await page.getByLabel('Klaar op').fill(`${new Date().getFullYear() + 1}-02-01`);
    await page.getByRole('button', { name: 'Afspraak vastleggen' }).click();
    await page.getByRole('status').filter({ hasText: 'is vastgelegd en staat bij de wijk' }).waitFor();
    await expectAccessible(page, 'meeting-minutes-390');

    await page.goto('/helmond/wijken/brandevoort');
    const followUps = page.getByRole('region', { name: 'Lopende afspraken uit overleggen' });
    await followUps.getByText('Onderzoek naar een blauwe zone rond het winkelcentrum').waitFor();
    await context.close();
  });

  it('a resident sees of a closed wijktafel only its public closing part, on the wijk page and on the meeting’s own page', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'eva.mulder@mail.example');
    await page.goto('/helmond/wijken/helmond-oost');
    const meetings = page.getByRole('region', { name: 'Overleggen in deze wijk' });
    await meetings.getByRole('link', { name: 'Wijktafel Helmond-Oost', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: 'Wijktafel Helmond-Oost' }).waitFor();
    const main = (await page.locator('main').textContent()) ?? '';
    expect(main).toContain('Bij het openbare deel is iedereen welkom');
    expect(main).toContain('Buurthuis De Geseldonk, café');
    for (const closed of ['Agenda', 'Deelnemers', 'Voorzitter', 'Marieke Gerritsen', 'Buurthuis De Geseldonk ']) expect(main).not.toContain(closed);
    expect(await page.getByRole('region', { name: 'Lopende afspraken uit overleggen' }).count()).toBe(0);
    await expectAccessible(page, 'meeting-public-part');
    await context.close();
  });
});
