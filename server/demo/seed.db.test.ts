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
  it('has adopted action plans with progress, their adopted version holding the same actions, and one plan collecting', async () => {
    const [plans] = await queryRows<{ adopted: number; versions: number; matching: number; actions: number; done: number; atRisk: number; overdue: number; collecting: number; contributions: number }>(
      database.db,
      sql`select (select count(*) from action_plan where current_version_number is not null)::int as adopted,
                 (select count(*) from action_plan_version)::int as versions,
                 (select count(*) from action_plan_action a join action_plan_version v on v.plan_id = a.plan_id
                    where exists (select 1 from jsonb_array_elements(v.snapshot -> 'challenges') c, jsonb_array_elements(c -> 'actions') x where x ->> 'id' = a.id::text))::int as matching,
                 (select count(*) from action_plan_action)::int as actions,
                 (select count(*) from action_plan_action where progress_status = 'done')::int as done,
                 (select count(*) from action_plan_action where progress_status = 'at_risk')::int as "atRisk",
                 (select count(*) from action_plan_action where progress_status not in ('done', 'dropped') and deadline_on < '2026-06-15')::int as overdue,
                 (select count(*) from action_plan where state = 'collecting')::int as collecting,
                 (select count(*) from action_plan_contribution)::int as contributions`,
    );
    expect(plans.adopted).toBeGreaterThanOrEqual(3);
    expect(plans.versions).toBe(plans.adopted);
    expect(plans.matching).toBe(plans.actions);
    for (const value of [plans.done, plans.atRisk, plans.overdue, plans.collecting, plans.contributions]) expect(value).toBeGreaterThan(0);
  });
});
