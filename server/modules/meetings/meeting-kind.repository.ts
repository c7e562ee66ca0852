import { and, asc, eq, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { meetingKind } from './meeting-kind.tables.ts';

export type MeetingKindRow = typeof meetingKind.$inferSelect;

/** SQL for a municipality's meeting kinds: five rows, read whole. */
export function createMeetingKindRepository(db: Executor) {
  return {
    async list(municipalityId: string): Promise<MeetingKindRow[]> {
      return db.select().from(meetingKind).where(eq(meetingKind.municipalityId, municipalityId)).orderBy(asc(meetingKind.sortOrder), asc(meetingKind.code)).limit(20);
    },

    async findById(municipalityId: string, id: string): Promise<MeetingKindRow | undefined> {
      const [row] = await db.select().from(meetingKind).where(and(eq(meetingKind.municipalityId, municipalityId), eq(meetingKind.id, id)));
      return row;
    },

    async update(municipalityId: string, id: string, expectedVersion: number, values: Partial<typeof meetingKind.$inferInsert>, now: Date): Promise<MeetingKindRow | undefined> {
      const [row] = await db
        .update(meetingKind)
        .set({ ...values, updatedAt: now, version: sql`${meetingKind.version} + 1` })
        .where(and(eq(meetingKind.municipalityId, municipalityId), eq(meetingKind.id, id), eq(meetingKind.version, expectedVersion)))
        .returning();
      return row;
    },

    async insertMany(values: (typeof meetingKind.$inferInsert)[]): Promise<void> {
      if (values.length > 0) await db.insert(meetingKind).values(values).onConflictDoNothing();
    },
  };
}
