import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmails, demoPassword, type TestApp, tenantPath } from '../../../test/harness.ts';
import { loginThrottlePolicy } from '../../app.ts';
import { defaultConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { createLoginFailureCleanupJob } from './index.ts';

let t: TestApp;
beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

const minutes = (count: number) => count * 60_000;
const current = (as?: { headers: Record<string, string> }) => t.request({ url: `${tenantPath}/sessions/current`, headers: as?.headers });

describe('login and sessions', () => {
  it('sets an HttpOnly, SameSite=Lax session cookie and returns the user with a CSRF token', async () => {
    const response = await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: 'FEMKE.JANSSEN@helmond.example', password: demoPassword } });
    expect(response.statusCode).toBe(201);
    const cookie = String(response.headers['set-cookie']);
    expect(cookie).toMatch(/^wijkwerk_session=[A-Za-z0-9_-]{43};/);
    expect(cookie).toContain('HttpOnly');
    expect(cookie).toContain('SameSite=Lax');
    expect(cookie).not.toContain('Secure');
    expect(response.json().user).toMatchObject({ displayName: 'Femke Janssen', roles: [{ role: 'admin' }] });
    expect(response.json().user.passwordHash).toBeUndefined();
    expect(response.json().csrfToken).toHaveLength(43);
  });

  it('answers a visitor and a forged cookie with user null instead of a 401', async () => {
    const visitor = await current();
    expect(visitor.statusCode).toBe(200);
    expect(visitor.json()).toEqual({ user: null, csrfToken: null, mustEnrolSecondFactor: false, authenticatedAt: null });
    const forged = await t.request({ url: `${tenantPath}/sessions/current`, headers: { cookie: `wijkwerk_session=${'A'.repeat(43)}` } });
    expect(forged.json().user).toBeNull();
    expect((await t.request({ url: '/api/v1/municipalities/onbekend/sessions/current' })).statusCode).toBe(404);
  });

  it('stores only a hash of the session token', async () => {
    const session = await t.logIn('resident');
    const token = session.cookie.split('=')[1];
    const rows = await queryRows<{ token_hash: string }>(t.database.db, sql`select token_hash from user_session`);
    expect(rows.length).toBeGreaterThan(0);
    expect(rows.some((row) => row.token_hash === token)).toBe(false);
  });

  it('answers a wrong password and an unknown e-mail alike', async () => {
    const wrong = await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.partner, password: 'niet-het-goede-wachtwoord' } });
    const unknown = await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: 'niemand@helmond.example', password: 'niet-het-goede-wachtwoord' } });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    // The same body to the letter: the answer must not tell which e-mail addresses have an account.
    expect(wrong.json()).toEqual(unknown.json());
    expect(wrong.json()).toMatchObject({ code: 'INVALID_CREDENTIALS', title: 'Inloggen mislukt' });
    expect(wrong.headers['set-cookie']).toBeUndefined();
    expect(unknown.headers['set-cookie']).toBeUndefined();
  });

  it('logs out this session only, or every session', async () => {
    const first = await t.logIn('officer');
    const second = await t.logIn('officer');
    const loggedOut = await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/current`, as: first });
    expect(loggedOut.statusCode).toBe(204);
    expect(String(loggedOut.headers['set-cookie'])).toMatch(/^wijkwerk_session=;.*Max-Age=0/);
    expect((await current(first)).json().user).toBeNull();
    expect((await current(second)).json().user).not.toBeNull();
    const third = await t.logIn('officer');
    const everywhere = await t.request({ method: 'DELETE', url: `${tenantPath}/sessions`, as: third });
    expect(everywhere.json().revokedSessions).toBe(2);
    expect((await current(second)).json().user).toBeNull();
    expect((await current(third)).json().user).toBeNull();
  });

  it('ends a session after 30 idle minutes to the minute', async () => {
    const session = await t.logIn('officerGreen');
    t.clock.advance(minutes(30));
    expect((await current(session)).json().user).not.toBeNull();
    t.clock.advance(minutes(30) + 1000);
    expect((await current(session)).json().user).toBeNull();
  });

  it('ends a session after 30 idle minutes, and keeps an active one going', async () => {
    const idle = await t.logIn('alderman');
    const active = await t.logIn('alderman');
    t.clock.advance(minutes(20));
    expect((await current(active)).json().user).not.toBeNull();
    t.clock.advance(minutes(20));
    expect((await current(active)).json().user).not.toBeNull();
    expect((await current(idle)).json().user).toBeNull();
  });

  it('ends every session 12 hours after login, however active', async () => {
    const session = await t.logIn('advisor');
    // Active every 25 minutes (inside the idle limit) for 11 h 40 min: still logged in.
    for (let step = 0; step < 28; step++) {
      t.clock.advance(minutes(25));
      expect((await current(session)).json().user).not.toBeNull();
    }
    t.clock.advance(minutes(25));
    expect((await current(session)).json().user).toBeNull();
  });

  it('refuses a deactivated user and ends their sessions and API tokens', async () => {
    const admin = await t.logIn('admin');
    const partner = await t.logIn('partner');
    const user = (await t.request({ url: `${tenantPath}/users?search=Bram`, as: admin })).json().items[0];
    const token = (await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: user.id, name: 'Koppeling politie' } })).json().token;
    const bearer = { authorization: `Bearer ${token}` };
    expect((await t.request({ url: `${tenantPath}/sessions/current`, headers: bearer })).json().user).not.toBeNull();
    const deactivated = await t.request({ method: 'PATCH', url: `${tenantPath}/users/${user.id}`, as: admin, payload: { version: user.version, isActive: false } });
    expect(deactivated.statusCode).toBe(200);
    expect((await current(partner)).json().user).toBeNull();
    expect((await t.request({ url: `${tenantPath}/sessions/current`, headers: bearer })).statusCode).toBe(401); // A token that no longer works is refused outright: an integration must notice.
    const login = await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.partner, password: demoPassword } });
    expect(login.statusCode).toBe(401);
    expect(login.json().code).toBe('INVALID_CREDENTIALS');
    // Reactivated, the old session stays ended; a new login works.
    await t.request({ method: 'PATCH', url: `${tenantPath}/users/${user.id}`, as: admin, payload: { version: user.version + 1, isActive: true } });
    expect((await current(partner)).json().user).toBeNull();
    expect((await t.logIn('partner')).csrfToken).toHaveLength(43);
  });
});

describe('CSRF and API tokens', () => {
  it('refuses a cookie change without the CSRF token, and with a wrong one', async () => {
    const admin = await t.logIn('admin');
    const payload = { code: 'csrf-test', nameNl: 'CSRF test', nameEn: 'CSRF test' };
    const without = await t.app.inject({ method: 'POST', url: `${tenantPath}/themes`, headers: { cookie: admin.cookie }, payload });
    expect(without.statusCode).toBe(403);
    const wrong = await t.app.inject({ method: 'POST', url: `${tenantPath}/themes`, headers: { cookie: admin.cookie, 'x-csrf-token': 'x'.repeat(43) }, payload });
    expect(wrong.statusCode).toBe(403);
    expect(wrong.json().code).toBe('CSRF_TOKEN_INVALID');
    const themes = (await t.request({ url: `${tenantPath}/themes` })).json().items.map((item: { code: string }) => item.code);
    expect(themes).not.toContain('csrf-test');
    // Another site cannot log you out everywhere either.
    const logOut = await t.app.inject({ method: 'DELETE', url: `${tenantPath}/sessions`, headers: { cookie: admin.cookie } });
    expect(logOut.statusCode).toBe(403);
    expect((await current(admin)).json().user).not.toBeNull();
  });

  it('creates an API token shown once, stored hashed, usable without CSRF, and dead after revoking', async () => {
    const admin = await t.logIn('admin');
    const adminId = (await current(admin)).json().user.id;
    const created = await t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: adminId, name: 'Koppeling zaaksysteem', validDays: 30 } });
    expect(created.statusCode).toBe(201);
    const { token, id } = created.json();
    expect(token).toMatch(/^ww_/);
    const listed = (await t.request({ url: `${tenantPath}/api-tokens`, as: admin })).json().items;
    expect(JSON.stringify(listed)).not.toContain(token);
    // Only the SHA-256 is kept: nothing in the row gives the token back.
    const stored = await queryRows<{ token_hash: string; row: string }>(t.database.db, sql`select token_hash, t::text as row from api_token t where id = ${id}`);
    expect(stored[0].token_hash).toBe(createHash('sha256').update(token).digest('hex'));
    expect(stored[0].row).not.toContain(token.slice(8));
    const bearer = { authorization: `Bearer ${token}` };
    const change = await t.request({ method: 'POST', url: `${tenantPath}/themes`, headers: bearer, payload: { code: 'via-token', nameNl: 'Via token', nameEn: 'By token' } });
    expect(change.statusCode).toBe(201);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/api-tokens/${id}`, as: admin })).statusCode).toBe(204);
    expect((await t.request({ url: `${tenantPath}/users`, headers: bearer })).statusCode).toBe(401);
  });

  it('lets only admins manage API tokens', async () => {
    const advisor = await t.logIn('advisor');
    expect((await t.request({ url: `${tenantPath}/api-tokens`, as: advisor })).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/api-tokens` })).statusCode).toBe(401);
  });
});

describe('login throttling', () => {
  const logInFrom = (remoteAddress: string, email: string, password: string) => t.request({ method: 'POST', url: `${tenantPath}/sessions`, remoteAddress, payload: { email, password } });

  it('makes an address that guesses one account wait, longer after every further guess, with 429 and Retry-After', async () => {
    const attacker = '10.6.6.6';
    for (let attempt = 0; attempt < 5; attempt++) expect((await logInFrom(attacker, demoEmails.officerGreen, `fout-${attempt}-wachtwoord`)).statusCode).toBe(401);
    // Even the right password waits: the address must not learn whether its next guess would have been right.
    const blocked = await logInFrom(attacker, demoEmails.officerGreen, demoPassword);
    expect(blocked.statusCode).toBe(429);
    expect(blocked.headers['retry-after']).toBe('60');
    expect(String(blocked.headers['content-type'])).toContain('application/problem+json');
    expect(blocked.json()).toMatchObject({ status: 429, code: 'TOO_MANY_LOGIN_ATTEMPTS', detail: expect.stringContaining('over 1 min.') });
    expect(blocked.headers['set-cookie']).toBeUndefined();
    // The same account in other capitals is the same account.
    expect((await logInFrom(attacker, demoEmails.officerGreen.toUpperCase(), demoPassword)).statusCode).toBe(429);

    // After the wait one more guess; a wrong one doubles the wait.
    t.clock.advance(61_000);
    expect((await logInFrom(attacker, demoEmails.officerGreen, 'nog-een-gok-wachtwoord')).statusCode).toBe(401);
    const longer = await logInFrom(attacker, demoEmails.officerGreen, demoPassword);
    expect(longer.statusCode).toBe(429);
    expect(longer.headers['retry-after']).toBe('120');
    t.clock.advance(60_000);
    expect((await logInFrom(attacker, demoEmails.officerGreen, demoPassword)).headers['retry-after']).toBe('60');
  });

  it('does not lock the owner out: from another address the right password gets in at once', async () => {
    const attacker = '10.7.7.7';
    for (let attempt = 0; attempt < 8; attempt++) await logInFrom(attacker, demoEmails.officer, `fout-${attempt}-wachtwoord`);
    expect((await logInFrom(attacker, demoEmails.officer, demoPassword)).statusCode).toBe(429);
    const owner = await logInFrom('10.8.8.8', demoEmails.officer, demoPassword);
    expect(owner.statusCode).toBe(201);
    // The owner's own typing errors from home count for home only, and a good login forgets them.
    for (let attempt = 0; attempt < 4; attempt++) expect((await logInFrom('10.8.8.8', demoEmails.officer, `tikfout-${attempt}-wachtwoord`)).statusCode).toBe(401);
    expect((await logInFrom('10.8.8.8', demoEmails.officer, demoPassword)).statusCode).toBe(201);
    for (let attempt = 0; attempt < 4; attempt++) expect((await logInFrom('10.8.8.8', demoEmails.officer, `tikfout-${attempt}-wachtwoord`)).statusCode).toBe(401);
    expect((await logInFrom('10.8.8.8', demoEmails.officer, demoPassword)).statusCode).toBe(201);
    // The attacker still waits.
    expect((await logInFrom(attacker, demoEmails.officer, demoPassword)).statusCode).toBe(429);
  });

  it('holds the limit for a burst of parallel guesses: at most five passwords are checked', async () => {
    const burst = await Promise.all(
      Array.from({ length: 12 }, (_, attempt) =>
        t.request({ method: 'POST', url: `${tenantPath}/sessions`, remoteAddress: '10.5.5.5', payload: { email: demoEmails.councilMemberOost, password: `parallel-${attempt}-gok` } }),
      ),
    );
    const statuses = burst.map((response) => response.statusCode);
    expect(statuses.every((status) => status === 401 || status === 429), statuses.join()).toBe(true);
    expect(statuses.filter((status) => status === 401).length, statuses.join()).toBeLessThanOrEqual(5);
  });

  it('counts an IPv6 attacker per /64: a new address in the same network for every guess does not help', async () => {
    for (let attempt = 0; attempt < 5; attempt++) expect((await logInFrom(`2001:db8:77:1::${attempt + 1}`, demoEmails.advisor, `fout-${attempt}-wachtwoord`)).statusCode).toBe(401);
    expect((await logInFrom('2001:db8:77:1:abcd::9', demoEmails.advisor, demoPassword)).statusCode).toBe(429);
    expect((await logInFrom('2001:db8:77:2::1', demoEmails.advisor, demoPassword)).statusCode).toBe(201);
  });

  it('forgets failures in the sweep once they can no longer make anyone wait', async () => {
    await logInFrom('10.9.9.9', demoEmails.alderman, 'vergeten-wachtwoord-1');
    const count = async () => (await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from login_failure where throttle_key like '%10.9.9.9'`))[0].count;
    expect(await count()).toBe(2);
    const job = createLoginFailureCleanupJob({ clock: t.clock, throttle: loginThrottlePolicy(defaultConfig()) });
    await job.run(t.database.db);
    expect(await count()).toBe(2);
    t.clock.advance(minutes(24 * 60 + 1));
    await job.run(t.database.db);
    expect(await count()).toBe(0);
  });

  it('throttles one IP address guessing across many accounts', async () => {
    const throttled = await createTestApp({ LOGIN_MAX_FAILURES_PER_IP: 3 });
    try {
      for (const email of ['a@helmond.example', 'b@helmond.example', 'c@helmond.example']) {
        expect((await throttled.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email, password: 'geraden-wachtwoord' } })).statusCode).toBe(401);
      }
      const fourth = await throttled.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.resident, password: demoPassword } });
      expect(fourth.statusCode).toBe(429);
      expect(fourth.headers['retry-after']).toBe('900');
      expect(String(fourth.headers['content-type'])).toContain('application/problem+json');
      expect(fourth.json()).toMatchObject({ code: 'TOO_MANY_LOGIN_ATTEMPTS', detail: expect.stringContaining('15 min.') });
      const elsewhere = await throttled.request({ method: 'POST', url: `${tenantPath}/sessions`, remoteAddress: '10.1.2.3', payload: { email: demoEmails.resident, password: demoPassword } });
      expect(elsewhere.statusCode).toBe(201);
    } finally {
      await throttled.close();
    }
  });
});

describe('cookies over https', () => {
  it('uses the __Host- prefix and Secure when the public address is https', async () => {
    const secure = await createTestApp({ PUBLIC_URL: 'https://wijkwerk.example.org' });
    try {
      const response = await secure.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.resident, password: demoPassword } });
      const cookie = String(response.headers['set-cookie']);
      expect(response.statusCode).toBe(201);
      expect(cookie).toMatch(/^__Host-wijkwerk_session=[A-Za-z0-9_-]{43};/);
      expect(cookie.split('; ')).toEqual(expect.arrayContaining(['Secure', 'HttpOnly', 'SameSite=Lax', 'Path=/']));
      // __Host- cookies must not name a domain, or browsers drop them.
      expect(cookie).not.toMatch(/Domain=/i);
      const session = cookie.split(';')[0];
      const loggedOut = await secure.request({ method: 'DELETE', url: `${tenantPath}/sessions/current`, headers: { cookie: session, 'x-csrf-token': response.json().csrfToken } });
      expect(loggedOut.statusCode).toBe(204);
      expect(String(loggedOut.headers['set-cookie'])).toMatch(/^__Host-wijkwerk_session=;.*Secure/);
    } finally {
      await secure.close();
    }
  });
});

describe('one’s own sessions', () => {
  it('lists where one is logged in, ends another device’s session, and not someone else’s', async () => {
    const phone = await t.logIn('officerGreen');
    const laptop = await t.logIn('officerGreen');
    const sessionsSeenBy = async (session: typeof phone) => (await t.request({ url: `${tenantPath}/sessions`, as: session })).json().items as { id: string; isCurrent: boolean; ipAddress: string | null }[];
    const fromLaptop = await sessionsSeenBy(laptop);
    expect(fromLaptop.filter((item) => item.isCurrent)).toHaveLength(1);
    const phoneId = (await sessionsSeenBy(phone)).find((item) => item.isCurrent)!.id;
    const laptopId = fromLaptop.find((item) => item.isCurrent)!.id;
    expect(fromLaptop.map((item) => item.id)).toEqual(expect.arrayContaining([phoneId, laptopId]));
    expect(phoneId).not.toBe(laptopId);

    // Another person's session does not exist for you, and a visitor is asked to log in.
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/${phoneId}`, as: await t.logIn('advisorSouth') })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/${phoneId}` })).statusCode).toBe(401);
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: phone })).json().user).not.toBeNull();

    const ended = await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/${phoneId}`, as: laptop });
    expect(ended.statusCode).toBe(204);
    expect(ended.headers['set-cookie']).toBeUndefined();
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: phone })).json().user).toBeNull();
    expect((await sessionsSeenBy(laptop)).map((item) => item.id)).not.toContain(phoneId);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/${phoneId}`, as: laptop })).statusCode).toBe(404);

    // Ending the current session is logging out.
    const loggedOut = await t.request({ method: 'DELETE', url: `${tenantPath}/sessions/${laptopId}`, as: laptop });
    expect(loggedOut.statusCode).toBe(204);
    expect(String(loggedOut.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: laptop })).json().user).toBeNull();
  });
});
