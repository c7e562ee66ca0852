import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, demoEmails, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { verifyAuditChain } from '../../platform/audit-chain.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import { createFixedClock } from '../../platform/clock.ts';
import { runSweep } from '../../platform/scheduler.ts';
import { databaseFileStorage } from '../../platform/file-storage.ts';
import { createRetentionJobs } from './retention.jobs.ts';

let t: TestApp;
let helmondUser: string;
let eindhovenUser: string;
const day = 24 * 3600_000;
/** A moment this many days (and minutes) before the test's now. */
const ago = (days: number, minutes = 0) => new Date(t.clock.now().getTime() - days * day - minutes * 60_000);
const log = { error: (object: unknown, message: string) => console.error(message, object) };

async function sweep() {
  expect(await runSweep(t.database.db as never, createRetentionJobs({ clock: t.clock, files: databaseFileStorage }), { error: (object, message) => { log.error(object, message); throw new Error(message); } })).toBe('ran');
}
const names = async (query: ReturnType<typeof sql>) => (await queryRows<{ name: string }>(t.database.db, query)).map((row) => row.name).sort();

beforeAll(async () => {
  t = await createTestApp();
  [{ id: helmondUser }] = await queryRows<{ id: string }>(t.database.db, sql`select id from user_account where email = ${demoEmails.resident}`);
  eindhovenUser = t.other.admin.id;
  // Eindhoven keeps things shorter than the defaults; Helmond keeps the defaults.
  await t.database.db.execute(sql`update municipality set settings = jsonb_set(settings, '{privacy}', ${JSON.stringify({ sessionDays: 10, passwordLinkDays: 2, outboxDays: 20, auditSnapshotDays: 100, closedRequestAttachmentDays: 40 })}::jsonb) where slug = 'eindhoven'`);
});
afterAll(async () => t?.close());

describe('the retention jobs', () => {
  it('delete sessions ended longer ago than the municipality’s term, and expired challenges, and nothing else', async () => {
    const session = (municipalityId: string, userId: string, name: string, expiresAt: Date, revokedAt: Date | null) =>
      t.database.db.execute(
        sql`insert into user_session (municipality_id, user_id, token_hash, csrf_token, created_at, last_seen_at, expires_at, revoked_at, authenticated_at, user_agent)
            values (${municipalityId}, ${userId}, ${`hash-${name}`}, 'csrf', ${ago(400).toISOString()}, ${ago(400).toISOString()}, ${expiresAt.toISOString()}, ${revokedAt?.toISOString() ?? null}, ${ago(400).toISOString()}, ${name})`,
      );
    await session(t.municipalityId, helmondUser, 'helmond-expired-31', ago(30, 1), null);
    await session(t.municipalityId, helmondUser, 'helmond-expired-29', ago(29, 59 * 24), null);
    await session(t.municipalityId, helmondUser, 'helmond-revoked-31', ago(-1), ago(30, 1));
    await session(t.municipalityId, helmondUser, 'helmond-active', ago(-1), null);
    await session(t.other.municipality.id, eindhovenUser, 'eindhoven-expired-11', ago(10, 1), null);
    await session(t.other.municipality.id, eindhovenUser, 'eindhoven-expired-9', ago(9), null);
    const challenge = (name: string, expiresAt: Date) =>
      t.database.db.execute(sql`insert into auth_challenge (municipality_id, user_id, purpose, token_hash, created_at, expires_at) values (${t.municipalityId}, ${helmondUser}, 'login', ${name}, ${ago(1).toISOString()}, ${expiresAt.toISOString()})`);
    await challenge('challenge-expired', ago(0, 1));
    await challenge('challenge-open', ago(0, -1));
    const link = (municipalityId: string, userId: string, name: string, expiresAt: Date, usedAt: Date | null) =>
      t.database.db.execute(
        sql`insert into password_link (municipality_id, user_id, token_hash, purpose, created_at, expires_at, used_at) values (${municipalityId}, ${userId}, ${name}, 'reset', ${ago(30).toISOString()}, ${expiresAt.toISOString()}, ${usedAt?.toISOString() ?? null})`,
      );
    await link(t.municipalityId, helmondUser, 'link-used-8', ago(-1), ago(7, 1));
    await link(t.municipalityId, helmondUser, 'link-used-6', ago(-1), ago(6));
    await link(t.municipalityId, helmondUser, 'link-expired-8', ago(7, 1), null);
    await link(t.municipalityId, helmondUser, 'link-open', ago(-1), null);
    await link(t.other.municipality.id, eindhovenUser, 'link-eindhoven-expired-3', ago(2, 1), null);
    await link(t.other.municipality.id, eindhovenUser, 'link-eindhoven-expired-1', ago(1), null);

    await sweep();

    expect(await names(sql`select user_agent as name from user_session where user_agent like '%-%-%' or user_agent = 'helmond-active'`)).toEqual(['eindhoven-expired-9', 'helmond-active', 'helmond-expired-29']);
    expect(await names(sql`select token_hash as name from auth_challenge where token_hash like 'challenge-%'`)).toEqual(['challenge-open']);
    expect(await names(sql`select token_hash as name from password_link where token_hash like 'link-%'`)).toEqual(['link-eindhoven-expired-1', 'link-open', 'link-used-6']);
  });

  it('delete sent and stored messages past the term, and keep pending and failed ones', async () => {
    const message = (municipalityId: string, name: string, status: string, createdAt: Date) =>
      t.database.db.execute(
        sql`insert into outbox_message (municipality_id, channel, recipient_user_id, subject, body, topic, status, created_at) values (${municipalityId}, 'email', null, ${name}, 'tekst', 'retention.test', ${status}, ${createdAt.toISOString()})`,
      );
    await message(t.municipalityId, 'stored-91', 'stored', ago(90, 1));
    await message(t.municipalityId, 'sent-91', 'sent', ago(90, 1));
    await message(t.municipalityId, 'stored-89', 'stored', ago(89));
    await message(t.municipalityId, 'pending-200', 'pending', ago(200));
    await message(t.municipalityId, 'failed-200', 'failed', ago(200));
    await message(t.other.municipality.id, 'eindhoven-stored-21', 'stored', ago(20, 1));
    await message(t.other.municipality.id, 'eindhoven-stored-19', 'stored', ago(19));

    await sweep();

    expect(await names(sql`select subject as name from outbox_message where topic = 'retention.test'`)).toEqual(['eindhoven-stored-19', 'failed-200', 'pending-200', 'stored-89']);
  });

  it('clear audit snapshots past the term, keep who did what, and the chain still verifies', async () => {
    const write = async (municipalityId: string, entityId: string, daysAgo: number, minutes = 0) =>
      recordAudit(t.database.db, createFixedClock(ago(daysAgo, minutes).toISOString()), { municipalityId, actor: undefined, requestId: 'test' }, { action: 'retention.test', entityType: 'test', entityId, before: { name: 'oud' }, after: { name: 'nieuw' } });
    await write(t.municipalityId, 'helmond-731', 730, 1);
    await write(t.municipalityId, 'helmond-729', 729);
    await write(t.other.municipality.id, 'eindhoven-101', 100, 1);
    await write(t.other.municipality.id, 'eindhoven-99', 99);

    await sweep();

    const rows = await queryRows<{ entity_id: string; before: unknown; after: unknown }>(t.database.db, sql`select entity_id, before, after from audit_log where action = 'retention.test' order by entity_id`);
    expect(rows).toEqual([
      { entity_id: 'eindhoven-101', before: null, after: null },
      { entity_id: 'eindhoven-99', before: { name: 'oud' }, after: { name: 'nieuw' } },
      { entity_id: 'helmond-729', before: { name: 'oud' }, after: { name: 'nieuw' } },
      { entity_id: 'helmond-731', before: null, after: null },
    ]);
    const report = await verifyAuditChain(t.database.db);
    expect(report.isIntact).toBe(true);
    expect(report.municipalities.every((chain) => chain.clearedSnapshots >= 1)).toBe(true);
  });

  it('delete the attachments of requests closed longer ago than the term, and say so in the timeline and the audit log', async () => {
    const [neighbourhood] = await queryRows<{ id: string }>(t.database.db, sql`select id from neighbourhood where municipality_id = ${t.municipalityId} limit 1`);
    const submitted = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      as: await t.logIn('resident'),
      payload: { kind: 'request', title: 'Een vraag om te kopiëren', body: 'Een vraag die als voorbeeld dient voor deze test.', neighbourhoodId: neighbourhood.id, scale: 'street' },
    });
    const template = { id: submitted.json().id as string };
    const copy = async (title: string, state: string, closedAt: Date | null) => {
      const [row] = await queryRows<{ id: string }>(
        t.database.db,
        sql`insert into request (municipality_id, reference, kind, title, body, neighbourhood_id, scale, weight, is_public, state, submitter_user_id, acknowledge_by, answer_by, closed_at, created_at, updated_at)
            select municipality_id, reference || '-' || ${title}, kind, ${title}, body, neighbourhood_id, scale, weight, is_public, ${state}, submitter_user_id, acknowledge_by, answer_by, ${closedAt?.toISOString() ?? null}, created_at, updated_at
            from request where id = ${template.id} returning id`,
      );
      await t.database.db.execute(
        sql`insert into request_attachment (municipality_id, request_id, file_name, media_type, size_bytes, content, uploaded_by_user_id, created_at)
            select municipality_id, ${row.id}, ${`${title}.pdf`}, 'application/pdf', 4, '\\x25504446'::bytea, submitter_user_id, ${ago(800).toISOString()} from request where id = ${row.id}`,
      );
      return row.id;
    };
    const old = await copy('closed-731', 'closed', ago(730, 1));
    await copy('closed-729', 'closed', ago(729));
    await copy('open-after-reopening', 'acknowledged', null);

    await sweep();

    expect(await names(sql`select file_name as name from request_attachment where file_name like '%-%.pdf'`)).toEqual(['closed-729.pdf', 'open-after-reopening.pdf']);
    const [event] = await queryRows<{ kind: string; actor_side: string; data: { reason: string; fileName: string } }>(t.database.db, sql`select kind, actor_side, data from request_event where request_id = ${old}`);
    expect(event).toMatchObject({ kind: 'attachmentRemoved', actor_side: 'system', data: { reason: 'retention', fileName: 'closed-731.pdf' } });
    const [audit] = await queryRows<{ action: string; actor_label: string }>(t.database.db, sql`select action, actor_label from audit_log where entity_id = ${old}`);
    expect(audit).toEqual({ action: 'request.attachment.retention', actor_label: 'system' });
  });
});
