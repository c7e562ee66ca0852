import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, demoEmails, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { startIdentityProvider } from '../../../test/identity-provider.ts';
import { defaultConfig } from '../../config.ts';
import { queryRows } from '../../db/client.ts';

// Staff log in with the municipality's identity provider: a real OpenID Connect provider on a free port, the
// browser's part (its login page, the way back) walked by the test.
const callback = `${defaultConfig().PUBLIC_URL.replace(/\/$/, '')}${tenantPath}/single-sign-on/callback`;
const accounts = {
  koen: { email: demoEmails.officer, name: 'Koen Verhoeven' },
  nieuw: { email: 'nieuw.collega@helmond.example', name: 'Nieuwe Collega', groups: ['wijkwerk-verkeer'] },
  onbekend: { email: 'onbekend@helmond.example', name: 'Niet Bekend', groups: ['andere-groep'] },
  zonderAdres: { email: 'niet-bevestigd@helmond.example', name: 'Niet Bevestigd', emailVerified: false },
};

let t: TestApp;
let admin: Session;
let idp: Awaited<ReturnType<typeof startIdentityProvider>>;
let verkeer: string;

type Answer = { statusCode: number; headers: Record<string, unknown>; json(): Record<string, unknown> };
const configure = (payload: Record<string, unknown>, as: Session = admin) => t.request({ method: 'PUT', url: `${tenantPath}/single-sign-on`, as, payload });
const settingsFor = (extra: Record<string, unknown> = {}) => ({ isEnabled: true, issuer: idp.issuer, clientId: idp.clientId, clientSecret: idp.clientSecret, label: 'het Helmond-account', ...extra });

function cookieFrom(response: Answer, name: string): string | undefined {
  const lines = [response.headers['set-cookie']].flat().filter((line): line is string => typeof line === 'string');
  return lines.map((line) => line.split(';')[0]).find((pair) => pair.startsWith(`${name}=`) && pair.length > name.length + 1);
}

/** Leaves for the provider as a browser does: the provider's address and the cookie that ties the way back to this browser. */
async function start(returnTo = '/helmond/vragen') {
  const response = (await t.request({ url: `${tenantPath}/single-sign-on/start?naar=${encodeURIComponent(returnTo)}` })) as unknown as Answer;
  expect(response.statusCode).toBe(303);
  return { address: String(response.headers.location), browser: cookieFrom(response, 'wijkwerk_sign_on') };
}

/** Comes back from the provider with this browser's cookie (or another's). */
async function comeBack(redirect: URL, browser: string | undefined) {
  const response = (await t.request({ url: `${redirect.pathname}${redirect.search}`, headers: browser ? { cookie: browser } : {} })) as unknown as Answer;
  expect(response.statusCode).toBe(303);
  return { location: String(response.headers.location), session: cookieFrom(response, 'wijkwerk_session') };
}

beforeAll(async () => {
  // With a key, as production has one: the client secret is stored sealed.
  t = await createTestApp({ SECRET_ENCRYPTION_KEY: Buffer.alloc(32, 7).toString('base64') });
  admin = await t.logIn('admin');
  idp = await startIdentityProvider({ redirectUris: [callback], accounts });
  verkeer = (await findDemoIds(t)).verkeer;
});
afterAll(async () => {
  await idp?.close();
  await t?.close();
});

describe('configuring single sign-on', () => {
  it('is the administrator’s alone', async () => {
    const officer = await t.logIn('officer');
    expect((await t.request({ url: `${tenantPath}/single-sign-on` })).statusCode).toBe(401);
    expect((await t.request({ url: `${tenantPath}/single-sign-on`, as: officer })).statusCode).toBe(403);
    const before = await fingerprintDatabase(t.database.db);
    expect((await configure(settingsFor(), officer)).statusCode).toBe(403);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('refuses an address where no provider answers, and an issuer that calls itself otherwise, saying so at the field', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const nowhere = await configure(settingsFor({ issuer: `${idp.issuer}/bestaat-niet` }));
    expect(nowhere.statusCode).toBe(400);
    expect(nowhere.json().errors).toEqual([expect.objectContaining({ field: 'body.issuer', code: 'issuerUnreachable', message: expect.stringContaining('geen OpenID Connect-configuratie') })]);
    // The same provider under another name: its configuration names 127.0.0.1, so the issuer does not match.
    const otherName = await configure(settingsFor({ issuer: idp.issuer.replace('127.0.0.1', 'localhost') }));
    expect(otherName.statusCode).toBe(400);
    expect(otherName.json().errors[0]).toMatchObject({ field: 'body.issuer', code: 'issuerUnreachable' });
    const noSecret = await configure({ ...settingsFor(), clientSecret: undefined });
    expect(noSecret.json().errors[0]).toMatchObject({ field: 'body.clientSecret', code: 'clientSecretRequired' });
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('saves a working configuration, keeps the secret to itself and says which redirect address to register', async () => {
    const saved = await configure(settingsFor());
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ isEnabled: true, issuer: idp.issuer, hasClientSecret: true, redirectUri: callback, staffPasswordLogin: true });
    expect(saved.body).not.toContain(idp.clientSecret);
    const [stored] = await queryRows<{ value: string }>(t.database.db, sql`select settings::text as value from municipality where slug = 'helmond'`);
    expect(stored.value).not.toContain(idp.clientSecret);
    expect((await t.request({ url: `${tenantPath}/single-sign-on/options` })).json()).toEqual({ isEnabled: true, label: 'het Helmond-account', staffPasswordLogin: true });
    // Saving again without the secret keeps it.
    expect((await configure({ ...settingsFor(), clientSecret: undefined })).json().hasClientSecret).toBe(true);
  });
});

describe('logging in through the identity provider', () => {
  it('logs a staff member in with their account, found by e-mail address, and returns them where they were going', async () => {
    const { address, browser } = await start('/helmond/vragen');
    expect(address.startsWith(`${idp.issuer}/auth?`)).toBe(true);
    expect(new URL(address).searchParams.get('code_challenge_method')).toBe('S256');
    const back = await comeBack(await idp.logIn(address, 'koen'), browser);
    expect(back.location).toBe('/helmond/vragen');
    expect(back.session).toBeDefined();
    const me = await t.request({ url: `${tenantPath}/sessions/current`, headers: { cookie: back.session as string } });
    expect(me.json().user).toMatchObject({ email: demoEmails.officer });
  });

  it('refuses the same way back twice, a way back in another browser, and a state that was never handed out', async () => {
    const { address, browser } = await start();
    const redirect = await idp.logIn(address, 'koen');
    const other = await start();
    expect(await comeBack(redirect, other.browser)).toEqual({ location: '/helmond/inloggen?sso=expired', session: undefined });
    expect(await comeBack(redirect, undefined)).toEqual({ location: '/helmond/inloggen?sso=expired', session: undefined });
    const forged = new URL(redirect);
    forged.searchParams.set('state', 'een-state-die-niemand-uitgaf');
    expect(await comeBack(forged, browser)).toEqual({ location: '/helmond/inloggen?sso=expired', session: undefined });
    expect((await comeBack(redirect, browser)).session).toBeDefined();
    expect(await comeBack(redirect, browser)).toEqual({ location: '/helmond/inloggen?sso=expired', session: undefined });
  });

  it('refuses a code used before, brought back with a new attempt', async () => {
    const first = await start();
    const redirect = await idp.logIn(first.address, 'koen');
    expect((await comeBack(redirect, first.browser)).session).toBeDefined();
    const second = await start();
    const replayed = new URL(redirect);
    replayed.searchParams.set('state', new URL(second.address).searchParams.get('state') as string);
    expect(await comeBack(replayed, second.browser)).toEqual({ location: '/helmond/inloggen?sso=failed', session: undefined });
  });

  it('refuses an expired code', async () => {
    const slow = await startIdentityProvider({ redirectUris: [callback], accounts, codeTtlSeconds: 1 });
    try {
      expect((await configure({ ...settingsFor(), issuer: slow.issuer, clientSecret: slow.clientSecret })).statusCode).toBe(200);
      const { address, browser } = await start();
      const redirect = await slow.logIn(address, 'koen');
      await new Promise((resolve) => setTimeout(resolve, 2100));
      expect(await comeBack(redirect, browser)).toEqual({ location: '/helmond/inloggen?sso=failed', session: undefined });
    } finally {
      await configure(settingsFor());
      await slow.close();
    }
  });

  it('refuses someone without an account, or without a confirmed address, unless accounts may be made for their group', async () => {
    const unknown = await start();
    expect((await comeBack(await idp.logIn(unknown.address, 'nieuw'), unknown.browser)).location).toBe('/helmond/inloggen?sso=noAccount');
    const unverified = await start();
    expect((await comeBack(await idp.logIn(unverified.address, 'zonderAdres'), unverified.browser)).location).toBe('/helmond/inloggen?sso=noEmail');

    expect((await configure(settingsFor({ groupsClaim: 'groups', createsAccounts: true, roleMappings: [{ group: 'wijkwerk-verkeer', role: 'officer', scopeId: verkeer }] }))).statusCode).toBe(200);
    const outsider = await start();
    expect((await comeBack(await idp.logIn(outsider.address, 'onbekend'), outsider.browser)).location).toBe('/helmond/inloggen?sso=noAccount');
    const newcomer = await start('/helmond/meldingen');
    const back = await comeBack(await idp.logIn(newcomer.address, 'nieuw'), newcomer.browser);
    expect(back.location).toBe('/helmond/meldingen');
    const me = (await t.request({ url: `${tenantPath}/sessions/current`, headers: { cookie: back.session as string } })).json();
    expect(me.user).toMatchObject({ email: 'nieuw.collega@helmond.example', displayName: 'Nieuwe Collega', roles: [expect.objectContaining({ role: 'officer', scopeId: verkeer })] });
  });

  it('with password login off for staff, staff must use the provider; administrators and residents keep their passwords', async () => {
    expect((await configure(settingsFor({ staffPasswordLogin: false }))).statusCode).toBe(200);
    const refused = await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.officer, password: 'E2e-onbelangrijk' } });
    // A wrong password is still just a wrong password: whether someone is staff is not told to a guesser.
    expect(refused.statusCode).toBe(401);
    const { demoPassword } = await import('../../../test/harness.ts');
    const staff = await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.officer, password: demoPassword } });
    expect(staff.statusCode).toBe(403);
    expect(staff.json().detail).toContain('Inloggen met het Helmond-account');
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.admin, password: demoPassword } })).statusCode).toBe(201);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.resident, password: demoPassword } })).statusCode).toBe(201);
  });
});
