import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';

/**
 * A person who runs the installation: creates municipalities, nothing inside them. Not an account of any
 * municipality, so no municipality's admin can make or remove one; the first is made with a command on the server
 * (`npm run platform:admin`), never through a page.
 */
export const platformAdministrator = pgTable(
  'platform_administrator',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    /** Stored lower-case, like an account's. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    /** Set when the administrator may no longer log in; the row stays for the records that name them. */
    disabledAt: timestamp('disabled_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('platform_administrator_email_key').on(table.email)],
);

/** A platform administrator's browser session: a cookie of its own, only the SHA-256 of its token stored. */
export const platformSession = pgTable(
  'platform_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    administratorId: uuid('administrator_id')
      .notNull()
      .references(() => platformAdministrator.id, { onDelete: 'cascade' }),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('platform_session_token_key').on(table.tokenHash), index('platform_session_administrator_idx').on(table.administratorId)],
);
