import { sql } from 'drizzle-orm';
import { boolean, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Role, ScopeType } from '../../platform/permissions.ts';
import { municipality } from '../municipalities/municipality.tables.ts';

export const userAccount = pgTable(
  'user_account',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    /** Stored lower-case: addresses compare case-insensitively. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash'),
    locale: text('locale').$type<'nl' | 'en'>().notNull().default('nl'),
    isActive: boolean('is_active').notNull().default(true),
    /** An e-mail copy of each notification, and/or one daily digest instead. */
    wantsEmailCopies: boolean('wants_email_copies').notNull().default(true),
    wantsDailyDigest: boolean('wants_daily_digest').notNull().default(false),
    version: integer('version').notNull().default(1),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    /** Set when the person's data was erased at their request (AVG art. 17): the row stays, anonymised, for what refers to it. */
    erasedAt: timestamp('erased_at', { withTimezone: true }),
    /**
     * The neighbourhood the person lives in, chosen by themselves: forms start there. Its foreign key
     * (municipality_id, home_neighbourhood_id) → neighbourhood is written by hand in migration 0009, because the
     * neighbourhood tables refer to this file and a reference back would be a cycle.
     */
    homeNeighbourhoodId: uuid('home_neighbourhood_id'),
  },
  (table) => [uniqueIndex('user_account_email_key').on(table.municipalityId, table.email), unique('user_account_tenant_key').on(table.municipalityId, table.id)],
);

/** What a role is scoped to: a council member to a council, an advisor to neighbourhoods, and so on. */
export const roleAssignment = pgTable(
  'role_assignment',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    role: text('role').$type<Role>().notNull(),
    scopeType: text('scope_type').$type<ScopeType>().notNull(),
    /** Null for municipality-wide scope. */
    scopeId: uuid('scope_id'),
    /** E.g. "voorzitter" or "secretaris" for a council member. */
    title: text('title'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (table) => [
    index('role_assignment_user_idx').on(table.municipalityId, table.userId),
    foreignKey({ name: 'role_assignment_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
    index('role_assignment_scope_idx').on(table.municipalityId, table.scopeType, table.scopeId),
    uniqueIndex('role_assignment_unique_key')
      .on(table.userId, table.role, table.scopeType, sql`coalesce(${table.scopeId}, '00000000-0000-0000-0000-000000000000'::uuid)`),
  ],
);

/** A browser session: only the SHA-256 of the 256-bit token is stored. */
export const userSession = pgTable(
  'user_session',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    csrfToken: text('csrf_token').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastSeenAt: timestamp('last_seen_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
    ipAddress: text('ip_address'),
    userAgent: text('user_agent'),
    /** When the person last proved who they are here (logging in or confirming again): changes to roles, passwords and tokens need this to be recent. */
    authenticatedAt: timestamp('authenticated_at', { withTimezone: true }).notNull(),
    /** Set when the login included a second factor (an authenticator app code or a passkey). */
    secondFactorAt: timestamp('second_factor_at', { withTimezone: true }),
    /** The person must add a second factor before they can do anything else with this session. */
    mustEnrolSecondFactor: boolean('must_enrol_second_factor').notNull().default(false),
  },
  (table) => [
    uniqueIndex('user_session_token_key').on(table.tokenHash),
    index('user_session_user_idx').on(table.municipalityId, table.userId),
    foreignKey({ name: 'user_session_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
  ],
);

/** A token for machine clients (integrations); shown once, stored hashed. */
export const apiToken = pgTable(
  'api_token',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    name: text('name').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** The first characters, so a person can recognise a token in a list. */
    prefix: text('prefix').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    lastUsedAt: timestamp('last_used_at', { withTimezone: true }),
    /** Every token expires, so a forgotten one stops working on its own. */
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    revokedAt: timestamp('revoked_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('api_token_hash_key').on(table.tokenHash),
    index('api_token_user_idx').on(table.municipalityId, table.userId),
    foreignKey({ name: 'api_token_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
  ],
);

/** Failed logins, counted per account and per IP address to slow down guessing. */
export const loginFailure = pgTable(
  'login_failure',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    throttleKey: text('throttle_key').notNull(),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
  },
  (table) => [index('login_failure_key_idx').on(table.throttleKey, table.occurredAt)],
);

/**
 * A single-use link with which a person sets their own password: for a new account (invitation) or after an
 * administrator resets it. Only the SHA-256 of the token is stored; the link itself exists only in the e-mail.
 */
export const passwordLink = pgTable(
  'password_link',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    /** invitation: a new account; reset: an administrator sent it; forgotten: the person asked for it. */
    purpose: text('purpose').$type<'invitation' | 'reset' | 'forgotten'>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    usedAt: timestamp('used_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('password_link_token_key').on(table.tokenHash),
    index('password_link_user_idx').on(table.municipalityId, table.userId),
    foreignKey({ name: 'password_link_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
  ],
);

/**
 * A resident who registered and has not yet confirmed their e-mail address. Nothing becomes an account until the
 * link in the e-mail is used, so nobody can hold an address they do not read; expired rows are deleted by a job.
 * The neighbourhood's foreign key is written by hand in migration 0009 (see user_account.home_neighbourhood_id).
 */
export const registration = pgTable(
  'registration',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    /** Stored lower-case, like an account's. */
    email: text('email').notNull(),
    displayName: text('display_name').notNull(),
    passwordHash: text('password_hash').notNull(),
    locale: text('locale').$type<'nl' | 'en'>().notNull().default('nl'),
    homeNeighbourhoodId: uuid('home_neighbourhood_id'),
    /** Only the SHA-256 of the confirmation token; the token itself exists only in the e-mail. */
    tokenHash: text('token_hash').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
    confirmedAt: timestamp('confirmed_at', { withTimezone: true }),
  },
  (table) => [
    uniqueIndex('registration_token_key').on(table.tokenHash),
    index('registration_email_idx').on(table.municipalityId, table.email, table.createdAt),
    index('registration_expiry_idx').on(table.expiresAt),
  ],
);
