import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { AxeBuilder } from '@axe-core/playwright';
import { type Browser, type BrowserContext, chromium, type Page } from 'playwright-core';
import { expect, inject } from 'vitest';

const artifacts = path.resolve(import.meta.dirname, 'artifacts');
mkdirSync(artifacts, { recursive: true });

export const baseUrl = () => inject('baseUrl');
export const demoPassword = () => inject('demoPassword');

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium',
    headless: true,
    args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run', '--disable-quic'],
  });
}

/** A fresh browser context (AxeBuilder needs pages from a context) in Dutch, like most visitors. */
export async function openPage(browser: Browser, options: { locale?: string; baseUrl?: string } = {}): Promise<{ context: BrowserContext; page: Page }> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: options.locale ?? 'nl-NL', baseURL: options.baseUrl ?? baseUrl() });
  const page = await context.newPage();
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(error.message));
  // No page writes errors or React Router warnings to the console. A refused request (4xx) is the browser's own
  // note about an answer the page expected and shows in words; those are not counted.
  page.on('console', (message) => {
    const text = message.text();
    if (message.type() === 'error' && !/Failed to load resource: the server responded with a status of 4\d\d/.test(text)) errors.push(`console: ${text}`);
    if (message.type() === 'warning' && /React Router|react-router/i.test(text)) errors.push(`console: ${text}`);
  });
  page.on('close', () => expect(errors, 'uncaught errors and console errors in the page').toEqual([]));
  return { context, page };
}

/**
 * WCAG 2.1 A/AA with axe: no violation of any impact on the page as it is now. Also keeps a screenshot in
 * e2e/artifacts and checks that every design-system component on the page has its CSS.
 */
export async function expectAccessible(page: Page, label: string) {
  await page.screenshot({ path: path.join(artifacts, `${label}.png`), fullPage: true });
  const result = await new AxeBuilder({ page }).withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice']).analyze();
  // Every impact counts, moderate and minor included (an error page without an h1 is "moderate").
  expect(result.violations.map((violation) => `${violation.impact}: ${violation.id}: ${violation.help} (${violation.nodes.map((node) => node.target.join(' ')).join('; ')})`), label).toEqual([]);
  expect(await unstyledComponents(page), `${label}: components without CSS (add their package to web/src/design-system.ts)`).toEqual([]);
}

/**
 * The app bundles the CSS of each NL Design System component it uses by hand (web/src/design-system.ts). A component
 * that is new to the app renders unstyled until its CSS is added: find utrecht-* block classes that no style rule names.
 */
async function unstyledComponents(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const styled = new Set<string>();
    const collect = (rules: CSSRuleList) => {
      for (const rule of Array.from(rules)) {
        if (rule instanceof CSSStyleRule) for (const name of rule.selectorText.match(/\.[\w-]+/g) ?? []) styled.add(name.slice(1));
        if ('cssRules' in rule) collect((rule as CSSGroupingRule).cssRules);
      }
    };
    for (const sheet of Array.from(document.styleSheets)) collect(sheet.cssRules);
    const blocks = Array.from(document.querySelectorAll('[class]')).flatMap((element) => Array.from(element.classList));
    return [...new Set(blocks.filter((name) => name.startsWith('utrecht-') && !name.includes('__') && !name.includes('--') && !styled.has(name)))];
  });
}

export async function logIn(page: Page, email: string) {
  await page.goto('/helmond/inloggen');
  await page.getByLabel('E-mailadres').fill(email);
  await page.getByLabel('Wachtwoord').fill(demoPassword());
  await page.getByRole('button', { name: 'Inloggen' }).click();
  await page.waitForURL('**/helmond/mijn');
}

/** Tabs from where the focus is until the keyboard reaches the element; fails if it never does. */
export async function tabTo(page: Page, isTarget: () => boolean, steps = 80) {
  for (let step = 0; step < steps; step++) {
    await page.keyboard.press('Tab');
    if (await page.evaluate(isTarget)) return;
  }
  throw new Error('the keyboard never reached the element');
}

/** Moves through a radio group with the arrow keys (which also choose) until the radio with this label is chosen. */
export async function arrowTo(page: Page, label: string, steps = 60) {
  for (let step = 0; step < steps; step++) {
    const current = await page.evaluate(() => ({ label: (document.activeElement as HTMLInputElement | null)?.labels?.[0]?.textContent?.trim() ?? '', isChecked: (document.activeElement as HTMLInputElement | null)?.checked }));
    if (current.label === label) {
      // Tabbing into a group only focuses its first radio; the space bar chooses it.
      if (!current.isChecked) await page.keyboard.press('Space');
      return;
    }
    await page.keyboard.press('ArrowDown');
  }
  throw new Error(`the arrow keys never reached “${label}”`);
}
