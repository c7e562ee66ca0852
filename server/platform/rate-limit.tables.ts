import { index, integer, pgTable, text, timestamp } from 'drizzle-orm/pg-core';

/**
 * Request counts shared by every instance on one database (RATE_LIMIT_STORE=database): one row per limit and
 * caller (user or address), counted up within its window and reset when the window has passed. Not tenant
 * data: a key names a caller, and an address is not bound to one municipality.
 */
export const rateLimitBucket = pgTable(
  'rate_limit_bucket',
  {
    bucketKey: text('bucket_key').primaryKey(),
    hits: integer('hits').notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('rate_limit_bucket_expiry_idx').on(table.expiresAt)],
);
