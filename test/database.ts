import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../server/db/client.ts';

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
