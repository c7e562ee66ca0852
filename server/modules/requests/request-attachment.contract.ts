import { z } from 'zod';
import { attachmentMediaTypes } from '../../platform/uploaded-files.ts';

export const attachmentParams = z.object({ municipality: z.string(), requestId: z.uuid(), attachmentId: z.uuid() });

export const attachmentSchema = z
  .object({
    id: z.uuid(),
    fileName: z.string(),
    mediaType: z.enum(attachmentMediaTypes).describe('Sniffed from the bytes at upload, not taken from the name or the browser'),
    sizeBytes: z.number().int(),
    isInternal: z.boolean().describe('Only municipal staff see internal attachments'),
    uploadedBy: z.string().nullable().describe('The uploader’s name: only for municipal staff'),
    isOwn: z.boolean().describe('Uploaded by the caller'),
    canRemove: z.boolean().describe('The caller may delete it now'),
    createdAt: z.iso.datetime({ offset: true }),
  })
  .meta({ id: 'RequestAttachment' });

export const attachmentListSchema = z
  .object({
    items: z.array(attachmentSchema),
    canUpload: z.boolean().describe('The caller may add an attachment now'),
    canUploadInternal: z.boolean().describe('The caller may add an internal attachment (municipal staff)'),
    maxBytes: z.number().int().describe('Largest file accepted'),
    maxCount: z.number().int().describe('Most shared (and, separately, internal) attachments per request'),
  })
  .meta({ id: 'RequestAttachmentList' });

/** The multipart form, for the documentation: the body is streamed and checked while it is read, not validated as an object. */
export const uploadAttachmentForm = z
  .object({
    file: z.string().meta({ format: 'binary' }).describe('One PDF, PNG, JPEG, GIF or WebP file; the type is checked on the content'),
    isInternal: z.enum(['true', 'false']).optional().describe('"true": only municipal staff see it (staff only)'),
  })
  .meta({ id: 'UploadRequestAttachment' });

export const attachmentContentSchema = z.string().meta({ format: 'binary' });

export type RequestAttachment = z.infer<typeof attachmentSchema>;
export type RequestAttachmentList = z.infer<typeof attachmentListSchema>;
