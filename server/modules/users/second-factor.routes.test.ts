import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, demoEmails, demoPassword, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { SoftwareAuthenticator } from '../../../test/software-authenticator.ts';
import { queryRows } from '../../db/client.ts';
import { totpCodeAt } from './totp.ts';

let t: TestApp;
const stepMs = 30_000;

const sessionFrom = (response: { headers: Record<string, unknown>; json(): { csrfToken: string } }): Session => {
  const cookie = String(response.headers['set-cookie']).split(';')[0];
  const csrfToken = response.json().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
};
const passwordStep = (email: string, password = demoPassword) => t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email, password } });
const secondStep = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${tenantPath}/sessions/second-factor`, payload });
const post = (as: Session, path: string, payload: Record<string, unknown> = {}) => t.request({ method: 'POST', url: `${tenantPath}${path}`, as, payload });

/** Adds an authenticator app for the session's person, as they would: scan, then type the first code. */
async function enrolTotp(as: Session, label = 'telefoon') {
  const begun = await post(as, '/second-factors/totp', { label });
  expect(begun.statusCode).toBe(201);
  const { factorId, secret, qrSvg, otpauthUri } = begun.json();
  expect(qrSvg).toMatch(/^<svg/);
  expect(otpauthUri).toMatch(/^otpauth:\/\/totp\/.*secret=/);
  const confirmed = await post(as, `/second-factors/totp/${factorId}/confirmation`, { code: totpCodeAt(secret, t.clock.now()) });
  expect(confirmed.statusCode).toBe(201);
  return { factorId: factorId as string, secret: secret as string };
}

/** The next 30-second step, so a new code is not the one used a moment ago. */
const nextStep = () => t.clock.advance(stepMs);

beforeAll(async () => {
  t = await createTestApp({ ADMIN_SECOND_FACTOR: 'required', LOGIN_MAX_FAILURES_PER_IP: 1000 });
});
afterAll(async () => t?.close());

describe('an administrator without a second factor', () => {
  let admin: Session;
  let secret: string;

  it('gets a session that can do nothing but add one', async () => {
    const login = await passwordStep(demoEmails.admin);
    expect(login.statusCode).toBe(201);
    expect(login.json()).toMatchObject({ mustEnrolSecondFactor: true });
    admin = sessionFrom(login);
    const refused = await t.request({ url: `${tenantPath}/users`, as: admin });
    expect(refused.statusCode).toBe(403);
    expect(refused.json()).toMatchObject({ code: 'SECOND_FACTOR_ENROLMENT_REQUIRED', detail: expect.stringContaining('authenticator-app of passkey') });
    // Pages that show members more treat the session as a visitor's until then.
    const publicList = (await t.request({ url: `${tenantPath}/requests?pageSize=5`, as: admin })).json();
    expect(JSON.stringify(publicList)).not.toMatch(/internalNote|submitterName/);
    expect((await t.request({ url: `${tenantPath}/second-factors`, as: admin })).json()).toEqual({ required: true, items: [] });
  });

  it('refuses a wrong first code, naming the field, and adds nothing', async () => {
    const begun = (await post(admin, '/second-factors/totp', { label: 'telefoon' })).json();
    const before = await fingerprintDatabase(t.database.db);
    const wrong = await post(admin, `/second-factors/totp/${begun.factorId}/confirmation`, { code: '000000' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toEqual([{ field: 'body.code', code: 'totpCodeIncorrect', message: expect.stringContaining('Deze code klopt niet') }]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    expect((await t.request({ url: `${tenantPath}/users`, as: admin })).statusCode).toBe(403);
  });

  it('may do everything once the app is confirmed, and hears of it by e-mail', async () => {
    ({ secret } = await enrolTotp(admin));
    expect((await t.request({ url: `${tenantPath}/users`, as: admin })).statusCode).toBe(200);
    const mails = await queryRows<{ subject: string }>(t.database.db, sql`select subject from outbox_message where topic = 'user.secondFactorAdded' and channel = 'email'`);
    expect(mails.map((mail) => mail.subject)).toEqual(['Nieuwe tweede stap voor je account']);
    const factors = (await t.request({ url: `${tenantPath}/second-factors`, as: admin })).json();
    expect(factors.items).toMatchObject([{ kind: 'totp', label: 'telefoon' }]);
    expect(JSON.stringify(factors)).not.toContain(secret);
  });

  it('logs in next time in two steps; a wrong or reused code does not get in', async () => {
    const first = await passwordStep(demoEmails.admin);
    expect(first.statusCode).toBe(202);
    expect(first.headers['set-cookie']).toBeUndefined();
    const { challengeToken, methods } = first.json();
    expect(methods).toEqual(['totp']);
    const usedAtEnrolment = totpCodeAt(secret, t.clock.now());
    const reused = await secondStep({ challengeToken, totpCode: usedAtEnrolment });
    expect(reused.statusCode).toBe(401);
    expect(reused.json().code).toBe('SECOND_FACTOR_FAILED');
    nextStep();
    const wrong = await secondStep({ challengeToken, totpCode: '123456' });
    expect(wrong.statusCode).toBe(401);
    const right = await secondStep({ challengeToken, totpCode: totpCodeAt(secret, t.clock.now()) });
    expect(right.statusCode).toBe(201);
    expect(right.json()).toMatchObject({ mustEnrolSecondFactor: false, user: { email: demoEmails.admin } });
    admin = sessionFrom(right);
    expect((await t.request({ url: `${tenantPath}/users`, as: admin })).statusCode).toBe(200);
    // The challenge is used up.
    nextStep();
    expect((await secondStep({ challengeToken, totpCode: totpCodeAt(secret, t.clock.now()) })).json().code).toBe('LOGIN_STEP_EXPIRED');
    const audit = await queryRows<{ after: { via: string } }>(t.database.db, sql`select after from audit_log where action = 'session.login' order by id desc limit 1`);
    expect(audit[0].after.via).toBe('totp');
  });

  it('voids the second step after five minutes, and after five wrong tries', async () => {
    const late = (await passwordStep(demoEmails.admin)).json();
    t.clock.advance(5 * 60_000 + 1000);
    expect((await secondStep({ challengeToken: late.challengeToken, totpCode: totpCodeAt(secret, t.clock.now()) })).json().code).toBe('LOGIN_STEP_EXPIRED');

    const guessed = (await passwordStep(demoEmails.admin)).json();
    for (let attempt = 0; attempt < 5; attempt++) expect((await secondStep({ challengeToken: guessed.challengeToken, totpCode: String(100000 + attempt) })).statusCode).toBe(401);
    nextStep();
    const afterGuesses = await secondStep({ challengeToken: guessed.challengeToken, totpCode: totpCodeAt(secret, t.clock.now()) });
    expect(afterGuesses.json().code).toBe('LOGIN_STEP_EXPIRED');
  });

  it('cannot remove its only second factor', async () => {
    nextStep();
    const login = (await passwordStep(demoEmails.admin)).json();
    admin = sessionFrom(await secondStep({ challengeToken: login.challengeToken, totpCode: totpCodeAt(secret, t.clock.now()) }));
    const [factor] = (await t.request({ url: `${tenantPath}/second-factors`, as: admin })).json().items;
    const refused = await t.request({ method: 'DELETE', url: `${tenantPath}/second-factors/${factor.id}`, as: admin });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toMatchObject([{ code: 'lastSecondFactor' }]);
  });

  it('has to confirm again before changing roles once ten minutes have passed', async () => {
    const advisor = (await t.request({ url: `${tenantPath}/users?search=Hermans`, as: admin })).json().items[0];
    const changeRoles = () => t.request({ method: 'PATCH', url: `${tenantPath}/users/${advisor.id}`, as: admin, payload: { version: advisor.version, displayName: advisor.displayName } });
    t.clock.advance(11 * 60_000);
    const stale = await t.request({ method: 'PATCH', url: `${tenantPath}/users/${advisor.id}`, as: admin, payload: { version: advisor.version, roles: [] } });
    expect(stale.statusCode).toBe(403);
    expect(stale.json()).toMatchObject({ code: 'REAUTHENTICATION_REQUIRED', detail: expect.stringContaining('10 minuten') });
    expect((await t.request({ url: `${tenantPath}/users/${advisor.id}`, as: admin })).json()).toEqual(advisor);

    const options = (await post(admin, '/sessions/current/reauthentication-options')).json();
    expect(options.methods).toEqual(['totp']);
    // With a second factor, the password alone does not count.
    const withPassword = await post(admin, '/sessions/current/reauthentication', { password: demoPassword });
    expect(withPassword.statusCode).toBe(400);
    const confirmed = await post(admin, '/sessions/current/reauthentication', { totpCode: totpCodeAt(secret, t.clock.now()) });
    expect(confirmed.statusCode).toBe(200);
    expect((await changeRoles()).statusCode).toBe(200);
    t.clock.advance(11 * 60_000);
    expect((await post(admin, '/api-tokens', { userId: advisor.id, name: 'Koppeling' })).json().code).toBe('REAUTHENTICATION_REQUIRED');
  });

  it('refuses a step-up change made with an API token, however fresh', async () => {
    nextStep();
    await post(admin, '/sessions/current/reauthentication', { totpCode: totpCodeAt(secret, t.clock.now()) });
    const me = (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user;
    const token = (await post(admin, '/api-tokens', { userId: me.id, name: 'Beheerkoppeling' })).json().token;
    const response = await t.request({ method: 'POST', url: `${tenantPath}/users`, headers: { authorization: `Bearer ${token}` }, payload: { email: 'via.token@helmond.example', displayName: 'Via Token' } });
    expect(response.statusCode).toBe(403);
    expect(response.json().code).toBe('PERSON_REQUIRED');
  });
});

describe('a person without a second factor', () => {
  it('confirms again with their password; a wrong one is a field error', async () => {
    const officer = sessionFrom(await passwordStep(demoEmails.officer));
    expect((await post(officer, '/sessions/current/reauthentication-options')).json()).toEqual({ methods: ['password'], passkeyOptions: null });
    const wrong = await post(officer, '/sessions/current/reauthentication', { password: 'niet-mijn-wachtwoord' });
    expect(wrong.statusCode).toBe(400);
    expect(wrong.json().errors).toMatchObject([{ field: 'body.password', code: 'currentPasswordIncorrect' }]);
    t.clock.advance(60_000);
    const right = await post(officer, '/sessions/current/reauthentication', { password: demoPassword });
    expect(right.statusCode).toBe(200);
    expect(right.json().authenticatedAt).toBe(t.clock.now().toISOString());
  });

  it('must add one when the municipality requires it for all staff, at the next login', async () => {
    nextStep();
    const adminLogin = (await passwordStep(demoEmails.admin)).json();
    const admin = sessionFrom(await secondStep({ challengeToken: adminLogin.challengeToken, totpCode: await currentAdminCode() }));
    const updated = await t.request({ method: 'PUT', url: `${tenantPath}/security-settings`, as: admin, payload: { staffSecondFactorRequired: true } });
    expect(updated.statusCode).toBe(200);
    const advisor = await passwordStep(demoEmails.advisor);
    expect(advisor.json().mustEnrolSecondFactor).toBe(true);
    // Residents and council members are not staff: nothing changes for them.
    expect((await passwordStep(demoEmails.councilMember)).json().mustEnrolSecondFactor).toBe(false);
    await t.request({ method: 'PUT', url: `${tenantPath}/security-settings`, as: admin, payload: { staffSecondFactorRequired: false } });
    const partner = sessionFrom(await passwordStep(demoEmails.partner));
    expect((await t.request({ url: `${tenantPath}/security-settings`, as: partner })).statusCode).toBe(403);
  });
});

/** The admin's secret is read from the database here only to keep the describe blocks independent. */
async function currentAdminCode() {
  const [row] = await queryRows<{ totp_secret: string }>(t.database.db, sql`select totp_secret from second_factor f join user_account u on u.id = f.user_id where u.email = ${demoEmails.admin} and f.confirmed_at is not null`);
  return totpCodeAt(row.totp_secret, t.clock.now());
}

describe('passkeys', () => {
  const authenticator = new SoftwareAuthenticator('http://localhost:3000');
  let session: Session;

  it('adds a passkey and logs in with it, checked by signature and counter', async () => {
    session = sessionFrom(await passwordStep(demoEmails.alderman));
    const options = (await post(session, '/second-factors/passkey-options')).json();
    expect(options).toMatchObject({ rp: { id: 'localhost' }, attestation: 'none' });
    const forged = await post(session, '/second-factors/passkeys', { label: 'YubiKey', response: { ...authenticator.register(options), id: 'AAAA' } });
    expect(forged.statusCode).toBe(400);
    expect(forged.json().errors).toMatchObject([{ field: 'body.response', code: 'passkeyNotVerified' }]);
    // The failed attempt used the challenge up; a new one is needed.
    const fresh = (await post(session, '/second-factors/passkey-options')).json();
    const added = await post(session, '/second-factors/passkeys', { label: 'YubiKey', response: authenticator.register(fresh) });
    expect(added.statusCode).toBe(201);
    expect(added.json()).toMatchObject({ kind: 'passkey', label: 'YubiKey' });

    const first = (await passwordStep(demoEmails.alderman)).json();
    expect(first.methods).toEqual(['passkey']);
    expect(first.passkeyOptions.allowCredentials).toMatchObject([{ id: authenticator.credentialId.toString('base64url') }]);
    const signedOther = new SoftwareAuthenticator('http://localhost:3000').authenticate(first.passkeyOptions);
    expect((await secondStep({ challengeToken: first.challengeToken, passkey: signedOther })).statusCode).toBe(401);
    const loggedIn = await secondStep({ challengeToken: first.challengeToken, passkey: authenticator.authenticate(first.passkeyOptions) });
    expect(loggedIn.statusCode).toBe(201);
    session = sessionFrom(loggedIn);
  });

  it('refuses a passkey answer signed for another site', async () => {
    const first = (await passwordStep(demoEmails.alderman)).json();
    const phishing = new SoftwareAuthenticator('https://helmond.example.evil');
    const answer = { ...phishing.authenticate(first.passkeyOptions), id: authenticator.credentialId.toString('base64url'), rawId: authenticator.credentialId.toString('base64url') };
    expect((await secondStep({ challengeToken: first.challengeToken, passkey: answer })).statusCode).toBe(401);
  });

  it('confirms a step-up with the passkey', async () => {
    t.clock.advance(11 * 60_000);
    const options = (await post(session, '/sessions/current/reauthentication-options')).json();
    expect(options.methods).toEqual(['passkey']);
    const confirmed = await post(session, '/sessions/current/reauthentication', { passkey: authenticator.authenticate(options.passkeyOptions) });
    expect(confirmed.statusCode).toBe(200);
  });
});

describe('an administrator resetting someone’s second factors', () => {
  it('removes them, ends the person’s sessions and tells them', async () => {
    nextStep();
    const login = (await passwordStep(demoEmails.admin)).json();
    const admin = sessionFrom(await secondStep({ challengeToken: login.challengeToken, totpCode: await currentAdminCode() }));
    const alderman = (await t.request({ url: `${tenantPath}/users?search=Gerritsen`, as: admin })).json().items[0];
    const reset = await t.request({ method: 'DELETE', url: `${tenantPath}/users/${alderman.id}/second-factors`, as: admin });
    expect(reset.statusCode).toBe(200);
    expect(reset.json()).toEqual({ removed: 1 });
    expect((await passwordStep(demoEmails.alderman)).statusCode).toBe(201);
    const mails = await queryRows<{ subject: string }>(t.database.db, sql`select subject from outbox_message where topic = 'user.secondFactorRemoved' and recipient_user_id = ${alderman.id} and channel = 'email'`);
    expect(mails).toHaveLength(1);
  });
});

describe('the secret of an authenticator app in the database', () => {
  it('is sealed with SECRET_ENCRYPTION_KEY, and the app still works', async () => {
    const sealed = await createTestApp({ SECRET_ENCRYPTION_KEY: 'ab'.repeat(32), LOGIN_MAX_FAILURES_PER_IP: 1000 });
    try {
      const login = await sealed.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.officer, password: demoPassword } });
      const officer = sessionFrom(login);
      const begun = (await sealed.request({ method: 'POST', url: `${tenantPath}/second-factors/totp`, as: officer, payload: { label: 'telefoon' } })).json();
      const confirmed = await sealed.request({ method: 'POST', url: `${tenantPath}/second-factors/totp/${begun.factorId}/confirmation`, as: officer, payload: { code: totpCodeAt(begun.secret, sealed.clock.now()) } });
      expect(confirmed.statusCode).toBe(201);
      const [row] = await queryRows<{ totp_secret: string }>(sealed.database.db, sql`select totp_secret from second_factor where id = ${begun.factorId}`);
      expect(row.totp_secret).toMatch(/^v1\./);
      expect(row.totp_secret).not.toContain(begun.secret);
      sealed.clock.advance(stepMs);
      const challenge = (await sealed.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.officer, password: demoPassword } })).json();
      const second = await sealed.request({ method: 'POST', url: `${tenantPath}/sessions/second-factor`, payload: { challengeToken: challenge.challengeToken, totpCode: totpCodeAt(begun.secret, sealed.clock.now()) } });
      expect(second.statusCode).toBe(201);
    } finally {
      await sealed.close();
    }
  });
});
