import { sql } from 'drizzle-orm';
import { type Database, type Executor, queryRows } from '../db/client.ts';
import { type TransactionOutcome, trackTransaction } from '../db/transaction.ts';

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
  // What the jobs left to do once their work is committed or undone (deleting a file's object, say).
  const kept: TransactionOutcome[] = [];
  let result: 'ran' | 'skipped';
  try {
    result = await db.transaction(async (tx) => {
      const [lock] = await queryRows<{ locked: boolean }>(tx, sql`select pg_try_advisory_xact_lock(${sweepLockKey}) as locked`);
      if (!lock.locked) return 'skipped';
      for (const job of jobs) {
        const outcome = trackTransaction(tx as unknown as Executor);
        try {
          await tx.execute(sql`savepoint job`);
          await job.run(tx as unknown as Executor);
          await tx.execute(sql`release savepoint job`);
          kept.push(outcome);
        } catch (error) {
          await tx.execute(sql`rollback to savepoint job`);
          await outcome.rolledBack();
          log.error({ err: error, job: job.name }, 'scheduled job failed');
        }
      }
      return 'ran';
    });
  } catch (error) {
    for (const outcome of kept) await outcome.rolledBack();
    throw error;
  }
  for (const outcome of kept) await outcome.committed();
  return result;
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
