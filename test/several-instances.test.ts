import { sql } from 'drizzle-orm';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../server/app.ts';
import { defaultConfig } from '../server/config.ts';
import { type DatabaseHandle, type Executor, openPostgres, queryRows } from '../server/db/client.ts';
import { createFixedClock } from '../server/platform/clock.ts';
import { runSweep } from '../server/platform/scheduler.ts';
import { createTestDatabase } from './database.ts';
import { demoPassword, testStart } from './factories.ts';
import { demoEmails, generousRateLimits, tenantPath } from './harness.ts';

// Two instances of Wijkwerk on one PostgreSQL database, each with its own pool, as two processes behind a
// load balancer have. PGlite is one process by definition; .ci/run runs this file on PostgreSQL.
const isPostgres = Boolean(process.env.DATABASE_URL);

let database: DatabaseHandle;
let secondPool: DatabaseHandle;
let instanceA: FastifyInstance;
let instanceB: FastifyInstance;

async function buildInstance(on: DatabaseHandle) {
  const config = defaultConfig({ SCHEDULER_INTERVAL_SECONDS: 0, WEB_DIST_DIR: '/nonexistent', PUBLIC_CACHE_SECONDS: 600, ADMIN_SECOND_FACTOR: 'optional', ...generousRateLimits });
  const app = await buildApp({ config, database: on, clock: createFixedClock(testStart) });
  await app.ready();
  return app;
}

/** Asks again and again, for at most `limitMs`, until the answer is the awaited one; returns the last answer. */
async function askUntil<T>(ask: () => Promise<T>, isAwaited: (answer: T) => boolean, limitMs = 5000): Promise<T> {
  const deadline = Date.now() + limitMs;
  for (;;) {
    const answer = await ask();
    if (isAwaited(answer) || Date.now() > deadline) return answer;
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

beforeAll(async () => {
  if (!isPostgres) return;
  database = await createTestDatabase({ seeded: true });
  secondPool = await openPostgres(database.connectionString as string, 5);
  instanceA = await buildInstance(database);
  instanceB = await buildInstance(secondPool);
});
afterAll(async () => {
  await instanceA?.close();
  await instanceB?.close();
  await secondPool?.close();
  await database?.close();
});

describe.skipIf(!isPostgres)('two instances on one database', () => {
  const listOnB = async () => {
    const response = await instanceB.inject({ url: `${tenantPath}/neighbourhoods?pageSize=100` });
    return { isHit: response.headers['x-cache'] === 'hit', names: (response.json().items as { name: string }[]).map((item) => item.name) };
  };

  it('shows a change made through one instance on the other at once, though the other had the list cached', async () => {
    await listOnB();
    const cached = await listOnB();
    expect(cached.isHit).toBe(true);
    expect(cached.names).not.toContain('Wijk van instantie A');

    const login = await instanceA.inject({ method: 'POST', url: `${tenantPath}/sessions`, payload: { email: demoEmails.admin, password: demoPassword } });
    expect(login.statusCode).toBe(201);
    const cookie = String(login.headers['set-cookie']).split(';')[0];
    const created = await instanceA.inject({ method: 'POST', url: `${tenantPath}/neighbourhoods`, headers: { cookie, 'x-csrf-token': login.json().csrfToken }, payload: { name: 'Wijk van instantie A' } });
    expect(created.statusCode).toBe(201);

    // The notification travels through PostgreSQL; the cache lives for ten minutes, so only it can make B fresh.
    const after = await askUntil(listOnB, (answer) => answer.names.includes('Wijk van instantie A'));
    expect(after.names).toContain('Wijk van instantie A');
    expect(after.names).toHaveLength(cached.names.length + 1);
  });

  it('listens again after its connection is cut, and then forgets what it may have missed meanwhile', async () => {
    // Until B answers from its cache again: the last test's notifications may still be arriving.
    await askUntil(listOnB, (answer) => answer.isHit);
    // Changed behind both instances' backs, so nobody notifies: B goes on answering from its cache…
    await database.db.execute(sql`update neighbourhood set name = 'Hernoemd tijdens de storing' where slug = 'brandevoort'`);
    expect(await listOnB()).toMatchObject({ isHit: true, names: expect.arrayContaining(['Brandevoort']) });
    // …until its listening connection is cut, as when PostgreSQL restarts or fails over: a change in that gap
    // would not be heard, so listening again empties the cache.
    const [{ cut }] = await queryRows<{ cut: number }>(database.db, sql`select count(pg_terminate_backend(pid))::int as cut from pg_stat_activity where datname = current_database() and application_name = 'wijkwerk notifications'`);
    expect(cut).toBe(2);
    const after = await askUntil(listOnB, (answer) => answer.names.includes('Hernoemd tijdens de storing'));
    expect(after.names).toContain('Hernoemd tijdens de storing');
  });

  it('runs a scheduled job once when both instances sweep at the same moment', async () => {
    let runs = 0;
    let letJobFinish: () => void = () => {};
    const jobMayFinish = new Promise<void>((resolve) => {
      letJobFinish = resolve;
    });
    const job = {
      name: 'count-runs',
      async run(tx: Executor) {
        runs++;
        await tx.execute(sql`select 1`);
        // Hold the sweep's lock until the other instance has tried; a second run would never come back otherwise.
        if (runs > 1) letJobFinish();
        await jobMayFinish;
      },
    };
    const failures: unknown[] = [];
    const log = { error: (object: unknown) => void failures.push(object) };
    const sweepA = runSweep(database.db, [job], log);
    const sweepB = runSweep(secondPool.db, [job], log);
    const first = await Promise.race([sweepA, sweepB]);
    letJobFinish();
    const results = await Promise.all([sweepA, sweepB]);
    expect(first).toBe('skipped');
    expect(results.sort()).toEqual(['ran', 'skipped']);
    expect(runs).toBe(1);
    expect(failures).toEqual([]);
  });
});
