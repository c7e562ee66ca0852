import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { loadPlanAccess } from './action-plan-access.ts';
import type { PostProgress } from './action-plan-content.contract.ts';
import { createActionPlanContentRepository, ownerOf } from './action-plan-content.repository.ts';
import { checkProgressUpdate } from './action-plan-progress.rules.ts';
import { presentAction } from './action-plan.presenter.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import { stateForbids } from './action-plan.service.ts';
import { acceptsProgress } from './action-plan.workflow.ts';
import { invalidFields } from './action-plans.errors.ts';

/** Owners report progress on their actions; the first report puts an adopted plan into execution. */
export function createActionProgressService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  return {
    async postProgress(context: UseCaseContext, actionId: string, input: PostProgress) {
      return inTransaction(db, async (tx) => {
        const content = createActionPlanContentRepository(tx);
        const before = await content.findAction(context.municipalityId, actionId);
        if (!before) throw new DomainError('NOT_FOUND');
        const access = await loadPlanAccess(tx, context, before.planId);
        const owner = ownerOf(before);
        const isOwner = owner !== null && access.myParties.some((party) => party.kind === owner.kind && party.id === owner.id);
        if (!access.mayManage && !isOwner) throw new DomainError('ACTION_NOT_OWNED');
        const { plan } = access.record;
        if (!acceptsProgress(plan.state)) throw stateForbids(plan.state);
        const problems = checkProgressUpdate({ status: input.status, reason: input.reason ?? null, currentValue: input.currentValue ?? null });
        if (problems.length) throw invalidFields(problems);
        const now = clock.now();
        const today = dateInAmsterdam(now);
        const currentValue = input.currentValue !== undefined ? input.currentValue : before.currentValue;
        const after = await content.updateAction(context.municipalityId, actionId, input.version, {
          progressStatus: input.status,
          currentValue,
          progressNote: input.note ?? null,
          progressUpdatedAt: now,
          doneOn: input.status === 'done' ? (before.progressStatus === 'done' ? before.doneOn : today) : null,
          droppedReason: input.status === 'dropped' ? (input.reason ?? null) : null,
          updatedAt: now,
        });
        if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: before.version } });
        await content.insertProgress({
          municipalityId: context.municipalityId,
          actionId,
          status: input.status,
          currentValue,
          note: input.note ?? null,
          reason: input.reason ?? null,
          postedByUserId: context.actor!.userId,
          postedAt: now,
          postedOn: today,
        });
        if (plan.state === 'adopted') {
          const started = await createActionPlanRepository(tx).updatePlan(context.municipalityId, plan.id, plan.version, { state: 'in_execution', updatedAt: now });
          if (started) await recordAudit(tx, clock, context, { action: 'actionPlan.startExecution', entityType: 'action_plan', entityId: plan.id, before: plan, after: started });
        }
        await recordAudit(tx, clock, context, { action: 'actionPlan.postProgress', entityType: 'action_plan_action', entityId: actionId, before, after });
        const refreshed = await loadPlanAccess(tx, context, plan.id);
        const [record] = await content.actions(context.municipalityId, plan.id, { actionId });
        return presentAction(record, refreshed, today);
      });
    },

    async progressHistory(context: UseCaseContext, actionId: string) {
      const content = createActionPlanContentRepository(db);
      const action = await content.findAction(context.municipalityId, actionId);
      if (!action) throw new DomainError('NOT_FOUND');
      await loadPlanAccess(db, context, action.planId);
      const rows = await content.progressHistory(context.municipalityId, actionId);
      return rows.map(({ entry, postedBy }) => ({
        id: entry.id,
        status: entry.status,
        currentValue: entry.currentValue,
        note: entry.note,
        reason: entry.reason,
        postedBy,
        postedAt: entry.postedAt.toISOString(),
      }));
    },
  };
}

export type ActionProgressService = ReturnType<typeof createActionProgressService>;
