import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { PGlite } from '@electric-sql/pglite';
import { type SQL, sql } from 'drizzle-orm';
import type { PgDatabase, PgQueryResultHKT } from 'drizzle-orm/pg-core';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { drizzle as drizzleNodePostgres } from 'drizzle-orm/node-postgres';
import { migrate as migrateNodePostgres } from 'drizzle-orm/node-postgres/migrator';
import pg from 'pg';
import { discardClusterTemplate, readClusterTemplate, saveClusterTemplate } from './pglite-template.ts';

export type Database = PgDatabase<PgQueryResultHKT>;
/** The handle a use case works with: the database itself or an open transaction. */
export type Executor = Pick<Database, 'select' | 'insert' | 'update' | 'delete' | 'execute' | 'transaction'>;

export interface DatabaseHandle {
  readonly db: Database;
  readonly engine: 'pglite' | 'postgres';
  /**
   * PostgreSQL only: where the pool connects, for the few things that need a connection of their own for
   * as long as the process runs (LISTEN for the public cache's invalidations, see database-notifications.ts).
   */
  readonly connectionString?: string;
  migrate(): Promise<void>;
  /** True when every migration in the repository has been applied. */
  isMigrationCurrent(): Promise<boolean>;
  ping(): Promise<void>;
  close(): Promise<void>;
  /** PGlite only: the whole data folder as a tarball, to open copies of it with `openPglite(undefined, { loadDataDir })`. */
  dumpDataDir?(): Promise<Blob>;
}

const migrationsFolder = path.join(path.dirname(fileURLToPath(import.meta.url)), 'migrations');

function expectedMigrationCount(): number {
  const journal = JSON.parse(readFileSync(path.join(migrationsFolder, 'meta', '_journal.json'), 'utf8'));
  return journal.entries.length;
}

async function appliedMigrationCount(db: Database): Promise<number> {
  try {
    const [row] = await queryRows<{ count: number }>(db, sql`select count(*)::int as count from drizzle.__drizzle_migrations`);
    return Number(row.count);
  } catch {
    return 0;
  }
}

function handleFor(db: Database, engine: DatabaseHandle['engine'], migrateWith: () => Promise<void>, close: () => Promise<void>): DatabaseHandle {
  return {
    db,
    engine,
    migrate: migrateWith,
    async isMigrationCurrent() {
      return (await appliedMigrationCount(db)) >= expectedMigrationCount();
    },
    async ping() {
      await db.execute(sql`select 1`);
    },
    close,
  };
}

/**
 * PGlite: PostgreSQL in WASM, in a folder on disk or (without a folder) in memory. `loadDataDir` starts
 * it from a tarball made by `dumpDataDir()`, which skips initdb and whatever the tarball already holds.
 */
export async function openPglite(dataDir?: string, options: { loadDataDir?: Blob } = {}): Promise<DatabaseHandle> {
  if (dataDir) mkdirSync(dataDir, { recursive: true });
  const isNew = !dataDir || !existsSync(path.join(dataDir, 'PG_VERSION'));
  // A copy to start from: the caller's (a test template), or the kept result of initdb for a new cluster.
  const cachedInitdb = !options.loadDataDir && isNew ? readClusterTemplate() : undefined;
  const template = options.loadDataDir ?? cachedInitdb;
  let client: PGlite;
  try {
    client = await PGlite.create({ ...(dataDir ? { dataDir } : {}), ...(template ? { loadDataDir: template } : {}) });
  } catch (error) {
    // A damaged copy must not keep failing every new database: the next one runs initdb again.
    if (cachedInitdb) discardClusterTemplate();
    throw error;
  }
  if (isNew && !template) await saveClusterTemplate(client);
  const db = drizzlePglite(client) as unknown as Database;
  return {
    ...handleFor(
      db,
      'pglite',
      async () => migratePglite(db as never, { migrationsFolder }),
      async () => client.close(),
    ),
    dumpDataDir: () => client.dumpDataDir('none'),
  };
}

/** The session-level advisory lock that lets one process at a time migrate a database (see openPostgres). */
const migrationLockKey = 7_391_005;

export async function openPostgres(connectionString: string, poolSize = 10): Promise<DatabaseHandle> {
  // A database that does not answer at all (a dropped network, a host that is gone) must fail a request in
  // seconds, not hang it until the operating system gives up on the connection minutes later.
  const pool = new pg.Pool({ connectionString, max: poolSize, connectionTimeoutMillis: 5000 });
  // A dropped connection must not crash the process; the next query reports the problem.
  pool.on('error', () => {});
  const db = drizzleNodePostgres(pool) as unknown as Database;
  // Instances started together (a rolling deploy, a restart of every instance at once) would otherwise
  // migrate at the same time: drizzle's migrator takes no lock, so both create its schema and table and
  // apply the same migrations, and one of them fails half way with "already exists". A session-level
  // advisory lock on one connection of its own makes the second wait; once it has the lock it finds every
  // migration applied and does nothing. Migrating over that same connection, not the pool, keeps it working
  // with a pool of one (the migration role's, in main.ts). PGlite is one process by definition: no lock.
  async function migrateUnderLock() {
    const connection = await pool.connect();
    let failure: Error | undefined;
    try {
      await connection.query('select pg_advisory_lock($1)', [migrationLockKey]);
      try {
        await migrateNodePostgres(drizzleNodePostgres(connection) as never, { migrationsFolder });
      } finally {
        await connection.query('select pg_advisory_unlock($1)', [migrationLockKey]);
      }
    } catch (error) {
      failure = error as Error;
      throw error;
    } finally {
      // A connection that failed is closed rather than handed back, so no lock can outlive this call.
      connection.release(failure);
    }
  }
  return { ...handleFor(db, 'postgres', migrateUnderLock, async () => pool.end()), connectionString };
}

export async function openDatabase(options: { databaseUrl?: string; dataDir: string }): Promise<DatabaseHandle> {
  if (options.databaseUrl) return openPostgres(options.databaseUrl);
  return openPglite(path.join(options.dataDir, 'pglite'));
}

/** Raw SQL for reports and checks; both drivers return `{ rows }`. */
export async function queryRows<T>(db: Pick<Executor, 'execute'>, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
