import { sql } from 'drizzle-orm';
import { describe, expect, it } from 'vitest';
import { openDatabaseBefore } from '../../../test/migrations.ts';
import { queryRows } from '../../db/client.ts';
import { allocateRequestReference } from './request-reference.ts';

describe('migration 0010_request_reference', () => {
  it('numbers the requests written before it in the order they were submitted, per municipality and year', async () => {
    // A database as it was before the migration, with requests in it, then migrated to the present.
    const old = await openDatabaseBefore('0010');
    try {
      const [withPrefix, withoutPrefix] = await queryRows<{ id: string }>(
        old.db,
        sql`insert into municipality (slug, name, settings) values ('helmond', 'Helmond', '{"requests":{"referencePrefix":"HLM"}}'::jsonb), ('den-bosch', 'Den Bosch', '{}'::jsonb) returning id::text as id`,
      );
      const users = new Map<string, string>();
      for (const tenant of [withPrefix, withoutPrefix]) {
        const [user] = await queryRows<{ id: string }>(old.db, sql`insert into user_account (municipality_id, email, display_name) values (${tenant.id}::uuid, ${`eva@${tenant.id}.example`}, 'Eva') returning id::text as id`);
        users.set(tenant.id, user.id);
      }
      // Inserted out of order on purpose; the last one is New Year's night in the Netherlands, still 2025 in UTC.
      const submitted: [{ id: string }, string, string][] = [
        [withPrefix, 'c', '2026-03-01T10:00:00Z'],
        [withPrefix, 'a', '2025-11-01T10:00:00Z'],
        [withoutPrefix, 'x', '2026-02-01T10:00:00Z'],
        [withPrefix, 'b', '2026-01-15T10:00:00Z'],
        [withPrefix, 'n', '2025-12-31T23:30:00Z'],
      ];
      for (const [tenant, title, createdAt] of submitted) {
        await old.db.execute(
          sql`insert into request (municipality_id, kind, title, body, scale, weight, is_public, state, submitter_user_id, acknowledge_by, answer_by, created_at, updated_at)
              values (${tenant.id}::uuid, 'question', ${title}, 'Een vraag van voor de kenmerken.', 'street', 'large', true, 'submitted', ${users.get(tenant.id)}::uuid, '2026-01-10', '2026-02-10', ${createdAt}::timestamptz, ${createdAt}::timestamptz)`,
        );
      }
      await old.migrate();
      const rows = await queryRows<{ title: string; reference: string }>(old.db, sql`select title, reference from request order by title`);
      expect(Object.fromEntries(rows.map((row) => [row.title, row.reference]))).toEqual({
        a: 'HLM-2025-0001',
        n: 'HLM-2026-0001',
        b: 'HLM-2026-0002',
        c: 'HLM-2026-0003',
        x: 'DEN-2026-0001',
      });
      // The next request continues where the numbering stopped.
      expect(await allocateRequestReference(old.db, withPrefix.id, new Date('2026-06-15T10:00:00Z'))).toBe('HLM-2026-0004');
      expect(await allocateRequestReference(old.db, withoutPrefix.id, new Date('2027-01-04T10:00:00Z'))).toBe('DEN-2027-0001');
      await expect(old.db.execute(sql`insert into request (municipality_id, kind, title, body, scale, weight, is_public, state, submitter_user_id, acknowledge_by, answer_by, created_at, updated_at)
              values (${withPrefix.id}::uuid, 'question', 'zonder', 'Zonder kenmerk gaat niet.', 'street', 'large', true, 'submitted', ${users.get(withPrefix.id)}::uuid, '2026-01-10', '2026-02-10', now(), now())`)).rejects.toThrow();
    } finally {
      await old.close();
    }
  });
});
