import { date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { request } from '../requests/request.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { meeting } from './meeting.tables.ts';

export const minutesStates = ['draft', 'published'] as const;
export type MinutesState = (typeof minutesStates)[number];

/** The minutes of a held meeting: a draft while being written, then published to those who may read the meeting. */
export const meetingMinutes = pgTable(
  'meeting_minutes',
  {
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    meetingId: uuid('meeting_id').primaryKey(),
    body: text('body').notNull(),
    state: text('state').$type<MinutesState>().notNull(),
    authorUserId: uuid('author_user_id').notNull(),
    publishedAt: timestamp('published_at', { withTimezone: true }),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    foreignKey({ name: 'meeting_minutes_meeting_fk', columns: [table.municipalityId, table.meetingId], foreignColumns: [meeting.municipalityId, meeting.id] }).onDelete('cascade'),
    foreignKey({ name: 'meeting_minutes_author_fk', columns: [table.municipalityId, table.authorUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

export const followUpStates = ['open', 'done'] as const;
export type FollowUpState = (typeof followUpStates)[number];

/**
 * An agreement from the minutes (an "afspraak"): who does what by when. Tracked on the neighbourhood's page for staff
 * and the council until done; it can become a request, which then carries it further.
 */
export const meetingFollowUp = pgTable(
  'meeting_follow_up',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    meetingId: uuid('meeting_id').notNull(),
    neighbourhoodId: uuid('neighbourhood_id'),
    description: text('description').notNull(),
    ownerUserId: uuid('owner_user_id'),
    ownerName: text('owner_name'),
    dueOn: date('due_on').notNull(),
    state: text('state').$type<FollowUpState>().notNull().default('open'),
    requestId: uuid('request_id'),
    doneAt: timestamp('done_at', { withTimezone: true }),
    createdByUserId: uuid('created_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
    version: integer('version').notNull().default(1),
  },
  (table) => [
    unique('meeting_follow_up_tenant_key').on(table.municipalityId, table.id),
    index('meeting_follow_up_meeting_idx').on(table.municipalityId, table.meetingId),
    index('meeting_follow_up_neighbourhood_idx').on(table.municipalityId, table.neighbourhoodId, table.state, table.dueOn),
    foreignKey({ name: 'meeting_follow_up_meeting_fk', columns: [table.municipalityId, table.meetingId], foreignColumns: [meeting.municipalityId, meeting.id] }).onDelete('cascade'),
    foreignKey({ name: 'meeting_follow_up_neighbourhood_fk', columns: [table.municipalityId, table.neighbourhoodId], foreignColumns: [neighbourhood.municipalityId, neighbourhood.id] }),
    foreignKey({ name: 'meeting_follow_up_owner_fk', columns: [table.municipalityId, table.ownerUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
    foreignKey({ name: 'meeting_follow_up_request_fk', columns: [table.municipalityId, table.requestId], foreignColumns: [request.municipalityId, request.id] }),
    foreignKey({ name: 'meeting_follow_up_created_by_fk', columns: [table.municipalityId, table.createdByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);
