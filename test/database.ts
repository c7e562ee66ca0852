import { randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres, queryRows } from '../server/db/client.ts';

/** A guard against the one unexplained PGlite hang seen here: never wait on a close for ever. */
function withTimeout<T>(work: Promise<T>, milliseconds: number, label: string): Promise<T | undefined> {
  return Promise.race([work, new Promise<undefined>((resolve) => setTimeout(() => resolve(undefined), milliseconds).unref())]).catch((error) => {
    process.stderr.write(`${label}: ${error}\n`);
    return undefined;
  });
}

/**
 * A fresh, migrated database for one test file: in-memory PGlite by default, or a new database on the
 * PostgreSQL server named by DATABASE_URL (dropped again afterwards).
 */
export async function createTestDatabase(): Promise<DatabaseHandle> {
  const serverUrl = process.env.DATABASE_URL;
  if (!serverUrl) {
    const database = await openPglite();
    await database.migrate();
    const close = database.close;
    return { ...database, close: async () => void (await withTimeout(close(), 5000, 'closing PGlite')) };
  }
  const name = `wijkwerk_test_${randomBytes(6).toString('hex')}`;
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  const database = await openPostgres(url.toString(), 5);
  await database.migrate();
  return {
    ...database,
    async close() {
      await withTimeout(database.close(), 5000, 'closing pool');
      const dropper = new pg.Client({ connectionString: serverUrl });
      await dropper.connect();
      await dropper.query(`drop database if exists ${name} with (force)`);
      await dropper.end();
    },
  };
}

/**
 * A fingerprint of every row of every table: equal fingerprints mean nothing was inserted, updated or
 * deleted in between. For tests that prove a failed or refused call changed nothing.
 */
export async function fingerprintDatabase(db: DatabaseHandle['db']): Promise<Record<string, string>> {
  const tables = await queryRows<{ name: string }>(db, sql`select table_name as name from information_schema.tables where table_schema = 'public' and table_type = 'BASE TABLE' order by table_name`);
  const fingerprint: Record<string, string> = {};
  for (const { name } of tables) {
    const [row] = await queryRows<{ rows: number; digest: string }>(
      db,
      sql`select count(*)::int as rows, md5(coalesce(string_agg(t::text, '|' order by t::text), '')) as digest from ${sql.identifier(name)} t`,
    );
    fingerprint[name] = `${row.rows} rows, ${row.digest}`;
  }
  return fingerprint;
}
