import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { can, scopeIdsOf } from '../../platform/permissions.ts';
import { addDays, dateInAmsterdam } from '../../platform/working-days.ts';
import { isMunicipalStaff, loadPlanAccess, type PlanAccess } from './action-plan-access.ts';
import { createActionPlanContentRepository } from './action-plan-content.repository.ts';
import { defaultActionPlanMethod } from './action-plan-method.rules.ts';
import { notifyInvitedParties, notifyRequestTakenUp } from './action-plan-messages.ts';
import { type PlanParts, presentPlan } from './action-plan.presenter.ts';
import { snapshotOf, smartCheckOf } from './action-plan-snapshot.ts';
import { blockingFindings } from './action-plan-smart.rules.ts';
import { diffSnapshots } from './action-plan-version.rules.ts';
import type { ActionPlanListQuery, AdoptActionPlan, CreateActionPlan, PublishActionPlanMethod, UpdateActionPlan } from './action-plan.contract.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import { type ActionPlanState, type ActionPlanTransition, nextState } from './action-plan.workflow.ts';
import { actionPlanPermissions as permissions } from './action-plans.permissions.ts';
import { invalidField, invalidFields, unknownReference } from './action-plans.errors.ts';

const stateNames: Record<ActionPlanState, { nl: string; en: string }> = {
  draft: { nl: 'concept', en: 'draft' },
  collecting: { nl: 'bijdragen verzamelen', en: 'collecting contributions' },
  ready: { nl: 'klaar voor de wijktafel', en: 'ready for the wijktafel' },
  adopted: { nl: 'vastgesteld', en: 'adopted' },
  in_execution: { nl: 'in uitvoering', en: 'in execution' },
  closed: { nl: 'afgesloten', en: 'closed' },
};

/** A version number from a path; anything else finds nothing. */
export function versionNumberOf(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new DomainError('NOT_FOUND');
  return Number(value);
}

export function stateForbids(state: ActionPlanState) {
  return new DomainError('ACTION_PLAN_STATE_FORBIDS', { params: { stateNl: stateNames[state].nl, stateEn: stateNames[state].en } });
}

/** Everything the plan page shows, read in a handful of queries whatever the plan's size. */
export async function loadPlanParts(db: Executor, municipalityId: string, planId: string): Promise<PlanParts> {
  const content = createActionPlanContentRepository(db);
  const [challenges, actions, points, invitations, contributions, versions] = await Promise.all([
    content.challenges(municipalityId, planId),
    content.actions(municipalityId, planId),
    content.points(municipalityId, planId),
    content.invitations(municipalityId, planId),
    content.contributions(municipalityId, planId),
    createActionPlanRepository(db).listVersions(municipalityId, planId),
  ]);
  return { challenges, actions, points, invitations, contributions, versions };
}

/** The neighbourhood's action plans: made at its wijktafel, adopted as numbered versions, monitored until the next one. */
export function createActionPlanService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  const today = () => dateInAmsterdam(clock.now());

  async function planView(tx: Executor, context: UseCaseContext, planId: string) {
    const access = await loadPlanAccess(tx, context, planId);
    return presentPlan(access, await loadPlanParts(tx, context.municipalityId, planId), today());
  }

  function requireManager(access: PlanAccess) {
    if (!access.mayManage) throw new DomainError('FORBIDDEN');
  }

  async function methodOf(tx: Executor, municipalityId: string) {
    const row = await createActionPlanRepository(tx).findMethod(municipalityId);
    return row ?? { ...defaultActionPlanMethod, publishedAt: null, version: 0 };
  }

  return {
    planView,

    async getMethod(context: UseCaseContext) {
      const method = await methodOf(db, context.municipalityId);
      return {
        sections: method.sections,
        contributionSteps: method.contributionSteps,
        contributionWeeksBefore: method.contributionWeeksBefore,
        reportIntervalMonths: method.reportIntervalMonths,
        deadlineReminderDays: method.deadlineReminderDays,
        publishedAt: method.publishedAt?.toISOString() ?? null,
        version: method.version,
        allowedActions: can(context.actor, permissions['actionPlan.manageMethod']) ? ['publish' as const] : [],
      };
    },

    async publishMethod(context: UseCaseContext, input: PublishActionPlanMethod) {
      if (!can(context.actor, permissions['actionPlan.manageMethod'])) throw new DomainError('FORBIDDEN');
      const keys = input.sections.map((section) => section.key);
      const duplicate = keys.findIndex((key, index) => keys.indexOf(key) !== index);
      if (duplicate >= 0) throw invalidField(`sections.${duplicate}.key`, 'duplicate');
      await inTransaction(db, async (tx) => {
        const repository = createActionPlanRepository(tx);
        const before = await repository.findMethod(context.municipalityId);
        const { version, ...fields } = input;
        const values = { ...fields, publishedAt: clock.now(), publishedByUserId: context.actor!.userId };
        const after = before ? await repository.updateMethod(context.municipalityId, version, values) : version === 0 ? await repository.insertMethod({ municipalityId: context.municipalityId, ...values }) : undefined;
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before?.version ?? 0 } });
        await recordAudit(tx, clock, context, { action: 'actionPlanMethod.publish', entityType: 'action_plan_method', entityId: context.municipalityId, before, after });
      });
      return this.getMethod(context);
    },

    async createPlan(context: UseCaseContext, input: CreateActionPlan) {
      if (!can(context.actor, permissions['actionPlan.manage'])) throw new DomainError('FORBIDDEN');
      return inTransaction(db, async (tx) => {
        const repository = createActionPlanRepository(tx);
        const found = await repository.findMeeting(context.municipalityId, input.meetingId);
        if (!found) throw unknownReference('meetingId');
        if (found.kindCode !== 'wijktafel' || !found.neighbourhoodId) throw invalidField('meetingId', 'notAWijktafel');
        if (!can(context.actor, permissions['actionPlan.manage'], { neighbourhoodIds: [found.neighbourhoodId] })) throw new DomainError('FORBIDDEN');
        if (found.state !== 'planned' && found.state !== 'draft') throw invalidField('meetingId', 'planMeetingNotPlanned');
        if (input.periodEndsOn <= input.periodStartsOn) throw invalidField('periodEndsOn', 'endBeforeStart');
        const meetingDay = dateInAmsterdam(found.startsAt);
        const method = await methodOf(tx, context.municipalityId);
        const contributionsDueOn = input.contributionsDueOn ?? addDays(meetingDay, -7 * method.contributionWeeksBefore);
        if (contributionsDueOn > meetingDay) throw invalidField('contributionsDueOn', 'contributionsDueAfterMeeting');
        const neighbourhoodName = (await repository.findNeighbourhoodName(context.municipalityId, found.neighbourhoodId)) ?? '';
        const years = `${input.periodStartsOn.slice(0, 4)}–${input.periodEndsOn.slice(0, 4)}`;
        const now = clock.now();
        if (await repository.hasPlanForMeeting(context.municipalityId, found.id)) throw invalidField('meetingId', 'planExistsForMeeting');
        const plan = await repository.insertPlan({
            municipalityId: context.municipalityId,
            neighbourhoodId: found.neighbourhoodId,
            meetingId: found.id,
            title: input.title ?? `Wijkactieplan ${neighbourhoodName} ${years}`,
            state: 'draft',
            periodStartsOn: input.periodStartsOn,
            periodEndsOn: input.periodEndsOn,
            contributionsDueOn,
            reportIntervalMonths: method.reportIntervalMonths,
            createdByUserId: context.actor!.userId,
            createdAt: now,
            updatedAt: now,
        });
        await recordAudit(tx, clock, context, { action: 'actionPlan.create', entityType: 'action_plan', entityId: plan.id, after: plan });
        return planView(tx, context, plan.id);
      });
    },

    async listPlans(context: UseCaseContext, query: ActionPlanListQuery) {
      if (!can(context.actor, permissions['actionPlan.view'])) throw new DomainError('FORBIDDEN');
      const repository = createActionPlanRepository(db);
      const isStaff = isMunicipalStaff(context);
      const isAdvisor = scopeIdsOf(context.actor, 'advisor').length > 0;
      // Staff see every plan; a council member the plans of their council's neighbourhood (not drafts); a partner
      // the plans it is invited to or owns an action in.
      const councilNeighbourhoods = isStaff || isAdvisor ? undefined : await councilNeighbourhoodsOf(context);
      const partnerIds = scopeIdsOf(context.actor, 'partner');
      const filter = isStaff
        ? { neighbourhoodId: query.neighbourhoodId, state: query.state }
        : councilNeighbourhoods?.length
          ? { neighbourhoodId: query.neighbourhoodId, state: query.state, neighbourhoodIds: councilNeighbourhoods, withoutDrafts: true }
          : { neighbourhoodId: query.neighbourhoodId, state: query.state, partnerOrganisationIds: partnerIds, withoutDrafts: true };
      const { rows, total } = await repository.listPlans(context.municipalityId, filter, { limit: query.pageSize, offset: offsetOf(query) });
      const counts = await repository.actionCounts(
        context.municipalityId,
        rows.map((row) => row.plan.id),
        today(),
      );
      const items = rows.map(({ plan, neighbourhood, meeting }) => {
        const count = counts.get(plan.id) ?? { total: 0, done: 0, dropped: 0, overdue: 0 };
        const counted = count.total - count.dropped;
        return {
          id: plan.id,
          title: plan.title,
          state: plan.state,
          neighbourhood,
          meeting: { ...meeting, startsAt: meeting.startsAt.toISOString() },
          periodStartsOn: plan.periodStartsOn,
          periodEndsOn: plan.periodEndsOn,
          contributionsDueOn: plan.contributionsDueOn,
          currentVersionNumber: plan.currentVersionNumber,
          adoptedOn: plan.adoptedOn,
          hasOpenRevision: plan.hasOpenRevision,
          rollup: { total: count.total, overdue: count.overdue, percentDone: counted > 0 ? Math.round((count.done / counted) * 100) : null },
        };
      });
      return pageOf(items, total, query);

      async function councilNeighbourhoodsOf(context: UseCaseContext) {
        const content = createActionPlanContentRepository(db);
        const ids = await Promise.all(scopeIdsOf(context.actor, 'council_member').map((councilId) => content.councilNeighbourhood(context.municipalityId, councilId)));
        return ids.filter((id): id is string => id !== undefined);
      }
    },

    async getPlan(context: UseCaseContext, planId: string) {
      return planView(db, context, planId);
    },

    async updatePlan(context: UseCaseContext, planId: string, input: UpdateActionPlan) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        requireManager(access);
        const before = access.record.plan;
        // The period and dates are part of what the wijktafel adopts.
        if (before.state === 'closed' || ((before.state === 'adopted' || before.state === 'in_execution') && !before.hasOpenRevision)) throw new DomainError('ACTION_PLAN_ADOPTED');
        const { version, ...changes } = input;
        const startsOn = changes.periodStartsOn ?? before.periodStartsOn;
        const endsOn = changes.periodEndsOn ?? before.periodEndsOn;
        if (endsOn <= startsOn) throw invalidField('periodEndsOn', 'endBeforeStart');
        const after = await createActionPlanRepository(tx).updatePlan(context.municipalityId, planId, version, { ...changes, updatedAt: clock.now() });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await recordAudit(tx, clock, context, { action: 'actionPlan.update', entityType: 'action_plan', entityId: planId, before, after });
        return planView(tx, context, planId);
      });
    },

    async transition(context: UseCaseContext, planId: string, input: { transition: Exclude<ActionPlanTransition, 'adopt'>; version: number }) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        requireManager(access);
        const before = access.record.plan;
        const to = nextState(before.state, input.transition);
        if (!to) throw stateForbids(before.state);
        // Closing while a new version is half-made would leave it neither adopted nor dropped.
        if (input.transition === 'close' && before.hasOpenRevision) throw stateForbids(before.state);
        const after = await createActionPlanRepository(tx).updatePlan(context.municipalityId, planId, input.version, { state: to, updatedAt: clock.now(), ...(to === 'closed' ? { closedAt: clock.now() } : {}) });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        if (input.transition === 'startCollecting') await notifyInvitedParties(tx, clock, context, after, null);
        await recordAudit(tx, clock, context, { action: `actionPlan.${input.transition}`, entityType: 'action_plan', entityId: planId, before, after });
        return planView(tx, context, planId);
      });
    },

    async smartCheck(context: UseCaseContext, planId: string) {
      const access = await loadPlanAccess(db, context, planId);
      const parts = await loadPlanParts(db, context.municipalityId, planId);
      const participants = await createActionPlanRepository(db).participantParties(context.municipalityId, access.record.plan.meetingId, access.record.plan.neighbourhoodId);
      const { rawFindings: _, ...check } = smartCheckOf(access.record.plan, parts, participants, context.language, []);
      return check;
    },

    /** Adoption freezes the content into the next numbered version; the first one also starts the plan's monitoring. */
    async adopt(context: UseCaseContext, planId: string, input: AdoptActionPlan) {
      return inTransaction(db, async (tx) => {
        const repository = createActionPlanRepository(tx);
        const access = await loadPlanAccess(tx, context, planId);
        requireManager(access);
        const plan = (await repository.lockPlan(context.municipalityId, planId))!;
        const isFirst = plan.currentVersionNumber === null;
        const parts = await loadPlanParts(tx, context.municipalityId, planId);
        // A warning is accepted for an action or challenge of this plan, never for anything else.
        const unknown = input.acceptedWarnings.flatMap((accepted, index) => [
          ...(accepted.actionId && !parts.actions.some((record) => record.action.id === accepted.actionId) ? [{ field: `acceptedWarnings.${index}.actionId`, code: 'actionNotOfPlan' }] : []),
          ...(accepted.challengeId && !parts.challenges.some((item) => item.challenge.id === accepted.challengeId) ? [{ field: `acceptedWarnings.${index}.challengeId`, code: 'challengeNotOfPlan' }] : []),
        ]);
        if (unknown.length) throw invalidFields(unknown);
        if (!(plan.state === 'ready' || plan.hasOpenRevision)) throw stateForbids(plan.state);
        if (plan.version !== input.version) throw new DomainError('VERSION_CONFLICT', { params: { current: plan.version } });
        if (!isFirst && !input.changeLog) throw invalidField('changeLog', 'changeLogRequired');
        const participants = await repository.participantParties(context.municipalityId, plan.meetingId, plan.neighbourhoodId);
        const check = smartCheckOf(plan, parts, participants, context.language, input.acceptedWarnings);
        const problems = input.acceptedWarnings.flatMap((accepted, index) => {
          const finding = check.findings.find((item) => item.code === accepted.code && item.actionId === accepted.actionId && item.challengeId === accepted.challengeId);
          return finding?.severity === 'error' ? [{ field: `acceptedWarnings.${index}.code`, code: 'errorCannotBeAccepted' }] : [];
        });
        if (problems.length) throw invalidFields(problems);
        const blocking = blockingFindings(check.rawFindings, input.acceptedWarnings);
        if (blocking.length) {
          throw new DomainError('ACTION_PLAN_NOT_SMART', {
            params: { count: blocking.length },
            fields: blocking.map((finding) => ({ field: finding.actionId ? `actions.${finding.actionId}.${finding.field}` : finding.challengeId ? `challenges.${finding.challengeId}.${finding.field}` : finding.field, code: finding.code })),
          });
        }
        const number = (plan.currentVersionNumber ?? 0) + 1;
        const snapshot = snapshotOf(plan, parts);
        const previous = isFirst ? undefined : await repository.findVersion(context.municipalityId, planId, plan.currentVersionNumber!);
        const adoptedOn = input.adoptedOn ?? today();
        const version = await repository.insertVersion({
          municipalityId: context.municipalityId,
          planId,
          number,
          snapshot,
          changeLog: input.changeLog ?? null,
          changes: previous ? diffSnapshots(previous.snapshot, snapshot) : [],
          acceptedWarnings: input.acceptedWarnings,
          adoptedOn,
          adoptedAt: clock.now(),
          adoptedByUserId: context.actor!.userId,
        });
        const after = await repository.updatePlan(context.municipalityId, planId, plan.version, {
          state: isFirst ? 'adopted' : plan.state,
          currentVersionNumber: number,
          adoptedOn: plan.adoptedOn ?? adoptedOn,
          hasOpenRevision: false,
          updatedAt: clock.now(),
        });
        // Whoever asked hears that the plan takes their request up (§3.1: every request gets its follow-up), once
        // the wijktafel has adopted the action: a draft can still change, and the submitter could not see it yet.
        const adoptedBefore = new Set(previous ? previous.snapshot.challenges.flatMap((challenge) => challenge.actions.map((action) => action.id)) : []);
        const content = createActionPlanContentRepository(tx);
        for (const { action } of parts.actions) {
          if (!action.originRequestId || adoptedBefore.has(action.id)) continue;
          const origin = await content.findRequest(context.municipalityId, action.originRequestId);
          if (origin) await notifyRequestTakenUp(tx, clock, after ?? plan, origin, action.title);
        }
        await recordAudit(tx, clock, context, { action: 'actionPlan.adopt', entityType: 'action_plan', entityId: planId, before: plan, after: { ...after, adoptedVersion: version.number } });
        return planView(tx, context, planId);
      });
    },

    async openRevision(context: UseCaseContext, planId: string, input: { version: number }) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        requireManager(access);
        const before = access.record.plan;
        if (!(before.state === 'adopted' || before.state === 'in_execution') || before.hasOpenRevision) throw stateForbids(before.state);
        const after = await createActionPlanRepository(tx).updatePlan(context.municipalityId, planId, input.version, { hasOpenRevision: true, updatedAt: clock.now() });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await recordAudit(tx, clock, context, { action: 'actionPlan.openRevision', entityType: 'action_plan', entityId: planId, before, after });
        return planView(tx, context, planId);
      });
    },

    async getVersion(context: UseCaseContext, planId: string, numberInPath: string) {
      const number = versionNumberOf(numberInPath);
      await loadPlanAccess(db, context, planId);
      const version = await createActionPlanRepository(db).findVersion(context.municipalityId, planId, number);
      if (!version) throw new DomainError('NOT_FOUND');
      return {
        planId,
        number: version.number,
        adoptedOn: version.adoptedOn,
        adoptedAt: version.adoptedAt.toISOString(),
        changeLog: version.changeLog,
        snapshot: version.snapshot,
        changes: version.changes,
        acceptedWarnings: version.acceptedWarnings,
      };
    },

    async versionChanges(context: UseCaseContext, planId: string, numberInPath: string, fromInQuery: number | undefined) {
      const number = versionNumberOf(numberInPath);
      const from = fromInQuery ?? number - 1;
      await loadPlanAccess(db, context, planId);
      const repository = createActionPlanRepository(db);
      const [older, newer] = await Promise.all([repository.findVersion(context.municipalityId, planId, from), repository.findVersion(context.municipalityId, planId, number)]);
      if (!newer) throw new DomainError('NOT_FOUND');
      if (!older) {
        if (fromInQuery === undefined) return { planId, from, to: number, changes: [] };
        throw invalidField('query.from', 'unknownReference');
      }
      return { planId, from, to: number, changes: diffSnapshots(older.snapshot, newer.snapshot) };
    },
  };
}

export type ActionPlanService = ReturnType<typeof createActionPlanService>;
