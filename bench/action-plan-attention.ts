// node bench/action-plan-attention.ts (or npm run bench:attention) — the advisor's attention list at scale, on
// PostgreSQL: a scratch database with the project's migrations and the Helmond demo, 3,400 plans × 50 actions
// = 170,000 actions generated in SQL, then the list and its count for one advisor with 10 neighbourhoods, 200 times.
// Set BENCH_DATABASE_SERVER to use another server than postgres://postgres@127.0.0.1:5432/postgres.
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '../server/db/client.ts';
import { seedDemoIfEmpty } from '../server/demo/seed.ts';
import { createActionPlanMonitoringRepository } from '../server/modules/action-plans/action-plan-monitoring.repository.ts';
import { systemClock } from '../server/platform/clock.ts';
import { addDays, dateInAmsterdam } from '../server/platform/working-days.ts';
import { recreateScratchDatabase } from './measure.ts';

export const attentionTargetP95Ms = 100;
const neighbourhoodCount = 340;
/** Ten wijktafels a neighbourhood, one plan each: 3,400 plans. */
const plansPerNeighbourhood = 10;
const challengesPerPlan = 5;
const actionsPerChallenge = 10;
const runs = 200;

const scratchName = 'wijkwerk_bench_attention';
const log = (line: string) => process.stdout.write(`${line}\n`);


const percentile = (sorted: number[], fraction: number) => sorted[Math.min(sorted.length - 1, Math.ceil(fraction * sorted.length) - 1)]!;

const database = await openPostgres(await recreateScratchDatabase(scratchName), 2);
try {
  await database.migrate();
  const seeded = await seedDemoIfEmpty(database.db, systemClock, { password: 'Bench-wachtwoord-2026', withActivity: false });
  const municipalityId = seeded!.municipalityId;
  const [{ kind_id, user_id, department_id }] = await queryRows<{ kind_id: string; user_id: string; department_id: string }>(
    database.db,
    sql`select (select id from meeting_kind where municipality_id = ${municipalityId} and code = 'wijktafel') as kind_id,
        (select id from user_account where municipality_id = ${municipalityId} order by id limit 1) as user_id,
        (select id from department where municipality_id = ${municipalityId} order by id limit 1) as department_id`,
  );

  const started = performance.now();
  await database.db.execute(sql`insert into neighbourhood (municipality_id, name, slug)
    select ${municipalityId}, 'Benchwijk ' || g, 'benchwijk-' || g from generate_series(1, ${neighbourhoodCount}) g`);
  // One held wijktafel per plan, two years apart, the latest in 2025.
  await database.db.execute(sql`insert into meeting (municipality_id, kind_id, neighbourhood_id, title, starts_at, ends_at, location,
      is_location_in_neighbourhood, initiator_side, invited_groups, state, created_by_user_id, created_at, updated_at)
    select ${municipalityId}, ${kind_id}, n.id, 'Wijktafel ' || r, timestamptz '2007-01-15 18:00+00' + make_interval(years => 2 * r),
      timestamptz '2007-01-15 20:00+00' + make_interval(years => 2 * r), 'Wijkhuis', true, 'municipality', array['council'], 'held', ${user_id}, now(), now()
    from neighbourhood n cross join generate_series(0, ${plansPerNeighbourhood - 1}) r
    where n.municipality_id = ${municipalityId} and n.slug like 'benchwijk-%'`);
  // A third of the plans monitored (adopted or in execution), the rest closed: more than reality has, on purpose.
  await database.db.execute(sql`insert into action_plan (municipality_id, neighbourhood_id, meeting_id, title, state, period_starts_on, period_ends_on,
      contributions_due_on, report_interval_months, current_version_number, adopted_on, created_by_user_id, created_at, updated_at)
    select m.municipality_id, m.neighbourhood_id, m.id, 'Wijkactieplan ' || m.title,
      (array['in_execution', 'adopted', 'closed'])[1 + (abs(hashtext(m.id::text)) % 3)],
      m.starts_at::date, m.starts_at::date + 730, m.starts_at::date - 42, 3, 1, m.starts_at::date, ${user_id}, now(), now()
    from meeting m join neighbourhood n on n.municipality_id = m.municipality_id and n.id = m.neighbourhood_id
    where m.municipality_id = ${municipalityId} and n.slug like 'benchwijk-%'`);
  await database.db.execute(sql`insert into action_plan_challenge (municipality_id, plan_id, position, title, created_at)
    select p.municipality_id, p.id, g, 'Opgave ' || g, now() from action_plan p cross join generate_series(1, ${challengesPerPlan}) g
    where p.municipality_id = ${municipalityId}`);
  // Deadlines spread a year either side of today, statuses in the proportions a plan in execution shows.
  await database.db.execute(sql`insert into action_plan_action (municipality_id, plan_id, challenge_id, position, title, owner_kind, owner_department_id,
      deadline_on, progress_status, created_at, updated_at)
    select c.municipality_id, c.plan_id, c.id, g, 'Actie ' || g, 'department', ${department_id},
      current_date - 365 + (abs(hashtext(c.id::text || g)) % 730),
      (array['not_started', 'on_track', 'on_track', 'on_track', 'at_risk', 'delayed', 'done', 'done', 'dropped'])[1 + (abs(hashtext(g || c.id::text)) % 9)],
      now(), now()
    from action_plan_challenge c cross join generate_series(1, ${actionsPerChallenge}) g
    where c.municipality_id = ${municipalityId}`);
  // Fresh statistics, as autovacuum would have them a while after a bulk load.
  await database.db.execute(sql`analyze`);
  const [counts] = await queryRows<{ plans: number; actions: number }>(
    database.db,
    sql`select (select count(*)::int from action_plan) as plans, (select count(*)::int from action_plan_action) as actions`,
  );
  log(`Generated ${counts.plans} plans with ${counts.actions} actions in ${Math.round(performance.now() - started)} ms.`);

  const advisorNeighbourhoods = (await queryRows<{ id: string }>(database.db, sql`select id from neighbourhood where municipality_id = ${municipalityId} and slug like 'benchwijk-%' order by slug limit 10`)).map((row) => row.id);
  const today = dateInAmsterdam(new Date());
  const filter = { neighbourhoodIds: advisorNeighbourhoods, today, soonUntil: addDays(today, 14) };
  const repository = createActionPlanMonitoringRepository(database.db);
  const first = await repository.attentionList(municipalityId, filter, { limit: 25, offset: 0 });
  log(`The advisor's 10 neighbourhoods: ${first.total} actions need attention; a page shows ${first.rows.length}.`);
  for (let warm = 0; warm < 10; warm++) await repository.attentionList(municipalityId, filter, { limit: 25, offset: 0 });
  const timings: number[] = [];
  for (let run = 0; run < runs; run++) {
    const begun = performance.now();
    // The first page and the count, as one call of GET /action-plan-attention does.
    await repository.attentionList(municipalityId, filter, { limit: 25, offset: 0 });
    timings.push(performance.now() - begun);
  }
  timings.sort((a, b) => a - b);
  const p50 = percentile(timings, 0.5);
  const p95 = percentile(timings, 0.95);
  log(`Attention list (page + count), ${runs} runs: p50 ${p50.toFixed(1)} ms, p95 ${p95.toFixed(1)} ms — target p95 < ${attentionTargetP95Ms} ms: ${p95 < attentionTargetP95Ms ? 'met' : 'NOT met'}.`);
  const adminTimings: number[] = [];
  for (let run = 0; run < 50; run++) {
    const begun = performance.now();
    await repository.attentionList(municipalityId, { ...filter, neighbourhoodIds: null }, { limit: 25, offset: 0 });
    adminTimings.push(performance.now() - begun);
  }
  adminTimings.sort((a, b) => a - b);
  log(`For comparison, an administrator over all ${neighbourhoodCount} neighbourhoods, 50 runs: p50 ${percentile(adminTimings, 0.5).toFixed(1)} ms, p95 ${percentile(adminTimings, 0.95).toFixed(1)} ms.`);
  if (p95 >= attentionTargetP95Ms) process.exitCode = 1;
} finally {
  await database.close();
}
