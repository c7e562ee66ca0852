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
});
