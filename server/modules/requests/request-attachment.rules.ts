/**
 * Attachments on requests: how many, and who may do what.
 * Pure: no database, no Fastify. Which files are accepted at all is `platform/uploaded-files.ts`.
 */

/** Per request, shared and internal attachments each; keeps a request page and a backup of bounded size. */
export const maxAttachmentsPerRequest = 10;

/** Who is looking at or touching a request's attachments, decided by the request policy. */
export interface AttachmentViewer {
  userId: string | null;
  /** Municipal staff read internal attachments, like internal notes. */
  isStaff: boolean;
  /** The request's advisors, the officers of its departments and admins: staff who act on this request. */
  isHandler: boolean;
  isSubmitterSide: boolean;
}

/**
 * A closed request is the record as it was when it was closed: nothing is added or removed until it is
 * reopened (the advisor can do that). Every other state takes attachments.
 */
export function isOpenForAttachments(state: string): boolean {
  return state !== 'closed';
}

/** The two sides of a request add files: the submitter's side and municipal staff. Readers along do not. */
export function mayUpload(viewer: AttachmentViewer): boolean {
  return viewer.isHandler || viewer.isSubmitterSide;
}

/** Internal attachments are for staff only, like internal notes, and added by those who handle the request. */
export function mayUploadInternal(viewer: AttachmentViewer): boolean {
  return viewer.isHandler;
}

/**
 * Whoever may see the request sees its shared attachments (on a public request that includes visitors;
 * the upload form says so); internal ones only staff.
 */
export function maySeeAttachment(viewer: AttachmentViewer, attachment: { isInternal: boolean }): boolean {
  return viewer.isStaff || !attachment.isInternal;
}

/**
 * The uploader takes back their own file; those who handle the request may remove any (for instance one with
 * personal data). Other staff may read along but not remove.
 */
export function mayRemoveAttachment(viewer: AttachmentViewer, attachment: { uploadedByUserId: string; isInternal: boolean }): boolean {
  if (!maySeeAttachment(viewer, attachment)) return false;
  return viewer.isHandler || (viewer.userId !== null && viewer.userId === attachment.uploadedByUserId && viewer.isSubmitterSide);
}
