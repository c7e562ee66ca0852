import { and, asc, desc, eq, inArray, isNotNull, max, type SQL, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { council } from '../councils/council.tables.ts';
import { meetingFollowUp } from '../meetings/meeting-minutes.tables.ts';
import { department, partnerOrganisation, theme } from '../organisation/organisation.tables.ts';
import { request } from '../requests/request.tables.ts';
import { roleAssignment, userAccount } from '../users/user.tables.ts';
import { actionPlanContribution, actionPlanInvitation } from './action-plan-contribution.tables.ts';
import { actionPlanAction, actionPlanChallenge, actionPlanChallengeTheme, actionPlanPoint, actionProgress, actionProgressEvidence } from './action-plan-content.tables.ts';
import { actionPlan, type PartyKind } from './action-plan.tables.ts';
import { neighbourhood } from '../neighbourhoods/neighbourhood.tables.ts';
import { roleOfParty } from './action-plan.repository.ts';

export type ChallengeRow = typeof actionPlanChallenge.$inferSelect;
export type ActionRow = typeof actionPlanAction.$inferSelect;
export type InvitationRow = typeof actionPlanInvitation.$inferSelect;
export type ContributionRow = typeof actionPlanContribution.$inferSelect;
export type PointRow = typeof actionPlanPoint.$inferSelect;

export interface PartyRef {
  kind: PartyKind;
  id: string;
}

/** The id column of each kind of party, on tables that name one party. */
export function partyColumns(party: PartyRef) {
  return {
    partyKind: party.kind,
    councilId: party.kind === 'council' ? party.id : null,
    partnerOrganisationId: party.kind === 'partner' ? party.id : null,
    departmentId: party.kind === 'department' ? party.id : null,
  };
}

export function partyOf(row: { partyKind: PartyKind; councilId: string | null; partnerOrganisationId: string | null; departmentId: string | null }): PartyRef {
  return { kind: row.partyKind, id: (row.councilId ?? row.partnerOrganisationId ?? row.departmentId) as string };
}

export function ownerOf(row: ActionRow): PartyRef | null {
  if (!row.ownerKind) return null;
  return { kind: row.ownerKind, id: (row.ownerDepartmentId ?? row.ownerPartnerOrganisationId ?? row.ownerCouncilId) as string };
}

/** SQL for a plan's challenges, actions, points, invitations, contributions and progress; every query filters on the municipality. */
export function createActionPlanContentRepository(db: Executor) {
  const contact = alias(userAccount, 'contact');

  /** Evidence kept in object storage, read before a delete cascades to its rows: the objects go after the commit. */
  async function evidenceKeysOf(municipalityId: string, condition: SQL): Promise<string[]> {
    const rows = await db
      .select({ storageKey: actionProgressEvidence.storageKey })
      .from(actionProgressEvidence)
      .where(and(eq(actionProgressEvidence.municipalityId, municipalityId), condition, isNotNull(actionProgressEvidence.storageKey)));
    return rows.map((row) => row.storageKey ?? '').filter(Boolean);
  }

  return {
    async challenges(municipalityId: string, planId: string) {
      const [rows, themes] = await Promise.all([
        db
          .select()
          .from(actionPlanChallenge)
          .where(and(eq(actionPlanChallenge.municipalityId, municipalityId), eq(actionPlanChallenge.planId, planId)))
          .orderBy(asc(actionPlanChallenge.position), asc(actionPlanChallenge.createdAt)),
        db
          .select({ challengeId: actionPlanChallengeTheme.challengeId, id: theme.id, nameNl: theme.nameNl, nameEn: theme.nameEn })
          .from(actionPlanChallengeTheme)
          .innerJoin(actionPlanChallenge, and(eq(actionPlanChallenge.municipalityId, actionPlanChallengeTheme.municipalityId), eq(actionPlanChallenge.id, actionPlanChallengeTheme.challengeId)))
          .innerJoin(theme, and(eq(theme.municipalityId, actionPlanChallengeTheme.municipalityId), eq(theme.id, actionPlanChallengeTheme.themeId)))
          .where(and(eq(actionPlanChallengeTheme.municipalityId, municipalityId), eq(actionPlanChallenge.planId, planId)))
          .orderBy(asc(theme.nameNl)),
      ]);
      return rows.map((row) => ({ challenge: row, themes: themes.filter((item) => item.challengeId === row.id).map(({ challengeId: _, ...item }) => item) }));
    },

    /** The actions with the names of their owner and contact, and a label of where they came from. */
    async actions(municipalityId: string, planId: string, options: { actionId?: string } = {}) {
      return db
        .select({
          action: actionPlanAction,
          ownerName: sql<string | null>`coalesce(${department.name}, ${partnerOrganisation.name}, ${council.name})`,
          contactName: contact.displayName,
          originRequest: sql<string | null>`case when ${request.id} is null then null else ${request.reference} || ' ' || ${request.title} end`,
          originFollowUp: meetingFollowUp.description,
          originContribution: sql<string | null>`(select coalesce(d.name, p.name, c.name) from action_plan_contribution k
              left join department d on d.municipality_id = k.municipality_id and d.id = k.department_id
              left join partner_organisation p on p.municipality_id = k.municipality_id and p.id = k.partner_organisation_id
              left join council c on c.municipality_id = k.municipality_id and c.id = k.council_id
              where k.municipality_id = ${actionPlanAction.municipalityId} and k.action_id = ${actionPlanAction.id} and k.state = 'taken_over' limit 1)`,
          originContributionId: sql<string | null>`(select k.id from action_plan_contribution k where k.municipality_id = ${actionPlanAction.municipalityId} and k.action_id = ${actionPlanAction.id} and k.state = 'taken_over' limit 1)`,
        })
        .from(actionPlanAction)
        .leftJoin(department, and(eq(department.municipalityId, actionPlanAction.municipalityId), eq(department.id, actionPlanAction.ownerDepartmentId)))
        .leftJoin(partnerOrganisation, and(eq(partnerOrganisation.municipalityId, actionPlanAction.municipalityId), eq(partnerOrganisation.id, actionPlanAction.ownerPartnerOrganisationId)))
        .leftJoin(council, and(eq(council.municipalityId, actionPlanAction.municipalityId), eq(council.id, actionPlanAction.ownerCouncilId)))
        .leftJoin(contact, and(eq(contact.municipalityId, actionPlanAction.municipalityId), eq(contact.id, actionPlanAction.contactUserId)))
        .leftJoin(request, and(eq(request.municipalityId, actionPlanAction.municipalityId), eq(request.id, actionPlanAction.originRequestId)))
        .leftJoin(meetingFollowUp, and(eq(meetingFollowUp.municipalityId, actionPlanAction.municipalityId), eq(meetingFollowUp.id, actionPlanAction.originFollowUpId)))
        .where(and(eq(actionPlanAction.municipalityId, municipalityId), eq(actionPlanAction.planId, planId), options.actionId ? eq(actionPlanAction.id, options.actionId) : undefined))
        .orderBy(asc(actionPlanAction.position), asc(actionPlanAction.createdAt))
        .limit(5000);
    },

    async findChallenge(municipalityId: string, challengeId: string): Promise<ChallengeRow | undefined> {
      const [row] = await db.select().from(actionPlanChallenge).where(and(eq(actionPlanChallenge.municipalityId, municipalityId), eq(actionPlanChallenge.id, challengeId)));
      return row;
    },

    async findAction(municipalityId: string, actionId: string): Promise<ActionRow | undefined> {
      const [row] = await db.select().from(actionPlanAction).where(and(eq(actionPlanAction.municipalityId, municipalityId), eq(actionPlanAction.id, actionId)));
      return row;
    },

    async nextChallengePosition(municipalityId: string, planId: string): Promise<number> {
      const [row] = await db
        .select({ last: max(actionPlanChallenge.position) })
        .from(actionPlanChallenge)
        .where(and(eq(actionPlanChallenge.municipalityId, municipalityId), eq(actionPlanChallenge.planId, planId)));
      return (row?.last ?? 0) + 1;
    },

    async nextActionPosition(municipalityId: string, challengeId: string): Promise<number> {
      const [row] = await db
        .select({ last: max(actionPlanAction.position) })
        .from(actionPlanAction)
        .where(and(eq(actionPlanAction.municipalityId, municipalityId), eq(actionPlanAction.challengeId, challengeId)));
      return (row?.last ?? 0) + 1;
    },

    async insertChallenge(values: typeof actionPlanChallenge.$inferInsert, themeIds: string[]): Promise<ChallengeRow> {
      const [row] = await db.insert(actionPlanChallenge).values(values).returning();
      if (themeIds.length) await db.insert(actionPlanChallengeTheme).values(themeIds.map((themeId) => ({ municipalityId: row.municipalityId, challengeId: row.id, themeId })));
      return row;
    },

    async updateChallenge(municipalityId: string, challengeId: string, values: Partial<typeof actionPlanChallenge.$inferInsert>, themeIds: string[] | undefined): Promise<ChallengeRow> {
      const [row] = Object.keys(values).length
        ? await db.update(actionPlanChallenge).set(values).where(and(eq(actionPlanChallenge.municipalityId, municipalityId), eq(actionPlanChallenge.id, challengeId))).returning()
        : await db.select().from(actionPlanChallenge).where(and(eq(actionPlanChallenge.municipalityId, municipalityId), eq(actionPlanChallenge.id, challengeId)));
      if (themeIds) {
        await db.delete(actionPlanChallengeTheme).where(and(eq(actionPlanChallengeTheme.municipalityId, municipalityId), eq(actionPlanChallengeTheme.challengeId, challengeId)));
        if (themeIds.length) await db.insert(actionPlanChallengeTheme).values(themeIds.map((themeId) => ({ municipalityId, challengeId, themeId })));
      }
      return row;
    },

    /** The object keys of the evidence that goes with it (see evidenceKeysOf). */
    async deleteChallenge(municipalityId: string, challengeId: string): Promise<string[]> {
      const storageKeys = await evidenceKeysOf(municipalityId, sql`${actionProgressEvidence.actionId} in (select id from action_plan_action where municipality_id = ${municipalityId} and challenge_id = ${challengeId})`);
      // A contribution taken over into one of its actions goes back to "submitted" rather than pointing nowhere.
      await db
        .update(actionPlanContribution)
        .set({ actionId: null, state: 'submitted', handledAt: null, handledByUserId: null })
        .where(and(eq(actionPlanContribution.municipalityId, municipalityId), sql`${actionPlanContribution.actionId} in (select id from action_plan_action where municipality_id = ${municipalityId} and challenge_id = ${challengeId})`));
      await db.delete(actionPlanChallenge).where(and(eq(actionPlanChallenge.municipalityId, municipalityId), eq(actionPlanChallenge.id, challengeId)));
      return storageKeys;
    },

    async insertAction(values: typeof actionPlanAction.$inferInsert): Promise<ActionRow> {
      const [row] = await db.insert(actionPlanAction).values(values).returning();
      return row;
    },

    async updateAction(municipalityId: string, actionId: string, expectedVersion: number, values: Partial<typeof actionPlanAction.$inferInsert>): Promise<ActionRow | undefined> {
      const [row] = await db
        .update(actionPlanAction)
        .set({ ...values, version: sql`${actionPlanAction.version} + 1` })
        .where(and(eq(actionPlanAction.municipalityId, municipalityId), eq(actionPlanAction.id, actionId), eq(actionPlanAction.version, expectedVersion)))
        .returning();
      return row;
    },

    /** The object keys of the evidence that goes with it (see evidenceKeysOf). */
    async deleteAction(municipalityId: string, actionId: string): Promise<string[]> {
      const storageKeys = await evidenceKeysOf(municipalityId, eq(actionProgressEvidence.actionId, actionId));
      await db
        .update(actionPlanContribution)
        .set({ actionId: null, state: 'submitted', handledAt: null, handledByUserId: null })
        .where(and(eq(actionPlanContribution.municipalityId, municipalityId), eq(actionPlanContribution.actionId, actionId)));
      await db.delete(actionPlanAction).where(and(eq(actionPlanAction.municipalityId, municipalityId), eq(actionPlanAction.id, actionId)));
      return storageKeys;
    },

    async points(municipalityId: string, planId: string): Promise<PointRow[]> {
      return db
        .select()
        .from(actionPlanPoint)
        .where(and(eq(actionPlanPoint.municipalityId, municipalityId), eq(actionPlanPoint.planId, planId)))
        .orderBy(asc(actionPlanPoint.createdAt))
        .limit(500);
    },

    async insertPoint(values: typeof actionPlanPoint.$inferInsert): Promise<PointRow> {
      const [row] = await db.insert(actionPlanPoint).values(values).returning();
      return row;
    },

    async findPoint(municipalityId: string, pointId: string): Promise<PointRow | undefined> {
      const [row] = await db.select().from(actionPlanPoint).where(and(eq(actionPlanPoint.municipalityId, municipalityId), eq(actionPlanPoint.id, pointId)));
      return row;
    },

    async deletePoint(municipalityId: string, pointId: string): Promise<void> {
      await db.delete(actionPlanPoint).where(and(eq(actionPlanPoint.municipalityId, municipalityId), eq(actionPlanPoint.id, pointId)));
    },

    /** Which of these themes are the municipality's. */
    async knownThemes(municipalityId: string, themeIds: string[]): Promise<Set<string>> {
      if (!themeIds.length) return new Set();
      const rows = await db.select({ id: theme.id }).from(theme).where(and(eq(theme.municipalityId, municipalityId), inArray(theme.id, themeIds)));
      return new Set(rows.map((row) => row.id));
    },

    /** The party's name, or undefined when it is not the municipality's. */
    async partyName(municipalityId: string, party: PartyRef): Promise<string | undefined> {
      const table = party.kind === 'department' ? department : party.kind === 'partner' ? partnerOrganisation : council;
      const [row] = await db
        .select({ name: table.name })
        .from(table)
        .where(and(eq(table.municipalityId, municipalityId), eq(table.id, party.id)));
      return row?.name;
    },

    async councilNeighbourhood(municipalityId: string, councilId: string): Promise<string | undefined> {
      const [row] = await db.select({ neighbourhoodId: council.neighbourhoodId }).from(council).where(and(eq(council.municipalityId, municipalityId), eq(council.id, councilId)));
      return row?.neighbourhoodId;
    },

    /** Does this person act for the party (a council member of the council, a partner's person, an officer of the department)? */
    async actsFor(municipalityId: string, userId: string, party: PartyRef): Promise<boolean> {
      const [row] = await db
        .select({ id: roleAssignment.id })
        .from(roleAssignment)
        .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.userId, userId), eq(roleAssignment.role, roleOfParty[party.kind]), eq(roleAssignment.scopeId, party.id)))
        .limit(1);
      return row !== undefined;
    },

    async findRequest(municipalityId: string, requestId: string) {
      const [row] = await db
        .select({ id: request.id, neighbourhoodId: request.neighbourhoodId, reference: request.reference, title: request.title, isPublic: request.isPublic, submitterUserId: request.submitterUserId })
        .from(request)
        .where(and(eq(request.municipalityId, municipalityId), eq(request.id, requestId)));
      return row;
    },

    /** The actions that take up a request, with their plan: what the request's page shows. */
    async actionsTakingUp(municipalityId: string, requestId: string) {
      return db
        .select({
          action: { id: actionPlanAction.id, title: actionPlanAction.title, status: actionPlanAction.progressStatus, deadlineOn: actionPlanAction.deadlineOn },
          plan: { id: actionPlan.id, title: actionPlan.title, state: actionPlan.state, currentVersionNumber: actionPlan.currentVersionNumber },
          neighbourhood: { id: neighbourhood.id, name: neighbourhood.name, slug: neighbourhood.slug },
        })
        .from(actionPlanAction)
        .innerJoin(actionPlan, and(eq(actionPlan.municipalityId, actionPlanAction.municipalityId), eq(actionPlan.id, actionPlanAction.planId)))
        .innerJoin(neighbourhood, and(eq(neighbourhood.municipalityId, actionPlan.municipalityId), eq(neighbourhood.id, actionPlan.neighbourhoodId)))
        .where(and(eq(actionPlanAction.municipalityId, municipalityId), eq(actionPlanAction.originRequestId, requestId)))
        .orderBy(asc(actionPlanAction.createdAt))
        .limit(50);
    },

    async findFollowUp(municipalityId: string, followUpId: string) {
      const [row] = await db
        .select({ id: meetingFollowUp.id, neighbourhoodId: meetingFollowUp.neighbourhoodId })
        .from(meetingFollowUp)
        .where(and(eq(meetingFollowUp.municipalityId, municipalityId), eq(meetingFollowUp.id, followUpId)));
      return row;
    },

    async invitations(municipalityId: string, planId: string) {
      return db
        .select({ invitation: actionPlanInvitation, name: sql<string>`coalesce(${department.name}, ${partnerOrganisation.name}, ${council.name})` })
        .from(actionPlanInvitation)
        .leftJoin(department, and(eq(department.municipalityId, actionPlanInvitation.municipalityId), eq(department.id, actionPlanInvitation.departmentId)))
        .leftJoin(partnerOrganisation, and(eq(partnerOrganisation.municipalityId, actionPlanInvitation.municipalityId), eq(partnerOrganisation.id, actionPlanInvitation.partnerOrganisationId)))
        .leftJoin(council, and(eq(council.municipalityId, actionPlanInvitation.municipalityId), eq(council.id, actionPlanInvitation.councilId)))
        .where(and(eq(actionPlanInvitation.municipalityId, municipalityId), eq(actionPlanInvitation.planId, planId)))
        .orderBy(asc(actionPlanInvitation.partyKind), asc(sql`3`))
        .limit(500);
    },

    async insertInvitations(values: (typeof actionPlanInvitation.$inferInsert)[]): Promise<InvitationRow[]> {
      return values.length ? db.insert(actionPlanInvitation).values(values).onConflictDoNothing().returning() : [];
    },

    async markContributed(municipalityId: string, planId: string, party: PartyRef, at: Date): Promise<void> {
      const columns = partyColumns(party);
      await db
        .update(actionPlanInvitation)
        .set({ contributedAt: at })
        .where(
          and(
            eq(actionPlanInvitation.municipalityId, municipalityId),
            eq(actionPlanInvitation.planId, planId),
            eq(actionPlanInvitation.partyKind, party.kind),
            sql`coalesce(${actionPlanInvitation.councilId}, ${actionPlanInvitation.partnerOrganisationId}, ${actionPlanInvitation.departmentId}) = ${columns.councilId ?? columns.partnerOrganisationId ?? columns.departmentId}`,
            sql`${actionPlanInvitation.contributedAt} is null`,
          ),
        );
    },

    async contributions(municipalityId: string, planId: string) {
      return db
        .select({ contribution: actionPlanContribution, name: sql<string>`coalesce(${department.name}, ${partnerOrganisation.name}, ${council.name})` })
        .from(actionPlanContribution)
        .leftJoin(department, and(eq(department.municipalityId, actionPlanContribution.municipalityId), eq(department.id, actionPlanContribution.departmentId)))
        .leftJoin(partnerOrganisation, and(eq(partnerOrganisation.municipalityId, actionPlanContribution.municipalityId), eq(partnerOrganisation.id, actionPlanContribution.partnerOrganisationId)))
        .leftJoin(council, and(eq(council.municipalityId, actionPlanContribution.municipalityId), eq(council.id, actionPlanContribution.councilId)))
        .where(and(eq(actionPlanContribution.municipalityId, municipalityId), eq(actionPlanContribution.planId, planId)))
        .orderBy(asc(actionPlanContribution.submittedAt))
        .limit(1000);
    },

    async findContribution(municipalityId: string, contributionId: string): Promise<ContributionRow | undefined> {
      const [row] = await db.select().from(actionPlanContribution).where(and(eq(actionPlanContribution.municipalityId, municipalityId), eq(actionPlanContribution.id, contributionId)));
      return row;
    },

    async insertContribution(values: typeof actionPlanContribution.$inferInsert): Promise<ContributionRow> {
      const [row] = await db.insert(actionPlanContribution).values(values).returning();
      return row;
    },

    async updateContribution(municipalityId: string, contributionId: string, expectedVersion: number, values: Partial<typeof actionPlanContribution.$inferInsert>): Promise<ContributionRow | undefined> {
      const [row] = await db
        .update(actionPlanContribution)
        .set({ ...values, version: sql`${actionPlanContribution.version} + 1` })
        .where(and(eq(actionPlanContribution.municipalityId, municipalityId), eq(actionPlanContribution.id, contributionId), eq(actionPlanContribution.version, expectedVersion), eq(actionPlanContribution.state, 'submitted')))
        .returning();
      return row;
    },

    async insertProgress(values: typeof actionProgress.$inferInsert): Promise<string> {
      const [row] = await db.insert(actionProgress).values(values).returning({ id: actionProgress.id });
      return row.id;
    },

    async progressHistory(municipalityId: string, actionId: string) {
      return db
        .select({ entry: actionProgress, postedBy: userAccount.displayName })
        .from(actionProgress)
        .innerJoin(userAccount, and(eq(userAccount.municipalityId, actionProgress.municipalityId), eq(userAccount.id, actionProgress.postedByUserId)))
        .where(and(eq(actionProgress.municipalityId, municipalityId), eq(actionProgress.actionId, actionId)))
        .orderBy(desc(actionProgress.postedAt))
        .limit(200);
    },
  };
}

export type ActionPlanContentRepository = ReturnType<typeof createActionPlanContentRepository>;
