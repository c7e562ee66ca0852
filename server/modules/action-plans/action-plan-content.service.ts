import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { FileStorage } from '../../platform/file-storage.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { loadPlanAccess, type PlanAccess } from './action-plan-access.ts';
import type { ChallengeInput, CreateAction, PartyInput, PointInput, UpdateAction, UpdateChallenge } from './action-plan-content.contract.ts';
import { type ActionRow, createActionPlanContentRepository, ownerOf } from './action-plan-content.repository.ts';
import type { actionPlanAction } from './action-plan-content.tables.ts';
import { presentAction } from './action-plan.presenter.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import { stateForbids } from './action-plan.service.ts';
import { isContentEditable } from './action-plan.workflow.ts';
import { invalidField, unknownReference } from './action-plans.errors.ts';

/** Refuses a change of content unless the advisor runs the plan and its phase allows editing. */
export function requireEditable(access: PlanAccess) {
  if (!access.mayManage) throw new DomainError('FORBIDDEN');
  const { plan } = access.record;
  if (isContentEditable(plan.state, plan.hasOpenRevision)) return;
  if (plan.state === 'adopted' || plan.state === 'in_execution') throw new DomainError('ACTION_PLAN_ADOPTED');
  throw stateForbids(plan.state);
}

type ActionFields = Partial<Omit<CreateAction, 'originRequestId' | 'originFollowUpId'>>;

/** Challenges, SMART actions and discussion points: the content the wijktafel adopts. */
export function createActionPlanContentService(dependencies: { db: Executor; clock: Clock; files: FileStorage }) {
  const { db, clock, files } = dependencies;

  /** Checks the ids and dates of an action's fields against the plan and turns them into columns. */
  async function actionColumns(tx: Executor, context: UseCaseContext, access: PlanAccess, input: ActionFields, current?: ActionRow) {
    const content = createActionPlanContentRepository(tx);
    const columns: Partial<typeof actionPlanAction.$inferInsert> = {};
    for (const key of ['title', 'specific', 'location', 'indicator', 'baseline', 'target', 'unit', 'budgetEuros', 'hours', 'fundingSource', 'startsOn', 'deadlineOn', 'isOnTopOfRegularWork'] as const) {
      if (input[key] !== undefined) (columns as Record<string, unknown>)[key] = input[key] === '' ? null : input[key];
    }
    const startsOn = input.startsOn !== undefined ? input.startsOn : (current?.startsOn ?? null);
    const deadlineOn = input.deadlineOn !== undefined ? input.deadlineOn : (current?.deadlineOn ?? null);
    if (startsOn && deadlineOn && deadlineOn < startsOn) throw invalidField('deadlineOn', 'deadlineBeforeStart');

    let owner: PartyInput | null = current ? ownerOf(current) : null;
    if (input.owner !== undefined) {
      owner = input.owner;
      if (owner) {
        if ((await content.partyName(context.municipalityId, owner)) === undefined) throw unknownReference('owner.id');
        if (owner.kind === 'council' && !access.councils.some((item) => item.id === owner!.id)) throw invalidField('owner.id', 'ownerNotCouncilOfNeighbourhood');
      }
      columns.ownerKind = owner?.kind ?? null;
      columns.ownerDepartmentId = owner?.kind === 'department' ? owner.id : null;
      columns.ownerPartnerOrganisationId = owner?.kind === 'partner' ? owner.id : null;
      columns.ownerCouncilId = owner?.kind === 'council' ? owner.id : null;
      // A new owner confirms "on top of regular work" for themselves, and brings their own contact.
      if (input.isOnTopOfRegularWork === undefined && current && JSON.stringify(ownerOf(current)) !== JSON.stringify(owner)) columns.isOnTopOfRegularWork = false;
      if (input.contactUserId === undefined && current?.contactUserId && JSON.stringify(ownerOf(current)) !== JSON.stringify(owner)) columns.contactUserId = null;
    }
    if (input.contactUserId !== undefined) {
      if (input.contactUserId !== null) {
        if (!owner) throw invalidField('owner', 'ownerIdRequired');
        if (!(await content.actsFor(context.municipalityId, input.contactUserId, owner))) throw invalidField('contactUserId', 'contactNotOfOwner');
      }
      columns.contactUserId = input.contactUserId;
    }
    return columns;
  }

  async function presentedAction(tx: Executor, context: UseCaseContext, planId: string, actionId: string) {
    const access = await loadPlanAccess(tx, context, planId);
    const [record] = await createActionPlanContentRepository(tx).actions(context.municipalityId, planId, { actionId });
    return presentAction(record, access, dateInAmsterdam(clock.now()));
  }

  async function presentedChallenge(tx: Executor, context: UseCaseContext, planId: string, challengeId: string) {
    const found = (await createActionPlanContentRepository(tx).challenges(context.municipalityId, planId)).find((item) => item.challenge.id === challengeId)!;
    const { id, position, title, description } = found.challenge;
    return { id, position, title, description, themes: found.themes };
  }

  async function checkThemes(tx: Executor, context: UseCaseContext, themeIds: string[]) {
    const known = await createActionPlanContentRepository(tx).knownThemes(context.municipalityId, themeIds);
    if (themeIds.some((id) => !known.has(id))) throw unknownReference('themeIds');
  }

  async function challengeOfPlan(tx: Executor, context: UseCaseContext, challengeId: string) {
    const challenge = await createActionPlanContentRepository(tx).findChallenge(context.municipalityId, challengeId);
    if (!challenge) throw new DomainError('NOT_FOUND');
    const access = await loadPlanAccess(tx, context, challenge.planId);
    return { challenge, access };
  }

  async function actionOfPlan(tx: Executor, context: UseCaseContext, actionId: string) {
    const action = await createActionPlanContentRepository(tx).findAction(context.municipalityId, actionId);
    if (!action) throw new DomainError('NOT_FOUND');
    const access = await loadPlanAccess(tx, context, action.planId);
    return { action, access };
  }

  return {
    actionColumns,

    async addChallenge(context: UseCaseContext, planId: string, input: ChallengeInput) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        requireEditable(access);
        await checkThemes(tx, context, input.themeIds);
        const content = createActionPlanContentRepository(tx);
        const challenge = await content.insertChallenge(
          {
            municipalityId: context.municipalityId,
            planId,
            position: input.position ?? (await content.nextChallengePosition(context.municipalityId, planId)),
            title: input.title,
            description: input.description ?? null,
            createdAt: clock.now(),
          },
          [...new Set(input.themeIds)],
        );
        await createActionPlanRepository(tx).touchPlan(context.municipalityId, planId, clock.now());
        await recordAudit(tx, clock, context, { action: 'actionPlan.addChallenge', entityType: 'action_plan_challenge', entityId: challenge.id, after: { ...challenge, themeIds: input.themeIds } });
        return presentedChallenge(tx, context, planId, challenge.id);
      });
    },

    async updateChallenge(context: UseCaseContext, challengeId: string, input: UpdateChallenge) {
      return inTransaction(db, async (tx) => {
        const { challenge: before, access } = await challengeOfPlan(tx, context, challengeId);
        requireEditable(access);
        if (input.themeIds) await checkThemes(tx, context, input.themeIds);
        const { themeIds, ...fields } = input;
        const after = await createActionPlanContentRepository(tx).updateChallenge(context.municipalityId, challengeId, fields, themeIds ? [...new Set(themeIds)] : undefined);
        await createActionPlanRepository(tx).touchPlan(context.municipalityId, before.planId, clock.now());
        await recordAudit(tx, clock, context, { action: 'actionPlan.updateChallenge', entityType: 'action_plan_challenge', entityId: challengeId, before, after: { ...after, ...(themeIds ? { themeIds } : {}) } });
        return presentedChallenge(tx, context, before.planId, challengeId);
      });
    },

    async deleteChallenge(context: UseCaseContext, challengeId: string) {
      return inTransaction(db, async (tx) => {
        const { challenge, access } = await challengeOfPlan(tx, context, challengeId);
        requireEditable(access);
        // Its actions' evidence goes with it, the objects in a bucket too once this commits.
        files.discard(tx, await createActionPlanContentRepository(tx).deleteChallenge(context.municipalityId, challengeId));
        await createActionPlanRepository(tx).touchPlan(context.municipalityId, challenge.planId, clock.now());
        await recordAudit(tx, clock, context, { action: 'actionPlan.deleteChallenge', entityType: 'action_plan_challenge', entityId: challengeId, before: challenge });
      });
    },

    async addAction(context: UseCaseContext, challengeId: string, input: CreateAction) {
      return inTransaction(db, async (tx) => {
        const { challenge, access } = await challengeOfPlan(tx, context, challengeId);
        requireEditable(access);
        const content = createActionPlanContentRepository(tx);
        const { originRequestId, originFollowUpId, ...fields } = input;
        const columns = await actionColumns(tx, context, access, fields);
        const origin = originRequestId ? await content.findRequest(context.municipalityId, originRequestId) : undefined;
        if (originRequestId && !origin) throw unknownReference('originRequestId');
        if (originFollowUpId && !(await content.findFollowUp(context.municipalityId, originFollowUpId))) throw unknownReference('originFollowUpId');
        const now = clock.now();
        const action = await content.insertAction({
          ...columns,
          title: input.title,
          municipalityId: context.municipalityId,
          planId: challenge.planId,
          challengeId,
          position: await content.nextActionPosition(context.municipalityId, challengeId),
          originKind: originRequestId ? 'request' : originFollowUpId ? 'follow_up' : null,
          originRequestId: originRequestId ?? null,
          originFollowUpId: originRequestId ? null : (originFollowUpId ?? null),
          createdAt: now,
          updatedAt: now,
        });
        await createActionPlanRepository(tx).touchPlan(context.municipalityId, challenge.planId, now);
        await recordAudit(tx, clock, context, { action: 'actionPlan.addAction', entityType: 'action_plan_action', entityId: action.id, after: action });
        return presentedAction(tx, context, challenge.planId, action.id);
      });
    },

    async updateAction(context: UseCaseContext, actionId: string, input: UpdateAction) {
      return inTransaction(db, async (tx) => {
        const { action: before, access } = await actionOfPlan(tx, context, actionId);
        requireEditable(access);
        const { version, challengeId, position, ...fields } = input;
        const columns = await actionColumns(tx, context, access, fields, before);
        if (challengeId !== undefined && challengeId !== before.challengeId) {
          const target = await createActionPlanContentRepository(tx).findChallenge(context.municipalityId, challengeId);
          if (!target || target.planId !== before.planId) throw invalidField('challengeId', 'challengeNotOfPlan');
          columns.challengeId = challengeId;
        }
        if (position !== undefined) columns.position = position;
        const after = await createActionPlanContentRepository(tx).updateAction(context.municipalityId, actionId, version, { ...columns, updatedAt: clock.now() });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await createActionPlanRepository(tx).touchPlan(context.municipalityId, before.planId, clock.now());
        await recordAudit(tx, clock, context, { action: 'actionPlan.updateAction', entityType: 'action_plan_action', entityId: actionId, before, after });
        return presentedAction(tx, context, before.planId, actionId);
      });
    },

    async deleteAction(context: UseCaseContext, actionId: string, version: number | undefined) {
      return inTransaction(db, async (tx) => {
        const { action, access } = await actionOfPlan(tx, context, actionId);
        requireEditable(access);
        if (version !== undefined && action.version !== version) throw new DomainError('VERSION_CONFLICT', { params: { current: action.version } });
        files.discard(tx, await createActionPlanContentRepository(tx).deleteAction(context.municipalityId, actionId));
        await createActionPlanRepository(tx).touchPlan(context.municipalityId, action.planId, clock.now());
        await recordAudit(tx, clock, context, { action: 'actionPlan.deleteAction', entityType: 'action_plan_action', entityId: actionId, before: action });
      });
    },

    async addPoint(context: UseCaseContext, planId: string, input: PointInput) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        requireEditable(access);
        const content = createActionPlanContentRepository(tx);
        if (input.challengeId) {
          const challenge = await content.findChallenge(context.municipalityId, input.challengeId);
          if (!challenge || challenge.planId !== planId) throw invalidField('challengeId', 'challengeNotOfPlan');
        }
        if (input.actionId) {
          const action = await content.findAction(context.municipalityId, input.actionId);
          if (!action || action.planId !== planId) throw invalidField('actionId', 'actionNotOfPlan');
        }
        const point = await content.insertPoint({ municipalityId: context.municipalityId, planId, ...input, createdByUserId: context.actor!.userId, createdAt: clock.now() });
        await recordAudit(tx, clock, context, { action: 'actionPlan.addPoint', entityType: 'action_plan_point', entityId: point.id, after: point });
        return { id: point.id, kind: point.kind, text: point.text, challengeId: point.challengeId, actionId: point.actionId, createdAt: point.createdAt.toISOString() };
      });
    },

    async deletePoint(context: UseCaseContext, pointId: string) {
      return inTransaction(db, async (tx) => {
        const content = createActionPlanContentRepository(tx);
        const point = await content.findPoint(context.municipalityId, pointId);
        if (!point) throw new DomainError('NOT_FOUND');
        requireEditable(await loadPlanAccess(tx, context, point.planId));
        await content.deletePoint(context.municipalityId, pointId);
        await recordAudit(tx, clock, context, { action: 'actionPlan.deletePoint', entityType: 'action_plan_point', entityId: pointId, before: point });
      });
    },
  };
}

export type ActionPlanContentService = ReturnType<typeof createActionPlanContentService>;
