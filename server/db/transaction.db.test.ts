import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/database.ts';
import { runSweep } from '../platform/scheduler.ts';
import { type DatabaseHandle, queryRows } from './client.ts';
import { afterCommit, afterRollback, inTransaction } from './transaction.ts';

// What waits for a transaction's outcome (deleting a file's object, say) runs after it, and only for that outcome.
let database: DatabaseHandle;

beforeAll(async () => {
  database = await createTestDatabase();
  await database.db.execute(sql`create table outcome_probe (name text not null)`);
});
afterAll(async () => database?.close());

const namesSaved = async () => (await queryRows<{ name: string }>(database.db, sql`select name from outcome_probe order by name`)).map((row) => row.name);

describe('work after a transaction', () => {
  it('runs the commit work once the transaction has committed, never the rollback work', async () => {
    const happened: string[] = [];
    await inTransaction(database.db, async (tx) => {
      await tx.execute(sql`insert into outcome_probe values ('committed')`);
      afterCommit(tx, async () => void happened.push(`commit saw ${(await namesSaved()).join(',')}`));
      afterRollback(tx, async () => void happened.push('rollback'));
      // A use case that calls another joins its transaction: its work waits for the outer commit.
      await inTransaction(tx, async (inner) => afterCommit(inner, async () => void happened.push('inner commit')));
      expect(happened).toEqual([]);
    });
    expect(happened.sort()).toEqual(['commit saw committed', 'inner commit']);
  });

  it('runs the rollback work when the transaction fails, and the failure still reaches the caller', async () => {
    const happened: string[] = [];
    const failing = inTransaction(database.db, async (tx) => {
      await tx.execute(sql`insert into outcome_probe values ('rolled-back')`);
      afterCommit(tx, async () => void happened.push('commit'));
      afterRollback(tx, async () => void happened.push('rollback'));
      throw new Error('refused');
    });
    await expect(failing).rejects.toThrow('refused');
    expect(happened).toEqual(['rollback']);
    expect(await namesSaved()).not.toContain('rolled-back');
  });

  it('in the scheduler sweep, keeps the work of a job that succeeded for the commit and undoes the work of one that failed', async () => {
    const happened: string[] = [];
    const logged: string[] = [];
    const outcome = await runSweep(
      database.db,
      [
        {
          name: 'fails',
          async run(tx) {
            afterCommit(tx, async () => void happened.push('failed job: commit'));
            afterRollback(tx, async () => void happened.push('failed job: rollback'));
            throw new Error('job refused');
          },
        },
        {
          name: 'succeeds',
          async run(tx) {
            afterCommit(tx, async () => void happened.push('good job: commit'));
            afterRollback(tx, async () => void happened.push('good job: rollback'));
            expect(happened).toEqual(['failed job: rollback']);
          },
        },
      ],
      { error: (_object, message) => void logged.push(message) },
    );
    expect(outcome).toBe('ran');
    expect(logged).toEqual(['scheduled job failed']);
    expect(happened).toEqual(['failed job: rollback', 'good job: commit']);
  });
});
