import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { queryRows } from '../../db/client.ts';
import { createApiTokenExpiryReminderJob } from './api-token-reminders.ts';
import { createTestApp, demoEmails, passwordLinkTokenFor, type Session, setPasswordByLink, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let admin: Session;
let ids: { brouwhuis: string; warande: string; councilBrandevoort: string; verkeer: string; femke: string };
const strongPassword = 'paars-fietsbel-kanaal';

type Problem = { status: number; code: string; errors?: { field: string; code: string; message: string }[] };

const createUser = (payload: Record<string, unknown>, as: Session = admin, headers: Record<string, string> = {}) =>
  t.request({ method: 'POST', url: `${tenantPath}/users`, as, headers, payload });
const updateUser = (userId: string, payload: Record<string, unknown>, as: Session = admin) => t.request({ method: 'PATCH', url: `${tenantPath}/users/${userId}`, as, payload });
const getUser = async (userId: string) => (await t.request({ url: `${tenantPath}/users/${userId}`, as: admin })).json();
const listUsers = async (query: string) => (await t.request({ url: `${tenantPath}/users?${query}`, as: admin })).json();

/** Runs a call that must be refused, and checks that it left every table as it was. */
async function refusedWithoutChange(call: () => Promise<{ statusCode: number; json(): unknown }>) {
  const before = await fingerprintDatabase(t.database.db);
  const response = await call();
  expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  return { statusCode: response.statusCode, body: response.json() as Problem };
}

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
  const items = async (path: string) => (await t.request({ url: `${tenantPath}${path}`, as: admin })).json().items as Record<string, string>[];
  const neighbourhoods = await items('/neighbourhoods?pageSize=100');
  ids = {
    brouwhuis: neighbourhoods.find((item) => item.slug === 'brouwhuis')!.id,
    warande: neighbourhoods.find((item) => item.slug === 'warande')!.id,
    councilBrandevoort: (await items('/councils?pageSize=100')).find((item) => item.name === 'Wijkraad Brandevoort')!.id,
    verkeer: (await items('/departments')).find((item) => item.code === 'verkeer')!.id,
    femke: (await items('/users?search=Femke'))[0].id,
  };
});
afterAll(async () => t?.close());

describe('creating users', () => {
  it('creates a user with scoped roles, who can log in with exactly those roles', async () => {
    const response = await createUser({
      email: '  Nieuwe.Adviseur@Helmond.EXAMPLE ',
      displayName: 'Nieuwe Adviseur',
      roles: [
        { role: 'advisor', scopeId: ids.brouwhuis },
        { role: 'advisor', scopeId: ids.warande },
        { role: 'council_member', scopeId: ids.councilBrandevoort, title: 'penningmeester' },
        { role: 'resident' },
      ],
    });
    expect(response.statusCode).toBe(201);
    const user = response.json();
    expect(user).toMatchObject({ email: 'nieuwe.adviseur@helmond.example', displayName: 'Nieuwe Adviseur', isActive: true, hasPassword: false, locale: 'nl', version: 1 });
    expect(new Date(user.invitationExpiresAt).getTime() - t.clock.now().getTime()).toBe(72 * 3_600_000);
    expect(user.roles).toEqual(
      expect.arrayContaining([
        { role: 'advisor', scopeType: 'neighbourhood', scopeId: ids.brouwhuis, title: null },
        { role: 'advisor', scopeType: 'neighbourhood', scopeId: ids.warande, title: null },
        { role: 'council_member', scopeType: 'council', scopeId: ids.councilBrandevoort, title: 'penningmeester' },
        { role: 'resident', scopeType: 'municipality', scopeId: null, title: null },
      ]),
    );
    expect(user.roles).toHaveLength(4);
    expect(JSON.stringify(user)).not.toMatch(/argon2|passwordHash/);

    // The new person chooses their own password with the link from the invitation.
    await setPasswordByLink(t, 'nieuwe.adviseur@helmond.example', strongPassword);
    expect((await getUser(user.id)).hasPassword).toBe(true);
    const session = await t.logIn({ email: 'nieuwe.adviseur@helmond.example', password: strongPassword });
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: session })).json().user.roles).toHaveLength(4);
    // An advisor and council member, not an admin.
    expect((await t.request({ url: `${tenantPath}/users`, as: session })).statusCode).toBe(403);

    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=user&entityId=${user.id}&action=user.create`, as: admin })).json();
    expect(audit.items).toHaveLength(1);
    expect(audit.items[0].after).toMatchObject({ email: 'nieuwe.adviseur@helmond.example' });
  });

  it.each([
    ['an unknown council', () => [{ role: 'council_member', scopeId: '00000000-0000-4000-8000-000000000000' }], 'body.roles.0.scopeId', 'unknownReference'],
    ['a council of another municipality', () => [{ role: 'resident' }, { role: 'council_member', scopeId: t.other.council.id }], 'body.roles.1.scopeId', 'unknownReference'],
    ['a council given where a neighbourhood belongs', () => [{ role: 'advisor', scopeId: ids.councilBrandevoort }], 'body.roles.0.scopeId', 'unknownReference'],
    ['a scoped role without its scope', () => [{ role: 'officer' }], 'body.roles.0.scopeId', 'required'],
  ])('refuses a role on %s with a field error, and saves nothing', async (_label, roles, field, code) => {
    const { statusCode, body } = await refusedWithoutChange(() => createUser({ email: 'rol.fout@helmond.example', displayName: 'Rol Fout', roles: roles() }));
    expect(statusCode).toBe(400);
    expect(body.code).toBe('VALIDATION_FAILED');
    expect(body.errors).toEqual([{ field, code, message: code === 'required' ? 'Dit veld is verplicht.' : 'Deze verwijzing bestaat niet in deze gemeente.' }]);
  });

  it('refuses a password chosen by the administrator, naming the field, and saves nothing', async () => {
    const { statusCode, body } = await refusedWithoutChange(() => createUser({ email: 'met.wachtwoord@helmond.example', displayName: 'Met Wachtwoord', password: strongPassword }));
    expect(statusCode).toBe(400);
    expect(body.errors).toEqual([{ field: 'body.password', code: 'passwordByLink', message: expect.stringContaining('Een beheerder kiest geen wachtwoord voor een ander') }]);
  });

  it.each([
    ['too short', 'Kort-2026!', 'passwordTooShort', 'Kies een wachtwoord van minstens 12 tekens.'],
    ['common', 'Welkom123456!', 'passwordTooCommon', 'Dit wachtwoord is te bekend en dus makkelijk te raden. Kies een ander.'],
    ['containing the e-mail address', 'wachtwoord.tester-fiets', 'passwordContainsEmail', 'Gebruik je e-mailadres niet in je wachtwoord.'],
  ])('refuses a password that is %s on the invitation link with a Dutch message, and the link keeps working', async (_label, password, code, message) => {
    const email = 'wachtwoord.tester@helmond.example';
    if ((await listUsers(`search=${email}`)).total === 0) expect((await createUser({ email, displayName: 'Wachtwoord Tester' })).statusCode).toBe(201);
    const token = await passwordLinkTokenFor(t, email);
    const { statusCode, body } = await refusedWithoutChange(() => t.request({ method: 'POST', url: `${tenantPath}/password-links/redemption`, payload: { token, newPassword: password } }));
    expect(statusCode).toBe(400);
    expect(body.errors).toEqual([{ field: 'body.newPassword', code, message }]);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/inspection`, payload: { token } })).json()).toMatchObject({ email, purpose: 'invitation' });
  });

  it('words the password problem in English on request', async () => {
    expect((await createUser({ email: 'english@helmond.example', displayName: 'English Speaker', locale: 'en' })).statusCode).toBe(201);
    const token = await passwordLinkTokenFor(t, 'english@helmond.example');
    const response = await t.request({ method: 'POST', url: `${tenantPath}/password-links/redemption`, headers: { 'accept-language': 'en' }, payload: { token, newPassword: 'short' } });
    expect(response.json().errors).toEqual([{ field: 'body.newPassword', code: 'passwordTooShort', message: 'Choose a password of at least 12 characters.' }]);
  });

  it('refuses an e-mail address that is taken, whatever its capitals (409), but not one taken in another municipality', async () => {
    const { statusCode, body } = await refusedWithoutChange(() => createUser({ email: demoEmails.admin.toUpperCase(), displayName: 'Dubbel' }));
    expect(statusCode).toBe(409);
    expect(body).toMatchObject({ code: 'DUPLICATE', errors: [{ field: 'body.email', code: 'duplicate' }] });
    const eindhoven = await t.logIn(t.other.adminLogin);
    const elsewhere = await t.request({ method: 'POST', url: '/api/v1/municipalities/eindhoven/users', as: eindhoven, payload: { email: demoEmails.admin, displayName: 'Femke in Eindhoven' } });
    expect(elsewhere.statusCode).toBe(201);
  });

  it('refuses bad fields with a message per field', async () => {
    const { statusCode, body } = await refusedWithoutChange(() => createUser({ email: 'geen-adres', displayName: 'X', roles: [{ role: 'burgemeester' }] }));
    expect(statusCode).toBe(400);
    expect(body.errors?.map((error) => error.field).sort()).toEqual(['body.displayName', 'body.email', 'body.roles.0.role']);
  });
});

describe('changing users', () => {
  it('changes roles with the version read, and refuses a stale version (409) without changing anything', async () => {
    const created = (await createUser({ email: 'wisselend@helmond.example', displayName: 'Wisselende Rol', roles: [{ role: 'resident' }] })).json();
    await setPasswordByLink(t, 'wisselend@helmond.example', strongPassword);
    const session = await t.logIn({ email: 'wisselend@helmond.example', password: strongPassword });
    // Setting the password counted as a change of the account.
    const changed = await updateUser(created.id, { version: 2, roles: [{ role: 'officer', scopeId: ids.verkeer }] });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ version: 3, roles: [{ role: 'officer', scopeType: 'department', scopeId: ids.verkeer }] });
    // The session sees the new roles at once.
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: session })).json().user.roles).toMatchObject([{ role: 'officer' }]);

    const { statusCode, body } = await refusedWithoutChange(() => updateUser(created.id, { version: 2, displayName: 'Te Laat' }));
    expect(statusCode).toBe(409);
    expect(body).toMatchObject({ code: 'VERSION_CONFLICT', detail: expect.stringContaining('versie 3') });
    expect((await getUser(created.id)).displayName).toBe('Wisselende Rol');
  });

  it('resets a password only with a link to its owner: the old one works until the link is used, and every session then ends', async () => {
    const email = 'nieuw.wachtwoord@helmond.example';
    const created = (await createUser({ email, displayName: 'Nieuw Wachtwoord' })).json();
    await setPasswordByLink(t, email, strongPassword);
    const session = await t.logIn({ email, password: strongPassword });
    const { statusCode, body } = await refusedWithoutChange(() => updateUser(created.id, { version: 2, password: 'groene-kikker-springt-hoog' }));
    expect(statusCode).toBe(400);
    expect(body.errors).toMatchObject([{ field: 'body.password', code: 'passwordByLink' }]);

    const sent = await t.request({ method: 'POST', url: `${tenantPath}/users/${created.id}/password-link`, as: admin, payload: {} });
    expect(sent.statusCode).toBe(202);
    expect(JSON.stringify(sent.json())).not.toMatch(/wachtwoord-instellen|token/);
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: session })).json().user).not.toBeNull();
    const token = await passwordLinkTokenFor(t, email);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/inspection`, payload: { token } })).json()).toMatchObject({ email, purpose: 'reset' });
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/redemption`, payload: { token, newPassword: 'groene-kikker-springt-hoog' } })).statusCode).toBe(200);
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: session })).json().user).toBeNull();
    await t.logIn({ email, password: 'groene-kikker-springt-hoog' });

    // The link works once.
    const again = await t.request({ method: 'POST', url: `${tenantPath}/password-links/redemption`, payload: { token, newPassword: 'nog-een-ander-wachtwoord-9' } });
    expect(again.statusCode).toBe(410);
    expect(again.json()).toMatchObject({ code: 'PASSWORD_LINK_INVALID', detail: expect.stringContaining('verlopen of al gebruikt') });
  });

  it('blocks the current password at once when asked, and voids an earlier link', async () => {
    const email = 'geblokkeerd@helmond.example';
    const created = (await createUser({ email, displayName: 'Geblokkeerd Wachtwoord' })).json();
    const invitation = await passwordLinkTokenFor(t, email);
    await setPasswordByLink(t, email, strongPassword);
    const session = await t.logIn({ email, password: strongPassword });
    expect((await t.request({ method: 'POST', url: `${tenantPath}/users/${created.id}/password-link`, as: admin, payload: {} })).statusCode).toBe(202);
    const first = await passwordLinkTokenFor(t, email);
    expect(first).not.toBe(invitation);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/users/${created.id}/password-link`, as: admin, payload: { blockCurrentPassword: true } })).statusCode).toBe(202);
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: session })).json().user).toBeNull();
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email, password: strongPassword } })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/inspection`, payload: { token: first } })).statusCode).toBe(410);
    expect((await getUser(created.id)).hasPassword).toBe(false);
  });

  it('never shows the link itself to administrators, not even in the outbox', async () => {
    const email = 'outbox.link@helmond.example';
    expect((await createUser({ email, displayName: 'Outbox Link' })).statusCode).toBe(201);
    const token = await passwordLinkTokenFor(t, email);
    const outbox = await t.request({ url: `${tenantPath}/outbox?pageSize=100`, as: admin });
    const invitation = outbox.json().items.find((message: { recipientEmail: string | null; topic: string }) => message.recipientEmail === email && message.topic === 'user.passwordLink.invitation');
    expect(invitation.body).toContain('/helmond/wachtwoord-instellen#…');
    expect(outbox.body).not.toContain(token);
  });

  it('lets a link expire after the configured hours', async () => {
    const email = 'verlopen.link@helmond.example';
    expect((await createUser({ email, displayName: 'Verlopen Link' })).statusCode).toBe(201);
    const token = await passwordLinkTokenFor(t, email);
    const start = t.clock.now();
    try {
      t.clock.advance(72 * 3_600_000);
      const late = await t.request({ method: 'POST', url: `${tenantPath}/password-links/redemption`, payload: { token, newPassword: strongPassword } });
      expect(late.statusCode).toBe(410);
    } finally {
      t.clock.set(start);
    }
  });

  it('answers an unknown link like a used one, and lets nobody but an administrator send links', async () => {
    const unknown = await t.request({ method: 'POST', url: `${tenantPath}/password-links/inspection`, payload: { token: 'bestaat-niet' } });
    expect(unknown.statusCode).toBe(410);
    const advisor = await t.logIn('advisor');
    expect((await refusedWithoutChange(() => t.request({ method: 'POST', url: `${tenantPath}/users/${ids.femke}/password-link`, as: advisor, payload: {} }))).statusCode).toBe(403);
    expect((await refusedWithoutChange(() => t.request({ method: 'POST', url: `${tenantPath}/users/${ids.femke}/password-link`, payload: {} }))).statusCode).toBe(401);
  });

  it('answers 404 for a user that does not exist here', async () => {
    expect((await t.request({ url: `${tenantPath}/users/00000000-0000-4000-8000-000000000000`, as: admin })).statusCode).toBe(404);
    const { statusCode } = await refusedWithoutChange(() => updateUser(t.other.admin.id, { version: 1, displayName: 'Overgenomen' }));
    expect(statusCode).toBe(404);
  });
});

describe('the last administrator', () => {
  it('cannot be deactivated or lose the admin role; with a second admin the other can', async () => {
    const femke = await getUser(ids.femke);
    const demoted = await refusedWithoutChange(() => updateUser(ids.femke, { version: femke.version, roles: [{ role: 'resident' }] }));
    expect(demoted.statusCode).toBe(400);
    expect(demoted.body.errors).toEqual([{ field: 'body.roles', code: 'lastAdmin', message: 'Er moet minstens één beheerder overblijven.' }]);
    const deactivated = await refusedWithoutChange(() => updateUser(ids.femke, { version: femke.version, isActive: false }));
    expect(deactivated.body.errors).toMatchObject([{ field: 'body.isActive', code: 'lastAdmin' }]);
    expect((await getUser(ids.femke)).roles).toMatchObject([{ role: 'admin' }]);

    const second = (await createUser({ email: 'tweede.beheerder@helmond.example', displayName: 'Tweede Beheerder', roles: [{ role: 'admin' }] })).json();
    expect((await updateUser(second.id, { version: 1, isActive: false })).statusCode).toBe(200);
    // Deactivated admins do not count: Femke is the last active one again.
    const again = await refusedWithoutChange(() => updateUser(ids.femke, { version: femke.version, roles: [] }));
    expect(again.body.errors).toMatchObject([{ code: 'lastAdmin' }]);
  });

  it('holds in every municipality: the only Eindhoven admin cannot deactivate themselves', async () => {
    const eindhoven = await t.logIn(t.other.adminLogin);
    const response = await t.request({ method: 'PATCH', url: `/api/v1/municipalities/eindhoven/users/${t.other.admin.id}`, as: eindhoven, payload: { version: 1, isActive: false } });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0].code).toBe('lastAdmin');
  });
});

describe('who may manage users', () => {
  it.each(['advisor', 'officer', 'councilMember', 'resident', 'alderman'] as const)('refuses the %s (403) and changes nothing', async (person) => {
    const session = await t.logIn(person);
    const listed = await t.request({ url: `${tenantPath}/users`, as: session });
    expect(listed.statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/users/${ids.femke}`, as: session })).statusCode).toBe(403);
    const created = await refusedWithoutChange(() => createUser({ email: 'binnendringer@helmond.example', displayName: 'Binnendringer', roles: [{ role: 'admin' }] }, session));
    expect(created.statusCode).toBe(403);
    const promoted = await refusedWithoutChange(() => updateUser(ids.femke, { version: 1, displayName: 'Overgenomen' }, session));
    expect(promoted.statusCode).toBe(403);
  });

  it('refuses visitors (401)', async () => {
    expect((await t.request({ url: `${tenantPath}/users` })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/users`, payload: { email: 'x@helmond.example', displayName: 'X' } })).statusCode).toBe(401);
  });
});

describe('listing users', () => {
  it('searches name and e-mail address, case-insensitively and literally', async () => {
    expect((await listUsers('search=hermans')).items.map((user: { email: string }) => user.email)).toEqual([demoEmails.advisor]);
    expect((await listUsers('search=POLITIE.example')).items.map((user: { email: string }) => user.email)).toEqual([demoEmails.partner]);
    // "%" and "_" are letters to look for, not wildcards.
    expect((await listUsers('search=%25')).total).toBe(0);
    expect((await listUsers('search=_')).total).toBe(0);
  });

  it('filters on role', async () => {
    const advisors = await listUsers('role=advisor');
    expect(advisors.items.map((user: { displayName: string }) => user.displayName)).toEqual(['Jeroen Hermans', 'Nieuwe Adviseur', 'Sanne Kuipers']);
    expect(advisors.items.every((user: { roles: { role: string }[] }) => user.roles.some((grant) => grant.role === 'advisor'))).toBe(true);
    expect((await listUsers('role=advisor&search=kuipers')).total).toBe(1);
    expect((await t.request({ url: `${tenantPath}/users?role=burgemeester`, as: admin })).statusCode).toBe(400);
  });

  it('pages through everyone in name order, each user once', async () => {
    const everyone = await listUsers('pageSize=100');
    expect(everyone.total).toBe(everyone.items.length);
    const seen: string[] = [];
    for (let page = 1; page <= Math.ceil(everyone.total / 4); page++) {
      const result = await listUsers(`pageSize=4&page=${page}`);
      expect(result).toMatchObject({ page, pageSize: 4, total: everyone.total, pageCount: Math.ceil(everyone.total / 4) });
      seen.push(...result.items.map((user: { id: string }) => user.id));
    }
    expect(seen).toEqual(everyone.items.map((user: { id: string }) => user.id));
    const names = everyone.items.map((user: { displayName: string }) => user.displayName);
    expect(names).toEqual([...names].sort((left, right) => left.localeCompare(right, 'nl')));
    expect((await listUsers(`pageSize=4&page=${Math.ceil(everyone.total / 4) + 1}`)).items).toEqual([]);
    expect((await t.request({ url: `${tenantPath}/users?pageSize=101`, as: admin })).statusCode).toBe(400);
  });
});

describe('API tokens', () => {
  const createToken = (payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${tenantPath}/api-tokens`, as: admin, payload: { userId: ids.femke, ...payload } });
  const daysAfterNow = (days: number) => new Date(t.clock.now().getTime() + days * 86_400_000).toISOString();

  it('expires a token after 365 days when no validity is given, and then refuses it', async () => {
    const created = await createToken({ name: 'Koppeling zonder termijn' });
    expect(created.statusCode).toBe(201);
    expect(new Date(created.json().expiresAt).toISOString()).toBe(daysAfterNow(365));
    const listed = (await t.request({ url: `${tenantPath}/api-tokens`, as: admin })).json().items.find((token: { id: string }) => token.id === created.json().id);
    expect(new Date(listed.expiresAt).toISOString()).toBe(daysAfterNow(365));

    const bearer = { authorization: `Bearer ${created.json().token}` };
    const start = t.clock.now();
    try {
      t.clock.advance(364 * 86_400_000);
      expect((await t.request({ url: `${tenantPath}/sessions/current`, headers: bearer })).json().user).not.toBeNull();
      t.clock.advance(86_400_000);
      expect((await t.request({ url: `${tenantPath}/sessions/current`, headers: bearer })).statusCode).toBe(401); // A token that no longer works is refused outright: an integration must notice.
    } finally {
      t.clock.set(start);
    }
  });

  it('reminds the person two weeks before their token expires, once, and not for a revoked one', async () => {
    const job = createApiTokenExpiryReminderJob({ clock: t.clock, publicUrl: 'https://wijkwerk.example' });
    const kept = (await createToken({ name: 'Koppeling die verloopt', validDays: 20 })).json();
    const revoked = (await createToken({ name: 'Ingetrokken koppeling', validDays: 20 })).json();
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/api-tokens/${revoked.id}`, as: admin })).statusCode).toBe(204);
    const reminders = () =>
      queryRows<{ channel: string; subject: string }>(t.database.db, sql`select channel, subject from outbox_message where topic = 'user.apiTokenExpiring' order by channel`);
    const start = t.clock.now();
    try {
      await job.run(t.database.db);
      expect(await reminders()).toEqual([]);
      t.clock.advance(7 * 86_400_000);
      await job.run(t.database.db);
      await job.run(t.database.db);
      expect(await reminders()).toEqual([
        { channel: 'email', subject: 'API-sleutel "Koppeling die verloopt" verloopt binnenkort' },
        { channel: 'in_app', subject: 'API-sleutel "Koppeling die verloopt" verloopt binnenkort' },
      ]);
      expect(kept.id).toBeDefined();
    } finally {
      t.clock.set(start);
    }
  });

  it('takes a validity of up to 730 days', async () => {
    const created = await createToken({ name: 'Koppeling twee jaar', validDays: 730 });
    expect(created.statusCode).toBe(201);
    expect(new Date(created.json().expiresAt).toISOString()).toBe(daysAfterNow(730));
  });

  it.each([
    ['longer than two years', 731],
    ['no days at all', 0],
    ['a token that never expires', null],
  ])('refuses a validity of %s without making a token', async (_label, validDays) => {
    const { statusCode, body } = await refusedWithoutChange(() => createToken({ name: 'Koppeling', validDays }));
    expect(statusCode).toBe(400);
    expect(body.errors?.map((error) => error.field)).toEqual(['body.validDays']);
  });
});

describe('changing an e-mail address', () => {
  it('tells the old and the new address, voids a link sent to the old one, and refuses an address that is taken', async () => {
    const created = (await createUser({ email: 'oud.adres@helmond.example', displayName: 'Oud Adres' })).json();
    const invitation = await passwordLinkTokenFor(t, 'oud.adres@helmond.example');
    const taken = await refusedWithoutChange(() => updateUser(created.id, { version: 1, email: demoEmails.advisor }));
    expect(taken.statusCode).toBe(409);
    expect(taken.body.errors).toMatchObject([{ field: 'body.email', code: 'duplicate' }]);

    const changed = await updateUser(created.id, { version: 1, email: 'Nieuw.Adres@helmond.example' });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().email).toBe('nieuw.adres@helmond.example');
    const mails = await queryRows<{ recipient_email: string; subject: string; body: string }>(
      t.database.db,
      sql`select recipient_email, subject, body from outbox_message where topic = 'user.emailChanged' and channel = 'email' order by recipient_email`,
    );
    expect(mails.map((mail) => mail.recipient_email)).toEqual(['nieuw.adres@helmond.example', 'oud.adres@helmond.example']);
    expect(mails[1].body).toContain('gewijzigd in nieuw.adres@helmond.example');
    expect((await t.request({ method: 'POST', url: `${tenantPath}/password-links/inspection`, payload: { token: invitation } })).statusCode).toBe(410);
  });
});
