import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabaseBefore } from '../../../test/migrations.ts';
import { queryRows } from '../../db/client.ts';

describe('migration 0013_meeting_kinds', () => {
  it('gives every municipality that existed before it the note’s five kinds of meeting', async () => {
    const old = await openDatabaseBefore('0013');
    try {
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
    }
  });
});
