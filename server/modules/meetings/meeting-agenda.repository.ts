import { and, asc, eq, inArray, max, or } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { request } from '../requests/request.tables.ts';
import { userAccount } from '../users/user.tables.ts';
import { meetingAgendaItem, meetingContribution } from './meeting-agenda.tables.ts';

export type AgendaItemRow = typeof meetingAgendaItem.$inferSelect;

/** SQL for agendas and preparation contributions; every query filters on the municipality. */
export function createMeetingAgendaRepository(db: Executor) {
  return {
    async items(municipalityId: string, meetingId: string) {
      return db
        .select({ item: meetingAgendaItem, requestReference: request.reference, requestTitle: request.title, requestIsPublic: request.isPublic })
        .from(meetingAgendaItem)
        .leftJoin(request, and(eq(request.municipalityId, meetingAgendaItem.municipalityId), eq(request.id, meetingAgendaItem.requestId)))
        .where(and(eq(meetingAgendaItem.municipalityId, municipalityId), eq(meetingAgendaItem.meetingId, meetingId)))
        .orderBy(asc(meetingAgendaItem.position), asc(meetingAgendaItem.createdAt))
        .limit(200);
    },

    async findItem(municipalityId: string, meetingId: string, itemId: string): Promise<AgendaItemRow | undefined> {
      const [row] = await db
        .select()
        .from(meetingAgendaItem)
        .where(and(eq(meetingAgendaItem.municipalityId, municipalityId), eq(meetingAgendaItem.meetingId, meetingId), eq(meetingAgendaItem.id, itemId)));
      return row;
    },

    async nextPosition(municipalityId: string, meetingId: string): Promise<number> {
      const [row] = await db
        .select({ last: max(meetingAgendaItem.position) })
        .from(meetingAgendaItem)
        .where(and(eq(meetingAgendaItem.municipalityId, municipalityId), eq(meetingAgendaItem.meetingId, meetingId)));
      return (row?.last ?? 0) + 1;
    },

    async insertItem(values: typeof meetingAgendaItem.$inferInsert): Promise<AgendaItemRow> {
      const [row] = await db.insert(meetingAgendaItem).values(values).returning();
      return row;
    },

    async updateItem(municipalityId: string, itemId: string, values: Partial<typeof meetingAgendaItem.$inferInsert>): Promise<AgendaItemRow | undefined> {
      const [row] = await db.update(meetingAgendaItem).set(values).where(and(eq(meetingAgendaItem.municipalityId, municipalityId), eq(meetingAgendaItem.id, itemId))).returning();
      return row;
    },

    async deleteItem(municipalityId: string, itemId: string): Promise<void> {
      await db.delete(meetingAgendaItem).where(and(eq(meetingAgendaItem.municipalityId, municipalityId), eq(meetingAgendaItem.id, itemId)));
    },

    /** The request, if it exists here; `ofCouncils` limits it to requests of those councils or of the person. */
    async findRequest(municipalityId: string, requestId: string, ofCouncils?: { councilIds: string[]; userId: string }) {
      const mine = ofCouncils ? or(ofCouncils.councilIds.length > 0 ? inArray(request.councilId, ofCouncils.councilIds) : undefined, eq(request.submitterUserId, ofCouncils.userId)) : undefined;
      const [row] = await db
        .select({ id: request.id, neighbourhoodId: request.neighbourhoodId })
        .from(request)
        .where(and(eq(request.municipalityId, municipalityId), eq(request.id, requestId), mine));
      return row;
    },

    async contributions(municipalityId: string, meetingId: string) {
      return db
        .select({ contribution: meetingContribution, assigneeName: userAccount.displayName })
        .from(meetingContribution)
        .innerJoin(userAccount, and(eq(userAccount.municipalityId, meetingContribution.municipalityId), eq(userAccount.id, meetingContribution.assigneeUserId)))
        .where(and(eq(meetingContribution.municipalityId, municipalityId), eq(meetingContribution.meetingId, meetingId)))
        .orderBy(asc(meetingContribution.dueOn), asc(meetingContribution.id))
        .limit(200);
    },

    async findContribution(municipalityId: string, meetingId: string, contributionId: string) {
      const [row] = await db
        .select()
        .from(meetingContribution)
        .where(and(eq(meetingContribution.municipalityId, municipalityId), eq(meetingContribution.meetingId, meetingId), eq(meetingContribution.id, contributionId)));
      return row;
    },

    async insertContribution(values: typeof meetingContribution.$inferInsert) {
      const [row] = await db.insert(meetingContribution).values(values).returning();
      return row;
    },

    async updateContribution(municipalityId: string, contributionId: string, values: Partial<typeof meetingContribution.$inferInsert>) {
      const [row] = await db.update(meetingContribution).set(values).where(and(eq(meetingContribution.municipalityId, municipalityId), eq(meetingContribution.id, contributionId))).returning();
      return row;
    },

    async userExists(municipalityId: string, userId: string): Promise<boolean> {
      const [row] = await db.select({ id: userAccount.id }).from(userAccount).where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
      return Boolean(row);
    },
  };
}
