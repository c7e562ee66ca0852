import { sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../db/client.ts';

export interface ScheduledJob {
  name: string;
  run(tx: Executor): Promise<void>;
}

/** The advisory lock that makes the sweep single-instance across every process on one database. */
const sweepLockKey = 7_391_004;

/**
 * Runs every job in one sweep, inside a transaction holding a transaction-level advisory lock: when
 * another instance is already sweeping, this one skips instead of waiting.
 */
export async function runSweep(db: Database, jobs: ScheduledJob[], log: { error(object: unknown, message: string): void }): Promise<'ran' | 'skipped'> {
  return db.transaction(async (tx) => {
    const [lock] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${sweepLockKey}) as locked`);
    if (!lock.locked) return 'skipped';
    for (const job of jobs) {
      try {
        await tx.execute(sql`savepoint job`);
        await job.run(tx as unknown as Executor);
        await tx.execute(sql`release savepoint job`);
      } catch (error) {
        await tx.execute(sql`rollback to savepoint job`);
        log.error({ err: error, job: job.name }, 'scheduled job failed');
      }
    }
    return 'ran';
  });
}

export function startScheduler(db: Database, jobs: ScheduledJob[], intervalSeconds: number, log: { error(object: unknown, message: string): void }) {
  if (intervalSeconds <= 0) return { stop: async () => {} };
  let running: Promise<unknown> | undefined;
  const timer = setInterval(() => {
    if (running) return;
    running = runSweep(db, jobs, log)
      .catch((error) => log.error({ err: error }, 'scheduler sweep failed'))
      .finally(() => {
        running = undefined;
      });
  }, intervalSeconds * 1000);
  timer.unref();
  return {
    async stop() {
      clearInterval(timer);
      await running;
    },
  };
}
