import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, passwordLinkTokenFor, type Session, setPasswordByLink, type TestApp } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { savePlatformAdministrator } from './platform-administration.service.ts';

let t: TestApp;
let platform: Session;
const platformPassword = 'lantaarn-kanaal-fietsbel-9';
const eindhovenTest = { name: 'Eindhoven-test', slug: 'eindhoven-test', cbsCode: 'GM0773', administrator: { displayName: 'Sanne de Vries', email: 'Sanne.de.Vries@eindhoven-test.example' } };

type Problem = { status: number; code: string; detail: string; errors?: { field: string; code: string; message: string }[] };

async function logInToPlatform(email: string, password: string) {
  return t.request({ method: 'POST', url: '/api/v1/platform/session', payload: { email, password } });
}

function sessionFrom(response: { headers: Record<string, unknown>; json(): { csrfToken: string } }): Session {
  const cookie = String(response.headers['set-cookie']).split(';')[0];
  const csrfToken = response.json().csrfToken;
  return { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } };
}

/** As the platform administrator unless told otherwise; null: without any session. */
const found = (payload: unknown, as: Session | null = platform, headers: Record<string, string> = {}) => t.request({ method: 'POST', url: '/api/v1/platform/municipalities', as: as ?? undefined, headers, payload: payload as object });

async function refusedWithoutChange(call: () => Promise<{ statusCode: number; json(): unknown }>) {
  const before = await fingerprintDatabase(t.database.db);
  const response = await call();
  expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  return { statusCode: response.statusCode, body: response.json() as Problem };
}

beforeAll(async () => {
  t = await createTestApp();
  expect(await savePlatformAdministrator(t.database.db, t.clock, { email: 'Platform@wijkwerk.example', displayName: 'Platformbeheer', password: platformPassword })).toBe('created');
  const response = await logInToPlatform('platform@wijkwerk.example', platformPassword);
  expect(response.statusCode, response.body).toBe(201);
  platform = sessionFrom(response);
});
afterAll(() => t.close());

describe('logging in as a platform administrator', () => {
  it('refuses a wrong password and an unknown address alike, with a sentence and no cookie', async () => {
    for (const [email, password] of [
      ['platform@wijkwerk.example', 'niet-het-wachtwoord-123'],
      ['niemand@wijkwerk.example', platformPassword],
    ]) {
      const response = await logInToPlatform(email, password);
      expect(response.statusCode).toBe(401);
      expect(response.headers['set-cookie']).toBeUndefined();
      expect(response.json().detail).toMatch(/wachtwoord|password/i);
    }
  });

  it('tells who is logged in, and after logging out nobody is', async () => {
    const response = await logInToPlatform('platform@wijkwerk.example', platformPassword);
    const session = sessionFrom(response);
    expect((await t.request({ url: '/api/v1/platform/session', as: session })).json().administrator).toMatchObject({ email: 'platform@wijkwerk.example', displayName: 'Platformbeheer' });
    expect((await t.request({ method: 'DELETE', url: '/api/v1/platform/session', as: session })).statusCode).toBe(204);
    expect((await t.request({ url: '/api/v1/platform/session', as: session })).json()).toEqual({ administrator: null, csrfToken: null });
    expect((await t.request({ url: '/api/v1/platform/municipalities', as: session })).statusCode).toBe(401);
  });

  it('a new password from the command ends the sessions opened with the old one', async () => {
    await savePlatformAdministrator(t.database.db, t.clock, { email: 'tweede@wijkwerk.example', displayName: 'Tweede', password: 'oud-wachtwoord-lang-genoeg' });
    const session = sessionFrom(await logInToPlatform('tweede@wijkwerk.example', 'oud-wachtwoord-lang-genoeg'));
    expect(await savePlatformAdministrator(t.database.db, t.clock, { email: 'tweede@wijkwerk.example', displayName: 'Tweede', password: 'nieuw-wachtwoord-lang-genoeg' })).toBe('updated');
    expect((await t.request({ url: '/api/v1/platform/municipalities', as: session })).statusCode).toBe(401);
    expect((await logInToPlatform('tweede@wijkwerk.example', 'oud-wachtwoord-lang-genoeg')).statusCode).toBe(401);
    expect((await logInToPlatform('tweede@wijkwerk.example', 'nieuw-wachtwoord-lang-genoeg')).statusCode).toBe(201);
  });
});

describe('who may found a municipality', () => {
  it('nobody without a platform session: not a visitor, not a municipality’s administrator, not an API token', async () => {
    const helmondAdmin = await t.logIn('admin');
    const eindhovenAdmin = await t.logIn(t.other.adminLogin);
    for (const as of [null, helmondAdmin, eindhovenAdmin]) {
      const refused = await refusedWithoutChange(() => found(eindhovenTest, as));
      expect(refused.statusCode).toBe(401);
      expect(refused.body.code).toBe('PLATFORM_LOGIN_REQUIRED');
      expect((await t.request({ url: '/api/v1/platform/municipalities', as: as ?? undefined })).statusCode).toBe(401);
    }
    // A municipality's session cookie sent under the platform cookie's name is still no platform session.
    const forged = { cookie: `wijkwerk_platform=${helmondAdmin.cookie.split('=')[1]}`, 'x-csrf-token': helmondAdmin.csrfToken };
    expect((await refusedWithoutChange(() => found(eindhovenTest, null, forged))).statusCode).toBe(401);
  });

  it('refuses a change without the CSRF token, so another site cannot found one in the administrator’s name', async () => {
    const refused = await refusedWithoutChange(() => found(eindhovenTest, null, { cookie: platform.cookie }));
    expect(refused.statusCode).toBe(403);
  });

  it('a platform session counts for nothing inside a municipality', async () => {
    const response = await t.request({ url: '/api/v1/municipalities/helmond/users', headers: { cookie: platform.cookie.replace('wijkwerk_platform', 'wijkwerk_session') } });
    expect(response.statusCode).toBe(401);
  });
});

describe('founding a municipality', () => {
  it('refuses bad input naming each field, and saves nothing', async () => {
    const refused = await refusedWithoutChange(() => found({ name: 'E', slug: 'Eind hoven', cbsCode: '0772', administrator: { displayName: 'Sanne', email: 'geen-adres' } }));
    expect(refused.statusCode).toBe(400);
    const fields = Object.fromEntries((refused.body.errors ?? []).map((error) => [error.field, error.message]));
    expect(fields['body.slug']).toMatch(/kleine letters/);
    expect(fields['body.cbsCode']).toMatch(/GM en vier cijfers/);
    expect(Object.keys(fields)).toEqual(expect.arrayContaining(['body.name', 'body.administrator.email']));
    const reserved = await refusedWithoutChange(() => found({ ...eindhovenTest, slug: 'platformbeheer' }));
    expect(reserved.body.errors?.[0]).toMatchObject({ field: 'body.slug', code: 'slugReserved' });
  });

  it('refuses a slug or CBS code that exists with 409, naming which', async () => {
    const slugTaken = await refusedWithoutChange(() => found({ ...eindhovenTest, slug: 'helmond' }));
    expect(slugTaken.statusCode).toBe(409);
    expect(slugTaken.body.errors).toEqual([expect.objectContaining({ field: 'body.slug', code: 'slugTaken' })]);
    const codeTaken = await refusedWithoutChange(() => found({ ...eindhovenTest, cbsCode: 'gm0794' }));
    expect(codeTaken.statusCode).toBe(409);
    expect(codeTaken.body.errors).toEqual([expect.objectContaining({ field: 'body.cbsCode', code: 'cbsCodeTaken' })]);
  });

  it('creates it with the note’s defaults and one invited administrator, who sets a password and manages it', async () => {
    const response = await found(eindhovenTest);
    expect(response.statusCode, response.body).toBe(201);
    const founded = response.json();
    expect(founded.municipality).toMatchObject({ name: 'Eindhoven-test', slug: 'eindhoven-test', cbsCode: 'GM0773' });
    expect(founded.administrator.email).toBe('sanne.de.vries@eindhoven-test.example');
    expect(founded.startedWith).toEqual({ meetingKinds: 5, themes: 11, reportCategories: expect.any(Number) });
    expect(founded.startedWith.reportCategories).toBeGreaterThan(20);
    // The link goes by e-mail only, never in the answer.
    expect(response.body).not.toMatch(/wachtwoord-instellen/);

    // Public at once, empty of wijken, with its meeting kinds and themes.
    const base = '/api/v1/municipalities/eindhoven-test';
    expect((await t.request({ url: '/api/v1/municipalities/eindhoven-test' })).json().name).toBe('Eindhoven-test');
    expect((await t.request({ url: `${base}/neighbourhoods` })).json().items).toEqual([]);
    const kinds = (await t.request({ url: `${base}/meeting-kinds` })).json().items.map((kind: { code: string }) => kind.code);
    expect(kinds).toEqual(expect.arrayContaining(['wijktafel', 'wijkwerkoverleg', 'wijkbezoek']));

    // The administrator accepts the invitation and is the municipality's admin, of that municipality only.
    await setPasswordByLink(t, 'sanne.de.vries@eindhoven-test.example', 'zonnebloem-trapveld-42', 'eindhoven-test');
    const admin = await t.logIn({ email: 'sanne.de.vries@eindhoven-test.example', password: 'zonnebloem-trapveld-42', municipality: 'eindhoven-test' });
    const users = await t.request({ url: `${base}/users`, as: admin });
    expect(users.statusCode).toBe(200);
    expect(users.json().items).toEqual([expect.objectContaining({ email: 'sanne.de.vries@eindhoven-test.example', roles: [expect.objectContaining({ role: 'admin' })] })]);
    expect((await t.request({ url: `${base}/themes`, as: admin })).json().items).toHaveLength(11);
    expect((await t.request({ url: '/api/v1/municipalities/helmond/users', as: admin })).statusCode).toBe(403);

    // Its audit log starts with the founding, and names the platform administrator who did it.
    const audit = await queryRows<{ action: string; actor_label: string }>(
      t.database.db,
      sql`select action, actor_label from audit_log where municipality_id = ${founded.municipality.id} order by id limit 3`,
    );
    expect(audit.map((row) => row.action)).toEqual(['municipality.found', 'user.create', 'user.sendPasswordLink']);
    expect(audit[0].actor_label).toBe('platform: Platformbeheer');

    const list = (await t.request({ url: '/api/v1/platform/municipalities', as: platform })).json().items;
    expect(list.find((item: { slug: string }) => item.slug === 'eindhoven-test')).toMatchObject({ neighbourhoods: 0, users: 1 });
    expect(list.find((item: { slug: string }) => item.slug === 'helmond').neighbourhoods).toBe(11);
  });

  it('the invitation is e-mailed in the administrator’s language', async () => {
    const response = await found({ ...eindhovenTest, slug: 'veldhoven-test', cbsCode: 'GM0861', name: 'Veldhoven-test', administrator: { displayName: 'Noor Jansen', email: 'noor@veldhoven-test.example', locale: 'en' } });
    expect(response.statusCode).toBe(201);
    const [mail] = await queryRows<{ subject: string }>(t.database.db, sql`select subject from outbox_message where recipient_email = 'noor@veldhoven-test.example'`);
    expect(mail.subject).toMatch(/[A-Za-z]/);
    expect(await passwordLinkTokenFor(t, 'noor@veldhoven-test.example')).toBeTruthy();
  });
});
