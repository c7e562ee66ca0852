/**
 * Attachments on requests: which files are accepted, what their names become, and who may do what.
 * Pure: no database, no Fastify. The bytes' real type is sniffed by the service; these rules decide on it.
 */

/** PDF and the image types every browser shows; each with the extensions a saved file may carry. */
export const attachmentTypes = {
  'application/pdf': ['pdf'],
  'image/png': ['png'],
  'image/jpeg': ['jpg', 'jpeg'],
  'image/gif': ['gif'],
  'image/webp': ['webp'],
} as const;
export type AttachmentMediaType = keyof typeof attachmentTypes;
export const attachmentMediaTypes = Object.keys(attachmentTypes) as AttachmentMediaType[];

/** Per request, shared and internal attachments each; keeps a request page and a backup of bounded size. */
export const maxAttachmentsPerRequest = 10;
export const maxFileNameLength = 120;
export const defaultAttachmentMaxBytes = 10 * 1024 * 1024;

export function isAllowedAttachmentType(mediaType: string | undefined): mediaType is AttachmentMediaType {
  return mediaType !== undefined && Object.hasOwn(attachmentTypes, mediaType);
}

// Control characters (C0, C1) and invisible format characters, among them the bidirectional overrides
// that make "factuur\u202Efdp.exe" read as "factuurexe.pdf".
const unsafeCharacters = /[\p{Cc}\p{Cf}]/gu;
// Characters that Windows, macOS or a shell treat specially in a file name.
const reservedCharacters = /[<>:"|?*]/g;

/**
 * The name a file is stored and offered under: the last path segment only, without control characters,
 * reserved characters or leading dots, at most maxFileNameLength characters, and with an extension that
 * matches what the bytes really are (a PNG called "scan.pdf" becomes "scan.pdf.png").
 */
export function sanitiseFileName(raw: string, mediaType: AttachmentMediaType): string {
  const lastSegment = raw.normalize('NFC').split(/[\\/]/).pop() ?? '';
  let name = lastSegment.replace(unsafeCharacters, '').replace(reservedCharacters, '_').replace(/\s+/g, ' ').trim().replace(/^[.\s]+/, '').replace(/[.\s]+$/, '');
  const extensions: readonly string[] = attachmentTypes[mediaType];
  const dot = name.lastIndexOf('.');
  const extension = dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
  if (!extensions.includes(extension)) name = name ? `${name}.${extensions[0]}` : '';
  if (!name) return `bijlage.${extensions[0]}`;
  if (name.length <= maxFileNameLength) return name;
  // Shorten the stem, keep the extension: the name must still open with the right program.
  const suffix = name.slice(name.lastIndexOf('.'));
  const stem = Array.from(name.slice(0, name.lastIndexOf('.')));
  return `${stem.slice(0, maxFileNameLength - suffix.length).join('').trimEnd()}${suffix}`;
}

/** RFC 6266 / RFC 8187: an ASCII fallback for old clients and the exact UTF-8 name for the rest. */
export function contentDispositionFor(fileName: string): string {
  const fallback = fileName.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%]/g, '_');
  const encoded = encodeURIComponent(fileName).replace(/['()*]/g, (character) => `%${character.charCodeAt(0).toString(16).toUpperCase()}`);
  return `attachment; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}

/** "10 MB" for 10 485 760 bytes; the limit as people read it. */
/** What one person may upload in all, unless configured otherwise (ATTACHMENT_QUOTA_BYTES_PER_USER). */
export const defaultAttachmentQuotaBytesPerUser = 100 * 1024 * 1024;

export function describeByteLimit(bytes: number): string {
  const megabytes = bytes / (1024 * 1024);
  if (megabytes >= 1) return `${Number.isInteger(megabytes) ? megabytes : megabytes.toFixed(1)} MB`;
  return `${Math.floor(bytes / 1024)} kB`;
}

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
