import type { Database, Executor } from './client.ts';

/** Work that waits for a transaction's outcome; it must not throw (it logs its own failures). */
type OutcomeTask = () => Promise<void>;

/** What runs once the transaction is over: one list for a commit, one for a rollback. */
export interface TransactionOutcome {
  committed(): Promise<void>;
  rolledBack(): Promise<void>;
}

interface OutcomeTasks {
  onCommit: OutcomeTask[];
  onRollback: OutcomeTask[];
}

/**
 * Runs a use case in one transaction: the change, its audit row and its outbox rows commit together
 * or not at all. Nested calls reuse the outer transaction.
 */
export async function inTransaction<T>(executor: Executor | Database, work: (tx: Executor) => Promise<T>): Promise<T> {
  if (isTransaction(executor)) return work(executor as Executor);
  let outcome: TransactionOutcome | undefined;
  let result: T;
  try {
    result = await executor.transaction(async (tx) => {
      outcome = trackTransaction(tx as unknown as Executor);
      return work(tx as unknown as Executor);
    });
  } catch (error) {
    await outcome?.rolledBack();
    throw error;
  }
  await outcome?.committed();
  return result;
}

const outcomeTasksKey = Symbol('wijkwerk.transaction');

function tasksOf(executor: Executor | Database): OutcomeTasks | undefined {
  return (executor as unknown as Record<symbol, OutcomeTasks | undefined>)[outcomeTasksKey];
}

function isTransaction(executor: Executor | Database): boolean {
  return tasksOf(executor) !== undefined;
}

/**
 * Marks a transaction opened elsewhere (the scheduler's sweep) so that inTransaction joins it and the tasks
 * below are collected here from now on; the caller runs them when it knows the outcome. Calling it again on
 * the same transaction starts new lists (one per savepoint).
 */
export function trackTransaction(tx: Executor): TransactionOutcome {
  const tasks: OutcomeTasks = { onCommit: [], onRollback: [] };
  (tx as unknown as Record<symbol, OutcomeTasks>)[outcomeTasksKey] = tasks;
  const runAll = async (list: OutcomeTask[]) => {
    await Promise.allSettled(list.splice(0).map((task) => task()));
  };
  return { committed: () => runAll(tasks.onCommit), rolledBack: () => runAll(tasks.onRollback) };
}

/** After the transaction commits (at once when `executor` is no transaction): e.g. delete a file's object. */
export function afterCommit(executor: Executor, task: OutcomeTask): void {
  const tasks = tasksOf(executor);
  if (tasks) tasks.onCommit.push(task);
  else void task();
}

/** When the transaction rolls back: undo what happened outside the database, e.g. an object already stored. */
export function afterRollback(executor: Executor, task: OutcomeTask): void {
  tasksOf(executor)?.onRollback.push(task);
}
