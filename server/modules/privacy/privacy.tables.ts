import { foreignKey, index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { municipality } from '../municipalities/municipality.tables.ts';
import { userAccount } from '../users/user.tables.ts';

export const erasureRequestStatuses = ['pending', 'carriedOut'] as const;
export type ErasureRequestStatus = (typeof erasureRequestStatuses)[number];

/**
 * A person's request to have their data erased (AVG art. 17), and when an administrator carried it out. The
 * account it names is anonymised, not deleted, so this row keeps pointing at it.
 */
export const erasureRequest = pgTable(
  'erasure_request',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    status: text('status').$type<ErasureRequestStatus>().notNull().default('pending'),
    requestedAt: timestamp('requested_at', { withTimezone: true }).notNull(),
    carriedOutAt: timestamp('carried_out_at', { withTimezone: true }),
    carriedOutByUserId: uuid('carried_out_by_user_id'),
  },
  (table) => [
    index('erasure_request_status_idx').on(table.municipalityId, table.status, table.requestedAt),
    // One open request per person: asking twice changes nothing.
    uniqueIndex('erasure_request_pending_key').on(table.municipalityId, table.userId).where(sql`${table.status} = 'pending'`),
    foreignKey({ name: 'erasure_request_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    foreignKey({ name: 'erasure_request_handler_fk', columns: [table.municipalityId, table.carriedOutByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);
