import { boolean, foreignKey, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { theme } from '../organisation/organisation.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { meetingKind } from './meeting-kind.tables.ts';
import type { InitiatorSide, ParticipantGroup } from './meeting.rules.ts';

// A draft comes from the planner: the municipality's working copy, seen by its staff only, until it is planned.
export const meetingStates = ['draft', 'planned', 'held', 'cancelled'] as const;
export type MeetingState = (typeof meetingStates)[number];

/**
 * One meeting of a kind, in a neighbourhood: when and where, who initiates and chairs, which groups are invited, and
 * its public part if the kind has one. A rule of the note that was set aside is kept with its reason and who did it,
 * so the evaluation can see where the municipality tailored the structure.
 */
export const meeting = pgTable(
  'meeting',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    kindId: uuid('kind_id').notNull(),
    neighbourhoodId: uuid('neighbourhood_id'),
    title: text('title').notNull(),
    startsAt: timestamp('starts_at', { withTimezone: true }).notNull(),
    endsAt: timestamp('ends_at', { withTimezone: true }).notNull(),
    location: text('location').notNull(),
    isLocationInNeighbourhood: boolean('is_location_in_neighbourhood').notNull(),
    initiatorSide: text('initiator_side').$type<InitiatorSide>().notNull(),
    chairUserId: uuid('chair_user_id'),
    publicPartStartsAt: timestamp('public_part_starts_at', { withTimezone: true }),
    publicPartEndsAt: timestamp('public_part_ends_at', { withTimezone: true }),
    publicPartLocation: text('public_part_location'),
    invitedGroups: text('invited_groups').array().$type<ParticipantGroup[]>().notNull(),
    state: text('state').$type<MeetingState>().notNull().default('planned'),
    overriddenRules: text('overridden_rules').array().notNull().default([]),
    overrideReason: text('override_reason'),
    overriddenByUserId: uuid('overridden_by_user_id'),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('meeting_tenant_key').on(table.municipalityId, table.id),
    // A neighbourhood's meetings by date (its page, its feed, the frequency overview); the municipality's by date.
    index('meeting_neighbourhood_idx').on(table.municipalityId, table.neighbourhoodId, table.startsAt),
    index('meeting_starts_idx').on(table.municipalityId, table.startsAt),
    foreignKey({ name: 'meeting_kind_fk', columns: [table.municipalityId, table.kindId], foreignColumns: [meetingKind.municipalityId, meetingKind.id] }),
    foreignKey({ name: 'meeting_neighbourhood_fk', columns: [table.municipalityId, table.neighbourhoodId], foreignColumns: [neighbourhood.municipalityId, neighbourhood.id] }),
    foreignKey({ name: 'meeting_chair_fk', columns: [table.municipalityId, table.chairUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    foreignKey({ name: 'meeting_overridden_by_fk', columns: [table.municipalityId, table.overriddenByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    foreignKey({ name: 'meeting_created_by_fk', columns: [table.municipalityId, table.createdByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/** The dossiers (by subject) a wijkwerkoverleg is about: they decide which alderman chairs. */
export const meetingTheme = pgTable(
  'meeting_theme',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    meetingId: uuid('meeting_id').notNull(),
    themeId: uuid('theme_id').notNull(),
  },
  (table) => [
    primaryKey({ columns: [table.meetingId, table.themeId] }),
    foreignKey({ name: 'meeting_theme_meeting_fk', columns: [table.municipalityId, table.meetingId], foreignColumns: [meeting.municipalityId, meeting.id] }).onDelete('cascade'),
    foreignKey({ name: 'meeting_theme_theme_fk', columns: [table.municipalityId, table.themeId], foreignColumns: [theme.municipalityId, theme.id] }),
  ],
);
