import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAccessible, launchBrowser, logIn, openPage } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => browser?.close());

describe('the staggered meeting planner', () => {
  it('the advisor asks for two years of wijktafels, reads why each wijk gets its day, and accepts two as drafts', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'sanne.kuipers@helmond.example');
    await page.goto('/helmond');
    await page.getByRole('navigation', { name: 'Hoofdmenu' }).getByRole('link', { name: 'Overlegplanner' }).click();
    await page.getByRole('heading', { level: 1, name: 'Overlegplanner' }).waitFor();
    await page.getByRole('button', { name: 'Voorstellen maken' }).click();
    const results = page.getByRole('region', { name: /voorstellen$/ });
    await results.waitFor();
    // Sanne advises five wijken: each gets a proposal that says why, in a sentence, unless a wijktafel is planned there
    // already (the action-plan journey plans one in Brouwhuis).
    const text = (await results.textContent()) ?? '';
    expect(text).toContain('Wijktafel Brandevoort');
    expect(text).toMatch(/Brandevoort had de laatste wijktafel op \d+ \w+ \d{4}, dus de volgende is aan de beurt uiterlijk/);
    expect(text).toContain('kwartaal');
    const proposed = await results.getByRole('checkbox').count();
    expect(proposed + (text.match(/heeft al een wijktafel gepland op/g) ?? []).length).toBe(5);
    await expectAccessible(page, 'meeting-planner-proposals');

    // Keyboard only: nothing selected, then two wijken ticked with the space bar.
    await results.getByRole('button', { name: 'Niets aanvinken' }).click();
    for (const wijk of ['Warande', 'Rijpelberg']) {
      await results.getByRole('checkbox', { name: new RegExp(`^Wijktafel ${wijk} —`) }).focus();
      await page.keyboard.press('Space');
    }
    await results.getByText(`Aangevinkt: 2 van ${proposed}.`).waitFor();
    await results.getByRole('button', { name: 'Geselecteerde overnemen' }).click();
    await page.getByRole('status').filter({ hasText: '2 conceptoverleggen aangemaakt.' }).waitFor();
    await expectAccessible(page, 'meeting-planner-accepted');

    // The advisor opens one of the drafts and fixes its place: it becomes a planned wijktafel.
    await page.getByRole('region', { name: 'Aangemaakte concepten' }).getByRole('link', { name: 'Wijktafel Warande' }).click();
    await page.getByRole('heading', { level: 1, name: /Wijktafel Warande/ }).waitFor();
    await page.getByLabel('Plaats').fill('Wijkhuis Warande');
    await page.getByRole('button', { name: 'Overleg vastleggen' }).click();
    await page.getByText('Het overleg is vastgelegd en gepland.').first().waitFor();
    await page.goBack();
    await page.getByRole('heading', { level: 1, name: 'Overlegplanner' }).waitFor();

    // Asked again, the planner leaves out what is now planned.
    await page.getByRole('button', { name: 'Voorstellen maken' }).click();
    const again = page.getByRole('region', { name: /voorstellen$/ });
    await again.getByRole('region', { name: /^Niet ingepland/ }).waitFor();
    expect(await again.getByRole('region', { name: /^Niet ingepland/ }).textContent()).toContain('Warande heeft al een wijktafel gepland op');
    await context.close();
  });

  it('works on a phone, in English, with wijkbezoeken included', async () => {
    const { context, page } = await openPage(browser);
    await page.setViewportSize({ width: 390, height: 844 });
    await logIn(page, 'jeroen.hermans@helmond.example');
    await page.goto('/helmond/beheer/overlegplanner');
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Meeting planner' }).waitFor();
    await page.getByLabel('Also plan wijkbezoeken').check();
    await page.getByRole('button', { name: 'Make proposals' }).click();
    const results = page.getByRole('region', { name: /proposals$/ });
    await results.waitFor();
    expect(await results.textContent()).toMatch(/Q\d 20\d\d: meetings: \d+/);
    // Nothing wider than the phone.
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await expectAccessible(page, 'meeting-planner-390');

    // The advisor records a week off, then takes it back.
    const mine = page.getByRole('region', { name: 'My unavailable days' });
    await mine.getByLabel('First day').fill('2027-03-01');
    await mine.getByLabel('Last day').fill('2027-03-05');
    await mine.getByLabel('Reason (for colleagues only)').fill('Leave');
    await mine.getByRole('button', { name: 'Add unavailable days' }).click();
    await mine.getByText('(Leave)').waitFor();
    await mine.getByRole('button', { name: 'Remove 2027-03-01 – 2027-03-05' }).click();
    await mine.getByText('You have not recorded any unavailable days.').waitFor();
    await context.close();
  });

  it('tells a resident the planner is not for them', async () => {
    const { context, page } = await openPage(browser);
    await logIn(page, 'eva.mulder@mail.example');
    await page.goto('/helmond/beheer/overlegplanner');
    await page.getByText('De overlegplanner is voor adviseurs wijkgericht werken en beheerders.').waitFor();
    expect(await page.getByRole('link', { name: 'Overlegplanner' }).count()).toBe(0);
    await context.close();
  });
});
