import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { requestErrors } from './request.errors.ts';
import { DomainError, validatorCompiler } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { requestParams } from './request.contract.ts';
import { attachmentContentSchema, attachmentListSchema, attachmentParams, attachmentSchema, uploadAttachmentForm } from './request-attachment.contract.ts';
import { attachmentMediaTypes, contentDispositionFor, describeByteLimit } from './request-attachment.rules.ts';
import type { AttachmentUpload, RequestAttachmentService } from './request-attachment.service.ts';

const tags = ['Requests'];

/**
 * Reads the multipart form: one file in the field "file" and optionally "isInternal". The parser's limits
 * (size, one file, few small fields) bound what a caller can make us hold in memory.
 */
async function readUpload(request: FastifyRequest, limit: string): Promise<AttachmentUpload> {
  if (!request.isMultipart()) throw new DomainError(requestErrors.MULTIPART_REQUIRED);
  let file: { fileName: string; content: Buffer } | undefined;
  let isInternal: string | undefined;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        // Every file part is read to its end (within the limit), or the form never finishes.
        const content = await part.toBuffer();
        if (part.fieldname === 'file') file = { fileName: part.filename, content };
      } else if (part.fieldname === 'isInternal') {
        isInternal = String(part.value);
      }
    }
  } catch (error) {
    const code = (error as { code?: string }).code;
    if (code === 'FST_REQ_FILE_TOO_LARGE') {
      throw new DomainError(requestErrors.ATTACHMENT_TOO_LARGE, { params: { limit }, fields: [{ field: 'body.file', code: 'attachmentTooLarge', params: { limit } }] });
    }
    if (code === 'FST_FILES_LIMIT') throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.file', code: 'oneFileOnly' }] });
    if (code === 'FST_PARTS_LIMIT' || code === 'FST_FIELDS_LIMIT') throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body', code: 'tooManyFormFields' }] });
    // Everything else the parser throws is a form it cannot read: no boundary, a truncated part, bad headers.
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body', code: 'malformedForm' }] });
  }
  if (isInternal !== undefined && isInternal !== 'true' && isInternal !== 'false') {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.isInternal', code: 'trueOrFalse' }] });
  }
  if (!file) throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.file', code: 'required' }] });
  return { ...file, isInternal: isInternal === 'true' };
}

/** Attachments on a request. Multipart is registered in this scope only: every other route still takes JSON alone. */
export function registerRequestAttachmentRoutes(scope: FastifyInstance, service: RequestAttachmentService) {
  const limit = describeByteLimit(service.maxBytes);

  scope.register(async (attachmentScope) => {
    await attachmentScope.register(fastifyMultipart, {
      limits: { fileSize: service.maxBytes, files: 1, fields: 2, parts: 3, fieldSize: 100, fieldNameSize: 50, headerPairs: 20 },
      throwFileSizeLimit: true,
    });
    const app = attachmentScope.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/requests/:requestId/attachments',
      {
        config: { access: 'public-identified' },
        schema: {
          operationId: 'listRequestAttachments',
          tags,
          description: 'Whoever may see the request sees its shared attachments (visitors too, on a public request); internal ones only municipal staff.',
          params: requestParams,
          response: { 200: attachmentListSchema, ...problemResponses(404) },
        },
      },
      async (request) => service.listAttachments(contextOf(request), request.params.requestId),
    );

    app.post(
      '/requests/:requestId/attachments',
      {
        config: { access: 'authenticated', requestLimit: 'upload' },
        // The form is streamed and checked by readUpload; its body schema only documents it.
        validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler({ schema: schema as unknown as z.ZodType, httpPart })),
        schema: {
          operationId: 'addRequestAttachment',
          tags,
          description: `The submitter’s side and municipal staff add a PDF or image (PNG, JPEG, GIF, WebP) of at most ${limit}; the type is checked on the content. Not on a closed request.`,
          consumes: ['multipart/form-data'],
          params: requestParams,
          body: uploadAttachmentForm,
          response: { 201: attachmentSchema, ...problemResponses(401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const context = contextOf(request);
        await service.checkUpload(context, request.params.requestId);
        const upload = await readUpload(request, limit);
        return reply.code(201).send(await service.addAttachment(context, request.params.requestId, upload));
      },
    );

    app.get(
      '/requests/:requestId/attachments/:attachmentId',
      {
        config: { access: 'public-identified' },
        schema: {
          operationId: 'downloadRequestAttachment',
          tags,
          description: 'The file itself, always as a download and sandboxed: it can never run script on this site.',
          params: attachmentParams,
          response: {
            200: { description: 'The file, with the type sniffed at upload', content: Object.fromEntries(attachmentMediaTypes.map((mediaType) => [mediaType, { schema: attachmentContentSchema }])) },
            ...problemResponses(404),
          },
        },
      },
      async (request, reply) => {
        const file = await service.downloadAttachment(contextOf(request), request.params.requestId, request.params.attachmentId);
        return reply
          .headers({
            'content-type': file.mediaType,
            'content-disposition': contentDispositionFor(file.fileName),
            'x-content-type-options': 'nosniff',
            // Even opened directly, an uploaded file gets no script, forms or same-origin rights.
            'content-security-policy': 'sandbox',
            'cross-origin-resource-policy': 'same-origin',
            'cache-control': 'private, no-store',
          })
          // A Buffer goes out as it is (Fastify serialises only objects); the schema types it as the binary string it documents.
          .send(file.content as unknown as string);
      },
    );

    app.delete(
      '/requests/:requestId/attachments/:attachmentId',
      {
        config: { access: 'authenticated' },
        schema: {
          operationId: 'removeRequestAttachment',
          tags,
          description: 'The uploader or municipal staff, while the request is not closed.',
          params: attachmentParams,
          response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await service.removeAttachment(contextOf(request), request.params.requestId, request.params.attachmentId);
        return reply.code(204).send(null);
      },
    );
  });
}
