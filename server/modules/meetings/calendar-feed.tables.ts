import { sql } from 'drizzle-orm';
import { foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { userAccount } from '../users/user.tables.ts';

/**
 * A person's own calendar feed: the meetings they take part in, reachable by a secret address that a calendar app
 * polls without a session. Only the token's SHA-256 is stored, so a database leak hands out no working address. A
 * revoked feed stays as a row (when it was made and revoked, for the person and the audit) but answers no more.
 */
export const calendarFeed = pgTable(
  'calendar_feed',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('calendar_feed_token_hash_key').on(table.tokenHash),
    // One working address per person: making a new one revokes the old one in the same transaction.
    uniqueIndex('calendar_feed_active_key').on(table.municipalityId, table.userId).where(sql`${table.revokedAt} is null`),
    index('calendar_feed_user_idx').on(table.municipalityId, table.userId),
    foreignKey({ name: 'calendar_feed_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
  ],
);
