import { boolean, foreignKey, index, integer, pgTable, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';
import { municipality } from '../municipalities/municipality.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { meeting } from './meeting.tables.ts';

export const invitationAnswers = ['yes', 'no', 'maybe'] as const;
export type InvitationAnswer = (typeof invitationAnswers)[number];

/** What a guest is, when they are not a user of Wijkwerk: a member of the municipal council (raadslid) or anyone else. */
export const guestKinds = ['municipal_council_member', 'external'] as const;
export type GuestKind = (typeof guestKinds)[number];

/**
 * A person invited by name: a user (an officer who is involved, a partner, a council member), or an external guest
 * with a name and e-mail address. The groups a kind invites (the college, the council…) stay on the meeting; this
 * list is who receives an invitation, answers it and is marked present afterwards. `invitedSequence` is the
 * meeting's calendar SEQUENCE of the last invitation sent, so a change re-invites exactly those who had one.
 */
export const meetingParticipant = pgTable(
  'meeting_participant',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    municipalityId: uuid('municipality_id').notNull().references(() => municipality.id),
    meetingId: uuid('meeting_id').notNull(),
    userId: uuid('user_id'),
    guestName: text('guest_name'),
    guestEmail: text('guest_email'),
    guestKind: text('guest_kind').$type<GuestKind>(),
    isOptional: boolean('is_optional').notNull().default(false),
    answer: text('answer').$type<InvitationAnswer>(),
    answeredAt: timestamp('answered_at', { withTimezone: true }),
    invitedSequence: integer('invited_sequence'),
    invitedAt: timestamp('invited_at', { withTimezone: true }),
    attended: boolean('attended'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull(),
  },
  (table) => [
    unique('meeting_participant_tenant_key').on(table.municipalityId, table.id),
    uniqueIndex('meeting_participant_user_key').on(table.meetingId, table.userId).where(sql`${table.userId} is not null`),
    index('meeting_participant_meeting_idx').on(table.municipalityId, table.meetingId),
    index('meeting_participant_user_idx').on(table.municipalityId, table.userId),
    foreignKey({ name: 'meeting_participant_meeting_fk', columns: [table.municipalityId, table.meetingId], foreignColumns: [meeting.municipalityId, meeting.id] }).onDelete('cascade'),
    foreignKey({ name: 'meeting_participant_user_fk', columns: [table.municipalityId, table.userId], foreignColumns: [userAccount.municipalityId, userAccount.id] }),
  ],
);
