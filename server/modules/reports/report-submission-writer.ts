import type { Executor } from '../../db/client.ts';
import type { auditLog } from '../../platform/audit-log.tables.ts';
import type { outboxMessage } from '../../platform/outbox.tables.ts';
import { createReportRepository } from './report.repository.ts';
import type { report, reportEvent } from './report.tables.ts';

/** The rows of one new report: the report, its first event, the confirmation to its reporter, its audit row. */
export interface SubmissionRows {
  report: typeof report.$inferInsert & { id: string };
  event: typeof reportEvent.$inferInsert;
  message?: typeof outboxMessage.$inferInsert;
  audit: typeof auditLog.$inferInsert;
}

/** A submission that has passed every check and waits for its reference number: its rows follow from the number. */
export interface PendingSubmission<Result> {
  municipalityId: string;
  year: number;
  rowsFor(number: number): { rows: SubmissionRows; result: Result };
}

/** At most this many submissions in one statement: large enough for a busy minute's peak, small enough to stay quick. */
const maximumBatch = 50;

/**
 * Writes new reports the way a database writes its log: submissions that arrive while a write is under way wait
 * for it and are then written together, their numbers taken in one step and their rows in one statement, one commit.
 * A lone submission is written at once; under load each write carries the ones that queued meanwhile, so the cost
 * per report (round trips, commits, turns at the municipality's audit chain) falls as the load rises. A statement a
 * row of which is refused (say, a retry racing on its Idempotency-Key) is written again report by report, so only
 * that report fails.
 */
export function createSubmissionWriter(db: Executor) {
  type Waiting = { submission: PendingSubmission<unknown>; resolve(result: unknown): void; reject(error: unknown): void };
  const waiting: Waiting[] = [];
  let isWriting = false;

  /** Numbers for the batch, one upsert per municipality and year in it (usually one). */
  async function numbersFor(batch: Waiting[]): Promise<number[]> {
    const repository = createReportRepository(db);
    const groups = new Map<string, { municipalityId: string; year: number; members: number[] }>();
    batch.forEach(({ submission }, index) => {
      const key = `${submission.municipalityId} ${submission.year}`;
      const group = groups.get(key) ?? { municipalityId: submission.municipalityId, year: submission.year, members: [] };
      group.members.push(index);
      groups.set(key, group);
    });
    const numbers: number[] = new Array(batch.length);
    for (const group of groups.values()) {
      const last = await repository.takeReferenceNumbers(group.municipalityId, group.year, group.members.length);
      group.members.forEach((member, offset) => {
        numbers[member] = last - group.members.length + 1 + offset;
      });
    }
    return numbers;
  }

  async function writeBatch(batch: Waiting[]) {
    let built: { rows: SubmissionRows; result: unknown }[];
    try {
      const numbers = await numbersFor(batch);
      built = batch.map(({ submission }, index) => submission.rowsFor(numbers[index]));
    } catch (error) {
      for (const entry of batch) entry.reject(error);
      return;
    }
    const repository = createReportRepository(db);
    try {
      await repository.insertSubmissions(built.map(({ rows }) => rows));
      for (const [index, entry] of batch.entries()) entry.resolve(built[index].result);
    } catch (error) {
      if (batch.length === 1) {
        batch[0].reject(error);
        return;
      }
      // One refused row refuses the whole statement: the others are written on their own.
      for (const [index, entry] of batch.entries()) {
        await repository.insertSubmissions([built[index].rows]).then(
          () => entry.resolve(built[index].result),
          (alone: unknown) => entry.reject(alone),
        );
      }
    }
  }

  async function drain() {
    isWriting = true;
    try {
      while (waiting.length > 0) await writeBatch(waiting.splice(0, maximumBatch));
    } finally {
      isWriting = false;
    }
  }

  return {
    /** Resolves with the submission's result once its rows are committed; rejects with the database's refusal. */
    write<Result>(submission: PendingSubmission<Result>): Promise<Result> {
      return new Promise<Result>((resolve, reject) => {
        waiting.push({ submission, resolve: resolve as (result: unknown) => void, reject });
        if (!isWriting) void drain();
      });
    },
  };
}
