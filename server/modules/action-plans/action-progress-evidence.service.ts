import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { FileStorage } from '../../platform/file-storage.ts';
import { checkUploadQuota, fileTooLarge, lockUploader, sniffAllowedType, type UploadedFile } from '../../platform/file-uploads.ts';
import { type AttachmentMediaType, defaultAttachmentMaxBytes, defaultAttachmentQuotaBytesPerUser, sanitiseFileName } from '../../platform/uploaded-files.ts';
import { loadPlanAccess } from './action-plan-access.ts';
import { createActionPlanContentRepository } from './action-plan-content.repository.ts';
import { stateForbids } from './action-plan.service.ts';
import { acceptsProgress } from './action-plan.workflow.ts';
import { actionPlansErrors } from './action-plans.errors.ts';
import { maxEvidencePerEntry, presentEvidence } from './action-progress-evidence.presenter.ts';
import { createActionProgressEvidenceRepository, type EvidenceRow } from './action-progress-evidence.repository.ts';
import { mayReportOn } from './action-progress.service.ts';

export interface ActionProgressEvidenceDependencies {
  db: Executor;
  clock: Clock;
  /** Where the bytes go: the row, or object storage (S3_URL). */
  files: FileStorage;
  /** Largest file accepted (ATTACHMENT_MAX_BYTES), as for attachments on requests. */
  maxBytes?: number;
  /** All files one person uploaded, together (ATTACHMENT_QUOTA_BYTES_PER_USER). */
  quotaBytesPerUser?: number;
}

/** What the audit trail keeps of a piece of evidence: never the content. */
function summaryOf(row: EvidenceRow) {
  return { evidenceId: row.id, progressId: row.progressId, fileName: row.fileName, mediaType: row.mediaType, sizeBytes: row.sizeBytes };
}

/** Evidence with a progress report: added by whoever reports on the action, read by whoever may see the plan. */
export function createActionProgressEvidenceService(dependencies: ActionProgressEvidenceDependencies) {
  const { db, clock, files } = dependencies;
  const maxBytes = dependencies.maxBytes ?? defaultAttachmentMaxBytes;
  const quotaBytesPerUser = dependencies.quotaBytesPerUser ?? defaultAttachmentQuotaBytesPerUser;

  /** The action and its plan as the actor sees them: "not found" when they may not see the plan. */
  async function loadAction(tx: Executor, context: UseCaseContext, actionId: string) {
    const action = await createActionPlanContentRepository(tx).findAction(context.municipalityId, actionId);
    if (!action) throw new DomainError('NOT_FOUND');
    const access = await loadPlanAccess(tx, context, action.planId);
    return { action, access };
  }

  /** May this actor add evidence to this action now? 404, 403 or 409, in that order. */
  async function loadForUpload(tx: Executor, context: UseCaseContext, actionId: string) {
    const { action, access } = await loadAction(tx, context, actionId);
    if (!mayReportOn(access, action)) throw new DomainError('ACTION_NOT_OWNED');
    if (!acceptsProgress(access.record.plan.state)) throw stateForbids(access.record.plan.state);
    return { action, access };
  }

  return {
    maxBytes,

    /** Checked before the bytes are read, so a stranger or a closed plan costs no upload. */
    async checkUpload(context: UseCaseContext, actionId: string, progressId: string): Promise<void> {
      await loadForUpload(db, context, actionId);
      if (!(await createActionProgressEvidenceRepository(db).hasProgressEntry(context.municipalityId, actionId, progressId, { lock: false }))) throw new DomainError('NOT_FOUND');
      await checkUploadQuota(db, context.municipalityId, context.actor!.userId, 0, quotaBytesPerUser);
    },

    async addEvidence(context: UseCaseContext, actionId: string, progressId: string, upload: UploadedFile) {
      if (upload.content.length > maxBytes) throw fileTooLarge(maxBytes);
      return inTransaction(db, async (tx) => {
        const repository = createActionProgressEvidenceRepository(tx);
        const { access } = await loadForUpload(tx, context, actionId);
        if (!(await repository.hasProgressEntry(context.municipalityId, actionId, progressId, { lock: true }))) throw new DomainError('NOT_FOUND');
        await lockUploader(tx, context.municipalityId, context.actor!.userId);
        await checkUploadQuota(tx, context.municipalityId, context.actor!.userId, upload.content.length, quotaBytesPerUser);
        const mediaType = await sniffAllowedType(upload.content);
        if ((await repository.countOf(context.municipalityId, progressId)) >= maxEvidencePerEntry) {
          throw new DomainError(actionPlansErrors.TOO_MUCH_EVIDENCE, { params: { maximum: maxEvidencePerEntry } });
        }
        // Stored before the row: with a bucket, a rollback from here on deletes the object again.
        const stored = await files.store(tx, { municipalityId: context.municipalityId, kind: 'action-evidence', content: upload.content, mediaType });
        const row = await repository.insert({
          municipalityId: context.municipalityId,
          actionId,
          progressId,
          fileName: sanitiseFileName(upload.fileName, mediaType),
          mediaType,
          sizeBytes: upload.content.length,
          ...stored,
          uploadedByUserId: context.actor!.userId,
          createdAt: clock.now(),
        });
        await recordAudit(tx, clock, context, { action: 'actionPlan.addEvidence', entityType: 'action_plan_action', entityId: actionId, after: summaryOf(row) });
        return presentEvidence(row, { userId: context.actor!.userId, mayManage: access.mayManage, isOpen: true });
      });
    },

    /** The bytes with their sniffed type; evidence of a plan the actor may not see does not exist for them. */
    async downloadEvidence(context: UseCaseContext, actionId: string, evidenceId: string) {
      await loadAction(db, context, actionId);
      const repository = createActionProgressEvidenceRepository(db);
      const row = await repository.findById(context.municipalityId, actionId, evidenceId);
      const stored = row && (await repository.storedFileOf(context.municipalityId, evidenceId));
      const content = stored && (await files.read(stored));
      if (!row || !content) throw new DomainError('NOT_FOUND');
      return { fileName: row.fileName, mediaType: row.mediaType as AttachmentMediaType, content };
    },

    async removeEvidence(context: UseCaseContext, actionId: string, evidenceId: string): Promise<void> {
      await inTransaction(db, async (tx) => {
        const { access } = await loadAction(tx, context, actionId);
        const repository = createActionProgressEvidenceRepository(tx);
        const row = await repository.findById(context.municipalityId, actionId, evidenceId);
        if (!row) throw new DomainError('NOT_FOUND');
        const viewer = { userId: context.actor!.userId, mayManage: access.mayManage, isOpen: acceptsProgress(access.record.plan.state) };
        if (!(viewer.userId === row.uploadedByUserId || viewer.mayManage)) throw new DomainError('FORBIDDEN');
        if (!viewer.isOpen) throw stateForbids(access.record.plan.state);
        const removed = await repository.remove(context.municipalityId, evidenceId);
        if (!removed) throw new DomainError('NOT_FOUND');
        files.discard(tx, [removed.storageKey]);
        await recordAudit(tx, clock, context, { action: 'actionPlan.removeEvidence', entityType: 'action_plan_action', entityId: actionId, before: summaryOf(row) });
      });
    },
  };
}

export type ActionProgressEvidenceService = ReturnType<typeof createActionProgressEvidenceService>;
