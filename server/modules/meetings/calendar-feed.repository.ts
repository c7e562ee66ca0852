import { and, arrayContains, asc, eq, exists, gte, inArray, isNull, ne, or, type SQL, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { council } from '../councils/council.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { roleAssignment, userAccount } from '../users/user.tables.ts';
import { calendarFeed } from './calendar-feed.tables.ts';
import { meetingKind } from './meeting-kind.tables.ts';
import { meetingParticipant } from './meeting-participant.tables.ts';
import type { MeetingRecord } from './meeting.repository.ts';
import { meeting } from './meeting.tables.ts';

/** Which meetings a person takes part in, as their grants say; see calendar-feed.service.ts. */
export interface Participation {
  userId: string;
  neighbourhoodIds: string[];
  councilIds: string[];
  isCollegeMember: boolean;
}

/** SQL for personal calendar feeds; every query filters on the municipality. */
export function createCalendarFeedRepository(db: Executor) {
  return {
    async findActiveFeedOf(municipalityId: string, userId: string) {
      const [row] = await db
        .select({ id: calendarFeed.id, createdAt: calendarFeed.createdAt })
        .from(calendarFeed)
        .where(and(eq(calendarFeed.municipalityId, municipalityId), eq(calendarFeed.userId, userId), isNull(calendarFeed.revokedAt)));
      return row;
    },

    /** The working feed with this token hash, of a person who can still log in. */
    async findByTokenHash(municipalityId: string, tokenHash: string) {
      const [row] = await db
        .select({ id: calendarFeed.id, userId: calendarFeed.userId, locale: userAccount.locale })
        .from(calendarFeed)
        .innerJoin(userAccount, and(eq(userAccount.municipalityId, calendarFeed.municipalityId), eq(userAccount.id, calendarFeed.userId)))
        .where(and(eq(calendarFeed.municipalityId, municipalityId), eq(calendarFeed.tokenHash, tokenHash), isNull(calendarFeed.revokedAt), eq(userAccount.isActive, true), isNull(userAccount.erasedAt)));
      return row;
    },

    async insert(values: typeof calendarFeed.$inferInsert) {
      const [row] = await db.insert(calendarFeed).values(values).returning();
      return row;
    },

    async revoke(municipalityId: string, feedId: string, at: Date) {
      const [row] = await db
        .update(calendarFeed)
        .set({ revokedAt: at })
        .where(and(eq(calendarFeed.municipalityId, municipalityId), eq(calendarFeed.id, feedId), isNull(calendarFeed.revokedAt)))
        .returning();
      return row;
    },

    /** The person's grants as they are now: a role given up since the feed was made no longer counts. */
    async grantsOf(municipalityId: string, userId: string) {
      return db.select({ role: roleAssignment.role, scopeId: roleAssignment.scopeId }).from(roleAssignment).where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.userId, userId)));
    },

    async neighbourhoodIdsOfCouncils(municipalityId: string, councilIds: string[]): Promise<string[]> {
      if (councilIds.length === 0) return [];
      const rows = await db.select({ id: council.neighbourhoodId }).from(council).where(and(eq(council.municipalityId, municipalityId), inArray(council.id, councilIds)));
      return rows.map((row) => row.id);
    },

    /**
     * The meetings from `from` on that this person takes part in, in one query: those of their neighbourhoods, those
     * they chair, planned or are invited to by name, and for a member of the college the wijktafels and wijkbezoeken
     * the college is invited to. Drafts are the planner's working copy and stay out. Dossier subjects are not read: a
     * calendar event does not show them.
     */
    async meetingsOf(municipalityId: string, participation: Participation, from: Date): Promise<MeetingRecord[]> {
      const invitedByName = db
        .select({ id: meetingParticipant.id })
        .from(meetingParticipant)
        .where(and(eq(meetingParticipant.municipalityId, meeting.municipalityId), eq(meetingParticipant.meetingId, meeting.id), eq(meetingParticipant.userId, participation.userId)));
      const takesPart: (SQL | undefined)[] = [eq(meeting.chairUserId, participation.userId), eq(meeting.createdByUserId, participation.userId), exists(invitedByName)];
      if (participation.neighbourhoodIds.length > 0) takesPart.push(inArray(meeting.neighbourhoodId, participation.neighbourhoodIds));
      if (participation.isCollegeMember) takesPart.push(and(inArray(meetingKind.code, ['wijktafel', 'wijkbezoek']), arrayContains(meeting.invitedGroups, ['college'])));
      const rows = await db
        .select({
          meeting,
          kind: { id: meetingKind.id, code: meetingKind.code, nameNl: meetingKind.nameNl, nameEn: meetingKind.nameEn, character: meetingKind.character, minutesDueWorkingDays: meetingKind.minutesDueWorkingDays },
          neighbourhoodName: neighbourhood.name,
          chairName: sql<string | null>`null`,
        })
        .from(meeting)
        .innerJoin(meetingKind, and(eq(meetingKind.municipalityId, meeting.municipalityId), eq(meetingKind.id, meeting.kindId)))
        .leftJoin(neighbourhood, and(eq(neighbourhood.municipalityId, meeting.municipalityId), eq(neighbourhood.id, meeting.neighbourhoodId)))
        .where(and(eq(meeting.municipalityId, municipalityId), gte(meeting.startsAt, from), ne(meeting.state, 'draft'), or(...takesPart)))
        .orderBy(asc(meeting.startsAt), asc(meeting.id))
        .limit(1000);
      return rows.map((row) => ({ ...row, themeIds: [] }));
    },
  };
}
