import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { demoPassword, expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('passwords in the browser', () => {
  it('the login page shows the typed password on request, and says so to a screen reader', async () => {
    const { context, page } = await openPage(browser);
    await page.goto('/helmond/inloggen');
    const input = page.getByLabel('Wachtwoord *', { exact: true });
    const toggle = page.getByRole('button', { name: 'Wachtwoord tonen' });
    await input.fill('mijn geheime zin');
    await expect.poll(() => input.getAttribute('type')).toBe('password');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false');
    await toggle.click();
    await expect.poll(() => input.getAttribute('type')).toBe('text');
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true');
    // The label stays the same; only the pressed state changes.
    await expect.poll(() => toggle.textContent()).toBe('Wachtwoord tonen');
    await expect.poll(() => input.inputValue()).toBe('mijn geheime zin');
    await expectAccessible(page, 'login-password-shown');
    await toggle.click();
    await expect.poll(() => input.getAttribute('type')).toBe('password');
    await context.close();
  });

  it('a person changing their password with a wrong current one is told which field is wrong', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'eva.mulder@mail.example');
    const form = page.locator('section', { has: page.getByRole('heading', { name: 'Wachtwoord wijzigen', level: 2 }) });
    await form.getByLabel('Huidig wachtwoord *').fill(`${demoPassword()}-niet`);
    await form.getByLabel('Nieuw wachtwoord *').fill('groene brug over de Aa');
    await form.getByRole('button', { name: 'Wachtwoord wijzigen' }).click();
    await expect.poll(() => form.getByText('Dit is niet je huidige wachtwoord.').first().isVisible()).toBe(true);
    await expect.poll(() => form.getByLabel('Huidig wachtwoord *').getAttribute('aria-invalid')).toBe('true');
    await expectAccessible(page, 'home-change-password-error');
    await context.close();
  });

  it('a person ends a session left open on another device, which then has to log in again', async () => {
    const elsewhere = await openPage(browser);
    await logIn(elsewhere.page, 'lotte.smits@helmond.example');
    const here = await openPage(browser);
    await logIn(here.page, 'lotte.smits@helmond.example');
    const sessions = here.page.getByRole('region', { name: 'Waar je bent ingelogd' });
    await expect.poll(() => sessions.getByText('dit apparaat').isVisible()).toBe(true);
    const ends = sessions.getByRole('button', { name: 'Deze sessie beëindigen' });
    await expect.poll(() => ends.count()).toBeGreaterThan(0);
    await expectAccessible(here.page, 'home-my-sessions');
    // End every other session, the other browser's among them.
    while ((await ends.count()) > 0) {
      const before = await ends.count();
      await ends.first().click();
      await expect.poll(() => ends.count()).toBeLessThan(before);
    }
    await expect.poll(() => here.page.getByText('De sessie is beëindigd').isVisible()).toBe(true);
    await elsewhere.page.goto('/helmond/mijn');
    await expect.poll(() => elsewhere.page.url()).toContain('/helmond/inloggen');
    await here.context.close();
    await elsewhere.context.close();
  });
});
