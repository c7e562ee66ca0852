import { and, asc, count, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { userAccount } from '../users/user.tables.ts';
import { meetingFollowUp, meetingMinutes } from './meeting-minutes.tables.ts';
import { meeting } from './meeting.tables.ts';

export type MinutesRow = typeof meetingMinutes.$inferSelect;
export type FollowUpRow = typeof meetingFollowUp.$inferSelect;
export interface FollowUpRecord {
  followUp: FollowUpRow;
  meetingTitle: string;
  ownerDisplayName: string | null;
}

/** SQL for minutes and follow-up items; every query filters on the municipality. */
export function createMeetingMinutesRepository(db: Executor) {
  const followUpsWithNames = () =>
    db
      .select({ followUp: meetingFollowUp, meetingTitle: meeting.title, ownerDisplayName: userAccount.displayName })
      .from(meetingFollowUp)
      .innerJoin(meeting, and(eq(meeting.municipalityId, meetingFollowUp.municipalityId), eq(meeting.id, meetingFollowUp.meetingId)))
      .leftJoin(userAccount, and(eq(userAccount.municipalityId, meetingFollowUp.municipalityId), eq(userAccount.id, meetingFollowUp.ownerUserId)));

  return {
    async findMinutes(municipalityId: string, meetingId: string): Promise<MinutesRow | undefined> {
      const [row] = await db.select().from(meetingMinutes).where(and(eq(meetingMinutes.municipalityId, municipalityId), eq(meetingMinutes.meetingId, meetingId)));
      return row;
    },

    async insertMinutes(values: typeof meetingMinutes.$inferInsert): Promise<MinutesRow> {
      const [row] = await db.insert(meetingMinutes).values(values).returning();
      return row;
    },

    /** Only a draft changes, and only from the version the writer read. */
    async updateDraft(municipalityId: string, meetingId: string, expectedVersion: number, values: Partial<typeof meetingMinutes.$inferInsert>): Promise<MinutesRow | undefined> {
      const [row] = await db
        .update(meetingMinutes)
        .set({ ...values, version: sql`${meetingMinutes.version} + 1` })
        .where(and(eq(meetingMinutes.municipalityId, municipalityId), eq(meetingMinutes.meetingId, meetingId), eq(meetingMinutes.version, expectedVersion), eq(meetingMinutes.state, 'draft')))
        .returning();
      return row;
    },

    async followUpsOfMeeting(municipalityId: string, meetingId: string): Promise<FollowUpRecord[]> {
      return followUpsWithNames()
        .where(and(eq(meetingFollowUp.municipalityId, municipalityId), eq(meetingFollowUp.meetingId, meetingId)))
        .orderBy(asc(meetingFollowUp.dueOn), asc(meetingFollowUp.id))
        .limit(200);
    },

    async findFollowUp(municipalityId: string, followUpId: string): Promise<FollowUpRecord | undefined> {
      const [row] = await followUpsWithNames().where(and(eq(meetingFollowUp.municipalityId, municipalityId), eq(meetingFollowUp.id, followUpId)));
      return row;
    },

    async insertFollowUp(values: typeof meetingFollowUp.$inferInsert): Promise<FollowUpRow> {
      const [row] = await db.insert(meetingFollowUp).values(values).returning();
      return row;
    },

    async updateFollowUp(municipalityId: string, followUpId: string, expectedVersion: number, values: Partial<typeof meetingFollowUp.$inferInsert>): Promise<FollowUpRow | undefined> {
      const [row] = await db
        .update(meetingFollowUp)
        .set({ ...values, version: sql`${meetingFollowUp.version} + 1` })
        .where(and(eq(meetingFollowUp.municipalityId, municipalityId), eq(meetingFollowUp.id, followUpId), eq(meetingFollowUp.version, expectedVersion)))
        .returning();
      return row;
    },

    /** A neighbourhood's follow-up items, open ones first by due date. */
    async followUpsOfNeighbourhood(municipalityId: string, neighbourhoodId: string, filter: { state?: string; offset: number; limit: number }) {
      const where = and(
        eq(meetingFollowUp.municipalityId, municipalityId),
        eq(meetingFollowUp.neighbourhoodId, neighbourhoodId),
        filter.state ? eq(meetingFollowUp.state, filter.state as never) : undefined,
      );
      const [rows, [{ total }]] = await Promise.all([
        followUpsWithNames().where(where).orderBy(asc(meetingFollowUp.state), asc(meetingFollowUp.dueOn), asc(meetingFollowUp.id)).offset(filter.offset).limit(filter.limit),
        db.select({ total: count() }).from(meetingFollowUp).where(where),
      ]);
      return { rows, total };
    },

    async userExists(municipalityId: string, userId: string): Promise<boolean> {
      const [row] = await db.select({ id: userAccount.id }).from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
      return Boolean(row);
    },
  };
}
