import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, describe, expect, it } from 'vitest';
import { openPglite, queryRows } from './client.ts';
import { readClusterTemplate } from './pglite-template.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-template-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));

describe('new embedded databases from the kept copy of initdb', () => {
  it('keeps a copy after the first initdb, and a data folder made from it keeps its data across a restart', async () => {
    const first = await openPglite();
    await first.close();
    expect(readClusterTemplate()).toBeDefined();

    const dataDir = path.join(folder, 'pglite');
    const created = await openPglite(dataDir);
    await created.migrate();
    await created.db.execute(sql`create table kept (note text)`);
    await created.db.execute(sql`insert into kept values ('still here')`);
    await created.close();

    const reopened = await openPglite(dataDir);
    try {
      expect(await reopened.isMigrationCurrent()).toBe(true);
      expect(await queryRows<{ note: string }>(reopened.db, sql`select note from kept`)).toEqual([{ note: 'still here' }]);
      // Dutch full-text search needs the dictionaries initdb installs.
      expect(await queryRows<{ vector: string }>(reopened.db, sql`select to_tsvector('dutch', 'wijken') as vector`)).toEqual([{ vector: "'wijk':1" }]);
    } finally {
      await reopened.close();
    }
  });
});
