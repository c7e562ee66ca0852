import { and, asc, count, desc, eq, inArray, sql, type SQL } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { council } from '../councils/council.tables.ts';
import { meetingKind } from '../meetings/meeting-kind.tables.ts';
import { meetingParticipant } from '../meetings/meeting-participant.tables.ts';
import { meeting } from '../meetings/meeting.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { roleAssignment } from '../users/user.tables.ts';
import { actionPlanInvitation } from './action-plan-contribution.tables.ts';
import { actionPlanAction } from './action-plan-content.tables.ts';
import { actionPlan, actionPlanMethod, actionPlanVersion, type PartyKind } from './action-plan.tables.ts';

export type PlanRow = typeof actionPlan.$inferSelect;
export type MethodRow = typeof actionPlanMethod.$inferSelect;
export type VersionRow = typeof actionPlanVersion.$inferSelect;

export interface PlanRecord {
  plan: PlanRow;
  neighbourhood: { id: string; name: string; slug: string };
  meeting: { id: string; title: string; startsAt: Date; state: string };
}

export interface PlanListFilter {
  neighbourhoodIds?: string[];
  neighbourhoodId?: string;
  state?: PlanRow['state'];
  /** Partners see the plans their organisation is invited to or owns an action in. */
  partnerOrganisationIds?: string[];
  /** Drafts are the municipality's working copy. */
  withoutDrafts?: boolean;
}

/** A party's role and scope: who acts for a council, a partner organisation or a department. */
export const roleOfParty: Record<PartyKind, 'council_member' | 'partner' | 'officer'> = { council: 'council_member', partner: 'partner', department: 'officer' };
const partyOfRole: Record<string, PartyKind> = { council_member: 'council', partner: 'partner', officer: 'department' };

/** SQL for plans, the way of working and adopted versions; every query filters on the municipality. */
export function createActionPlanRepository(db: Executor) {
  const plansWithContext = () =>
    db
      .select({
        plan: actionPlan,
        neighbourhood: { id: neighbourhood.id, name: neighbourhood.name, slug: neighbourhood.slug },
        meeting: { id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, state: meeting.state },
      })
      .from(actionPlan)
      .innerJoin(neighbourhood, and(eq(neighbourhood.municipalityId, actionPlan.municipalityId), eq(neighbourhood.id, actionPlan.neighbourhoodId)))
      .innerJoin(meeting, and(eq(meeting.municipalityId, actionPlan.municipalityId), eq(meeting.id, actionPlan.meetingId)));

  function filterOf(municipalityId: string, filter: PlanListFilter): SQL | undefined {
    const conditions: (SQL | undefined)[] = [eq(actionPlan.municipalityId, municipalityId)];
    if (filter.neighbourhoodId) conditions.push(eq(actionPlan.neighbourhoodId, filter.neighbourhoodId));
    if (filter.neighbourhoodIds) conditions.push(filter.neighbourhoodIds.length ? inArray(actionPlan.neighbourhoodId, filter.neighbourhoodIds) : sql`false`);
    if (filter.state) conditions.push(eq(actionPlan.state, filter.state));
    if (filter.withoutDrafts) conditions.push(sql`${actionPlan.state} <> 'draft'`);
    if (filter.partnerOrganisationIds) {
      const ids = filter.partnerOrganisationIds;
      conditions.push(
        ids.length
          ? sql`(exists (select 1 from action_plan_invitation i where i.municipality_id = ${actionPlan.municipalityId} and i.plan_id = ${actionPlan.id} and i.partner_organisation_id in ${ids})
              or exists (select 1 from action_plan_action a where a.municipality_id = ${actionPlan.municipalityId} and a.plan_id = ${actionPlan.id} and a.owner_partner_organisation_id in ${ids}))`
          : sql`false`,
      );
    }
    return and(...conditions);
  }

  return {
    async findMethod(municipalityId: string): Promise<MethodRow | undefined> {
      const [row] = await db.select().from(actionPlanMethod).where(eq(actionPlanMethod.municipalityId, municipalityId));
      return row;
    },

    async insertMethod(values: typeof actionPlanMethod.$inferInsert): Promise<MethodRow | undefined> {
      const [row] = await db.insert(actionPlanMethod).values(values).onConflictDoNothing().returning();
      return row;
    },

    async updateMethod(municipalityId: string, expectedVersion: number, values: Partial<typeof actionPlanMethod.$inferInsert>): Promise<MethodRow | undefined> {
      const [row] = await db
        .update(actionPlanMethod)
        .set({ ...values, version: sql`${actionPlanMethod.version} + 1` })
        .where(and(eq(actionPlanMethod.municipalityId, municipalityId), eq(actionPlanMethod.version, expectedVersion)))
        .returning();
      return row;
    },

    /** The meeting a new plan is for, with its kind's code. */
    async findMeeting(municipalityId: string, meetingId: string) {
      const [row] = await db
        .select({ id: meeting.id, title: meeting.title, startsAt: meeting.startsAt, state: meeting.state, neighbourhoodId: meeting.neighbourhoodId, kindCode: meetingKind.code })
        .from(meeting)
        .innerJoin(meetingKind, and(eq(meetingKind.municipalityId, meeting.municipalityId), eq(meetingKind.id, meeting.kindId)))
        .where(and(eq(meeting.municipalityId, municipalityId), eq(meeting.id, meetingId)));
      return row;
    },

    async findNeighbourhoodName(municipalityId: string, neighbourhoodId: string): Promise<string | undefined> {
      const [row] = await db.select({ name: neighbourhood.name }).from(neighbourhood).where(and(eq(neighbourhood.municipalityId, municipalityId), eq(neighbourhood.id, neighbourhoodId)));
      return row?.name;
    },

    async hasPlanForMeeting(municipalityId: string, meetingId: string): Promise<boolean> {
      const [row] = await db.select({ id: actionPlan.id }).from(actionPlan).where(and(eq(actionPlan.municipalityId, municipalityId), eq(actionPlan.meetingId, meetingId)));
      return row !== undefined;
    },

    async insertPlan(values: typeof actionPlan.$inferInsert): Promise<PlanRow> {
      const [row] = await db.insert(actionPlan).values(values).returning();
      return row;
    },

    async findPlan(municipalityId: string, planId: string): Promise<PlanRecord | undefined> {
      const [row] = await plansWithContext().where(and(eq(actionPlan.municipalityId, municipalityId), eq(actionPlan.id, planId)));
      return row;
    },

    /** Locks the plan row for a change of its content, so two edits never interleave with an adoption. */
    async lockPlan(municipalityId: string, planId: string): Promise<PlanRow | undefined> {
      const [row] = await db
        .select()
        .from(actionPlan)
        .where(and(eq(actionPlan.municipalityId, municipalityId), eq(actionPlan.id, planId)))
        .for('update');
      return row;
    },

    async updatePlan(municipalityId: string, planId: string, expectedVersion: number, values: Partial<typeof actionPlan.$inferInsert>): Promise<PlanRow | undefined> {
      const [row] = await db
        .update(actionPlan)
        .set({ ...values, version: sql`${actionPlan.version} + 1` })
        .where(and(eq(actionPlan.municipalityId, municipalityId), eq(actionPlan.id, planId), eq(actionPlan.version, expectedVersion)))
        .returning();
      return row;
    },

    /** A change of content bumps the plan's version too, so a stale adoption is refused. */
    async touchPlan(municipalityId: string, planId: string, at: Date): Promise<void> {
      await db
        .update(actionPlan)
        .set({ updatedAt: at, version: sql`${actionPlan.version} + 1` })
        .where(and(eq(actionPlan.municipalityId, municipalityId), eq(actionPlan.id, planId)));
    },

    async listPlans(municipalityId: string, filter: PlanListFilter, page: { limit: number; offset: number }) {
      const where = filterOf(municipalityId, filter);
      const [rows, [{ total }]] = await Promise.all([
        plansWithContext().where(where).orderBy(desc(actionPlan.periodStartsOn), asc(neighbourhood.name)).limit(page.limit).offset(page.offset),
        db.select({ total: count() }).from(actionPlan).where(where),
      ]);
      return { rows, total };
    },

    /** Per plan: how many actions, how many done or dropped, how many open past their deadline. */
    async actionCounts(municipalityId: string, planIds: string[], today: string) {
      if (planIds.length === 0) return new Map<string, { total: number; done: number; dropped: number; overdue: number }>();
      const rows = await db
        .select({
          planId: actionPlanAction.planId,
          total: count(),
          done: sql<number>`count(*) filter (where ${actionPlanAction.progressStatus} = 'done')::int`,
          dropped: sql<number>`count(*) filter (where ${actionPlanAction.progressStatus} = 'dropped')::int`,
          overdue: sql<number>`count(*) filter (where ${actionPlanAction.progressStatus} not in ('done', 'dropped') and ${actionPlanAction.deadlineOn} < ${today})::int`,
        })
        .from(actionPlanAction)
        .where(and(eq(actionPlanAction.municipalityId, municipalityId), inArray(actionPlanAction.planId, planIds)))
        .groupBy(actionPlanAction.planId);
      return new Map(rows.map((row) => [row.planId, row]));
    },

    async councilsOfNeighbourhood(municipalityId: string, neighbourhoodId: string) {
      return db
        .select({ id: council.id, name: council.name })
        .from(council)
        .where(and(eq(council.municipalityId, municipalityId), eq(council.neighbourhoodId, neighbourhoodId)))
        .orderBy(asc(council.name));
    },

    /**
     * The parties taking part in the wijktafel: the organisations, departments and councils of the people invited by
     * name, and the neighbourhood's council when the meeting invites the council as a group.
     */
    async participantParties(municipalityId: string, meetingId: string, neighbourhoodId: string): Promise<{ kind: PartyKind; id: string }[]> {
      const rows = await db
        .select({ role: roleAssignment.role, scopeId: roleAssignment.scopeId })
        .from(meetingParticipant)
        .innerJoin(roleAssignment, and(eq(roleAssignment.municipalityId, meetingParticipant.municipalityId), eq(roleAssignment.userId, meetingParticipant.userId)))
        .where(and(eq(meetingParticipant.municipalityId, municipalityId), eq(meetingParticipant.meetingId, meetingId), inArray(roleAssignment.role, ['council_member', 'partner', 'officer'])));
      const parties = rows.filter((row) => row.scopeId !== null).map((row) => ({ kind: partyOfRole[row.role], id: row.scopeId as string }));
      const [groups] = await db.select({ invitedGroups: meeting.invitedGroups }).from(meeting).where(and(eq(meeting.municipalityId, municipalityId), eq(meeting.id, meetingId)));
      if (groups?.invitedGroups.includes('council')) {
        for (const row of await this.councilsOfNeighbourhood(municipalityId, neighbourhoodId)) parties.push({ kind: 'council', id: row.id });
      }
      return parties;
    },

    async invitedPartnerOrganisations(municipalityId: string, planId: string): Promise<string[]> {
      const rows = await db
        .select({ id: actionPlanInvitation.partnerOrganisationId })
        .from(actionPlanInvitation)
        .where(and(eq(actionPlanInvitation.municipalityId, municipalityId), eq(actionPlanInvitation.planId, planId), eq(actionPlanInvitation.partyKind, 'partner')));
      return rows.map((row) => row.id as string);
    },

    async insertVersion(values: typeof actionPlanVersion.$inferInsert): Promise<VersionRow> {
      const [row] = await db.insert(actionPlanVersion).values(values).returning();
      return row;
    },

    async listVersions(municipalityId: string, planId: string) {
      return db
        .select({ number: actionPlanVersion.number, adoptedOn: actionPlanVersion.adoptedOn, changeLog: actionPlanVersion.changeLog })
        .from(actionPlanVersion)
        .where(and(eq(actionPlanVersion.municipalityId, municipalityId), eq(actionPlanVersion.planId, planId)))
        .orderBy(asc(actionPlanVersion.number));
    },

    async findVersion(municipalityId: string, planId: string, number: number): Promise<VersionRow | undefined> {
      const [row] = await db
        .select()
        .from(actionPlanVersion)
        .where(and(eq(actionPlanVersion.municipalityId, municipalityId), eq(actionPlanVersion.planId, planId), eq(actionPlanVersion.number, number)));
      return row;
    },

    /** The plan in force for a neighbourhood: the latest adopted one that is not closed, else the latest closed one. */
    async currentAdoptedPlan(municipalityId: string, neighbourhoodId: string): Promise<PlanRecord | undefined> {
      const [row] = await plansWithContext()
        .where(and(eq(actionPlan.municipalityId, municipalityId), eq(actionPlan.neighbourhoodId, neighbourhoodId), sql`${actionPlan.currentVersionNumber} is not null`))
        .orderBy(sql`${actionPlan.state} = 'closed'`, desc(actionPlan.periodStartsOn))
        .limit(1);
      return row;
    },

    /** Is one of these partner organisations invited to the plan or owner of one of its actions? */
    async involvesPartner(municipalityId: string, planId: string, partnerOrganisationIds: string[]): Promise<boolean> {
      const [row] = await db
        .select({ id: actionPlan.id })
        .from(actionPlan)
        .where(and(eq(actionPlan.id, planId), filterOf(municipalityId, { partnerOrganisationIds })));
      return row !== undefined;
    },
  };
}

export type ActionPlanRepository = ReturnType<typeof createActionPlanRepository>;
