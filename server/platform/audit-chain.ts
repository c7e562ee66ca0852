import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { inTransaction } from '../db/transaction.ts';

/**
 * The audit log's hash chain (docs/decisions/0007-audit-log-hash-chain.md). The database chains every row
 * as it is inserted (trigger `audit_log_chain`, migration 0006_audit_chain); this file walks the chains to
 * check them and holds the one permitted change to old rows: clearing their snapshot for retention.
 */

export type AuditChainBreakReason = 'row-edited' | 'row-deleted' | 'snapshot-edited';

export const auditChainBreakExplanations: Record<AuditChainBreakReason, string> = {
  'row-edited': "the row's fields no longer match its row_hash: the row was changed after it was written",
  'row-deleted': 'the row does not continue from the row before it: a row was deleted here (gap in the chain), or the row before was rewritten',
  'snapshot-edited': "before/after no longer match the row's snapshot_digest: the snapshot was changed after it was written",
};

export interface AuditChainBreak {
  municipalityId: string;
  /** The first row at which the chain no longer holds. */
  id: number;
  reason: AuditChainBreakReason;
}

export interface AuditChainOfMunicipality {
  municipalityId: string;
  /** Rows checked: up to and including the break, or all of them. */
  rowsChecked: number;
  /** The last row checked and its hash: keep these outside the database to notice rows cut off the end. */
  lastId: number | null;
  lastHash: string | null;
  /** Rows whose snapshot retention has cleared: their digest cannot be checked any more, the rest can. */
  clearedSnapshots: number;
  break: AuditChainBreak | null;
}

export interface AuditChainReport {
  isIntact: boolean;
  municipalities: AuditChainOfMunicipality[];
}

interface CheckedRow {
  id: string;
  municipalityId: string;
  previousHash: string | null;
  rowHash: string | null;
  snapshotDigest: string | null;
  expectedRowHash: string;
  /** Null when the snapshot has been cleared. */
  expectedSnapshotDigest: string | null;
}

/**
 * Walks every municipality's chain in id order, a batch at a time (keyset on municipality and id, so memory
 * stays flat however long the log), and reports per municipality the first row where it breaks. The
 * database recomputes each row's hashes with the same functions its insert trigger used.
 */
export async function verifyAuditChain(db: Pick<Executor, 'execute'>, options: { batchSize?: number } = {}): Promise<AuditChainReport> {
  const batchSize = options.batchSize ?? 1000;
  const municipalities: AuditChainOfMunicipality[] = [];
  let current: AuditChainOfMunicipality | undefined;
  // Where the next batch starts: after this row, or (after a break) after this municipality's rows.
  let after: { municipalityId: string; id: string | null } | null = null;

  for (;;) {
    const position: ReturnType<typeof sql> =
      after === null ? sql`true` : after.id === null ? sql`municipality_id > ${after.municipalityId}::uuid` : sql`(municipality_id, id) > (${after.municipalityId}::uuid, ${after.id}::bigint)`;
    const rows = await queryRows<CheckedRow>(
      db,
      sql`select id::text as "id", municipality_id::text as "municipalityId", previous_hash as "previousHash", row_hash as "rowHash",
            snapshot_digest as "snapshotDigest",
            audit_row_hash(previous_hash, id, municipality_id, actor_user_id, actor_label, action, entity_type, entity_id, request_id, occurred_at, snapshot_digest) as "expectedRowHash",
            case when before is null and after is null then null else audit_snapshot_digest(before, after) end as "expectedSnapshotDigest"
          from audit_log where ${position}
          -- Qualified: a bare "id" would sort by the text column of the same name above.
          order by audit_log.municipality_id, audit_log.id limit ${batchSize}`,
    );
    if (rows.length === 0) break;

    for (const row of rows) {
      if (current?.municipalityId !== row.municipalityId) {
        current = { municipalityId: row.municipalityId, rowsChecked: 0, lastId: null, lastHash: null, clearedSnapshots: 0, break: null };
        municipalities.push(current);
      } else if (current.break) {
        continue;
      }
      const reason = breakAt(row, current.lastHash);
      current.rowsChecked++;
      if (row.expectedSnapshotDigest === null) current.clearedSnapshots++;
      if (reason) {
        current.break = { municipalityId: row.municipalityId, id: Number(row.id), reason };
      } else {
        current.lastId = Number(row.id);
        current.lastHash = row.rowHash;
      }
    }
    const last = rows[rows.length - 1];
    // After a break the rest of that municipality is not read: its first break is what the report names.
    after = current?.break ? { municipalityId: last.municipalityId, id: null } : { municipalityId: last.municipalityId, id: last.id };
  }
  return { isIntact: municipalities.every((chain) => chain.break === null), municipalities };
}

/** The row's own hash first (an edit), then its snapshot, then whether it follows on from the row before. */
function breakAt(row: CheckedRow, previousHash: string | null): AuditChainBreakReason | null {
  if (row.rowHash === null || row.rowHash !== row.expectedRowHash) return 'row-edited';
  if (row.expectedSnapshotDigest !== null && row.expectedSnapshotDigest !== row.snapshotDigest) return 'snapshot-edited';
  if (row.previousHash !== previousHash) return 'row-deleted';
  return null;
}

/**
 * Retention: clears before/after of audit rows older than the given moment, the one change the table's
 * trigger lets through (and only with this transaction's wijkwerk.audit_retention setting). Who did what,
 * when, stays; so does the chain, which covers the snapshot only through its digest. Needs a role with
 * UPDATE on audit_log: the migration role, not the runtime role. Returns the number of rows cleared.
 */
export async function clearAuditSnapshots(db: Executor, options: { occurredBefore: Date; municipalityId?: string }): Promise<number> {
  return inTransaction(db, async (tx) => {
    await tx.execute(sql`select set_config('wijkwerk.audit_retention', 'on', true)`);
    const cleared = await queryRows<{ id: string }>(
      tx,
      sql`update audit_log set before = null, after = null
          where occurred_at < ${options.occurredBefore.toISOString()}::timestamptz
            and (before is not null or after is not null)
            ${options.municipalityId ? sql`and municipality_id = ${options.municipalityId}::uuid` : sql``}
          returning id`,
    );
    await tx.execute(sql`select set_config('wijkwerk.audit_retention', 'off', true)`);
    return cleared.length;
  });
}
