import { index, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';

/**
 * One login through the municipality's identity provider, between sending the browser there and its return: the
 * state (only its SHA-256), the nonce and the PKCE verifier that the return is checked against, and the browser it
 * was started in (the SHA-256 of a cookie). Used once; expired rows are deleted by a job.
 */
export const signOnAttempt = pgTable(
  'sign_on_attempt',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id')
      .notNull()
      .references(() => municipality.id),
    stateHash: text('state_hash').notNull(),
    browserHash: text('browser_hash').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    /** Where in the app the person was going; checked to lie within the municipality. */
    returnTo: text('return_to').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [uniqueIndex('sign_on_attempt_state_key').on(table.stateHash), index('sign_on_attempt_expiry_idx').on(table.expiresAt)],
);
