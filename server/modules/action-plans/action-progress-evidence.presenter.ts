import type { AttachmentMediaType } from '../../platform/uploaded-files.ts';
import type { ActionProgressEvidence } from './action-plan-content.contract.ts';
import type { EvidenceRow } from './action-progress-evidence.repository.ts';

/** A few photos or documents per report: enough to show what was done, and a plan page of bounded size. */
export const maxEvidencePerEntry = 5;

/**
 * Row → response, never the bytes. The uploader takes their own file back and the advisor may remove any (one
 * with personal data, say), as long as the plan still takes progress.
 */
export function presentEvidence(row: EvidenceRow, viewer: { userId: string | null; mayManage: boolean; isOpen: boolean }): ActionProgressEvidence {
  const isOwn = viewer.userId !== null && viewer.userId === row.uploadedByUserId;
  return {
    id: row.id,
    fileName: row.fileName,
    mediaType: row.mediaType as AttachmentMediaType,
    sizeBytes: row.sizeBytes,
    isOwn,
    canRemove: viewer.isOpen && (isOwn || viewer.mayManage),
    createdAt: row.createdAt.toISOString(),
  };
}
