import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const title = 'Snelheid remmen bij de speeltuinen in De Veste';
const inSixtyDays = new Date(Date.now() + 60 * 86_400_000).toISOString().slice(0, 10);

describe('advice from a council, answered ooit', () => {
  let requestUrl = '';

  it('a council member submits advice with a support statement', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'henk.aarts@brandevoort.example');
    await page.getByRole('link', { name: 'Nieuwe vraag, verzoek of advies' }).first().click();
    await page.waitForURL('**/vragen/nieuw');
    await page.getByLabel('Indienen namens').selectOption({ label: 'Wijkraad Brandevoort' });
    await page.getByLabel('Soort *').selectOption({ label: 'Ongevraagd advies' });
    await page.getByLabel('Onderwerp *').fill(title);
    await page.getByLabel('Toelichting *').fill('Auto’s rijden te hard langs de speeltuinen; wij adviseren drempels bij beide ingangen van De Veste.');
    await page.getByLabel('Wijk', { exact: true }).selectOption({ label: 'Brandevoort' });
    await page.getByLabel('Schaalniveau *').selectOption({ label: 'Buurt' });
    // Advice without a support statement is refused with a message that says what to add.
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Geef aan hoe het advies tot stand is gekomen');
    await page.getByLabel('Openbare vergadering').check();
    await page.getByLabel('Enquête: aantal respondenten').fill('212');
    await page.getByLabel('Hoe breed gedragen').selectOption({ label: 'Verdeeld' });
    await page.getByLabel('Meningsverschillen in de wijk').fill('Een deel van de bewoners wil liever een rotonde dan drempels.');
    await expectAccessible(page, 'request-submit');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.waitForURL(/\/vragen\/[0-9a-f-]{36}$/);
    requestUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    expect(await page.getByText('Groot (onderwerp binnen de wijk)').isVisible()).toBe(true);
    await context.close();
  });

  it('the advisor confirms receipt and routes it to Verkeer', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await expect.poll(() => page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await page.getByLabel('Afdeling').selectOption({ label: 'Verkeer' });
    await expectAccessible(page, 'request-triage');
    await page.getByRole('button', { name: 'Doorzetten naar afdeling' }).click();
    await expect.poll(() => page.getByText('In behandeling').first().isVisible()).toBe(true);
    await context.close();
  });

  it('the officer answers ooit with a condition, a decision date and updates', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'koen.verhoeven@helmond.example');
    await expect.poll(() => page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await page.goto(requestUrl);
    await page.getByLabel('Antwoord', { exact: true }).selectOption({ label: 'Ooit: goed idee, maar het hangt af van randvoorwaarden' });
    await page.getByLabel('Soort randvoorwaarde').selectOption({ label: 'Budget' });
    await page.getByLabel('Randvoorwaarde', { exact: true }).fill('Geld uit het investeringsplan verkeersveiligheid 2027');
    await page.getByLabel('Definitief antwoord uiterlijk op').fill(inSixtyDays);
    await page.getByLabel('Motivering').fill('Drempels passen in het plan voor veilige schoolroutes; de raad besluit in het voorjaar over het budget.');
    await expectAccessible(page, 'request-answer');
    await page.getByRole('button', { name: 'Antwoord versturen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Antwoord van de gemeente: Ooit/ }).isVisible()).toBe(true);
    await page.getByLabel('Wat is er sinds het vorige bericht gebeurd?').fill('Het budgetvoorstel ligt bij het college; besluit volgt in het voorjaar.');
    await page.getByRole('button', { name: 'Voortgangsbericht plaatsen' }).click();
    await expect.poll(() => page.getByText('Het voortgangsbericht is geplaatst').isVisible()).toBe(true);
    await expectAccessible(page, 'request-progress');
    await context.close();
  });

  it('the council member sees the answer and the next update date; a visitor sees it on the neighbourhood page', async () => {
    const member = await openPage(browser);
    await logIn(member.page, 'henk.aarts@brandevoort.example');
    await member.page.goto(requestUrl);
    await expect.poll(() => member.page.getByText('Volgend voortgangsbericht').isVisible()).toBe(true);
    expect(await member.page.getByText('Budget: Geld uit het investeringsplan verkeersveiligheid 2027').isVisible()).toBe(true);
    expect(await member.page.getByText(/voortgangsbericht \(Koen Verhoeven\): Het budgetvoorstel ligt bij het college/).isVisible()).toBe(true);
    await expectAccessible(member.page, 'request-answered');
    await member.context.close();

    const visitor = await openPage(browser);
    await visitor.page.goto('/helmond/wijken/brandevoort');
    await expect.poll(() => visitor.page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await visitor.page.getByRole('link', { name: title }).click();
    await expect.poll(() => visitor.page.getByRole('heading', { name: /Antwoord van de gemeente: Ooit/ }).isVisible()).toBe(true);
    // No names of people from the council's side in public.
    expect(await visitor.page.getByText('Henk Aarts').count()).toBe(0);
    await expectAccessible(visitor.page, 'request-public');
    await visitor.context.close();
  });
});
