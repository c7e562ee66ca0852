import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

/** The request page shows the next step; the other steps this person may take are behind "Meer acties". */
async function openMoreActions(page: Page) {
  const more = page.locator('details.app-more-actions');
  if ((await more.count()) > 0 && !(await more.evaluate((element) => (element as HTMLDetailsElement).open))) await more.locator('summary').click();
}

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
    await page.getByLabel('Hoe groot is het onderwerp? *').selectOption({ label: 'Een buurt' });
    await page.getByRole('radio', { name: /^Iedereen/ }).check();
    // Advice without a support statement is refused with a message that says what to add.
    await page.getByRole('button', { name: 'Indienen' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toContain('Geef aan hoe het advies tot stand is gekomen');
    await page.getByLabel('Openbare vergadering').check();
    await page.getByLabel('Enquête: aantal respondenten').fill('212');
    await page.getByLabel('Hoe breed gedragen').selectOption({ label: 'Verdeeld' });
    await page.getByLabel('Meningsverschillen in de wijk').fill('Een deel van de bewoners wil liever een rotonde dan drempels.');
    await expectAccessible(page, 'request-submit');
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.waitForURL(/\/vragen\/HLM-\d{4}-\d{4,}$/);
    requestUrl = new URL(page.url()).pathname;
    await expect.poll(() => page.getByRole('heading', { level: 1 }).textContent()).toBe(title);
    // The confirmation takes the focus and says the reference, what happens next and by when.
    const confirmation = page.getByRole('heading', { name: 'Je vraag is verstuurd' });
    await expect.poll(() => confirmation.evaluate((element) => element === document.activeElement)).toBe(true);
    const confirmationText = await page.getByRole('status').filter({ hasText: 'Je vraag is verstuurd' }).textContent();
    expect(confirmationText).toContain(`Het kenmerk van je vraag is ${requestUrl.split('/').at(-1)}`);
    expect(confirmationText).toMatch(/bevestigt uiterlijk \w+dag \d{1,2} \w+ \d{4}/);
    expect(await page.getByText('Groot (onderwerp binnen de wijk)').isVisible()).toBe(true);
    // The council sees how its advice came about, as the municipality will.
    const support = page.getByRole('region', { name: 'Draagvlak in de wijk' });
    expect(await support.textContent()).toContain('Enquête (212)');
    expect(await support.textContent()).toContain('Een deel van de bewoners wil liever een rotonde dan drempels.');
    await context.close();
  });

  it('the advisor confirms receipt and routes it to Verkeer', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await expect.poll(() => page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await page.getByRole('link', { name: title }).click();
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    await page.getByLabel('Afdeling', { exact: true }).selectOption({ label: 'Verkeer' });
    // The department's officers load once it is chosen; the advisor names the one who answers.
    await expect.poll(() => page.getByLabel('Behandelaar').locator('option').allTextContents()).toContain('Koen Verhoeven');
    await page.getByLabel('Behandelaar').selectOption({ label: 'Koen Verhoeven' });
    await page.getByLabel('Groen', { exact: true }).check();
    await expectAccessible(page, 'request-triage');
    await page.getByRole('button', { name: 'Doorzetten naar afdeling' }).click();
    await expect.poll(() => page.getByText('In behandeling').first().isVisible()).toBe(true);
    // The step says what it did, focus moves to that message, and the timeline says it in the same words.
    const routed = 'Doorgezet naar Verkeer, behandelaar Koen Verhoeven; meewerkend: Groen';
    await expect.poll(() => page.getByRole('status').filter({ hasText: routed }).isVisible()).toBe(true);
    await expect.poll(() => page.evaluate(() => document.activeElement?.textContent ?? '')).toContain(routed);
    expect(await page.getByRole('listitem').filter({ hasText: routed }).count()).toBe(1);

    // An officer of the contributing department finds it among their own work.
    const groen = await openPage(browser);
    await logIn(groen.page, 'lotte.smits@helmond.example');
    const inbox = groen.page.getByRole('region', { name: 'Open vragen voor mijn afdeling (behandelen of meewerken)' });
    await expect.poll(() => inbox.getByRole('link', { name: title }).isVisible()).toBe(true);
    await groen.context.close();
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
    expect(await member.page.getByText('voortgangsbericht (Koen Verhoeven)').isVisible()).toBe(true);
    expect(await member.page.getByText('Het budgetvoorstel ligt bij het college; besluit volgt in het voorjaar.').isVisible()).toBe(true);
    // The council asks a question back; the officer will see it on the timeline.
    await member.page.getByLabel('Bericht', { exact: true }).fill('Kunnen de drempels bij de noordingang al voor de zomervakantie?');
    await member.page.getByRole('button', { name: 'Bericht versturen' }).click();
    await expect.poll(() => member.page.getByText('Het bericht is verstuurd.').isVisible()).toBe(true);
    await expectAccessible(member.page, 'request-answered');
    await member.context.close();

    const visitor = await openPage(browser);
    await visitor.page.goto('/helmond/wijken/brandevoort');
    await expect.poll(() => visitor.page.getByRole('link', { name: title }).isVisible()).toBe(true);
    await visitor.page.getByRole('link', { name: title }).click();
    await expect.poll(() => visitor.page.getByRole('heading', { name: /Antwoord van de gemeente: Ooit/ }).isVisible()).toBe(true);
    // No names of people from the council's side in public.
    expect(await visitor.page.getByText('Henk Aarts').count()).toBe(0);
    // The council's message to the municipality is not public.
    expect(await visitor.page.getByText('Kunnen de drempels bij de noordingang').count()).toBe(0);
    await expectAccessible(visitor.page, 'request-public');
    await visitor.context.close();
  });

  it('the officer notes something internal, turns the ooit into a nu and states the position on the advice', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'koen.verhoeven@helmond.example');
    await page.goto(requestUrl);
    await expect.poll(() => page.getByText('Kunnen de drempels bij de noordingang al voor de zomervakantie?').isVisible()).toBe(true);
    await page.getByLabel('Bericht', { exact: true }).fill('Navragen bij de aannemer of de noordingang eerder kan.');
    await page.getByLabel('Interne notitie (alleen voor medewerkers van de gemeente)').check();
    await page.getByRole('button', { name: 'Notitie opslaan' }).click();
    await expect.poll(() => page.getByText('De interne notitie is opgeslagen.').isVisible()).toBe(true);

    await openMoreActions(page);
    const change = page.getByRole('region', { name: 'Ooit omzetten in nu of nooit' });
    await change.getByLabel('Antwoord', { exact: true }).selectOption({ label: 'Nu: we doen het op korte termijn' });
    await change.getByLabel('Wat gaat er gebeuren').fill('Drempels bij beide ingangen van De Veste aanleggen');
    await change.getByLabel('Geplande datum').fill(new Date(Date.now() + 21 * 86_400_000).toISOString().slice(0, 10));
    await change.getByLabel('Motivering').fill('Het college heeft het budget vrijgemaakt; de drempels komen er binnen drie weken.');
    await change.getByRole('button', { name: 'Antwoord wijzigen' }).click();
    await expect.poll(() => page.getByRole('heading', { name: /Antwoord van de gemeente: Nu/ }).isVisible()).toBe(true);

    await openMoreActions(page);
    const position = page.getByRole('region', { name: 'Standpunt over het advies' });
    await position.getByLabel('Standpunt').selectOption({ label: 'De gemeente volgt het advies gedeeltelijk' });
    await position.getByLabel('Motivering').fill('Drempels komen er bij beide ingangen; een rotonde past niet in het budget.');
    await position.getByRole('button', { name: 'Standpunt vastleggen' }).click();
    await expect.poll(() => page.getByText('Het standpunt is vastgelegd').isVisible()).toBe(true);
    await expectAccessible(page, 'request-verdict-changed');

    // A nu is a promise: once the thresholds are in, the officer records it and the council is told.
    await openMoreActions(page);
    const carriedOut = page.getByRole('region', { name: 'Uitgevoerd' });
    await carriedOut.getByLabel('Wat is er gedaan? (optioneel)').fill('De drempels bij beide ingangen liggen er.');
    await carriedOut.getByRole('button', { name: 'Vastleggen als uitgevoerd' }).click();
    await expect.poll(() => page.getByText('Vastgelegd als uitgevoerd. De indiener krijgt bericht.').isVisible()).toBe(true);
    expect(await page.getByText(/Uitgevoerd op .+ \(Koen Verhoeven\)/).isVisible()).toBe(true);
    await context.close();

    const member = await openPage(browser);
    await logIn(member.page, 'henk.aarts@brandevoort.example');
    await member.page.goto(requestUrl);
    await expect.poll(() => member.page.getByRole('heading', { name: 'De gemeente volgt het advies gedeeltelijk' }).isVisible()).toBe(true);
    expect(await member.page.getByText(/Antwoord gewijzigd van ooit naar nu \(Koen Verhoeven\)/).isVisible()).toBe(true);
    expect(await member.page.getByText('Navragen bij de aannemer').count()).toBe(0);
    await member.context.close();
  });

  it('the advisor closes the request and can reopen it with a reason', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.goto(requestUrl);
    await page.getByRole('heading', { level: 1 }).waitFor();
    await openMoreActions(page);
    await page.getByRole('button', { name: 'Afsluiten' }).click();
    await expect.poll(() => page.getByText('afgesloten (Sanne Kuipers)').isVisible()).toBe(true);
    await openMoreActions(page);
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await page.getByLabel('Waarom wordt de vraag heropend?').fill('Kort');
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await expect.poll(() => page.getByRole('alert').first().textContent()).toBeTruthy();
    await expectAccessible(page, 'request-reopen-error');
    await page.getByLabel('Waarom wordt de vraag heropend?').fill('De wijkraad meldt dat de noordingang nog niet klaar is.');
    await page.getByRole('button', { name: 'Heropenen' }).click();
    await expect.poll(() => page.getByText('heropend (Sanne Kuipers)').isVisible()).toBe(true);
    await context.close();
  });

  it('reads the same request in English, as an advisor with every panel and as a visitor', async () => {
    const advisor = await openPage(browser);
    await logIn(advisor.page, 'sanne.kuipers@helmond.example');
    await advisor.page.goto(requestUrl);
    await advisor.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => advisor.page.getByRole('heading', { name: 'Timeline' }).isVisible()).toBe(true);
    await openMoreActions(advisor.page);
    expect(await advisor.page.locator('details.app-more-actions > summary').textContent()).toBe('More actions');
    expect(await advisor.page.getByRole('heading', { name: 'The municipality’s answer: Nu' }).isVisible()).toBe(true);
    expect(await advisor.page.getByRole('heading', { name: 'The municipality partly follows the advice' }).isVisible()).toBe(true);
    expect(await advisor.page.getByRole('heading', { name: 'Refer to a front-line team' }).isVisible()).toBe(true);
    expect(await advisor.page.getByText('reopened (Sanne Kuipers)').isVisible()).toBe(true);
    await expectAccessible(advisor.page, 'request-english-advisor');
    await advisor.context.close();

    const visitor = await openPage(browser, { locale: 'en' });
    await visitor.page.goto(requestUrl);
    await visitor.page.getByRole('button', { name: 'English' }).click();
    await expect.poll(() => visitor.page.getByRole('heading', { name: 'Facts' }).isVisible()).toBe(true);
    expect(await visitor.page.getByText('Unsolicited advice · Brandevoort').isVisible()).toBe(true);
    expect(await visitor.page.getByRole('heading', { name: 'Messages' }).count()).toBe(0);
    await expectAccessible(visitor.page, 'request-english-public');
    await visitor.context.close();
  });
});
