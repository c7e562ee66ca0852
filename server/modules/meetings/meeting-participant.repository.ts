import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { userAccount } from '../users/user.tables.ts';
import { meetingParticipant } from './meeting-participant.tables.ts';

export type ParticipantRow = typeof meetingParticipant.$inferSelect;
export interface ParticipantRecord {
  participant: ParticipantRow;
  userName: string | null;
  userEmail: string | null;
  userLocale: 'nl' | 'en' | null;
}

/** SQL for the people invited by name; every query filters on the municipality. */
export function createMeetingParticipantRepository(db: Executor) {
  return {
    async list(municipalityId: string, meetingId: string): Promise<ParticipantRecord[]> {
      return db
        .select({ participant: meetingParticipant, userName: userAccount.displayName, userEmail: userAccount.email, userLocale: userAccount.locale })
        .from(meetingParticipant)
        .leftJoin(userAccount, and(eq(userAccount.municipalityId, meetingParticipant.municipalityId), eq(userAccount.id, meetingParticipant.userId)))
        .where(and(eq(meetingParticipant.municipalityId, municipalityId), eq(meetingParticipant.meetingId, meetingId)))
        .orderBy(asc(meetingParticipant.createdAt), asc(meetingParticipant.id))
        .limit(500);
    },

    async insert(values: typeof meetingParticipant.$inferInsert): Promise<ParticipantRow | undefined> {
      // Someone invited twice stays one participant.
      const [row] = await db.insert(meetingParticipant).values(values).onConflictDoNothing().returning();
      return row;
    },

    async remove(municipalityId: string, meetingId: string, participantId: string): Promise<ParticipantRow | undefined> {
      const [row] = await db
        .delete(meetingParticipant)
        .where(and(eq(meetingParticipant.municipalityId, municipalityId), eq(meetingParticipant.meetingId, meetingId), eq(meetingParticipant.id, participantId)))
        .returning();
      return row;
    },

    async update(municipalityId: string, participantId: string, values: Partial<typeof meetingParticipant.$inferInsert>) {
      const [row] = await db.update(meetingParticipant).set(values).where(and(eq(meetingParticipant.municipalityId, municipalityId), eq(meetingParticipant.id, participantId))).returning();
      return row;
    },

    async markInvited(municipalityId: string, participantIds: string[], sequence: number, at: Date) {
      if (participantIds.length === 0) return;
      await db
        .update(meetingParticipant)
        .set({ invitedSequence: sequence, invitedAt: at })
        .where(and(eq(meetingParticipant.municipalityId, municipalityId), inArray(meetingParticipant.id, participantIds)));
    },

    /** Present are those named; everyone else invited by name was absent. */
    async recordAttendance(municipalityId: string, meetingId: string, presentIds: string[]) {
      await db
        .update(meetingParticipant)
        .set({ attended: presentIds.length > 0 ? inArray(meetingParticipant.id, presentIds) : false })
        .where(and(eq(meetingParticipant.municipalityId, municipalityId), eq(meetingParticipant.meetingId, meetingId)));
    },

    async userExists(municipalityId: string, userId: string): Promise<boolean> {
      const [row] = await db.select({ id: userAccount.id }).from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId), eq(userAccount.isActive, true)));
      return Boolean(row);
    },
  };
}
