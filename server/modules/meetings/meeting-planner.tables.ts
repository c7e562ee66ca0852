import { date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import type { BlackoutKind } from './meeting-planner.rules.ts';

/**
 * Municipality-wide periods without meetings for the planner: school holidays, the municipal council's recess, or
 * anything else the municipality names (a town-hall renovation). Both days belong to the period.
 */
export const blackoutPeriod = pgTable(
  'blackout_period',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    kind: text('kind').$type<BlackoutKind>().notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    description: text('description').notNull(),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('blackout_period_tenant_key').on(table.municipalityId, table.id),
    // The planner reads the periods that end on or after the start of its period.
    index('blackout_period_ends_idx').on(table.municipalityId, table.endsOn),
    foreignKey({ name: 'blackout_period_created_by_fk', columns: [table.municipalityId, table.createdByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** Days a member of staff cannot attend meetings (leave, a course); the planner does not propose a meeting for them then. */
export const blockedPeriod = pgTable(
  'blocked_period',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    userId: uuid('user_id').notNull(),
    startsOn: date('starts_on').notNull(),
    endsOn: date('ends_on').notNull(),
    reason: text('reason'),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('blocked_period_tenant_key').on(table.municipalityId, table.id),
    index('blocked_period_user_idx').on(table.municipalityId, table.userId, table.endsOn),
    index('blocked_period_ends_idx').on(table.municipalityId, table.endsOn),
    foreignKey({ name: 'blocked_period_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }).onDelete('cascade'),
    foreignKey({ name: 'blocked_period_created_by_fk', columns: [table.municipalityId, table.createdByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** The planner's settings, one row per municipality; without a row the defaults apply. */
export const meetingPlannerSetting = pgTable('meeting_planner_setting', {
  municipalityId: uuid('municipality_id')
    .primaryKey()
    .references(() => municipality.id),
  /** An advisor runs at most this many planned meetings a month (the note: the advisor was overloaded, §2.3). */
  maxPerAdvisorPerMonth: integer('max_per_advisor_per_month').notNull().default(2),
  updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
});
