import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, demoEmails, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { verifyAuditChain } from '../../platform/audit-chain.ts';

let t: TestApp;
let ids: DemoIds;
let admin: Session;
let resident: Session;
let residentId: string;
let requestId: string;

const residentName = 'Eva Mulder';

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  admin = await t.logIn('admin');
  resident = await t.logIn('resident');
  residentId = (await t.request({ url: `${tenantPath}/sessions/current`, as: resident })).json().user.id;
  const submitted = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: resident,
    payload: { kind: 'request', title: 'Bankje bij de vijver in Oost', body: 'Graag een bankje bij de vijver; bel me gerust op 06-12345678.', neighbourhoodId: ids.oost, scale: 'street' },
  });
  expect(submitted.statusCode).toBe(201);
  requestId = submitted.json().id;
  expect((await t.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/messages`, as: resident, payload: { text: 'Ik stuur nog een foto. Groet, Eva Mulder (eva.mulder@mail.example)' } })).statusCode).toBe(201);
});
afterAll(async () => t?.close());

describe('privacy settings', () => {
  it('starts from the documented defaults and keeps a change per municipality', async () => {
    const read = await t.request({ url: `${tenantPath}/privacy-settings`, as: admin });
    expect(read.statusCode).toBe(200);
    expect(read.json()).toEqual({ sessionDays: 30, passwordLinkDays: 7, outboxDays: 90, auditSnapshotDays: 730, closedRequestAttachmentDays: 730 });
    const changed = await t.request({ method: 'PUT', url: `${tenantPath}/privacy-settings`, as: admin, payload: { ...(read.json() as object), outboxDays: 60 } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json().outboxDays).toBe(60);
    const other = await t.logIn(t.other.adminLogin);
    expect((await t.request({ url: '/api/v1/municipalities/eindhoven/privacy-settings', as: other })).json().outboxDays).toBe(90);
    await t.request({ method: 'PUT', url: `${tenantPath}/privacy-settings`, as: admin, payload: read.json() as object });
  });

  it('refuses a term below its minimum, naming the field, and changes nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const refused = await t.request({ method: 'PUT', url: `${tenantPath}/privacy-settings`, as: admin, payload: { sessionDays: 30, passwordLinkDays: 7, outboxDays: 90, auditSnapshotDays: 10, closedRequestAttachmentDays: 730 } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors.map((error: { field: string }) => error.field)).toEqual(['body.auditSnapshotDays']);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('is for administrators only', async () => {
    for (const person of ['resident', 'advisor', 'officer', 'councilMember'] as const) {
      const session = await t.logIn(person);
      expect((await t.request({ url: `${tenantPath}/privacy-settings`, as: session })).statusCode).toBe(403);
      expect((await t.request({ url: `${tenantPath}/erasure-requests`, as: session })).statusCode).toBe(403);
    }
    expect((await t.request({ url: `${tenantPath}/privacy-settings` })).statusCode).toBe(401);
  });
});

describe('privacy statement', () => {
  it('is public, with a standard Dutch text naming the municipality until the administrator publishes their own', async () => {
    const standard = await t.request({ url: `${tenantPath}/privacy-statement` });
    expect(standard.statusCode).toBe(200);
    expect(standard.json()).toMatchObject({ isDefault: true, text: expect.stringContaining('gemeente Helmond') });
    expect(standard.json().text).toMatch(/Autoriteit Persoonsgegevens/);
    const own = await t.request({ method: 'PUT', url: `${tenantPath}/privacy-statement`, as: admin, payload: { text: '# Privacy\n\nOnze eigen tekst.' } });
    expect(own.json()).toEqual({ isDefault: false, text: '# Privacy\n\nOnze eigen tekst.' });
    expect((await t.request({ url: '/api/v1/municipalities/eindhoven/privacy-statement' })).json()).toMatchObject({ isDefault: true, text: expect.stringContaining('gemeente Eindhoven') });
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/privacy-statement`, as: resident, payload: { text: 'Niets' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/privacy-statement`, as: admin, payload: { text: null } })).json().isDefault).toBe(true);
  });
});

describe('export of one’s own data', () => {
  it('holds the person’s account, request, timeline and messages, and no secret or other person’s data', async () => {
    const response = await t.request({ url: `${tenantPath}/me/data-export`, as: resident });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-disposition']).toMatch(/^attachment; filename="wijkwerk-gegevens-\d{4}-\d{2}-\d{2}\.json"$/);
    const data = response.json();
    expect(data.account).toMatchObject({ id: residentId, email: demoEmails.resident, displayName: residentName });
    expect(data.roles).toEqual([expect.objectContaining({ role: 'resident' })]);
    expect(data.sessions.length).toBeGreaterThan(0);
    expect(data.requests).toEqual([expect.objectContaining({ id: requestId, title: 'Bankje bij de vijver in Oost' })]);
    expect(data.requests[0].events.map((event: { kind: string; by: string }) => [event.kind, event.by])).toEqual([
      ['submitted', 'you'],
      ['message', 'you'],
    ]);
    const text = JSON.stringify(data);
    // No secrets: none of the stored hashes or tokens of this person appears, nor the field names that hold them.
    const secrets = await queryRows<{ value: string }>(
      t.database.db,
      sql`select token_hash as value from user_session where user_id = ${residentId} union all select csrf_token from user_session where user_id = ${residentId}
          union all select password_hash from user_account where id = ${residentId}`,
    );
    for (const secret of secrets) expect(text).not.toContain(secret.value);
    expect(text).not.toMatch(/passwordHash|tokenHash|csrfToken|totpSecret|publicKey|argon2/);
    // Nobody else: no other account's e-mail address or name.
    const others = await queryRows<{ email: string; display_name: string }>(t.database.db, sql`select email, display_name from user_account where id <> ${residentId}`);
    for (const other of others) {
      expect(text).not.toContain(other.email);
      expect(text).not.toContain(other.display_name);
    }
  });

  it('shows a staff member their second factors by label only', async () => {
    const officer = await t.logIn('officer');
    const begun = await t.request({ method: 'POST', url: `${tenantPath}/second-factors/totp`, as: officer, payload: { label: 'mijn telefoon' } });
    expect(begun.statusCode).toBe(201);
    const data = (await t.request({ url: `${tenantPath}/me/data-export`, as: officer })).json();
    expect(data.secondFactors).toEqual([expect.objectContaining({ kind: 'totp', label: 'mijn telefoon' })]);
    expect(JSON.stringify(data)).not.toContain(begun.json().secret);
  });

  it('is for logged-in people only', async () => {
    expect((await t.request({ url: `${tenantPath}/me/data-export` })).statusCode).toBe(401);
  });
});

describe('erasure', () => {
  it('is asked for once by the person, and the administrators hear of it', async () => {
    expect((await t.request({ url: `${tenantPath}/me/erasure-request`, as: resident })).json()).toEqual({ erasureRequest: null });
    const asked = await t.request({ method: 'POST', url: `${tenantPath}/me/erasure-request`, as: resident });
    expect(asked.statusCode).toBe(201);
    expect(asked.json()).toMatchObject({ userId: residentId, status: 'pending' });
    const again = await t.request({ method: 'POST', url: `${tenantPath}/me/erasure-request`, as: resident });
    expect(again.statusCode).toBe(409);
    expect(again.json().code).toBe('ERASURE_ALREADY_REQUESTED');
    const list = (await t.request({ url: `${tenantPath}/erasure-requests`, as: admin })).json();
    expect(list.items).toEqual([expect.objectContaining({ userId: residentId, displayName: residentName, email: demoEmails.resident })]);
    const notices = await queryRows<{ subject: string }>(t.database.db, sql`select o.subject from outbox_message o join role_assignment r on r.user_id = o.recipient_user_id and r.role = 'admin' where o.topic = 'privacy.erasureRequested'`);
    expect(notices.length).toBeGreaterThan(0);
    expect(JSON.stringify(notices)).not.toContain(residentName);
  });

  it('cannot be carried out by anyone but an administrator of this municipality, and changes nothing then', async () => {
    const sessions = await Promise.all((['resident', 'advisor', 'officer', 'alderman', 'partner'] as const).map((person) => t.logIn(person)));
    const otherAdmin = await t.logIn(t.other.adminLogin);
    const before = await fingerprintDatabase(t.database.db);
    for (const session of sessions) expect((await t.request({ method: 'POST', url: `${tenantPath}/users/${residentId}/erasure`, as: session })).statusCode).toBe(403);
    // Eindhoven's administrator: the Helmond account is not found in Eindhoven, and Helmond's own paths refuse.
    expect((await t.request({ method: 'POST', url: `/api/v1/municipalities/eindhoven/users/${residentId}/erasure`, as: otherAdmin })).statusCode).toBe(404);
    expect([401, 403]).toContain((await t.request({ method: 'POST', url: `${tenantPath}/users/${residentId}/erasure`, as: otherAdmin })).statusCode);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/users/${residentId}/erasure` })).statusCode).toBe(401);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('refuses to erase the last active administrator', async () => {
    const adminId = (await t.request({ url: `${tenantPath}/sessions/current`, as: admin })).json().user.id;
    const refused = await t.request({ method: 'POST', url: `${tenantPath}/users/${adminId}/erasure`, as: admin });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().code).toBe('LAST_ADMIN');
  });

  it('anonymises the account: nothing of the name or e-mail address remains, the request stays, the audit chain holds', async () => {
    const erased = await t.request({ method: 'POST', url: `${tenantPath}/users/${residentId}/erasure`, as: admin });
    expect(erased.statusCode, erased.body).toBe(200);
    expect(erased.json()).toMatchObject({ userId: residentId, sessionsEnded: expect.any(Number), messagesDeleted: expect.any(Number) });

    // Every column of every table, the audit log's snapshots included; only its actor labels are left out (see docs/security.md).
    const tables = await queryRows<{ table_name: string }>(t.database.db, sql`select table_name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE'`);
    const found: string[] = [];
    for (const { table_name } of tables) {
      const row = table_name === 'audit_log' ? sql`(a.before, a.after, a.entity_id)::text` : sql`a::text`;
      const [hit] = await queryRows<{ count: number }>(
        t.database.db,
        sql`select count(*)::int as count from ${sql.identifier(table_name)} a where strpos(lower(${row}), ${demoEmails.resident}) > 0 or strpos(lower(${row}), ${residentName.toLowerCase()}) > 0`,
      );
      if (hit.count > 0) found.push(`${table_name}: ${hit.count}`);
    }
    expect(found).toEqual([]);

    const [account] = await queryRows<Record<string, unknown>>(t.database.db, sql`select display_name, email, password_hash, is_active, erased_at from user_account where id = ${residentId}`);
    expect(account).toMatchObject({ display_name: 'Verwijderde gebruiker', email: `verwijderd-${residentId}@verwijderd.invalid`, password_hash: null, is_active: false });
    const [left] = await queryRows<{ sessions: number; roles: number; messages: number; requests: number }>(
      t.database.db,
      sql`select (select count(*)::int from user_session where user_id = ${residentId}) as sessions, (select count(*)::int from role_assignment where user_id = ${residentId}) as roles,
                 (select count(*)::int from outbox_message where recipient_user_id = ${residentId}) as messages, (select count(*)::int from request where submitter_user_id = ${residentId}) as requests`,
    );
    expect(left).toEqual({ sessions: 0, roles: 0, messages: 0, requests: 1 });
    const [message] = await queryRows<{ text: string; actor_label: string }>(t.database.db, sql`select text, actor_label from request_event where request_id = ${requestId} and kind = 'message'`);
    expect(message).toEqual({ text: 'Ik stuur nog een foto. Groet, [verwijderd] ([verwijderd])', actor_label: 'Verwijderde gebruiker' });
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: resident })).json().user).toBeNull();
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.resident, password: 'Demo-wachtwoord-voor-tests-2026' } })).statusCode).toBe(401);

    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=privacy.erasure.carryOut`, as: admin })).json().items;
    expect(audit).toEqual([expect.objectContaining({ entityId: residentId })]);
    expect((await verifyAuditChain(t.database.db)).isIntact).toBe(true);
    expect((await t.request({ url: `${tenantPath}/erasure-requests`, as: admin })).json().items).toEqual([]);
    const again = await t.request({ method: 'POST', url: `${tenantPath}/users/${residentId}/erasure`, as: admin });
    expect(again.json().code).toBe('ALREADY_ERASED');
  });
});

describe('a resident deleting their own account', () => {
  /** A resident who registered themselves, logged in through the confirmation link. */
  async function registeredResident(email: string, displayName: string): Promise<{ session: Session; id: string }> {
    expect((await t.request({ method: 'POST', url: `${tenantPath}/registrations`, payload: { email, displayName, password: 'paarse-olifant-danst-samba' } })).statusCode).toBe(202);
    const [mail] = await queryRows<{ body: string }>(t.database.db, sql`select body from outbox_message where recipient_email = ${email} and topic = 'user.registration'`);
    const token = /bevestigen#([A-Za-z0-9_-]+)/.exec(mail.body)![1];
    const confirmed = await t.request({ method: 'POST', url: `${tenantPath}/registrations/confirmation`, payload: { token } });
    const cookie = String(confirmed.headers['set-cookie']).split(';')[0];
    const csrfToken = confirmed.json().csrfToken;
    return { session: { cookie, csrfToken, headers: { cookie, 'x-csrf-token': csrfToken } }, id: confirmed.json().user.id };
  }

  it('deletes it at once: logged out, unable to log in, the request stays without the name', async () => {
    const { session, id } = await registeredResident('weg.ermee@mail.example', 'Wim Wegermee');
    const submitted = await t.request({ method: 'POST', url: `${tenantPath}/requests`, as: session, payload: { kind: 'request', title: 'Losse stoeptegel', body: 'Er ligt een losse stoeptegel voor nummer 12.', neighbourhoodId: ids.brandevoort, scale: 'street' } });
    expect(submitted.statusCode).toBe(201);

    const deleted = await t.request({ method: 'DELETE', url: `${tenantPath}/me/account`, as: session });
    expect(deleted.statusCode, deleted.body).toBe(200);
    expect(deleted.json()).toMatchObject({ userId: id, sessionsEnded: 1 });
    expect(String(deleted.headers['set-cookie'])).toContain('Max-Age=0');
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: session })).json().user).toBeNull();
    expect((await t.request({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: 'weg.ermee@mail.example', password: 'paarse-olifant-danst-samba' } })).statusCode).toBe(401);
    const request = (await t.request({ url: `${tenantPath}/requests/${submitted.json().id}`, as: admin })).json();
    expect(request.title).toBe('Losse stoeptegel');
    expect(JSON.stringify(request)).not.toContain('Wegermee');
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=privacy.erasure.ownAccount`, as: admin })).json().items;
    expect(audit).toEqual([expect.objectContaining({ entityId: id })]);
  });

  it('asks a person with another role to request erasure instead, and needs a recent confirmation', async () => {
    const member = await t.logIn('councilMember');
    const refused = await t.request({ method: 'DELETE', url: `${tenantPath}/me/account`, as: member });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ACCOUNT_HAS_ROLES', detail: expect.stringContaining('Vraag daarom verwijdering aan') });
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: member })).json().user.displayName).not.toBe('Verwijderde gebruiker');

    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/me/account` })).statusCode).toBe(401);
    const { session } = await registeredResident('later.weg@mail.example', 'Later Weg');
    const start = t.clock.now();
    try {
      t.clock.advance(11 * 60_000);
      const stale = await t.request({ method: 'DELETE', url: `${tenantPath}/me/account`, as: session });
      expect(stale.statusCode).toBe(403);
      expect(stale.json().code).toBe('REAUTHENTICATION_REQUIRED');
    } finally {
      t.clock.set(start);
    }
    expect((await t.request({ url: `${tenantPath}/sessions/current`, as: session })).json().user.displayName).toBe('Later Weg');
  });
});
