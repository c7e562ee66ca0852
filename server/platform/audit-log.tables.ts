import { bigserial, index, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../modules/municipalities/municipality.tables.ts';

/** Every change: who, when, what, before and after. Written in the transaction of the change. */
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
  },
  (table) => [
    index('audit_log_time_idx').on(table.municipalityId, table.occurredAt),
    index('audit_log_entity_idx').on(table.municipalityId, table.entityType, table.entityId),
    index('audit_log_actor_idx').on(table.municipalityId, table.actorUserId),
  ],
);
