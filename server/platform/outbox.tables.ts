import { index, integer, jsonb, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../modules/municipalities/municipality.tables.ts';

export const outboxChannels = ['email', 'in_app'] as const;
export type OutboxChannel = (typeof outboxChannels)[number];
/** pending → sent (SMTP accepted it) | stored (no SMTP configured: kept for the admin outbox page) | failed. */
export const outboxStatuses = ['pending', 'sent', 'stored', 'failed'] as const;
export type OutboxStatus = (typeof outboxStatuses)[number];

/** Messages to people, written in the same transaction as the change they announce. */
export const outboxMessage = pgTable(
  'outbox_message',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    channel: text('channel').$type<OutboxChannel>().notNull(),
    recipientUserId: uuid('recipient_user_id'),
    recipientEmail: text('recipient_email'),
    subject: text('subject').notNull(),
    body: text('body').notNull(),
    topic: text('topic').notNull(),
    payload: jsonb('payload'),
    status: text('status').$type<OutboxStatus>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    lastError: text('last_error'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    readAt: timestamp('read_at', { withTimezone: true }),
  },
  (table) => [
    index('outbox_message_pending_idx').on(table.status, table.createdAt),
    index('outbox_message_municipality_idx').on(table.municipalityId, table.createdAt),
    index('outbox_message_recipient_idx').on(table.municipalityId, table.recipientUserId, table.channel),
  ],
);
