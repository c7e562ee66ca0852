import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, openPage } from './browser.ts';
import { linkIn, startMailbox } from './mailbox.ts';
import { type RunningServer, startServer } from './server.setup.ts';

// Its own server, delivering mail over SMTP to a mailbox the journey reads, as the person reads their e-mail.
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

/** Nothing on the page is wider than the screen: no sideways scrolling on a phone. */
async function expectNoSidewaysScroll(page: Page) {
  expect(await page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth)).toBeLessThanOrEqual(0);
}

describe('a resident without an account', () => {
  it('registers on a phone from a neighbourhood page, confirms the address from the e-mail and comes back to the form', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl });
    await page.setViewportSize(phone);
    await page.goto('/helmond/wijken/brandevoort');
    await page.getByRole('heading', { name: 'Iets voor Brandevoort?' }).waitFor();
    await expectAccessible(page, 'registration-1-neighbourhood-call-to-action');
    await page.getByRole('link', { name: 'Stel een vraag' }).click();

    // A visitor is asked to log in, and offered an account; both keep where they were going.
    await page.waitForURL('**/helmond/inloggen?naar=*');
    await page.getByRole('heading', { name: 'Nog geen account?' }).waitFor();
    await expectAccessible(page, 'registration-2-login-with-register');
    await page.getByRole('link', { name: 'Account aanmaken' }).click();
    await page.waitForURL('**/helmond/registreren?naar=*');

    await page.getByLabel('E-mailadres *').fill('anouk.nieuw@mail.example');
    await page.getByLabel('Je naam *').fill('Anouk de Nieuwe');
    await page.getByLabel('Wachtwoord *', { exact: true }).fill('welkom');
    await page.getByLabel('In welke wijk woon je? (niet verplicht)').selectOption({ label: 'Brandevoort' });
    await page.getByRole('button', { name: 'Account aanmaken' }).click();
    // A refused password is said in a sentence, next to the field.
    await page.getByText('Kies een wachtwoord van minstens 12 tekens.').first().waitFor();
    await expectAccessible(page, 'registration-3-weak-password');
    await page.getByLabel('Wachtwoord *', { exact: true }).fill('fietsen langs de Aa in mei');
    await page.getByRole('button', { name: 'Account aanmaken' }).click();

    const sent = page.getByRole('status').filter({ hasText: 'We hebben een e-mail gestuurd naar anouk.nieuw@mail.example' });
    await sent.waitFor();
    // Focus moves to the confirmation, so a screen reader reads it out.
    await expect.poll(() => page.evaluate(() => document.activeElement?.getAttribute('role'))).toBe('status');
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'registration-4-check-your-mail');

    const mail = await mailbox.waitFor('anouk.nieuw@mail.example', /Bevestig je e-mailadres/);
    expect(mail.text).toContain('Beste Anouk de Nieuwe');
    await page.goto(linkIn(mail, '/helmond/registreren/bevestigen'));
    // Logged in, and on the form the visitor set out for.
    await page.waitForURL('**/helmond/vragen/nieuw?wijk=*');
    await page.getByRole('heading', { level: 1 }).waitFor();
    // The neighbourhood the visitor came from is filled in; advice is a council's, so a resident is not offered it.
    // The list of wijken arrives after the heading: wait for it before reading the choice.
    const wijk = page.getByLabel('Wijk', { exact: true });
    await wijk.locator('option', { hasText: 'Brandevoort' }).waitFor({ state: 'attached' });
    await expect.poll(() => wijk.locator('option:checked').textContent(), { timeout: 10_000 }).toBe('Brandevoort');
    expect(await page.getByLabel('Soort *').locator('option').allTextContents()).toEqual(['Vraag', 'Verzoek', 'Bewonersinitiatief']);
    await page.getByLabel('Onderwerp *').fill('Bankje bij de speeltuin aan de Veste');
    await page.getByLabel('Toelichting *').fill('Ouders die op hun kinderen wachten kunnen nergens zitten. Kan er een bankje bij de speeltuin komen?');
    await page.getByRole('button', { name: 'Indienen' }).click();
    // Public or not is asked, not assumed.
    await page.getByText('Kies of je vraag openbaar mag zijn.').waitFor();
    await expectAccessible(page, 'registration-5-form-asks-public');
    await page.getByRole('radio', { name: /^Iedereen/ }).check();
    await page.getByRole('button', { name: 'Indienen' }).click();
    await page.waitForURL(/\/helmond\/vragen\/HLM-\d{4}-\d{4,}$/);
    const reference = page.url().split('/').at(-1) ?? '';
    const confirmation = page.getByRole('status').filter({ hasText: 'Je vraag is verstuurd' });
    await expect.poll(() => confirmation.textContent()).toContain(reference);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'registration-6-submitted-with-reference');

    // Mijn Wijkwerk lists it, with its reference.
    await page.getByRole('navigation').getByRole('link', { name: 'Mijn Wijkwerk' }).click();
    const mine = page.getByRole('region', { name: 'Mijn vragen' });
    await expect.poll(() => mine.textContent()).toContain('Bankje bij de speeltuin aan de Veste');
    expect(await mine.textContent()).toContain(reference);
    await expectNoSidewaysScroll(page);
    await expectAccessible(page, 'registration-7-my-requests');
    await context.close();
  }, 120_000);


  it('resets a forgotten password in English, with a link from the e-mail', async () => {
    const { context, page } = await openPage(browser, { baseUrl: server.baseUrl, locale: 'en-GB' });
    await page.goto('/helmond/inloggen');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('link', { name: 'Forgot your password?' }).click();
    await page.waitForURL('**/helmond/wachtwoord-vergeten');
    await page.getByLabel('E-mail address *').fill('eva.mulder@mail.example');
    await page.getByRole('button', { name: 'Send me a link' }).click();
    await page.getByRole('status').filter({ hasText: 'If there is an account with eva.mulder@mail.example' }).waitFor();
    await expectAccessible(page, 'forgotten-password-1-sent');

    const mail = await mailbox.waitFor('eva.mulder@mail.example', /nieuw wachtwoord|new password/i);
    await page.goto(linkIn(mail, '/helmond/wachtwoord-instellen'));
    await page.getByLabel('New password *').fill('een nieuwe zin voor eva');
    await page.getByRole('button', { name: 'Set password' }).click();
    await page.getByText('You can now log in with eva.mulder@mail.example').waitFor();
    await expectAccessible(page, 'forgotten-password-2-set');

    await page.getByRole('link', { name: 'To login' }).click();
    await page.getByLabel('E-mail address *').fill('eva.mulder@mail.example');
    await page.getByLabel('Password *', { exact: true }).fill('een nieuwe zin voor eva');
    await page.getByRole('button', { name: 'Log in' }).click();
    await page.waitForURL('**/helmond/mijn');
    await context.close();
  });
});
