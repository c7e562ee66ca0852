import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../db/client.ts';
import { createTestApp, type DemoIds, demoEmails, findDemoIds, passwordLinkTokenFor, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
});
afterAll(async () => t?.close());

const strongPassword = 'paarse-olifant-danst-samba';
const register = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${tenantPath}/registrations`, payload });
const mailsTo = (email: string) => queryRows<{ subject: string; body: string; topic: string }>(t.database.db, sql`select subject, body, topic from outbox_message where recipient_email = ${email} and channel = 'email' order by created_at, id`);

/** The confirmation link's token from the newest registration e-mail to this address, as the person would click it. */
async function confirmationTokenFor(email: string): Promise<string> {
  const token = (await mailsTo(email)).map((mail) => mail.body.match(/registreren\/bevestigen#([A-Za-z0-9_-]+)/)?.[1]).findLast(Boolean);
  if (!token) throw new Error(`no confirmation link was e-mailed to ${email}`);
  return token;
}

describe('a resident registers', () => {
  it('gets a confirmation link by e-mail; using it makes a resident account with their neighbourhood and logs them in', async () => {
    const email = 'nieuwe.bewoner@mail.example';
    const sent = await register({ email: 'Nieuwe.Bewoner@Mail.example', displayName: 'Nieuwe Bewoner', password: strongPassword, homeNeighbourhoodId: ids.brandevoort });
    expect(sent.statusCode).toBe(202);
    expect(sent.json()).toEqual({ email, expiresAt: new Date(t.clock.now().getTime() + 24 * 3_600_000).toISOString() });

    // Not an account yet: the password does not log in until the address is confirmed.
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email, password: strongPassword } })).statusCode).toBe(401);
    const [mail] = await mailsTo(email);
    expect(mail.subject).toBe('Bevestig je e-mailadres voor Wijkwerk');
    expect(mail.body).toContain('Wijkwerk Helmond');
    expect(mail.body).toContain('De link werkt één keer, tot dinsdag 16 juni 2026 om 12:00.');

    const confirmed = await t.request({ method: 'POST', url: `${tenantPath}/registrations/confirmation`, payload: { token: await confirmationTokenFor(email) } });
    expect(confirmed.statusCode).toBe(201);
    expect(confirmed.json().user).toMatchObject({ email, displayName: 'Nieuwe Bewoner', homeNeighbourhoodId: ids.brandevoort, roles: [{ role: 'resident', scopeType: 'municipality', scopeId: null }] });
    const cookie = String(confirmed.headers['set-cookie']).split(';')[0];
    expect((await t.request({ url: `${tenantPath}/sessions/current`, headers: { cookie } })).json().user.email).toBe(email);

    // The password chosen at registration is the one that logs in from now on.
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email, password: strongPassword } })).statusCode).toBe(201);
    const audit = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where action like 'user.regist%' order by occurred_at`);
    expect(audit.map((row) => row.action)).toEqual(expect.arrayContaining(['user.register', 'user.registrationConfirmed']));
    // The pending row with the name and password hash is gone once it became an account.
    expect(await queryRows(t.database.db, sql`select id from registration where email = ${email}`)).toEqual([]);
  });

  it('writes the e-mail in the language chosen at registration', async () => {
    const email = 'english.resident@mail.example';
    expect((await register({ email, displayName: 'English Resident', password: strongPassword, locale: 'en' })).statusCode).toBe(202);
    expect((await mailsTo(email))[0].subject).toBe('Confirm your e-mail address for Wijkwerk');
  });

  it('a link works once, and not after it expired', async () => {
    const email = 'eenmalig@mail.example';
    await register({ email, displayName: 'Een Malig', password: strongPassword });
    const token = await confirmationTokenFor(email);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/registrations/confirmation`, payload: { token } })).statusCode).toBe(201);
    const again = await t.request({ method: 'POST', url: `${tenantPath}/registrations/confirmation`, payload: { token } });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'REGISTRATION_LINK_INVALID', detail: expect.stringContaining('verlopen of al gebruikt') });

    const late = 'te.laat@mail.example';
    await register({ email: late, displayName: 'Te Laat', password: strongPassword });
    const lateToken = await confirmationTokenFor(late);
    const start = t.clock.now();
    try {
      t.clock.advance(24 * 3_600_000 + 1000);
      expect((await t.request({ method: 'POST', url: `${tenantPath}/registrations/confirmation`, payload: { token: lateToken } })).statusCode).toBe(410);
    } finally {
      t.clock.set(start);
    }
    expect((await t.request({ method: 'POST', url: `${tenantPath}/registrations/confirmation`, payload: { token: 'verzonnen-token' } })).statusCode).toBe(410);
  });

  it('answers an address that already has an account exactly as a new one, and tells only its owner', async () => {
    const known = await register({ email: demoEmails.resident, displayName: 'Iemand Anders', password: strongPassword });
    const unknown = await register({ email: 'nog.onbekend@mail.example', displayName: 'Iemand Anders', password: strongPassword });
    expect(known.statusCode).toBe(202);
    expect(Object.keys(known.json())).toEqual(Object.keys(unknown.json()));
    expect(known.json().expiresAt).toBe(unknown.json().expiresAt);
    const [mail] = (await mailsTo(demoEmails.resident)).filter((row) => row.topic === 'user.registration');
    expect(mail.subject).toBe('Je hebt al een account bij Wijkwerk');
    expect(mail.body).toContain('/helmond/wachtwoord-vergeten');
    expect(mail.body).not.toMatch(/bevestigen#/);
    // The existing account's password is untouched: the stranger's password does not log in.
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.resident, password: strongPassword } })).statusCode).toBe(401);
  });

  it('sends one e-mail when the same address registers twice within minutes', async () => {
    const email = 'dubbelklik@mail.example';
    await register({ email, displayName: 'Dubbel Klik', password: strongPassword });
    expect((await register({ email, displayName: 'Dubbel Klik', password: strongPassword })).statusCode).toBe(202);
    expect(await mailsTo(email)).toHaveLength(1);
  });

  it('refuses bad input with field messages a person understands, and stores nothing', async () => {
    const weak = await register({ email: 'zwak@mail.example', displayName: 'Zwak Wachtwoord', password: 'welkom123' });
    expect(weak.statusCode).toBe(400);
    expect(weak.json().errors).toEqual([expect.objectContaining({ field: 'body.password', message: 'Kies een wachtwoord van minstens 12 tekens.' })]);
    const foreign = await register({ email: 'elders@mail.example', displayName: 'Elders Woner', password: strongPassword, homeNeighbourhoodId: t.other.neighbourhood.id });
    expect(foreign.statusCode).toBe(400);
    expect(foreign.json().errors).toEqual([expect.objectContaining({ field: 'body.homeNeighbourhoodId' })]);
    const noEmail = await register({ email: 'geen-adres', displayName: 'Geen Adres', password: strongPassword });
    expect(noEmail.statusCode).toBe(400);
    expect(noEmail.json().errors).toEqual([expect.objectContaining({ field: 'body.email' })]);
    expect(await queryRows(t.database.db, sql`select id from registration where email in ('zwak@mail.example', 'elders@mail.example')`)).toEqual([]);
    expect(await mailsTo('zwak@mail.example')).toEqual([]);
  });

  it('is refused while the municipality creates accounts by invitation only', async () => {
    const admin = await t.logIn('admin');
    const options = () => t.request({ url: `${tenantPath}/registration-options` });
    expect((await options()).json()).toEqual({ isOpen: true });
    const closed = await t.request({ method: 'PUT', url: `${tenantPath}/security-settings`, as: admin, payload: { staffSecondFactorRequired: false, residentRegistration: 'invitation' } });
    expect(closed.json()).toEqual({ staffSecondFactorRequired: false, residentRegistration: 'invitation' });
    try {
      expect((await options()).json()).toEqual({ isOpen: false });
      const refused = await register({ email: 'gesloten@mail.example', displayName: 'Gesloten Deur', password: strongPassword });
      expect(refused.statusCode).toBe(403);
      expect(refused.json()).toMatchObject({ code: 'REGISTRATION_CLOSED', detail: expect.stringContaining('uitnodiging') });
      // Leaving the setting out keeps it: an older form cannot reopen registration by accident.
      expect((await t.request({ method: 'PUT', url: `${tenantPath}/security-settings`, as: admin, payload: { staffSecondFactorRequired: false } })).json().residentRegistration).toBe('invitation');
    } finally {
      await t.request({ method: 'PUT', url: `${tenantPath}/security-settings`, as: admin, payload: { staffSecondFactorRequired: false, residentRegistration: 'open' } });
    }
    // Only administrators change it.
    const resident = await t.logIn('resident');
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/security-settings`, as: resident, payload: { staffSecondFactorRequired: false, residentRegistration: 'invitation' } })).statusCode).toBe(403);
  });
});

describe('a forgotten password', () => {
  it('is reset with a short-lived, single-use link; unknown addresses get the same answer and no mail', async () => {
    const email = demoEmails.partner;
    const asked = await t.request({ method: 'POST', url: `${tenantPath}/password-resets`, payload: { email } });
    const unknown = await t.request({ method: 'POST', url: `${tenantPath}/password-resets`, payload: { email: 'bestaat.niet@mail.example' } });
    expect(asked.statusCode).toBe(202);
    expect(unknown.statusCode).toBe(202);
    expect(asked.json()).toEqual({ email, validMinutes: 60 });
    expect(unknown.json()).toEqual({ email: 'bestaat.niet@mail.example', validMinutes: 60 });
    expect(await mailsTo('bestaat.niet@mail.example')).toEqual([]);
    const [mail] = (await mailsTo(email)).filter((row) => row.topic === 'user.passwordLink.forgotten');
    expect(mail.subject).toBe('Kies een nieuw wachtwoord voor Wijkwerk');

    // Asking again at once sends nothing new; the first link still works.
    await t.request({ method: 'POST', url: `${tenantPath}/password-resets`, payload: { email } });
    expect((await mailsTo(email)).filter((row) => row.topic === 'user.passwordLink.forgotten')).toHaveLength(1);

    const token = await passwordLinkTokenFor(t, email);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/inspection`, payload: { token } })).json()).toMatchObject({ email, purpose: 'forgotten' });
    const start = t.clock.now();
    try {
      t.clock.advance(61 * 60_000);
      expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/inspection`, payload: { token } })).statusCode).toBe(410);
    } finally {
      t.clock.set(start);
    }
    const newPassword = 'groene-kikker-springt-hoog';
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/redemption`, payload: { token, newPassword } })).statusCode).toBe(200);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email, password: newPassword } })).statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/redemption`, payload: { token, newPassword: 'nog-een-ander-wachtwoord-9' } })).statusCode).toBe(410);
  });
});

describe('where a person lives', () => {
  it('is theirs to set, within their municipality, and only when logged in', async () => {
    const resident = await t.logIn('resident');
    const set = (homeNeighbourhoodId: string | null, as = resident) => t.request({ method: 'PUT', url: `${tenantPath}/me/home-neighbourhood`, as, payload: { homeNeighbourhoodId } });
    expect((await set(ids.oost)).json()).toEqual({ homeNeighbourhoodId: ids.oost });
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: resident })).json().user.homeNeighbourhoodId).toBe(ids.oost);
    const foreign = await set(t.other.neighbourhood.id);
    expect(foreign.statusCode).toBe(400);
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: resident })).json().user.homeNeighbourhoodId).toBe(ids.oost);
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/me/home-neighbourhood`, payload: { homeNeighbourhoodId: null } })).statusCode).toBe(401);
    expect((await set(null)).json()).toEqual({ homeNeighbourhoodId: null });
  });
});
