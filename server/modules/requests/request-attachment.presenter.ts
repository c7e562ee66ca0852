import type { RequestAttachment } from './request-attachment.contract.ts';
import type { AttachmentListRow } from './request-attachment.repository.ts';
import type { AttachmentMediaType } from '../../platform/uploaded-files.ts';
import { type AttachmentViewer, isOpenForAttachments, mayRemoveAttachment } from './request-attachment.rules.ts';

/** Row → response: never the bytes, and the uploader's name only for staff (a resident is not named in public). */
export function presentAttachment(row: Omit<AttachmentListRow, 'uploaderName'> & { uploaderName?: string | null }, viewer: AttachmentViewer, requestState: string): RequestAttachment {
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType as AttachmentMediaType,
    sizeBytes: row.sizeBytes,
    isInternal: row.isInternal,
    uploadedBy: viewer.isStaff ? (row.uploaderName ?? null) : null,
    isOwn: viewer.userId !== null && viewer.userId === row.uploadedByUserId,
    canRemove: isOpenForAttachments(requestState) && mayRemoveAttachment(viewer, row),
    createdAt: row.createdAt.toISOString(),
  };
}
