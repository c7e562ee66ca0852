import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { loadPlanAccess, type PlanAccess } from './action-plan-access.ts';
import { defaultAttachmentMaxBytes } from '../../platform/uploaded-files.ts';
import { createActionProgressEvidenceRepository } from './action-progress-evidence.repository.ts';
import { maxEvidencePerEntry, presentEvidence } from './action-progress-evidence.presenter.ts';
import type { PostProgress, ProgressHistory } from './action-plan-content.contract.ts';
import { type ActionRow, createActionPlanContentRepository, ownerOf } from './action-plan-content.repository.ts';
import { checkProgressUpdate } from './action-plan-progress.rules.ts';
import { presentAction } from './action-plan.presenter.ts';
import { createActionPlanRepository } from './action-plan.repository.ts';
import { stateForbids } from './action-plan.service.ts';
import { acceptsProgress } from './action-plan.workflow.ts';
import { invalidFields } from './action-plans.errors.ts';

/** The advisor, or the party that owns the action: they report its progress and add evidence. */
export function mayReportOn(access: PlanAccess, action: ActionRow): boolean {
  const owner = ownerOf(action);
  const isOwner = owner !== null && access.myParties.some((party) => party.kind === owner.kind && party.id === owner.id);
  return access.mayManage || isOwner;
}

/** Owners report progress on their actions; the first report puts an adopted plan into execution. */
export function createActionProgressService(dependencies: { db: Executor; clock: Clock; maxEvidenceBytes?: number }) {
  const { db, clock } = dependencies;
  const maxEvidenceBytes = dependencies.maxEvidenceBytes ?? defaultAttachmentMaxBytes;

  return {
    async postProgress(context: UseCaseContext, actionId: string, input: PostProgress) {
      return inTransaction(db, async (tx) => {
        const content = createActionPlanContentRepository(tx);
        const before = await content.findAction(context.municipalityId, actionId);
        if (!before) throw new DomainError('NOT_FOUND');
        const access = await loadPlanAccess(tx, context, before.planId);
        if (!mayReportOn(access, before)) throw new DomainError('ACTION_NOT_OWNED');
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
        const progressEntryId = await content.insertProgress({
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
        return { ...presentAction(record, refreshed, today), progressEntryId };
      });
    },

    /** Every report, newest first, each with its evidence (read in one query for the whole action). */
    async progressHistory(context: UseCaseContext, actionId: string): Promise<ProgressHistory> {
      const content = createActionPlanContentRepository(db);
      const action = await content.findAction(context.municipalityId, actionId);
      if (!action) throw new DomainError('NOT_FOUND');
      const access = await loadPlanAccess(db, context, action.planId);
      const [rows, evidence] = await Promise.all([content.progressHistory(context.municipalityId, actionId), createActionProgressEvidenceRepository(db).listOfAction(context.municipalityId, actionId)]);
      const open = acceptsProgress(access.record.plan.state);
      const mayAdd = open && mayReportOn(access, action);
      const userId = context.actor?.userId ?? null;
      return {
        items: rows.map(({ entry, postedBy }) => {
          const own = evidence.filter((item) => item.progressId === entry.id);
          return {
            id: entry.id,
            status: entry.status,
            currentValue: entry.currentValue,
            note: entry.note,
            reason: entry.reason,
            postedBy,
            postedAt: entry.postedAt.toISOString(),
            evidence: own.map((item) => presentEvidence(item, { userId, mayManage: access.mayManage, isOpen: open })),
            canAddEvidence: mayAdd && own.length < maxEvidencePerEntry,
          };
        }),
        maxEvidenceBytes,
        maxEvidencePerEntry,
      };
    },
  };
}

export type ActionProgressService = ReturnType<typeof createActionProgressService>;
