import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { sql } from 'drizzle-orm';
import { inject } from 'vitest';
import { type DatabaseHandle, openPglite, openPostgres, queryRows } from '../server/db/client.ts';
import { databaseUrl, onServer, type TestDatabaseTemplates } from './database-templates.ts';
import { seedTestTenants } from './factories.ts';

/** A guard against the one unexplained PGlite hang seen here: never wait on a close for ever. */
function withTimeout<T>(work: Promise<T>, milliseconds: number, label: string): Promise<T | undefined> {
  return Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), milliseconds).unref())]).catch((error) => {
    process.stderr.write(`${label}: ${error}\n`);
    return undefined;
  });
}

/**
 * A migrated database of its own for one test file, empty or (`seeded`) holding the seeded tenants of
 * factories.ts: in-memory PGlite by default, or a new database on the PostgreSQL server named by
 * DATABASE_URL (dropped again afterwards). It is a copy of the run's template (test/global-setup.ts);
 * without one, as when a file runs outside that config, it is migrated and seeded here.
 */
export async function createTestDatabase(options: { seeded?: boolean } = {}): Promise<DatabaseHandle> {
  const templates = inject('testDatabaseTemplates') as TestDatabaseTemplates | undefined;
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const template = templates?.engine === 'pglite' ? (options.seeded ? templates.seeded : templates.empty) : undefined;
    const database = template ? await openPglite(undefined, { loadDataDir: new Blob([readFileSync(template)]) }) : await openPglite();
    if (!template) await prepare(database, options);
    const close = database.close;
    return { ...database, close: async () => void (await withTimeout(close(), 5000, 'closing PGlite')) };
  }
  const name = `wijkwerk_test_${randomBytes(6).toString('hex')}`;
  const template = templates?.engine === 'postgres' ? (options.seeded ? templates.seeded : templates.empty) : undefined;
  await onServer(serverUrl, (client) => client.query(template ? `create database ${name} template ${template}` : `create database ${name}`));
  const database = await openPostgres(databaseUrl(serverUrl, name), 5);
  if (!template) await prepare(database, options);
  return {
    ...database,
    async close() {
      await withTimeout(database.close(), 5000, 'closing pool');
      await onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
    },
  };
}

async function prepare(database: DatabaseHandle, options: { seeded?: boolean }) {
  await database.migrate();
  if (options.seeded) await seedTestTenants(database.db);
}

const requestRecordTables = new Set(['security_event', 'rate_limit_bucket']);

/**
 * A fingerprint of every row of every table: equal fingerprints mean nothing was inserted, updated or
 * deleted in between. For tests that prove a failed or refused call changed nothing.
 */
export async function fingerprintDatabase(db: DatabaseHandle['db']): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    // What the server records about requests (a refused one is a security event, every one counts towards a
    // limit) is not data a request changed.
    if (requestRecordTables.has(name)) continue;
    const [row] = await queryRows<{ rows: number; digest: string }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
    );
    fingerprint[name] = `${row.rows} rows, ${row.digest}`;
  }
  return fingerprint;
}
