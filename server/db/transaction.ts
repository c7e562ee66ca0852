import type { Database, Executor } from './client.ts';

/**
 * Runs a use case in one transaction: the change, its audit row and its outbox rows commit together
 * or not at all. Nested calls reuse the outer transaction.
 */
export async function inTransaction<T>(executor: Executor | Database, work: (tx: Executor) => Promise<T>): Promise<T> {
  if (isTransaction(executor)) return work(executor);
  return executor.transaction(async (tx) => work(markTransaction(tx as unknown as Executor)));
}

const transactionMarker = Symbol('wijkwerk.transaction');

function markTransaction(tx: Executor): Executor {
  (tx as unknown as Record<symbol, boolean>)[transactionMarker] = true;
  return tx;
}

function isTransaction(executor: Executor): boolean {
  return (executor as unknown as Record<symbol, boolean>)[transactionMarker] === true;
}
