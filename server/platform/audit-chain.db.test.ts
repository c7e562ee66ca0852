import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { databaseUrl } from '../../test/database-templates.ts';
import { createTestDatabase } from '../../test/database.ts';
import { findTestTenants, testStart } from '../../test/factories.ts';
import { type DatabaseHandle, openPglite, queryRows } from '../db/client.ts';
import { grantRuntimeAccess } from '../db/runtime-role.ts';
import { inTransaction } from '../db/transaction.ts';
import { clearAuditSnapshots, verifyAuditChain } from './audit-chain.ts';
import { recordAudit } from './audit-log.ts';
import { createFixedClock } from './clock.ts';

const isPostgres = Boolean(process.env.DATABASE_URL);
const migrationsFolder = path.join(import.meta.dirname, '..', 'db', 'migrations');

let database: DatabaseHandle;
let municipalityId: string;
let otherMunicipalityId: string;
const clock = createFixedClock(testStart);

beforeEach(async () => {
  database = await createTestDatabase({ seeded: true });
  const tenants = await findTestTenants(database.db);
  municipalityId = tenants.municipalityId;
  otherMunicipalityId = tenants.other.municipality.id;
});
afterEach(async () => database?.close());

/** Snapshots with what a canonical form must get right: key order, escapes, non-ASCII, numbers, nesting. */
const awkwardSnapshot = { zeta: 1, alpha: 'Café "de Kroon"\n\ttab \\ slash', nested: { b: [1, 2.5, -3, true, false, null], a: { 'ü-key': 'ü', emoji: '🏠' } }, empty: {}, list: [] };

async function writeRows(count: number, forMunicipality = municipalityId) {
  for (let index = 0; index < count; index++) {
    clock.advance(1000);
    await recordAudit(database.db, clock, { municipalityId: forMunicipality, actor: undefined, requestId: `req-${index}` }, { action: 'test.change', entityType: 'test', entityId: `e${index}`, before: { state: index }, after: { ...awkwardSnapshot, state: index + 1 } });
  }
  return queryRows<{ id: string; previousHash: string | null; rowHash: string; snapshotDigest: string }>(
    database.db,
    sql`select id::text as id, previous_hash as "previousHash", row_hash as "rowHash", snapshot_digest as "snapshotDigest" from audit_log where municipality_id = ${forMunicipality}::uuid and action = 'test.change' order by audit_log.id`,
  );
}

/** Drizzle wraps the database's error; the database's own message is its cause. */
async function expectRefusal(work: Promise<unknown>, message: RegExp) {
  const error = await work.then(
    () => undefined,
    (caught: Error) => caught,
  );
  expect(error, 'expected the database to refuse').toBeDefined();
  expect(String((error?.cause as Error | undefined)?.message ?? error?.message)).toMatch(message);
}

/** What a database administrator could do behind the application's back: with the table's guard switched off. */
async function tamper(statement: ReturnType<typeof sql>) {
  await inTransaction(database.db, async (tx) => {
    await tx.execute(sql`alter table audit_log disable trigger audit_log_append_only`);
    await tx.execute(statement);
    await tx.execute(sql`alter table audit_log enable trigger audit_log_append_only`);
  });
}

const chainOf = async (id: string, options: { batchSize?: number } = {}) => (await verifyAuditChain(database.db, options)).municipalities.find((chain) => chain.municipalityId === id);

describe('the audit hash chain', () => {
  it('chains each municipality’s rows on its own, and verifies them', async () => {
    const rows = await writeRows(4);
    await writeRows(2, otherMunicipalityId);
    for (const [index, row] of rows.entries()) {
      expect(row.rowHash).toMatch(/^[0-9a-f]{64}$/);
      expect(row.snapshotDigest).toMatch(/^[0-9a-f]{64}$/);
      if (index > 0) expect(row.previousHash).toBe(rows[index - 1].rowHash);
    }
    const report = await verifyAuditChain(database.db, { batchSize: 3 });
    expect(report.isIntact).toBe(true);
    const helmond = report.municipalities.find((chain) => chain.municipalityId === municipalityId);
    expect(helmond).toMatchObject({ break: null, lastId: Number(rows[3].id), lastHash: rows[3].rowHash });
    expect(report.municipalities.find((chain) => chain.municipalityId === otherMunicipalityId)?.break).toBeNull();
  });

  it('keeps each chain’s head at its last row', async () => {
    const rows = await writeRows(3);
    await writeRows(1, otherMunicipalityId);
    const heads = await queryRows<{ municipalityId: string; lastId: string; rowHash: string }>(database.db, sql`select municipality_id::text as "municipalityId", last_id::text as "lastId", row_hash as "rowHash" from audit_chain_head`);
    const [last] = await queryRows<{ id: string; rowHash: string }>(database.db, sql`select id::text as id, row_hash as "rowHash" from audit_log where municipality_id = ${municipalityId}::uuid order by id desc limit 1`);
    expect(heads.find((head) => head.municipalityId === municipalityId)).toEqual({ municipalityId, lastId: last.id, rowHash: last.rowHash });
    expect(last.rowHash).toBe(rows.at(-1)?.rowHash);
    expect(heads.find((head) => head.municipalityId === otherMunicipalityId)).toBeDefined();
  });

  it('ignores hashes a writer sends along: the database computes them', async () => {
    await database.db.execute(
      sql`insert into audit_log (municipality_id, actor_label, action, entity_type, entity_id, occurred_at, previous_hash, row_hash, snapshot_digest)
          values (${municipalityId}::uuid, 'system', 'test.forged', 'test', 'x', now(), 'forged', 'forged', 'forged')`,
    );
    const [row] = await queryRows<{ rowHash: string }>(database.db, sql`select row_hash as "rowHash" from audit_log where action = 'test.forged'`);
    expect(row.rowHash).toMatch(/^[0-9a-f]{64}$/);
    expect((await verifyAuditChain(database.db)).isIntact).toBe(true);
  });

  it('refuses UPDATE, DELETE and TRUNCATE of audit rows, to the table’s owner too', async () => {
    await writeRows(2);
    await expectRefusal(database.db.execute(sql`update audit_log set action = 'changed'`), /append-only/);
    await expectRefusal(database.db.execute(sql`delete from audit_log`), /append-only/);
    await expectRefusal(database.db.execute(sql`truncate audit_log`), /append-only/);
    // The retention setting lets through clearing the snapshot only, not any other change.
    await expectRefusal(
      inTransaction(database.db, async (tx) => {
        await tx.execute(sql`select set_config('wijkwerk.audit_retention', 'on', true)`);
        await tx.execute(sql`update audit_log set action = 'changed', before = null, after = null`);
      }),
      /append-only/,
    );
    await expectRefusal(
      inTransaction(database.db, async (tx) => {
        await tx.execute(sql`select set_config('wijkwerk.audit_retention', 'on', true)`);
        await tx.execute(sql`delete from audit_log`);
      }),
      /append-only/,
    );
    const [{ changed }] = await queryRows<{ changed: number }>(database.db, sql`select count(*)::int as changed from audit_log where action = 'changed'`);
    expect(changed).toBe(0);
  });

  it('finds a row whose fields were edited', async () => {
    const rows = await writeRows(4);
    await tamper(sql`update audit_log set action = 'test.innocent' where id = ${rows[1].id}::bigint`);
    expect((await chainOf(municipalityId, { batchSize: 2 }))?.break).toEqual({ municipalityId, id: Number(rows[1].id), reason: 'row-edited' });
    expect((await verifyAuditChain(database.db)).isIntact).toBe(false);
    // Another municipality's chain is not affected.
    expect((await chainOf(otherMunicipalityId))?.break ?? null).toBeNull();
  });

  it('finds a deleted row at the row after it', async () => {
    const rows = await writeRows(4);
    await tamper(sql`delete from audit_log where id = ${rows[2].id}::bigint`);
    expect((await chainOf(municipalityId, { batchSize: 2 }))?.break).toEqual({ municipalityId, id: Number(rows[3].id), reason: 'row-deleted' });
  });

  it('finds a deleted first row', async () => {
    const rows = await writeRows(2, otherMunicipalityId);
    const [first] = await queryRows<{ id: string }>(database.db, sql`select min(id)::text as id from audit_log where municipality_id = ${otherMunicipalityId}::uuid`);
    await tamper(sql`delete from audit_log where id = ${first.id}::bigint`);
    const chain = await chainOf(otherMunicipalityId);
    expect(chain?.break?.reason).toBe('row-deleted');
    expect(Number(rows.at(-1)?.id)).toBeGreaterThanOrEqual(chain?.break?.id ?? Number.POSITIVE_INFINITY);
  });

  it('finds an edited snapshot', async () => {
    const rows = await writeRows(3);
    await tamper(sql`update audit_log set after = jsonb_set(after, '{state}', '99') where id = ${rows[1].id}::bigint`);
    expect((await chainOf(municipalityId))?.break).toEqual({ municipalityId, id: Number(rows[1].id), reason: 'snapshot-edited' });
  });

  it('still verifies after retention cleared old snapshots, and counts them', async () => {
    const rows = await writeRows(4);
    const [third] = await queryRows<{ occurredAt: string }>(database.db, sql`select occurred_at::text as "occurredAt" from audit_log where id = ${rows[2].id}::bigint`);
    const cleared = await clearAuditSnapshots(database.db, { occurredBefore: new Date(third.occurredAt), municipalityId });
    expect(cleared).toBeGreaterThanOrEqual(2);
    const [{ kept }] = await queryRows<{ kept: number }>(database.db, sql`select count(*)::int as kept from audit_log where id >= ${rows[2].id}::bigint and after is not null`);
    expect(kept).toBe(2);
    const chain = await chainOf(municipalityId);
    expect(chain?.break).toBeNull();
    expect(chain?.clearedSnapshots).toBe(cleared);
    // Outside retention, the same change is refused.
    await expectRefusal(database.db.execute(sql`update audit_log set before = null, after = null`), /append-only/);
  });

  it.skipIf(!isPostgres)('does not fork when many transactions write to one municipality at once', async () => {
    await Promise.all(
      Array.from({ length: 12 }, (_, writer) =>
        inTransaction(database.db, async (tx) => {
          for (let index = 0; index < 3; index++) {
            await recordAudit(tx, clock, { municipalityId, actor: undefined, requestId: `writer-${writer}` }, { action: 'test.concurrent', entityType: 'test', entityId: `${writer}-${index}` });
            await new Promise((resolve) => setTimeout(resolve, 2));
          }
        }),
      ),
    );
    const [{ rows, distinctPrevious }] = await queryRows<{ rows: number; distinctPrevious: number }>(
      database.db,
      sql`select count(*)::int as rows, count(distinct coalesce(previous_hash, ''))::int as "distinctPrevious" from audit_log where municipality_id = ${municipalityId}::uuid`,
    );
    expect(distinctPrevious).toBe(rows);
    expect((await chainOf(municipalityId))?.break).toBeNull();
  });
});

describe('the runtime role', () => {
  it.skipIf(!isPostgres)('may append to the audit log but not change it, and may not change the schema', async () => {
    const role = `wijkwerk_runtime_test_${Math.random().toString(36).slice(2, 10)}`;
    const [{ name }] = await queryRows<{ name: string }>(database.db, sql`select current_database() as name`);
    await expectRefusal(grantRuntimeAccess(database.db, 'postgres'), /superuser/);
    await database.db.execute(sql`create role ${sql.identifier(role)} login`);
    const url = new URL(databaseUrl(process.env.DATABASE_URL as string, name));
    url.username = role;
    url.password = '';
    const runtime = new pg.Client({ connectionString: url.toString() });
    try {
      await grantRuntimeAccess(database.db, role);
      await grantRuntimeAccess(database.db, role); // idempotent
      await runtime.connect();
      const inserted = await runtime.query(
        `insert into audit_log (municipality_id, actor_label, action, entity_type, entity_id, occurred_at) values ($1, 'system', 'test.runtime', 'test', 'x', now()) returning row_hash`,
        [municipalityId],
      );
      expect(inserted.rows[0].row_hash).toMatch(/^[0-9a-f]{64}$/);
      expect((await runtime.query(`select count(*)::int as rows from audit_log where action = 'test.runtime'`)).rows[0].rows).toBe(1);
      // Other tables: read and write.
      await runtime.query(`update municipality set name = name where id = $1`, [municipalityId]);
      await expectRefusal(runtime.query(`update audit_log set action = 'changed'`), /permission denied/);
      await expectRefusal(runtime.query(`delete from audit_log`), /permission denied/);
      await expectRefusal(runtime.query(`truncate audit_log`), /permission denied/);
      // Nor move the chain's head, which only the chaining trigger keeps.
      await expectRefusal(runtime.query(`update audit_chain_head set row_hash = null`), /permission denied/);
      await expectRefusal(runtime.query(`select row_hash from audit_chain_head`), /permission denied/);
      await expectRefusal(runtime.query(`create table runtime_made (id int)`), /permission denied/);
      await expectRefusal(runtime.query(`drop table outbox_message`), /must be owner/);
      await expectRefusal(runtime.query(`alter table audit_log disable trigger audit_log_append_only`), /must be owner/);
      // The readiness check reads the migrations' bookkeeping.
      expect((await runtime.query(`select count(*)::int as applied from drizzle.__drizzle_migrations`)).rows[0].applied).toBeGreaterThan(0);
      // Retention and erasure clear snapshots only through the functions of 0008_privacy, which hold their own limits.
      expect((await runtime.query(`select privacy_clear_audit_snapshots($1, now()) as cleared`, [municipalityId])).rows[0].cleared).toBeGreaterThanOrEqual(0);
      await expectRefusal(runtime.query(`select privacy_clear_audit_snapshots_of_user($1, $1)`, [municipalityId]), /no pending erasure request/);
      expect((await verifyAuditChain(database.db)).isIntact).toBe(true);
    } finally {
      await runtime.end().catch(() => {});
      await database.db.execute(sql`drop owned by ${sql.identifier(role)}`);
      await database.db.execute(sql`drop role ${sql.identifier(role)}`);
    }
  });
});

describe('migration 0006_audit_chain', () => {
  it('chains the rows written before it, in id order per municipality', async () => {
    // A database as it was before the migration, with audit rows in it, then migrated to the present.
    const before = mkdtempSync(path.join(tmpdir(), 'wijkwerk-migrations-'));
    const old = await openPglite();
    try {
      cpSync(migrationsFolder, before, { recursive: true });
      const journalFile = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
      journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < '0006');
      writeFileSync(journalFile, JSON.stringify(journal));
      await migratePglite(old.db as never, { migrationsFolder: before });
      const tenants = await queryRows<{ id: string }>(old.db, sql`insert into municipality (slug, name) values ('a', 'A'), ('b', 'B') returning id::text as id`);
      for (const [index, tenant] of [tenants[0], tenants[1], tenants[0], tenants[0], tenants[1]].entries()) {
        await old.db.execute(
          sql`insert into audit_log (municipality_id, actor_label, action, entity_type, entity_id, before, after, occurred_at)
              values (${tenant.id}::uuid, 'system', 'old.change', 'test', ${`e${index}`}, ${index === 0 ? null : JSON.stringify({ state: index })}::jsonb, ${JSON.stringify({ ...awkwardSnapshot, state: index })}::jsonb, now())`,
        );
      }
      await old.migrate();
      const [{ unhashed }] = await queryRows<{ unhashed: number }>(old.db, sql`select count(*)::int as unhashed from audit_log where row_hash is null or snapshot_digest is null`);
      expect(unhashed).toBe(0);
      const report = await verifyAuditChain(old.db, { batchSize: 2 });
      expect(report.isIntact).toBe(true);
      expect(report.municipalities.map((chain) => chain.rowsChecked).sort()).toEqual([2, 3]);
      // New rows continue the chain the migration began.
      await recordAudit(old.db, clock, { municipalityId: tenants[0].id, actor: undefined, requestId: 'after' }, { action: 'new.change', entityType: 'test', entityId: 'n' });
      expect((await verifyAuditChain(old.db)).isIntact).toBe(true);
    } finally {
      await old.close();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
