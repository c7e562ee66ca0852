import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { validatorCompiler } from '../../platform/errors.ts';
import { downloadHeaders, readFileForm, singleFileFormLimits } from '../../platform/file-uploads.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { attachmentMediaTypes, describeByteLimit } from '../../platform/uploaded-files.ts';
import { evidenceParams, evidenceSchema, progressEntryParams, uploadEvidenceForm } from './action-plan-content.contract.ts';
import type { ActionProgressEvidenceService } from './action-progress-evidence.service.ts';

const tags = ['Action plans'];

/** Evidence with progress reports. Multipart is registered in this scope only: every other route still takes JSON alone. */
export function registerActionProgressEvidenceRoutes(scope: FastifyInstance, service: ActionProgressEvidenceService) {
  const limit = describeByteLimit(service.maxBytes);

  scope.register(async (evidenceScope) => {
    await evidenceScope.register(fastifyMultipart, { limits: singleFileFormLimits(service.maxBytes, 0), throwFileSizeLimit: true });
    const app = evidenceScope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/action-plan-actions/:actionId/progress/:progressId/evidence',
      {
        config: { access: 'actionPlan.postProgress', requestLimit: 'upload' },
        // The form is streamed and checked by readFileForm; its body schema only documents it.
        validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler({ schema: schema as unknown as z.ZodType, httpPart })),
        schema: {
          operationId: 'addActionProgressEvidence',
          tags,
          description: `The action’s owner (or the advisor) adds a photo or document to a progress report: a PDF or image (PNG, JPEG, GIF, WebP) of at most ${limit}, the type checked on the content. While the plan takes progress.`,
          consumes: ['multipart/form-data'],
          params: progressEntryParams,
          body: uploadEvidenceForm,
          response: { 201: evidenceSchema, ...problemResponses(401, 403, 404, 409, 413, 415) },
        },
      },
      async (request, reply) => {
        const context = contextOf(request);
        const { actionId, progressId } = request.params;
        await service.checkUpload(context, actionId, progressId);
        const { file } = await readFileForm(request, service.maxBytes, []);
        return reply.code(201).send(await service.addEvidence(context, actionId, progressId, file));
      },
    );

    app.get(
      '/action-plan-actions/:actionId/evidence/:evidenceId',
      {
        config: { access: 'actionPlan.view' },
        schema: {
          operationId: 'downloadActionProgressEvidence',
          tags,
          description: 'The file itself, for whoever may see the plan: always as a download and sandboxed, so it can never run script on this site.',
          params: evidenceParams,
          response: {
            200: { description: 'The file, with the type sniffed at upload', content: Object.fromEntries(attachmentMediaTypes.map((mediaType) => [mediaType, { schema: z.string().meta({ format: 'binary' }) }])) },
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const file = await service.downloadEvidence(contextOf(request), request.params.actionId, request.params.evidenceId);
        // A Buffer goes out as it is (Fastify serialises only objects); the schema types it as the binary string it documents.
        return reply.headers(downloadHeaders(file.fileName, file.mediaType)).send(file.content as unknown as string);
      },
    );

    app.delete(
      '/action-plan-actions/:actionId/evidence/:evidenceId',
      {
        config: { access: 'actionPlan.postProgress' },
        schema: {
          operationId: 'removeActionProgressEvidence',
          tags,
          description: 'The uploader or the advisor, while the plan takes progress.',
          params: evidenceParams,
          response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404, 409) },
        },
      },
      async (request, reply) => {
        await service.removeEvidence(contextOf(request), request.params.actionId, request.params.evidenceId);
        return reply.code(204).send(null);
      },
    );
  });
}
