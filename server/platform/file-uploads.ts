/**
 * Reading, checking and serving uploaded files, for every module that takes them: the multipart form, the type
 * sniffed from the bytes, the per-person storage quota (over every table that holds uploads) and the headers a
 * download goes out with.
 */
import { fileTypeFromBuffer } from 'file-type';
import type { FastifyRequest } from 'fastify';
import { sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import { DomainError } from './errors.ts';
import { type AttachmentMediaType, contentDispositionFor, describeByteLimit, fileErrors, isAllowedAttachmentType } from './uploaded-files.ts';

const fileField = 'body.file';

/** A file as it came in: the name the browser gave and the bytes; the type is never taken from either. */
export interface UploadedFile {
  fileName: string;
  content: Buffer;
}

/** The parser limits for a form of one file and a few short fields: what a caller can make us hold in memory. One part more than allowed, so a second file is refused as such. */
export function singleFileFormLimits(maxBytes: number, fieldCount: number) {
  return { fileSize: maxBytes, files: 1, fields: fieldCount, parts: fieldCount + 2, fieldSize: 100, fieldNameSize: 50, headerPairs: 20 };
}

export function fileTooLarge(maxBytes: number): DomainError {
  const limit = describeByteLimit(maxBytes);
  return new DomainError(fileErrors.ATTACHMENT_TOO_LARGE, { params: { limit }, fields: [{ field: fileField, code: 'attachmentTooLarge', params: { limit } }] });
}

/**
 * Reads a multipart form with one file in the field "file" and the named short text fields. Every problem of
 * the form itself becomes a 4xx that names the field: too large, two files, unknown fields, a broken form.
 */
export async function readFileForm<Field extends string>(request: FastifyRequest, maxBytes: number, fieldNames: readonly Field[]): Promise<{ file: UploadedFile; fields: Partial<Record<Field, string>> }> {
  if (!request.isMultipart()) throw new DomainError(fileErrors.MULTIPART_REQUIRED);
  let file: UploadedFile | undefined;
  const fields: Partial<Record<Field, string>> = {};
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every file part is read to its end (within the limit), or the form never finishes.
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = { fileName: part.filename, content };
      } else if ((fieldNames as readonly string[]).includes(part.fieldname)) {
        fields[part.fieldname as Field] = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') throw fileTooLarge(maxBytes);
    if (code === 'FST_FILES_LIMIT') throw new DomainError('VALIDATION_FAILED', { fields: [{ field: fileField, code: 'oneFileOnly' }] });
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') {
      const allowed = ['file', ...fieldNames].map((name) => `“${name}”`).join(', ');
      throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body', code: 'tooManyFormFields', params: { fields: allowed } }] });
    }
    // Everything else the parser throws is a form it cannot read: no boundary, a truncated part, bad headers.
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body', code: 'malformedForm' }] });
  }
  if (!file || file.content.length === 0) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: fileField, code: 'required' }] });
  return { file, fields };
}

/** The media type the bytes themselves show, whatever the file's name or declared type says; undefined when none is recognised. */
export async function sniffMediaType(content: Buffer): Promise<string | undefined> {
  return (await fileTypeFromBuffer(content))?.mime;
}

/** The type comes from the bytes: a renamed program or an HTML page does not become a PDF by its name. */
export async function sniffAllowedType(content: Buffer): Promise<AttachmentMediaType> {
  const mediaType = await sniffMediaType(content);
  if (!isAllowedAttachmentType(mediaType)) throw new DomainError(fileErrors.ATTACHMENT_TYPE_NOT_ALLOWED, { fields: [{ field: fileField, code: 'attachmentType' }] });
  return mediaType;
}

/**
 * Serialises one person's uploads (to any request or action), so two at once cannot both fit in the quota.
 * Held until the transaction ends.
 */
export async function lockUploader(db: Executor, municipalityId: string, userId: string): Promise<void> {
  await db.execute(sql`select pg_advisory_xact_lock(hashtextextended(${`attachment-quota:${municipalityId}:${userId}`}, 0))`);
}

/** Bytes of every file this person has uploaded in this municipality, wherever it is kept. */
export async function bytesUploadedBy(db: Executor, municipalityId: string, userId: string): Promise<number> {
  // One quota for all of a person's uploads: each table that keeps uploaded files is listed here.
  const [row] = await queryRows<{ total: string | number | null }>(db, sql`
    select coalesce(sum(size_bytes), 0) as total from (
      select size_bytes from request_attachment where municipality_id = ${municipalityId} and uploaded_by_user_id = ${userId}
      union all
      select size_bytes from action_progress_evidence where municipality_id = ${municipalityId} and uploaded_by_user_id = ${userId}
    ) as uploads`);
  return Number(row?.total ?? 0);
}

/** Refuses an upload of this many bytes (0: any at all) that would take the uploader past their quota. */
export async function checkUploadQuota(db: Executor, municipalityId: string, userId: string, incomingBytes: number, quotaBytes: number): Promise<void> {
  const used = await bytesUploadedBy(db, municipalityId, userId);
  if (used + Math.max(incomingBytes, 1) <= quotaBytes) return;
  throw new DomainError(fileErrors.ATTACHMENT_QUOTA_EXCEEDED, {
    params: { quota: describeByteLimit(quotaBytes), used: describeByteLimit(used) },
    fields: [{ field: fileField, code: 'attachmentQuotaExceeded', params: { quota: describeByteLimit(quotaBytes) } }],
  });
}

/** An uploaded file always goes out as a download and sandboxed: it can never run script on this site. */
export function downloadHeaders(fileName: string, mediaType: string): Record<string, string> {
  return {
    'content-type': mediaType,
    'content-disposition': contentDispositionFor(fileName),
    'x-content-type-options': 'nosniff',
    // Even opened directly, an uploaded file gets no script, forms or same-origin rights.
    'content-security-policy': 'sandbox',
    'cross-origin-resource-policy': 'same-origin',
    'cache-control': 'private, no-store',
  };
}
