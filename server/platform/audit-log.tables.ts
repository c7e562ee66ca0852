import { bigint, bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../modules/municipalities/municipality.tables.ts';

/**
 * Every change: who, when, what, before and after. Written in the transaction of the change.
 *
 * Append-only and hash-chained per municipality (docs/decisions/0007-audit-log-hash-chain.md): the
 * database fills `previous_hash`, `snapshot_digest` and `row_hash` itself in a BEFORE INSERT trigger
 * (migration 0005_audit_chain), whatever the writer sends, and refuses UPDATE and DELETE. They are
 * nullable here only so that an insert need not name them; the trigger sets them on every row.
 */
export const auditLog = pgTable(
  'audit_log',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    actorUserId: uuid('actor_user_id'),
    actorLabel: text('actor_label').notNull(),
    action: text('action').notNull(),
    entityType: text('entity_type').notNull(),
    entityId: text('entity_id').notNull(),
    before: jsonb('before'),
    after: jsonb('after'),
    requestId: text('request_id'),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    /** sha256 of the canonical JSON of {before, after}: the row hash covers the snapshot through this. */
    snapshotDigest: text('snapshot_digest'),
    /** The municipality's previous row's `row_hash`; null on its first row. */
    previousHash: text('previous_hash'),
    rowHash: text('row_hash'),
  },
  (table) => [
    index('audit_log_time_idx').on(table.municipalityId, table.occurredAt),
    index('audit_log_entity_idx').on(table.municipalityId, table.entityType, table.entityId),
    index('audit_log_actor_idx').on(table.municipalityId, table.actorUserId),
    // The chain's order: verification walks it by id.
    index('audit_log_chain_idx').on(table.municipalityId, table.id),
  ],
);

/**
 * The head of each municipality's audit chain: the id and hash of its last row. The chaining trigger locks this row
 * until the transaction ends, so writers of one municipality take their turn, and reads the previous hash from it:
 * the same cost however long the log, whatever the planner thinks of it (migration 0024). Only the trigger
 * (SECURITY DEFINER) touches it; the runtime role has no rights on it.
 */
export const auditChainHead = pgTable('audit_chain_head', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipality.id),
  lastId: bigint('last_id', { mode: 'number' }),
  rowHash: text('row_hash'),
});
