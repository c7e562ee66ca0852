import { writeFileSync } from 'node:fs';
import path from 'node:path';
import type { Browser, BrowserContext, Locator, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

/**
 * Every form's error state, in Dutch and in English: the messages are sentences a resident understands, in the
 * page's language, never a schema path, a type or format name, or a validator's own wording.
 */

type Language = 'nl' | 'en';
const languages: Language[] = ['nl', 'en'];

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

const day = 86_400_000;
const isoDay = (offsetDays: number) => new Date(Date.now() + offsetDays * day).toISOString().slice(0, 10);
const artifacts = path.resolve(import.meta.dirname, 'artifacts');

/** What a message for people never contains: where a value sits in a schema, the names of types and formats, a validator's words. */
const jargon: [RegExp, string][] = [
  [/\b(body|query|params|headers)\.\w/, 'a schema path'],
  [/[A-Za-z_]\w*\.\d+(\.\w+)?/, 'a schema path with an index'],
  [/\b[a-z]+[A-Z]\w*\b/, 'a field name in camelCase'],
  // "number" is also an everyday word ("Enter a number"); zod's wording around it is caught by "expected" and ">=".
  [/\b(string|integer|boolean|object|array|uuid|regex|enum|null|undefined|NaN)\b/i, 'a type or format name'],
  [/\bISO\b/, 'a format name (ISO)'],
  [/\b(expected|Invalid|Ongeldig)\b|Ongeldig:|Ongeldige invoer|>=|<=/, 'a validator’s own wording'],
  [/\bX-[A-Z][\w-]*|\bheader\b|\bJSON\b/, 'a protocol term'],
  [/\b1 (tekens|characters)\b/, 'a count that reads wrong'],
  [/\b[A-Z]+(_[A-Z]+)+\b/, 'an error code'],
  [/\bHTTP \d{3}\b/, 'an HTTP status'],
];

/** A few everyday words of the other language: a Dutch page shows no English message, and the reverse. */
const otherLanguage: Record<Language, RegExp> = {
  nl: /\b(the|this|enter|choose|field|must|please|required|your|you|is not|at least|characters)\b/i,
  en: /\b(het|een|vul|kies|dit|deze|veld|moet|niet|verplicht|minstens|tekens|je|jouw)\b/i,
};

/** Dutch addresses people as "je", never "u". */
const formalDutch = /\b(u|uw|U|Uw)\b/;

/** Every message shown, written to e2e/artifacts/form-errors-messages.txt for a person to read through. */
const shownMessages: string[] = [];
afterAll(() => writeFileSync(path.join(artifacts, 'form-errors-messages.txt'), `${shownMessages.join('\n')}\n`));

/** The visible error texts on the page: the error summaries (role=alert) and the messages beside the fields. */
async function visibleErrors(page: Page): Promise<string[]> {
  const texts = await page.locator('main [role="alert"], main .utrecht-form-field-error-message').evaluateAll((elements) =>
    // biome-ignore lint/performance/useDomNodeTextContent: innerText keeps the line breaks between a summary's title and its items, and skips what is hidden
    elements.filter((element) => (element as HTMLElement).offsetParent !== null).map((element) => (element as HTMLElement).innerText),
  );
  return [...new Set(texts.flatMap((text) => text.split('\n')).map((line) => line.trim()).filter(Boolean))];
}

/**
 * The one check every form's error state passes: at least one message, each in the page's language and without
 * jargon. Fails naming the form and the offending text.
 */
async function expectPlainErrors(page: Page, form: string, language: Language, scope = 'main') {
  await page.locator('main [role="alert"], main .utrecht-form-field-error-message').first().waitFor();
  expect(await page.evaluate(() => document.documentElement.lang), `${form}: page language`).toBe(language);
  const messages = await visibleErrors(page);
  expect(messages.length, `${form} (${language}): no error message shown`).toBeGreaterThan(0);
  const problems: string[] = [];
  for (const message of messages) {
    for (const [pattern, what] of jargon) if (pattern.test(message)) problems.push(`${what}: “${message}”`);
    if (otherLanguage[language].test(message)) problems.push(`not in ${language === 'nl' ? 'Dutch' : 'English'}: “${message}”`);
    if (language === 'nl' && formalDutch.test(message)) problems.push(`“u” instead of “je”: “${message}”`);
  }
  shownMessages.push(`${form} (${language}):`, ...messages.map((message) => `  ${message}`));
  expect(problems, `${form} (${language}) shows messages that are not plain sentences in the page’s language`).toEqual([]);
  // A summary of field problems takes the focus, so a keyboard or screen-reader user starts from it.
  // Only the form just sent: another form's summary further up the page may still stand from an earlier step.
  if ((await page.locator(`${scope} [role="alert"] ul`).count()) > 0) {
    const isFocused = await page.evaluate(() => Boolean(document.activeElement?.closest('[role="alert"]') ?? document.activeElement?.querySelector('[role="alert"]')));
    expect(isFocused, `${form} (${language}): focus moves to the error summary`).toBe(true);
  }
  return messages;
}

/** Submits the form that holds `field` and waits for the server's answer (a change: not a GET) and the page to show it. */
async function submitToServer(page: Page, field: string) {
  const answered = page.waitForResponse((response) => response.url().includes('/api/v1/') && response.request().method() !== 'GET');
  await submitButtonOf(page, field).click();
  await answered;
  await page.evaluate(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve))));
}

function submitButtonOf(page: Page, field: string): Locator {
  return page.locator('form').filter({ has: page.locator(field) }).locator('button[type="submit"]').first();
}

/** The language the app shows from now on: it keeps the choice in the browser, as the language switch does. */
async function chooseLanguage(page: Page, language: Language) {
  await page.evaluate((chosen) => localStorage.setItem('wijkwerk.language', chosen), language);
}

async function goTo(page: Page, address: string, ready: string) {
  await page.goto(address);
  await page.locator(ready).first().waitFor();
}

/** A step behind "Meer acties" on the request page: open the disclosure when the field is not in sight. */
async function reveal(page: Page, field: string) {
  const target = page.locator(field).first();
  await target.waitFor({ state: 'attached' });
  if (!(await target.isVisible())) await page.locator('details.app-more-actions > summary').click();
  await target.waitFor();
}

async function loggedIn(email: string): Promise<{ context: BrowserContext; page: Page }> {
  const opened = await openPage(browser);
  await logIn(opened.page, email);
  return opened;
}

describe('every form’s error state, in Dutch and in English', () => {
  let requestPath = '';

  it('a visitor: login, registration, forgotten password, a password link', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond');
    for (const language of languages) {
      await chooseLanguage(page, language);

      await goTo(page, '/helmond/inloggen', '#login-email');
      await submitToServer(page, '#login-email');
      await expectPlainErrors(page, 'login, empty', language);
      await page.locator('#login-email').fill('geen-adres');
      await page.locator('#login-password').fill('kort');
      await submitToServer(page, '#login-email');
      await expectPlainErrors(page, 'login, invalid e-mail', language);
      await page.locator('#login-email').fill('eva.mulder@mail.example');
      await page.locator('#login-password').fill(`${demoPassword()}-niet`);
      await submitToServer(page, '#login-email');
      await expectPlainErrors(page, 'login, wrong password', language);

      await goTo(page, '/helmond/registreren', '#register-email');
      await submitToServer(page, '#register-email');
      await expectPlainErrors(page, 'registration, empty', language);
      if (language === 'nl') await expectAccessible(page, 'form-errors-registration-nl');
      await page.locator('#register-email').fill('iemand@');
      await page.locator('#register-name').fill('A');
      await page.locator('#register-password').fill('kort');
      await submitToServer(page, '#register-email');
      await expectPlainErrors(page, 'registration, wrong values', language);
      if (language === 'en') await expectAccessible(page, 'form-errors-registration-en');

      await goTo(page, '/helmond/wachtwoord-vergeten', '#forgot-email');
      await submitToServer(page, '#forgot-email');
      await expectPlainErrors(page, 'forgotten password, empty', language);
      await page.locator('#forgot-email').fill('niet-een-adres');
      await submitToServer(page, '#forgot-email');
      await expectPlainErrors(page, 'forgotten password, invalid e-mail', language);

      // A link that does not exist (or has expired) says so in words.
      await page.goto('/helmond/wachtwoord-instellen#onbekende-link');
      await expectPlainErrors(page, 'password link, unknown', language);
    }
    await page.setViewportSize({ width: 390, height: 844 });
    await goTo(page, '/helmond/registreren', '#register-email');
    await page.locator('#register-email').fill('iemand@');
    await submitToServer(page, '#register-email');
    await expectPlainErrors(page, 'registration at 390 px', 'en');
    await expectAccessible(page, 'form-errors-registration-narrow-en');
    await context.close();
  });

  it('a resident: a new request, a message, an attachment, the password and the notification preferences', async () => {
    const { context, page } = await loggedIn('eva.mulder@mail.example');
    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, '/helmond/vragen/nieuw', '#request-title');
      // Public or not is asked in the browser first; then the server checks the rest.
      await submitButtonOf(page, '#request-title').click();
      await expectPlainErrors(page, 'new request, public or not missing', language);
      await page.locator('#request-isPublic-yes').check();
      await submitToServer(page, '#request-title');
      await expectPlainErrors(page, 'new request, empty', language);
      if (language === 'nl') await expectAccessible(page, 'form-errors-new-request-nl');
      await page.locator('#request-title').fill('Kort');
      await page.locator('#request-body').fill('Te kort');
      await submitToServer(page, '#request-title');
      const tooShort = await expectPlainErrors(page, 'new request, too short', language);
      // The summary says which field each message is about; beside the field it needs no name.
      expect(tooShort).toContain(language === 'nl' ? 'Onderwerp: Vul minstens 5 tekens in.' : 'Subject: Enter at least 5 characters.');
      if (language === 'en') await expectAccessible(page, 'form-errors-new-request-en');

      await goTo(page, '/helmond/mijn', '#change-password-current');
      await submitToServer(page, '#change-password-current');
      await expectPlainErrors(page, 'change password, empty', language);
      await page.locator('#change-password-current').fill(`${demoPassword()}-niet`);
      await page.locator('#change-password-new').fill('kort');
      await submitToServer(page, '#change-password-current');
      await expectPlainErrors(page, 'change password, wrong values', language);
    }

    // A request of her own, for the message and attachment forms and for the staff below.
    await chooseLanguage(page, 'nl');
    await goTo(page, '/helmond/vragen/nieuw', '#request-title');
    await page.locator('#request-title').fill('Losliggende stoeptegels bij de bibliotheek');
    await page.locator('#request-body').fill('Bij de ingang van de bibliotheek liggen drie tegels los; ouderen struikelen erover.');
    await page.locator('#request-isPublic-yes').check();
    await submitButtonOf(page, '#request-title').click();
    await page.waitForURL(/\/vragen\/HLM-\d{4}-\d{4,}$/);
    requestPath = new URL(page.url()).pathname;

    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, requestPath, '#conversation-text');
      await submitToServer(page, '#conversation-text');
      await expectPlainErrors(page, 'message, empty', language);
      if ((await page.locator('#attachment-file').count()) > 0) {
        await page.locator('#attachment-file').setInputFiles({ name: 'notities.txt', mimeType: 'text/plain', buffer: Buffer.from('geen pdf of afbeelding') });
        await submitButtonOf(page, '#attachment-file').click();
        await page.locator('#attachment-file-error').waitFor();
        await expectPlainErrors(page, 'attachment, wrong kind of file', language, 'section[aria-labelledby="attachments-heading"]');
        // The refused file's field takes the focus, with its message read out through aria-describedby.
        expect(await page.evaluate(() => document.activeElement?.id), `attachment, wrong kind of file (${language}): focus on the file field`).toBe('attachment-file');
      }
    }

    // The notification preferences have no wrong answer; on a phone their labels read as sentences.
    await page.setViewportSize({ width: 390, height: 844 });
    await chooseLanguage(page, 'nl');
    await goTo(page, '/helmond/vragen/nieuw', '#request-title');
    await page.locator('#request-isPublic-no').check();
    await submitToServer(page, '#request-title');
    await expectPlainErrors(page, 'new request at 390 px', 'nl');
    await page.screenshot({ path: path.join(artifacts, 'form-errors-new-request-narrow-nl.png') });
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await goTo(page, '/helmond/mijn', '#preferences-each');
    await page.locator('#preferences-heading').scrollIntoViewIfNeeded();
    await page.screenshot({ path: path.join(artifacts, 'form-errors-preferences-narrow.png') });
    // A label takes at most two lines beside its radio button: never a word per line.
    const labelLines = await page
      .locator('section[aria-labelledby="preferences-heading"] label')
      .evaluateAll((labels) =>
        labels.map((label) => {
          const style = getComputedStyle(label);
          const lineHeight = Number.parseFloat(style.lineHeight) || Number.parseFloat(style.fontSize) * 1.2;
          return `${label.textContent}: ${Math.round(label.getBoundingClientRect().height / lineHeight)} lines`;
        }),
      );
    expect(labelLines.filter((line) => !/: [12] lines$/.test(line)), 'preferences labels at 390 px').toEqual([]);
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await context.close();
  });

  it('a council member: advice with a support statement that does not add up', async () => {
    const { context, page } = await loggedIn('henk.aarts@brandevoort.example');
    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, '/helmond/vragen/nieuw', '#request-title');
      await page.locator('#request-councilId').selectOption({ index: 1 });
      await page.locator('#request-kind').selectOption('advice_unsolicited');
      await page.locator('#request-title').fill('Drempels bij de speeltuinen');
      await page.locator('#request-body').fill('Auto’s rijden te hard langs de speeltuinen; wij adviseren drempels bij beide ingangen.');
      await page.locator('#request-isPublic-yes').check();
      await submitToServer(page, '#request-title');
      await expectPlainErrors(page, 'advice, no support statement', language);
      await page.locator('#support-survey').fill('-3');
      await page.locator('#support-petition').fill('veel');
      await submitToServer(page, '#request-title');
      await expectPlainErrors(page, 'advice, counts out of range', language);
    }
    await context.close();
  });

  it('an advisor: a new advice request and routing', async () => {
    const { context, page } = await loggedIn('sanne.kuipers@helmond.example');
    await goTo(page, requestPath, 'h1');
    await page.getByRole('button', { name: 'Ontvangst bevestigen' }).click();
    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, '/helmond/adviesaanvragen/nieuw', '#advice-title');
      await submitToServer(page, '#advice-title');
      await expectPlainErrors(page, 'advice request, empty', language);
      await page.locator('#advice-title').fill('Ab');
      await page.locator('#advice-documentUrl').fill('geen adres');
      await submitToServer(page, '#advice-title');
      await expectPlainErrors(page, 'advice request, too short', language);
      // Everything right but the date: the server's own rule answers.
      await page.locator('#advice-title').fill('Herinrichting van het Havenplein');
      await page.locator('#advice-question').fill('Hoe kijkt de wijk aan tegen minder parkeerplaatsen en meer groen op het plein?');
      await page.locator('#advice-documentUrl').fill('');
      await page.locator('input[id^="advice-council-"]').first().check();
      await page.locator('#advice-dueOn').fill(isoDay(-3));
      await submitToServer(page, '#advice-title');
      const messages = await expectPlainErrors(page, 'advice request, date in the past', language);
      expect(messages.join(' ')).toContain(language === 'nl' ? 'Kies vandaag of een latere datum' : 'Choose today or a later date');

      await goTo(page, requestPath, '#route-department');
      await submitToServer(page, '#route-department');
      await expectPlainErrors(page, 'routing, no department', language);
    }
    await chooseLanguage(page, 'nl');
    await goTo(page, requestPath, '#route-department');
    await page.locator('#route-department').selectOption({ label: 'Verkeer' });
    await page.locator('#route-officer option', { hasText: 'Koen Verhoeven' }).waitFor({ state: 'attached' });
    await page.locator('#route-officer').selectOption({ label: 'Koen Verhoeven' });
    await page.getByRole('button', { name: 'Doorzetten naar afdeling' }).click();
    await page.getByRole('status').filter({ hasText: 'Doorgezet naar Verkeer' }).waitFor();
    await context.close();
  });

  it('an officer: the answer (nu, ooit with a date in the past) and carried out', async () => {
    const { context, page } = await loggedIn('koen.verhoeven@helmond.example');
    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, requestPath, '#answer-verdict');
      await submitToServer(page, '#answer-verdict');
      await expectPlainErrors(page, 'answer, empty', language);
      await page.locator('#answer-verdict').selectOption('ooit');
      await page.locator('#answer-decisionDueOn').fill(isoDay(-10));
      await page.locator('#answer-motivation').fill('Kort');
      await submitToServer(page, '#answer-verdict');
      await expectPlainErrors(page, 'answer ooit, date in the past', language);
      if (language === 'en') await expectAccessible(page, 'form-errors-answer-en');
    }

    // Answered nu: recording it as carried out has its own date check.
    await chooseLanguage(page, 'nl');
    await goTo(page, requestPath, '#answer-verdict');
    await page.locator('#answer-verdict').selectOption('nu');
    await page.locator('#answer-action').fill('Tegels bij de ingang van de bibliotheek opnieuw leggen');
    await page.locator('#answer-plannedOn').fill(isoDay(14));
    await page.locator('#answer-motivation').fill('De tegels liggen los en zijn gevaarlijk; de aannemer legt ze binnen twee weken opnieuw.');
    await submitButtonOf(page, '#answer-verdict').click();
    await page.getByRole('heading', { name: /Antwoord van de gemeente: Nu/ }).waitFor();
    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, requestPath, 'h1');
      await reveal(page, '#carried-out-on');
      await page.locator('#carried-out-on').fill(isoDay(5));
      await submitToServer(page, '#carried-out-on');
      await expectPlainErrors(page, 'carried out, date in the future', language);
    }
    await context.close();
  });

  it('an advisor closes the answered request; reopening it asks for a reason', async () => {
    const { context, page } = await loggedIn('sanne.kuipers@helmond.example');
    const lifecycle = page.locator('section[aria-labelledby="lifecycle-heading"]');
    await goTo(page, requestPath, 'h1');
    await reveal(page, '#lifecycle-heading');
    await lifecycle.getByRole('button', { name: 'Afsluiten' }).click();
    await page.getByText('afgesloten (Sanne Kuipers)').first().waitFor();
    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, requestPath, 'h1');
      await reveal(page, '#lifecycle-heading');
      await lifecycle.getByRole('button', { name: language === 'nl' ? 'Heropenen' : 'Reopen' }).click();
      await page.locator('#reopen-reason').fill('Kort');
      await submitToServer(page, '#reopen-reason');
      await expectPlainErrors(page, 'reopen, reason too short', language);
    }
    await context.close();
  });

  it('an administrator: users, neighbourhoods, reference lists, answer rules and statements', async () => {
    const { context, page } = await loggedIn('femke.janssen@helmond.example');
    const newRecord = async (address: string, form: string, language: Language, fill: Record<string, string> = {}) => {
      await goTo(page, address, '#new-record-button');
      await page.locator('#new-record-button').click();
      const first = Object.keys(fill)[0] ?? '#new-name';
      await submitToServer(page, first);
      await expectPlainErrors(page, `${form}, empty`, language);
      if (Object.keys(fill).length === 0) return;
      for (const [field, value] of Object.entries(fill)) await page.locator(field).fill(value);
      await submitToServer(page, first);
      await expectPlainErrors(page, `${form}, wrong values`, language);
    };
    for (const language of languages) {
      await chooseLanguage(page, language);
      await goTo(page, '/helmond/beheer/gebruikers', '#new-user-button');
      await page.locator('#new-user-button').click();
      await submitToServer(page, '#new-user-displayName');
      await expectPlainErrors(page, 'new user, empty', language);
      await page.locator('#new-user-email').fill('geen-adres');
      await submitToServer(page, '#new-user-displayName');
      await expectPlainErrors(page, 'new user, invalid e-mail', language);

      await newRecord('/helmond/beheer/wijken', 'new neighbourhood', language, { '#new-name': 'X', '#new-cbsCode': 'WK1', '#new-boundary': '{"type":"Point","coordinates":[5.6,51.4]}' });
      if (language === 'nl') await expectAccessible(page, 'form-errors-neighbourhood-nl');
      await newRecord('/helmond/beheer/afdelingen', 'new department', language, { '#new-name': 'Y', '#new-code': 'Niet Goed!', '#new-contactEmail': 'afdeling@' });
      await newRecord('/helmond/beheer/partners', 'new partner', language, { '#new-name': 'Z', '#new-contactEmail': 'partner@' });
      await newRecord('/helmond/beheer/themas', 'new theme', language, { '#new-nameNl': 'Q', '#new-nameEn': 'Q', '#new-code': '!', '#new-sortOrder': 'eerst' });
      await newRecord('/helmond/beheer/portefeuilles', 'new portfolio', language, { '#new-name': 'P', '#new-code': 'A B' });
      await newRecord('/helmond/beheer/collegeperiodes', 'new council term', language, { '#new-name': 'Periode', '#new-startsOn': '2030-01-01', '#new-endsOn': '2026-01-01' });
      await newRecord('/helmond/beheer/wijkorganen', 'new council', language, { '#new-name': 'R', '#new-contactEmail': 'raad@', '#new-website': 'geen website' });
      if (language === 'en') await expectAccessible(page, 'form-errors-council-en');

      await goTo(page, '/helmond/beheer/antwoordregels', '#settings-minimumMotivationLength');
      await page.locator('#settings-minimumMotivationLength').fill('-1');
      await page.locator('#settings-shortTermWeeks').fill('veel');
      await page.locator('#settings-referencePrefix').fill('a b');
      await submitToServer(page, '#settings-minimumMotivationLength');
      await expectPlainErrors(page, 'answer rules, out of range', language);

      await goTo(page, '/helmond/toegankelijkheid', '#accessibility-edit');
      if ((await page.locator('#accessibility-contactEmail').count()) === 0) await page.locator('#accessibility-edit').click();
      await page.locator('#accessibility-contactEmail').fill('toegankelijkheid@');
      await page.locator('#accessibility-adoptedOn').fill(isoDay(30));
      await page.locator('#accessibility-responseWorkingDays').fill('0');
      await submitToServer(page, '#accessibility-contactEmail');
      await expectPlainErrors(page, 'accessibility statement, wrong values', language);

      await goTo(page, '/helmond/beheer/privacy', '#privacy-statement-text');
      // The stored statement fills the field once it has loaded; empty it after that.
      await page.waitForFunction(() => (document.querySelector('#privacy-statement-text') as HTMLTextAreaElement | null)?.value !== '');
      await page.locator('#privacy-statement-text').fill('');
      await submitToServer(page, '#privacy-statement-text');
      await expectPlainErrors(page, 'privacy statement, empty', language);
      const retention = page.locator('input[id^="retention-"]').first();
      if ((await retention.count()) > 0) {
        const id = `#${await retention.getAttribute('id')}`;
        await page.waitForFunction((selector) => (document.querySelector(selector) as HTMLInputElement | null)?.value !== '', id);
        await retention.fill('0');
        await submitToServer(page, id);
        await expectPlainErrors(page, 'retention periods, out of range', language);
      }
    }
    await context.close();
  }, 180_000);
});
