import { bigint, foreignKey, index, jsonb, pgTable, text, timestamp, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { userAccount, userSession } from './user.tables.ts';

export type SecondFactorKind = 'totp' | 'passkey';

/**
 * A second factor of a staff member: an authenticator app (TOTP, RFC 6238) or a passkey (WebAuthn). A TOTP
 * factor counts only once confirmed with a first code, so a half-finished enrolment cannot lock anyone out.
 */
export const secondFactor = pgTable(
  'second_factor',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    kind: text('kind').$type<SecondFactorKind>().notNull(),
    /** The person's own name for it: "telefoon", "YubiKey". */
    label: text('label').notNull(),
    /** TOTP: the shared secret (base32). Never leaves the server after enrolment. */
    totpSecret: text('totp_secret'),
    /** TOTP: the last time step accepted, so a code is used once (RFC 6238 §5.2). */
    totpLastStep: bigint('totp_last_step', { mode: 'number' }),
    /** Passkey: the credential id (base64url), its public key (base64url COSE) and signature counter. */
    credentialId: text('credential_id'),
    publicKey: text('public_key'),
    signCount: bigint('sign_count', { mode: 'number' }),
    transports: jsonb('transports').$type<string[]>(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
  },
  (table) => [
    index('second_factor_user_idx').on(table.municipalityId, table.userId),
    uniqueIndex('second_factor_credential_key').on(table.credentialId),
    foreignKey({ name: 'second_factor_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
  ],
);

export type ChallengePurpose = 'login' | 'passkeyRegistration' | 'reauthentication';

/**
 * A short-lived challenge between two steps: the login after a correct password and before the second factor
 * (found by the token handed to the browser), or a passkey ceremony of a logged-in session.
 */
export const authChallenge = pgTable(
  'auth_challenge',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    purpose: text('purpose').$type<ChallengePurpose>().notNull(),
    /** Login: SHA-256 of the token the browser holds between the two steps. */
    tokenHash: text('token_hash'),
    /** Ceremonies of a logged-in person belong to their session. */
    sessionId: uuid('session_id'),
    /** The WebAuthn challenge the browser has to sign. */
    passkeyChallenge: text('passkey_challenge'),
    attempts: bigint('attempts', { mode: 'number' }).notNull().default(0),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    uniqueIndex('auth_challenge_token_key').on(table.tokenHash),
    index('auth_challenge_session_idx').on(table.sessionId),
    index('auth_challenge_expiry_idx').on(table.expiresAt),
    foreignKey({ name: 'auth_challenge_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
    foreignKey({ name: 'auth_challenge_session_fk', columns: [table.sessionId], foreignColumns: [userSession.id] }).onDelete('cascade'),
  ],
);
