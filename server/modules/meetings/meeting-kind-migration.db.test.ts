import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { sql } from 'drizzle-orm';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import { describe, expect, it } from 'vitest';
import { openPglite, queryRows } from '../../db/client.ts';

const migrationsFolder = path.join(import.meta.dirname, '..', '..', 'db', 'migrations');

describe('migration 0013_meeting_kinds', () => {
  it('gives every municipality that existed before it the note’s five kinds of meeting', async () => {
    const before = mkdtempSync(path.join(tmpdir(), 'wijkwerk-migrations-'));
    const old = await openPglite();
    try {
      cpSync(migrationsFolder, before, { recursive: true });
      const journalFile = path.join(before, 'meta', '_journal.json');
      const journal = JSON.parse(readFileSync(journalFile, 'utf8'));
      journal.entries = journal.entries.filter((entry: { tag: string }) => entry.tag < '0013');
      writeFileSync(journalFile, JSON.stringify(journal));
      await migratePglite(old.db as never, { migrationsFolder: before });
      await old.db.execute(sql`insert into municipality (slug, name) values ('helmond', 'Helmond'), ('den-bosch', 'Den Bosch')`);
      await old.migrate();
      const rows = await queryRows<{ slug: string; codes: string[]; wijktafel: { chair_rule: string; frequency_value: number; initiators: string[] } }>(
        old.db,
        sql`select m.slug, array_agg(k.code order by k.sort_order) as codes,
                   (select row_to_json(w) from (select chair_rule, frequency_value, initiators from meeting_kind where municipality_id = m.id and code = 'wijktafel') w) as wijktafel
            from municipality m join meeting_kind k on k.municipality_id = m.id group by m.id, m.slug order by m.slug`,
      );
      expect(rows.map((row) => [row.slug, row.codes])).toEqual([
        ['den-bosch', ['wijktafel', 'wijkwerkoverleg', 'wijkbezoek', 'bilateral', 'ad_hoc']],
        ['helmond', ['wijktafel', 'wijkwerkoverleg', 'wijkbezoek', 'bilateral', 'ad_hoc']],
      ]);
      expect(rows[1].wijktafel).toEqual({ chair_rule: 'neighbourhood_policy_alderman', frequency_value: 2, initiators: ['municipality'] });
    } finally {
      await old.close();
      rmSync(before, { recursive: true, force: true });
    }
  });
});
