import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import { queryRows } from '../db/client.ts';
import { createFixedClock } from '../platform/clock.ts';
import { seedDemoIfEmpty } from './seed.ts';

let database: Awaited<ReturnType<typeof createTestDatabase>>;

beforeAll(async () => {
  database = await createTestDatabase();
  const seeded = await seedDemoIfEmpty(database.db, createFixedClock('2026-06-15T10:00:00Z'), { password: 'Demo-wachtwoord-voor-tests-2026' });
  expect(seeded?.logins.length).toBeGreaterThan(5);
});
afterAll(async () => database?.close());

describe('the Helmond demo', () => {
  it('holds a year of requests in every kind, state and verdict, with some overdue', async () => {
    const [counts] = await queryRows<{ total: number; kinds: number; states: number; verdicts: number; overdue: number }>(
      database.db,
      sql`select count(*)::int as total, count(distinct kind)::int as kinds, count(distinct state)::int as states, count(distinct verdict)::int as verdicts,
                 count(*) filter (where state in ('submitted', 'acknowledged', 'routed') and answer_by < '2026-06-15')::int as overdue
          from request`,
    );
    expect(counts).toMatchObject({ total: 48, kinds: 5, states: 5, verdicts: 3 });
    expect(counts.overdue).toBeGreaterThan(0);
  });

  it('shows the rest of the protocol too: positions on advice, referrals, conversations with internal notes, updates', async () => {
    const [facts] = await queryRows<{ deviating: number; referred: number; notes: number; messages: number; updates: number }>(
      database.db,
      sql`select (select count(*) from request where advice_position ->> 'position' = 'deviates' and advice_position ->> 'decidingBody' = 'college')::int as deviating,
                 (select count(*) from request where referral is not null)::int as referred,
                 (select count(*) from request_event where kind = 'note' and is_internal)::int as notes,
                 (select count(*) from request_event where kind = 'message' and not is_internal)::int as messages,
                 (select count(*) from request_event where kind = 'updated')::int as updates`,
    );
    for (const value of Object.values(facts)) expect(value).toBeGreaterThan(0);
  });

  it('sets Helmond’s answer rules: the front-line teams of the note and answer templates', async () => {
    const [settings] = await queryRows<{ teams: string[]; templates: number }>(
      database.db,
      sql`select array(select jsonb_array_elements(settings -> 'requests' -> 'frontLineTeams') ->> 'code') as teams, jsonb_array_length(settings -> 'requests' -> 'answerTemplates')::int as templates from municipality where slug = 'helmond'`,
    );
    expect(settings).toEqual({ teams: ['jpt', 'bit', 'hit', 'woonoverlast'], templates: 3 });
  });
});
