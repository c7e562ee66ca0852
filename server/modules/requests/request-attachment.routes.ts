import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { DomainError, validatorCompiler } from '../../platform/errors.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { requestParams } from './request.contract.ts';
import { attachmentContentSchema, attachmentListSchema, attachmentParams, attachmentSchema, uploadAttachmentForm } from './request-attachment.contract.ts';
import { downloadHeaders, readFileForm, singleFileFormLimits } from '../../platform/file-uploads.ts';
import { attachmentMediaTypes, describeByteLimit } from '../../platform/uploaded-files.ts';
import type { AttachmentUpload, RequestAttachmentService } from './request-attachment.service.ts';

const tags = ['Requests'];

async function readUpload(request: FastifyRequest, maxBytes: number): Promise<AttachmentUpload> {
  const { file, fields } = await readFileForm(request, maxBytes, ['isInternal']);
  if (fields.isInternal !== undefined && fields.isInternal !== 'true' && fields.isInternal !== 'false') {
    throw new DomainError('VALIDATION_FAILED', { fields: [{ field: 'body.isInternal', code: 'trueOrFalse' }] });
  }
  return { ...file, isInternal: fields.isInternal === 'true' };
}

/** Attachments on a request. Multipart is registered in this scope only: every other route still takes JSON alone. */
export function registerRequestAttachmentRoutes(scope: FastifyInstance, service: RequestAttachmentService) {
  const limit = describeByteLimit(service.maxBytes);

  scope.register(async (attachmentScope) => {
    await attachmentScope.register(fastifyMultipart, {
      limits: singleFileFormLimits(service.maxBytes, 2),
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
        const upload = await readUpload(request, service.maxBytes);
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
          .headers(downloadHeaders(file.fileName, file.mediaType))
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
