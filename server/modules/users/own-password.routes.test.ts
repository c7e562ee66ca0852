import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, setPasswordByLink, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
let admin: Session;
let userId: string;
const email = 'lotte.wachtwoord@helmond.example';
const firstPassword = 'paars-fietsbel-kanaal';
const secondPassword = 'groene-brug-over-de-aa';

const changePassword = (as: Session | undefined, payload: Record<string, unknown>, headers: Record<string, string> = {}) =>
  t.request({ method: 'PUT', url: `${tenantPath}/sessions/current/password`, as, headers, payload });
const current = (as: Session) => t.request({ url: `${tenantPath}/sessions/current`, as });
const loginStatus = async (password: string) => (await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email, password } })).statusCode;
const messagesFor = (topic: string) =>
  queryRows<{ channel: string; subject: string; body: string }>(t.database.db, sql`select channel, subject, body from outbox_message where recipient_user_id = ${userId} and topic = ${topic} order by channel`);

beforeAll(async () => {
  // The address's own failure limit must not end the per-account checks below early.
  t = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: 1000 });
  admin = await t.logIn('admin');
  const created = await t.request({ method: 'POST', url: `${tenantPath}/users`, as: admin, payload: { email, displayName: 'Lotte Wachtwoord', locale: 'en', roles: [{ role: 'resident' }] } });
  expect(created.statusCode).toBe(201);
  userId = created.json().id;
  await setPasswordByLink(t, email, firstPassword);
});
afterAll(async () => t?.close());

describe('changing one’s own password', () => {
  it('refuses the change without a session, without the CSRF token, and with an API token', async () => {
    const payload = { currentPassword: firstPassword, newPassword: secondPassword };
    expect((await changePassword(undefined, payload)).statusCode).toBe(401);
    const session = await t.logIn({ email, password: firstPassword });
    const withoutCsrf = await t.app.inject({ method: 'PUT', url: `${tenantPath}/sessions/current/password`, headers: { cookie: session.cookie }, payload });
    expect(withoutCsrf.statusCode).toBe(403);
    expect(withoutCsrf.json().code).toBe('CSRF_TOKEN_INVALID');
    const token = (await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId, name: 'Koppeling Lotte' } })).json().token;
    expect((await changePassword(undefined, payload, { authorization: `Bearer ${token}` })).statusCode).toBe(403);
    expect(await loginStatus(firstPassword)).toBe(201);
  });

  it.each([
    ['a weak new password', { newPassword: 'Welkom2026!!' }, 'body.newPassword', 'passwordTooCommon', 'This password is too common and easy to guess. Choose another one.'],
    ['a new password of 129 characters', { newPassword: 'x7-Stiphout-'.repeat(11).slice(0, 129) }, 'body.newPassword', 'passwordTooLong', 'Choose a password of at most 128 characters.'],
    ['the current password again', { newPassword: firstPassword }, 'body.newPassword', 'passwordUnchanged', 'Choose a password other than your current one.'],
    ['a missing current password', { currentPassword: undefined }, 'body.currentPassword', undefined, undefined],
  ])('refuses %s, naming the field, and keeps the password', async (_label, change, field, code, message) => {
    const session = await t.logIn({ email, password: firstPassword });
    const response = await changePassword(session, { currentPassword: firstPassword, newPassword: secondPassword, ...change }, { 'accept-language': 'en' });
    expect(response.statusCode).toBe(400);
    const [problem] = response.json().errors;
    expect(problem.field).toBe(field);
    if (code) expect(problem).toMatchObject({ code, message });
    expect(await loginStatus(firstPassword)).toBe(201);
  });

  it('refuses a wrong current password on body.currentPassword and counts it as a failed login', async () => {
    const session = await t.logIn({ email, password: firstPassword });
    const wrong = await changePassword(session, { currentPassword: 'niet-mijn-wachtwoord', newPassword: secondPassword });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'body.currentPassword', code: 'currentPasswordIncorrect', message: 'Dit is niet je huidige wachtwoord.' }]);
    // Four more wrong guesses use up the five free failures of this account from this address.
    for (let attempt = 0; attempt < 4; attempt++) expect((await changePassword(session, { currentPassword: `fout-${attempt}-wachtwoord`, newPassword: secondPassword })).statusCode).toBe(400);
    const held = await changePassword(session, { currentPassword: firstPassword, newPassword: secondPassword });
    expect(held.statusCode).toBe(429);
    expect(held.json().code).toBe('TOO_MANY_LOGIN_ATTEMPTS');
    expect(await loginStatus(firstPassword)).toBe(429);
    // After the wait the right password works again, and wipes the failures.
    t.clock.advance(2 * 3600_000);
    expect(await loginStatus(firstPassword)).toBe(201);
    admin = await t.logIn('admin');
  });

  it('changes the password, ends the other sessions but not this one, and tells the person in their language', async () => {
    const here = await t.logIn({ email, password: firstPassword });
    const elsewhere = await t.logIn({ email, password: firstPassword });
    // Someone who wants no e-mail at all still gets this one: a stolen account must be noticed.
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/notification-preferences`, as: here, payload: { wantsEmailCopies: false, wantsDailyDigest: false } })).statusCode).toBe(200);
    const changed = await changePassword(here, { currentPassword: firstPassword, newPassword: secondPassword });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().revokedSessions).toBeGreaterThanOrEqual(1);
    expect((await current(here)).json().user).not.toBeNull();
    expect((await current(elsewhere)).json().user).toBeNull();
    expect(await loginStatus(firstPassword)).toBe(401);
    expect(await loginStatus(secondPassword)).toBe(201);

    const messages = await messagesFor('user.passwordChanged');
    expect(messages.map((message) => message.channel)).toEqual(['email', 'in_app']);
    expect(messages[0]).toMatchObject({ subject: 'Your password was changed' });
    expect(messages[0].body).toContain('contact the Wijkwerk administrator');
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=user&entityId=${userId}&action=user.changeOwnPassword`, as: admin })).json();
    expect(audit.items).toHaveLength(1);
    expect(JSON.stringify(audit.items[0])).not.toContain(secondPassword);
  });
});

describe('notices of changes an administrator makes to an account', () => {
  const user = async () => (await t.request({ url: `${tenantPath}/users/${userId}`, as: admin })).json();

  it('tells the person of a new API token for them', async () => {
    const messages = await messagesFor('user.apiTokenCreated');
    expect(messages.map((message) => message.subject)).toEqual(['New API token for your account: Koppeling Lotte', 'New API token for your account: Koppeling Lotte']);
    expect(messages[0].body).toMatch(/until \w+ \d+ \w+ \d{4}/);
  });

  it('tells the person when their roles change, not when nothing changes', async () => {
    const before = await user();
    expect((await t.request({ method: 'PATCH', url: `${tenantPath}/users/${userId}`, as: admin, payload: { version: before.version, displayName: 'Lotte W.' } })).statusCode).toBe(200);
    expect(await messagesFor('user.rolesChanged')).toEqual([]);
    const changed = await t.request({ method: 'PATCH', url: `${tenantPath}/users/${userId}`, as: admin, payload: { version: before.version + 1, roles: [] } });
    expect(changed.statusCode).toBe(200);
    expect((await messagesFor('user.rolesChanged')).map((message) => message.subject)).toEqual(['Your roles in Wijkwerk were changed', 'Your roles in Wijkwerk were changed']);
  });

  it('tells the person when an administrator blocks their password, and sends the link in their language', async () => {
    const response = await t.request({ method: 'POST', url: `${tenantPath}/users/${userId}/password-link`, as: admin, payload: { blockCurrentPassword: true } });
    expect(response.statusCode).toBe(202);
    expect((await messagesFor('user.passwordChanged')).filter((message) => message.subject === 'Your password no longer works')).toHaveLength(2);
    const [link] = await messagesFor('user.passwordLink.reset');
    expect(link).toMatchObject({ channel: 'email', subject: 'Set a new password for Wijkwerk' });
    expect(link.body).toMatch(/\/helmond\/wachtwoord-instellen#[A-Za-z0-9_-]{43}\n/);
    expect(link.body).toMatch(/works once, until \w+ \d+ \w+ \d{4} at \d{2}:\d{2}/);
  });

  it('tells the person when their account is deactivated', async () => {
    const response = await t.request({ method: 'PATCH', url: `${tenantPath}/users/${userId}`, as: admin, payload: { version: (await user()).version, isActive: false } });
    expect(response.statusCode).toBe(200);
    const messages = await messagesFor('user.deactivated');
    expect(messages.map((message) => message.channel)).toEqual(['email', 'in_app']);
    expect(messages[0].subject).toBe('Your Wijkwerk account was deactivated');
  });
});
