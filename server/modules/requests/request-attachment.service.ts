import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { requestErrors } from './request.errors.ts';
import { DomainError } from '../../platform/errors.ts';
import type { RequestRow } from './request.repository.ts';
import type { RequestAttachmentList } from './request-attachment.contract.ts';
import { presentAttachment } from './request-attachment.presenter.ts';
import { type AttachmentRow, createRequestAttachmentRepository } from './request-attachment.repository.ts';
import type { FileStorage } from '../../platform/file-storage.ts';
import { checkUploadQuota, fileTooLarge, lockUploader, sniffAllowedType, type UploadedFile } from '../../platform/file-uploads.ts';
import { type AttachmentMediaType, defaultAttachmentMaxBytes, defaultAttachmentQuotaBytesPerUser, sanitiseFileName } from '../../platform/uploaded-files.ts';
import {
  type AttachmentViewer,
  isOpenForAttachments,
  maxAttachmentsPerRequest,
  mayRemoveAttachment,
  maySeeAttachment,
  mayUpload,
  mayUploadInternal,
} from './request-attachment.rules.ts';
import { requestNotices } from './request.notices.ts';
import { createRequestSteps } from './request-steps.ts';

export interface RequestAttachmentServiceDependencies {
  db: Executor;
  clock: Clock;
  /** Where the bytes go: the row, or object storage (S3_URL). */
  files: FileStorage;
  /** Largest file accepted (ATTACHMENT_MAX_BYTES). */
  maxBytes?: number;
  /** All files one person uploaded, together (ATTACHMENT_QUOTA_BYTES_PER_USER). */
  quotaBytesPerUser?: number;
}

/** A file as it came in, and whether only staff may see it. */
export interface AttachmentUpload extends UploadedFile {
  isInternal: boolean;
}

/** Attachments on requests: adding, listing, downloading and removing PDFs and images. */
export function createRequestAttachmentService(dependencies: RequestAttachmentServiceDependencies) {
  const { db, clock, files } = dependencies;
  const maxBytes = dependencies.maxBytes ?? defaultAttachmentMaxBytes;
  const steps = createRequestSteps({ db, clock });
  const quotaBytesPerUser = dependencies.quotaBytesPerUser ?? defaultAttachmentQuotaBytesPerUser;
  const checkQuota = (tx: Executor, context: UseCaseContext, incomingBytes: number) => checkUploadQuota(tx, context.municipalityId, context.actor!.userId, incomingBytes, quotaBytesPerUser);

  async function viewerOf(tx: Executor, context: UseCaseContext, row: RequestRow): Promise<AttachmentViewer> {
    const access = await steps.accessOf(tx, context, row);
    return { userId: context.actor?.userId ?? null, isStaff: access.isStaff, isHandler: access.isHandler, isSubmitterSide: access.isSubmitterSide };
  }

  /** A request the actor may see (else 404) and add to (else 403), in a state that takes attachments (else 409). */
  async function loadForUpload(tx: Executor, context: UseCaseContext, requestId: string, isInternal: boolean) {
    const row = await steps.loadVisible(tx, context, requestId);
    const viewer = await viewerOf(tx, context, row);
    if (!mayUpload(viewer)) throw new DomainError('FORBIDDEN');
    if (isInternal && !mayUploadInternal(viewer)) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.isInternal', code: 'attachmentStaffOnly' }] });
    if (!isOpenForAttachments(row.state)) throw new DomainError('INVALID_TRANSITION', { params: { state: row.state } });
    return { row, viewer };
  }

  function summaryOf(attachment: AttachmentRow) {
    // What the timeline and the audit trail keep: never the content.
    return { attachmentId: attachment.id, fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes, isInternal: attachment.isInternal };
  }

  return {
    maxBytes,

    /** Checked before the bytes are read, so a stranger or a closed request costs no upload. */
    async checkUpload(context: UseCaseContext, requestId: string): Promise<void> {
      await loadForUpload(db, context, requestId, false);
      await checkQuota(db, context, 0);
    },

    async addAttachment(context: UseCaseContext, requestId: string, upload: AttachmentUpload) {
      if (upload.content.length === 0) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.file', code: 'required' }] });
      if (upload.content.length > maxBytes) throw fileTooLarge(maxBytes);
      return inTransaction(db, async (tx) => {
        const repository = createRequestAttachmentRepository(tx);
        // Two uploads at once must not both pass the count check.
        await repository.lockRequest(context.municipalityId, requestId);
        const { row, viewer } = await loadForUpload(tx, context, requestId, upload.isInternal);
        await lockUploader(tx, context.municipalityId, context.actor!.userId);
        await checkQuota(tx, context, upload.content.length);
        const mediaType = await sniffAllowedType(upload.content);
        if ((await repository.countOf(context.municipalityId, requestId, upload.isInternal)) >= maxAttachmentsPerRequest) {
          throw new DomainError(requestErrors.TOO_MANY_ATTACHMENTS, { params: { maximum: maxAttachmentsPerRequest } });
        }
        // Stored before the row: with a bucket, a rollback from here on deletes the object again.
        const stored = await files.store(tx, { municipalityId: context.municipalityId, kind: 'request-attachment', content: upload.content, mediaType });
        const attachment = await repository.insert({
          municipalityId: context.municipalityId,
          requestId,
          fileName: sanitiseFileName(upload.fileName, mediaType),
          mediaType,
          sizeBytes: upload.content.length,
          ...stored,
          uploadedByUserId: context.actor!.userId,
          isInternal: upload.isInternal,
          createdAt: clock.now(),
        });
        const description = summaryOf(attachment);
        await steps.addEvent(tx, context, requestId, { kind: 'attachmentAdded', text: attachment.fileName, data: description, isInternal: attachment.isInternal });
        await recordAudit(tx, clock, context, { action: 'request.attachment.add', entityType: 'request', entityId: requestId, after: description });
        // A shared file is news for the other side; an internal one stays among staff.
        if (!attachment.isInternal) await steps.notifyOtherSide(tx, row, context, { topic: 'request.attachment', notice: requestNotices.attachment(row, attachment.fileName) });
        return presentAttachment({ ...attachment, uploaderName: context.actor?.displayName ?? null }, viewer, row.state);
      });
    },

    async listAttachments(context: UseCaseContext, requestId: string): Promise<RequestAttachmentList> {
      const row = await steps.loadVisible(db, context, requestId);
      const viewer = await viewerOf(db, context, row);
      const rows = await createRequestAttachmentRepository(db).listOf(context.municipalityId, requestId, viewer.isStaff);
      return {
        items: rows.filter((attachment) => maySeeAttachment(viewer, attachment)).map((attachment) => presentAttachment(attachment, viewer, row.state)),
        canUpload: mayUpload(viewer) && isOpenForAttachments(row.state),
        canUploadInternal: mayUploadInternal(viewer) && isOpenForAttachments(row.state),
        maxBytes,
        maxCount: maxAttachmentsPerRequest,
      };
    },

    /** The bytes with their sniffed type; an attachment the actor may not see does not exist for them. */
    async downloadAttachment(context: UseCaseContext, requestId: string, attachmentId: string) {
      const row = await steps.loadVisible(db, context, requestId);
      const repository = createRequestAttachmentRepository(db);
      const attachment = await repository.findById(context.municipalityId, requestId, attachmentId);
      if (!attachment || !maySeeAttachment(await viewerOf(db, context, row), attachment)) throw new DomainError('NOT_FOUND');
      const stored = await repository.storedFileOf(context.municipalityId, attachmentId);
      const content = stored && (await files.read(stored));
      if (!content) throw new DomainError('NOT_FOUND');
      return { fileName: attachment.fileName, mediaType: attachment.mediaType as AttachmentMediaType, content };
    },

    async removeAttachment(context: UseCaseContext, requestId: string, attachmentId: string): Promise<void> {
      await inTransaction(db, async (tx) => {
        const repository = createRequestAttachmentRepository(tx);
        const row = await steps.loadVisible(tx, context, requestId);
        const viewer = await viewerOf(tx, context, row);
        const attachment = await repository.findById(context.municipalityId, requestId, attachmentId);
        if (!attachment || !maySeeAttachment(viewer, attachment)) throw new DomainError('NOT_FOUND');
        if (!mayRemoveAttachment(viewer, attachment)) throw new DomainError('FORBIDDEN');
        if (!isOpenForAttachments(row.state)) throw new DomainError('INVALID_TRANSITION', { params: { state: row.state } });
        const removed = await repository.remove(context.municipalityId, attachmentId);
        if (!removed) throw new DomainError('NOT_FOUND');
        files.discard(tx, [removed.storageKey]);
        const description = summaryOf(attachment);
        await steps.addEvent(tx, context, requestId, { kind: 'attachmentRemoved', text: attachment.fileName, data: description, isInternal: attachment.isInternal });
        await recordAudit(tx, clock, context, { action: 'request.attachment.remove', entityType: 'request', entityId: requestId, before: description });
      });
    },
  };
}

export type RequestAttachmentService = ReturnType<typeof createRequestAttachmentService>;
