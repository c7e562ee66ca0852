import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { openPglite } from '../server/db/client.ts';

const migrationsFolder = path.join(import.meta.dirname, '..', 'server', 'db', 'migrations');

/**
 * An embedded database as it was before the migration with this number ("0013"): put rows in it, then call
 * `migrate()` to bring it to the present and see what the migration did to them. `close()` removes it all.
 */
export async function openDatabaseBefore(migrationNumber: string) {
  const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-migrations-'));
  const database = await openPglite();
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = path.join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
  journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < migrationNumber);
  writeFileSync(journalFile, JSON.stringify(journal));
  await migratePglite(database.db as never, { migrationsFolder: folder });
  return {
    db: database.db,
    migrate: () => database.migrate(),
    async close() {
      await database.close();
      rmSync(folder, { recursive: true, force: true });
    },
  };
}
