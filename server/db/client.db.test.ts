import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterEach, describe, expect, it } from 'vitest';
import { databaseUrl, onServer } from '../../test/database-templates.ts';
import { type DatabaseHandle, openPostgres, queryRows } from './client.ts';

const serverUrl = process.env.DATABASE_URL;
const migrationCount = JSON.parse(readFileSync(path.join(import.meta.dirname, 'migrations', 'meta', '_journal.json'), 'utf8')).entries.length as number;

const opened: DatabaseHandle[] = [];
let databaseName: string | undefined;
afterEach(async () => {
  for (const handle of opened.splice(0)) await handle.close();
  if (serverUrl && databaseName) {
    const name = databaseName;
    await onServer(serverUrl, (client) => client.query(`drop database if exists ${name} with (force)`));
  }
  databaseName = undefined;
});

describe.skipIf(!serverUrl)('migrations on PostgreSQL', () => {
  it('run once when two instances start together on an empty database', async () => {
    const name = `wijkwerk_migrate_${randomBytes(6).toString('hex')}`;
    databaseName = name;
    await onServer(serverUrl as string, (client) => client.query(`create database ${name}`));
    // Two processes' pools, as two instances have; the first with a pool of one, as main.ts gives the migration role.
    const first = await openPostgres(databaseUrl(serverUrl as string, name), 1);
    const second = await openPostgres(databaseUrl(serverUrl as string, name));
    opened.push(first, second);

    const results = await Promise.allSettled([first.migrate(), second.migrate()]);
    expect(results.map((result) => (result.status === 'rejected' ? String(result.reason?.cause ?? result.reason) : 'ok'))).toEqual(['ok', 'ok']);

    // Each migration applied once, not once per instance.
    const [applied] = await queryRows<{ rows: number; hashes: number }>(first.db, sql`select count(*)::int as rows, count(distinct hash)::int as hashes from drizzle.__drizzle_migrations`);
    expect(applied).toEqual({ rows: migrationCount, hashes: migrationCount });
    expect(await second.isMigrationCurrent()).toBe(true);
    // The lock is given back: a later start migrates (finding nothing to do) without waiting for ever.
    await first.migrate();
    const [held] = await queryRows<{ locks: number }>(first.db, sql`select count(*)::int as locks from pg_locks where locktype = 'advisory' and database = (select oid from pg_database where datname = current_database())`);
    expect(held.locks).toBe(0);
  });
});
