import { sql } from 'drizzle-orm';
import { boolean, date, foreignKey, index, integer, pgTable, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../municipalities/municipality.tables.ts';
import { request } from '../requests/request.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { meeting } from './meeting.tables.ts';

/** A council asks for its request to be discussed; the organiser accepts it onto the agenda or declines with a reason. */
export const agendaItemStates = ['requested', 'accepted', 'declined'] as const;
export type AgendaItemState = (typeof agendaItemStates)[number];

/** One point on a meeting's agenda: free text, optionally about a request (a question, advice or initiative). */
export const meetingAgendaItem = pgTable(
  'meeting_agenda_item',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    meetingId: uuid('meeting_id').notNull(),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    description: text('description'),
    requestId: uuid('request_id'),
    state: text('state').$type<AgendaItemState>().notNull(),
    declineReason: text('decline_reason'),
    /** Asked for by the council rather than put on by the organiser. */
    isProposal: boolean('is_proposal').notNull().default(false),
    proposedByUserId: uuid('proposed_by_user_id').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('meeting_agenda_item_tenant_key').on(table.municipalityId, table.id),
    index('meeting_agenda_item_meeting_idx').on(table.municipalityId, table.meetingId, table.position),
    foreignKey({ name: 'meeting_agenda_item_meeting_fk', columns: [table.municipalityId, table.meetingId], foreignColumns: [meeting.municipalityId, meeting.id] }).onDelete('cascade'),
    foreignKey({ name: 'meeting_agenda_item_request_fk', columns: [table.municipalityId, table.requestId], foreignColumns: [request.municipalityId, request.id] }),
    foreignKey({ name: 'meeting_agenda_item_proposed_by_fk', columns: [table.municipalityId, table.proposedByUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);

/**
 * A contribution someone prepares for the meeting (a memo, figures, a short presentation) by a due date. The
 * scheduler reminds the person once, two working days before; `remindedAt` keeps it to once.
 */
export const meetingContribution = pgTable(
  'meeting_contribution',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    meetingId: uuid('meeting_id').notNull(),
    title: text('title').notNull(),
    assigneeUserId: uuid('assignee_user_id').notNull(),
    dueOn: date('due_on').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true }),
    deliveredText: text('delivered_text'),
    remindedAt: timestamp('reminded_at', { withTimezone: true }),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('meeting_contribution_tenant_key').on(table.municipalityId, table.id),
    index('meeting_contribution_meeting_idx').on(table.municipalityId, table.meetingId),
    // The reminder sweep: open contributions by due date, across municipalities.
    index('meeting_contribution_due_idx').on(table.dueOn).where(sql`${table.deliveredAt} is null and ${table.remindedAt} is null`),
    foreignKey({ name: 'meeting_contribution_meeting_fk', columns: [table.municipalityId, table.meetingId], foreignColumns: [meeting.municipalityId, meeting.id] }).onDelete('cascade'),
    foreignKey({ name: 'meeting_contribution_assignee_fk', columns: [table.municipalityId, table.assigneeUserId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);
