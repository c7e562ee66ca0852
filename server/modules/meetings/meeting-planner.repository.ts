import { and, asc, eq, gte, inArray, lte, ne, sql } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { councilTerm, portfolio } from '../organisation/organisation.tables.ts';
import { roleAssignment, userAccount } from '../users/user.tables.ts';
import { meetingKind } from './meeting-kind.tables.ts';
import { blackoutPeriod, blockedPeriod, meetingPlannerSetting } from './meeting-planner.tables.ts';
import { meeting } from './meeting.tables.ts';

/** What one planner run may read at most: every wijk of a large municipality several times over. */
const plannerRowLimit = 20_000;

/** SQL for the planner's periods and settings, and the registry it reads; every query filters on the municipality. */
export function createMeetingPlannerRepository(db: Executor) {
  return {
    async listBlackoutPeriods(municipalityId: string, endingOnOrAfter?: string) {
      const conditions = [eq(blackoutPeriod.municipalityId, municipalityId)];
      if (endingOnOrAfter) conditions.push(gte(blackoutPeriod.endsOn, endingOnOrAfter));
      return db
        .select()
        .from(blackoutPeriod)
        .where(and(...conditions))
        .orderBy(asc(blackoutPeriod.startsOn), asc(blackoutPeriod.id))
        .limit(500);
    },

    async insertBlackoutPeriod(values: typeof blackoutPeriod.$inferInsert) {
      const [row] = await db.insert(blackoutPeriod).values(values).returning();
      return row;
    },

    async deleteBlackoutPeriod(municipalityId: string, id: string) {
      const [row] = await db
        .delete(blackoutPeriod)
        .where(and(eq(blackoutPeriod.municipalityId, municipalityId), eq(blackoutPeriod.id, id)))
        .returning();
      return row;
    },

    async listBlockedPeriods(municipalityId: string, filter: { userId?: string; endingOnOrAfter?: string }) {
      const conditions = [eq(blockedPeriod.municipalityId, municipalityId)];
      if (filter.userId) conditions.push(eq(blockedPeriod.userId, filter.userId));
      if (filter.endingOnOrAfter) conditions.push(gte(blockedPeriod.endsOn, filter.endingOnOrAfter));
      return db
        .select({ period: blockedPeriod, userName: userAccount.displayName })
        .from(blockedPeriod)
        .innerJoin(userAccount, and(eq(userAccount.municipalityId, blockedPeriod.municipalityId), eq(userAccount.id, blockedPeriod.userId)))
        .where(and(...conditions))
        .orderBy(asc(blockedPeriod.startsOn), asc(blockedPeriod.id))
        .limit(500);
    },

    async findBlockedPeriod(municipalityId: string, id: string) {
      const [row] = await db
        .select()
        .from(blockedPeriod)
        .where(and(eq(blockedPeriod.municipalityId, municipalityId), eq(blockedPeriod.id, id)));
      return row;
    },

    async insertBlockedPeriod(values: typeof blockedPeriod.$inferInsert) {
      const [row] = await db.insert(blockedPeriod).values(values).returning();
      return row;
    },

    async deleteBlockedPeriod(municipalityId: string, id: string) {
      await db.delete(blockedPeriod).where(and(eq(blockedPeriod.municipalityId, municipalityId), eq(blockedPeriod.id, id)));
    },

    async userName(municipalityId: string, userId: string): Promise<string | undefined> {
      const [row] = await db
        .select({ name: userAccount.displayName })
        .from(userAccount)
        .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
      return row?.name;
    },

    async settings(municipalityId: string) {
      const [row] = await db.select().from(meetingPlannerSetting).where(eq(meetingPlannerSetting.municipalityId, municipalityId));
      return { maxPerAdvisorPerMonth: row?.maxPerAdvisorPerMonth ?? 2 };
    },

    async saveSettings(municipalityId: string, maxPerAdvisorPerMonth: number, now: Date) {
      await db
        .insert(meetingPlannerSetting)
        .values({ municipalityId, maxPerAdvisorPerMonth, updatedAt: now })
        .onConflictDoUpdate({ target: meetingPlannerSetting.municipalityId, set: { maxPerAdvisorPerMonth, updatedAt: now } });
    },

    /** The neighbourhoods to plan (all, or these), with the development-area agreement that may exempt them. */
    async neighbourhoods(municipalityId: string, only: string[] | null) {
      const conditions = [eq(neighbourhood.municipalityId, municipalityId)];
      if (only) conditions.push(inArray(neighbourhood.id, only.length > 0 ? only : ['00000000-0000-0000-0000-000000000000']));
      return db
        .select({ id: neighbourhood.id, name: neighbourhood.name, developmentAgreement: neighbourhood.developmentAgreement })
        .from(neighbourhood)
        .where(and(...conditions))
        .orderBy(asc(neighbourhood.id))
        .limit(plannerRowLimit);
    },

    /** Advisors by neighbourhood, and the aldermen: who holds neighbourhood policy, and the whole college. */
    async people(municipalityId: string) {
      const rows = await db
        .select({ userId: roleAssignment.userId, role: roleAssignment.role, scopeId: roleAssignment.scopeId, isNeighbourhoodPolicy: portfolio.isNeighbourhoodPolicy })
        .from(roleAssignment)
        .innerJoin(userAccount, and(eq(userAccount.municipalityId, roleAssignment.municipalityId), eq(userAccount.id, roleAssignment.userId)))
        .leftJoin(portfolio, and(eq(portfolio.municipalityId, roleAssignment.municipalityId), eq(portfolio.id, roleAssignment.scopeId)))
        .where(and(eq(roleAssignment.municipalityId, municipalityId), inArray(roleAssignment.role, ['advisor', 'alderman']), eq(userAccount.isActive, true)))
        .orderBy(asc(roleAssignment.userId))
        .limit(plannerRowLimit);
      const advisorsByNeighbourhood = new Map<string, string[]>();
      const college = new Set<string>();
      const neighbourhoodPolicy = new Set<string>();
      for (const row of rows) {
        if (row.role === 'advisor' && row.scopeId) advisorsByNeighbourhood.set(row.scopeId, [...(advisorsByNeighbourhood.get(row.scopeId) ?? []), row.userId]);
        if (row.role === 'alderman') {
          college.add(row.userId);
          if (row.isNeighbourhoodPolicy) neighbourhoodPolicy.add(row.userId);
        }
      }
      return { advisorsByNeighbourhood, college: [...college].sort(), neighbourhoodPolicy: [...neighbourhoodPolicy].sort() };
    },

    async kinds(municipalityId: string) {
      return db
        .select({ id: meetingKind.id, code: meetingKind.code, frequencyRule: meetingKind.frequencyRule, frequencyValue: meetingKind.frequencyValue })
        .from(meetingKind)
        .where(eq(meetingKind.municipalityId, municipalityId))
        .limit(100);
    },

    async terms(municipalityId: string) {
      return db.select({ startsOn: councilTerm.startsOn, endsOn: councilTerm.endsOn }).from(councilTerm).where(eq(councilTerm.municipalityId, municipalityId)).limit(100);
    },

    /** The meetings of these kinds that are not cancelled (drafts count: they are planned, not yet fixed). */
    async meetingDays(municipalityId: string, kindIds: string[]) {
      if (kindIds.length === 0) return [];
      return db
        .select({ neighbourhoodId: meeting.neighbourhoodId, kindId: meeting.kindId, startsAt: meeting.startsAt })
        .from(meeting)
        .where(and(eq(meeting.municipalityId, municipalityId), inArray(meeting.kindId, kindIds), ne(meeting.state, 'cancelled')))
        .orderBy(asc(meeting.startsAt))
        .limit(plannerRowLimit);
    },

    /** Meetings of any kind in the period that take someone's week or month: who chairs, where, what kind. */
    async occupied(municipalityId: string, from: string, to: string) {
      return db
        .select({ startsAt: meeting.startsAt, chairUserId: meeting.chairUserId, neighbourhoodId: meeting.neighbourhoodId, kindCode: meetingKind.code })
        .from(meeting)
        .innerJoin(meetingKind, and(eq(meetingKind.municipalityId, meeting.municipalityId), eq(meetingKind.id, meeting.kindId)))
        .where(
          and(
            eq(meeting.municipalityId, municipalityId),
            ne(meeting.state, 'cancelled'),
            gte(meeting.startsAt, sql`(${from}::date)::timestamp at time zone 'Europe/Amsterdam'`),
            lte(meeting.startsAt, sql`((${to}::date) + 1)::timestamp at time zone 'Europe/Amsterdam'`),
          ),
        )
        .limit(plannerRowLimit);
    },

    async blockedInPeriod(municipalityId: string, from: string, to: string) {
      return db
        .select({ userId: blockedPeriod.userId, from: blockedPeriod.startsOn, to: blockedPeriod.endsOn })
        .from(blockedPeriod)
        .where(and(eq(blockedPeriod.municipalityId, municipalityId), gte(blockedPeriod.endsOn, from), lte(blockedPeriod.startsOn, to)))
        .limit(plannerRowLimit);
    },

    async blackoutsInPeriod(municipalityId: string, from: string, to: string) {
      return db
        .select({ kind: blackoutPeriod.kind, from: blackoutPeriod.startsOn, to: blackoutPeriod.endsOn, description: blackoutPeriod.description })
        .from(blackoutPeriod)
        .where(and(eq(blackoutPeriod.municipalityId, municipalityId), gte(blackoutPeriod.endsOn, from), lte(blackoutPeriod.startsOn, to)))
        .limit(plannerRowLimit);
    },

    async insertMeetings(values: (typeof meeting.$inferInsert)[]) {
      return db.insert(meeting).values(values).returning();
    },
  };
}
