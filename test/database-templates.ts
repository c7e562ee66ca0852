import { createHash, randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import pg from 'pg';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { seedTestTenants } from './factories.ts';

/**
 * Where the test run's two starting points live: a migrated, empty database and one that also holds
 * the seeded tenants. For PGlite these are tarballs of the data folder; for PostgreSQL, template databases.
 */
export interface TestDatabaseTemplates {
  engine: 'pglite' | 'postgres';
  empty: string;
  seeded: string;
}

/** PostgreSQL's URL for another database on the same server. */
export function databaseUrl(serverUrl: string, name: string): string {
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function onServer<T>(serverUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: serverUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

const root = path.resolve(import.meta.dirname, '..');
const pgliteCache = path.join(root, 'node_modules', '.cache', 'wijkwerk-test-templates');

/**
 * What the templates are made from: the server's code and migrations, the seeding test code and the
 * PGlite version. Any change there makes new templates, so a cached one is never stale.
 */
function sourceDigest(): string {
  const hash = createHash('sha256');
  const add = (file: string) => hash.update(path.relative(root, file)).update('\0').update(readFileSync(file)).update('\0');
  const walk = (folder: string) => {
    for (const entry of readdirSync(folder, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
      const file = path.join(folder, entry.name);
      if (entry.isDirectory()) walk(file);
      else if (!entry.name.endsWith('.test.ts')) add(file);
    }
  };
  walk(path.join(root, 'server'));
  for (const file of ['test/factories.ts', 'test/database-templates.ts', 'node_modules/@electric-sql/pglite/package.json']) add(path.join(root, file));
  return hash.digest('hex').slice(0, 16);
}

/**
 * Each pair of tarballs is some 80 MB: older pairs go, once no run can still be reading them (a run reads
 * its pair at the start of each test file).
 */
function removeStaleTemplates(current: string) {
  const anHourAgo = Date.now() - 3_600_000;
  for (const entry of readdirSync(pgliteCache)) {
    const folder = path.join(pgliteCache, entry);
    if (folder !== current && statSync(folder).mtimeMs < anHourAgo) rmSync(folder, { recursive: true, force: true });
  }
}

/**
 * Migrates and seeds once, so that each test file only copies the result. PGlite's tarballs are kept in
 * node_modules/.cache until the sources change; PostgreSQL's template databases last one run. Returns
 * what to remove when the run is over.
 */
export async function createTestDatabaseTemplates(serverUrl = process.env.DATABASE_URL): Promise<{ templates: TestDatabaseTemplates; remove(): Promise<void> }> {
  if (!serverUrl) {
    const folder = path.join(pgliteCache, sourceDigest());
    const templates: TestDatabaseTemplates = { engine: 'pglite', empty: path.join(folder, 'empty.tar'), seeded: path.join(folder, 'seeded.tar') };
    if (!existsSync(templates.seeded)) {
      const unfinished = `${folder}.${randomBytes(4).toString('hex')}`;
      mkdirSync(unfinished, { recursive: true });
      const database = await openPglite();
      try {
        await database.migrate();
        writeFileSync(path.join(unfinished, 'empty.tar'), new Uint8Array(await (await database.dumpDataDir!()).arrayBuffer()));
        await seedTestTenants(database.db);
        writeFileSync(path.join(unfinished, 'seeded.tar'), new Uint8Array(await (await database.dumpDataDir!()).arrayBuffer()));
      } finally {
        await database.close();
      }
      try {
        renameSync(unfinished, folder);
      } catch {
        // Another run made the same templates first; theirs are identical.
        rmSync(unfinished, { recursive: true, force: true });
      }
      removeStaleTemplates(folder);
    }
    return { templates, remove: async () => {} };
  }
  // A name of its own per run: other runs may use the same server at the same time.
  const prefix = `wijkwerk_template_${randomBytes(4).toString('hex')}`;
  const templates: TestDatabaseTemplates = { engine: 'postgres', empty: `${prefix}_empty`, seeded: `${prefix}_seeded` };
  const remove = () =>
    onServer(serverUrl, async (client) => {
      await client.query(`drop database if exists ${templates.seeded} with (force)`);
      await client.query(`drop database if exists ${templates.empty} with (force)`);
    });
  try {
    await onServer(serverUrl, (client) => client.query(`create database ${templates.empty}`));
    const empty = await openPostgres(databaseUrl(serverUrl, templates.empty), 2);
    await empty.migrate().finally(() => empty.close());
    await onServer(serverUrl, (client) => client.query(`create database ${templates.seeded} template ${templates.empty}`));
    const seeded = await openPostgres(databaseUrl(serverUrl, templates.seeded), 2);
    await seedTestTenants(seeded.db).finally(() => seeded.close());
  } catch (error) {
    await remove();
    throw error;
  }
  return { templates, remove };
}
