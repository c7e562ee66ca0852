import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { validatorCompiler } from '../../platform/errors.ts';
import { downloadHeaders, readFileForm, singleFileFormLimits } from '../../platform/file-uploads.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { describeByteLimit } from '../../platform/uploaded-files.ts';
import { reportParams, reportPhotoSchema } from './report.contract.ts';
import { approveReportPhotoBody, publicReportPhotoParams, reportPhotoParams, reportStatusPhotoParams, uploadReportPhotoForm } from './report-photo.contract.ts';
import { maxPhotosPerReport, photoMediaTypes } from './report-photo.rules.ts';
import type { ReportPhotoService } from './report-photo.service.ts';

const tags = ['Reports'];

const photoDownload = {
  200: { description: 'The photo as stored: re-encoded, without metadata', content: Object.fromEntries(photoMediaTypes.map((mediaType) => [mediaType, { schema: z.string().meta({ format: 'binary' }) }])) },
};

function sendPhoto(reply: FastifyReply, photo: { fileName: string; mediaType: string; content: Buffer }) {
  // A Buffer goes out as it is (Fastify serialises only objects); the schema types it as the binary string it documents.
  return reply.headers(downloadHeaders(photo.fileName, photo.mediaType)).send(photo.content as unknown as string);
}

/** Photos with public-space reports. Multipart is registered in this scope only: every other route still takes JSON alone. */
export function registerReportPhotoRoutes(scope: FastifyInstance, service: ReportPhotoService) {
  const limit = describeByteLimit(service.maxBytes);

  scope.register(async (photoScope) => {
    await photoScope.register(fastifyMultipart, { limits: singleFileFormLimits(service.maxBytes, 1), throwFileSizeLimit: true });
    const app = photoScope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/reports/:reportId/photos',
      {
        // The reporter has no account: the status secret in the form is the key. Staff who handle the report are recognised instead.
        config: { access: 'public-identified', requestLimit: 'upload' },
        // The form is streamed and checked by readFileForm; its body schema only documents it.
        validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler({ schema: schema as unknown as z.ZodType, httpPart })),
        schema: {
          operationId: 'addReportPhoto',
          tags,
          description: `Add a photo to a report: the reporter with the secret of their status link (field \`statusToken\`) within an hour of reporting, or staff who handle the report while it is open; up to ${maxPhotosPerReport} per report. JPEG, PNG or WebP of at most ${limit}, the type checked on the content; it is re-encoded, so camera metadata such as the GPS position is not kept. Without a valid secret or the right to handle the report: 404.`,
          consumes: ['multipart/form-data'],
          params: reportParams,
          body: uploadReportPhotoForm,
          response: { 201: reportPhotoSchema, ...problemResponses(400, 404, 409, 413, 415, 422, 429) },
        },
      },
      async (request, reply) => {
        const { file, fields } = await readFileForm(request, service.maxBytes, ['statusToken'] as const);
        return reply.code(201).send(await service.addPhoto(contextOf(request), request.params.reportId, file, fields.statusToken));
      },
    );
  });

  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/reports/:reportId/photos/:photoId',
    {
      config: { access: 'report.read' },
      schema: {
        operationId: 'downloadReportPhoto',
        tags,
        description: 'A photo of a report, for those who may read the report: as a download and sandboxed.',
        params: reportPhotoParams,
        response: { ...photoDownload, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => sendPhoto(reply, await service.downloadPhoto(contextOf(request), request.params.reportId, request.params.photoId)),
  );

  app.get(
    '/report-status/:token/photos/:photoId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'downloadReportStatusPhoto',
        tags,
        description: 'The reporter’s own photo, through the secret of their status link.',
        params: reportStatusPhotoParams,
        response: { ...photoDownload, ...problemResponses(404) },
      },
    },
    async (request, reply) => sendPhoto(reply, await service.downloadPhotoByToken(contextOf(request), request.params.token, request.params.photoId)),
  );

  app.get(
    '/public-report-photos/:photoId',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'downloadPublicReportPhoto',
        tags,
        description: 'A photo for the public map: only when the reporter allowed publication and staff approved the photo; otherwise 404.',
        params: publicReportPhotoParams,
        response: { ...photoDownload, ...problemResponses(404) },
      },
    },
    async (request, reply) => sendPhoto(reply, await service.downloadPublicPhoto(contextOf(request), request.params.photoId)),
  );

  app.post(
    '/reports/:reportId/photos/:photoId/approval',
    {
      config: { access: 'report.handle' },
      schema: {
        operationId: 'approveReportPhoto',
        tags,
        description: 'Approve a photo for the public map (`isApproved: true`), or withdraw it. Approval needs the reporter’s consent to publication (409 `REPORT_PHOTO_NOT_PUBLISHABLE` without).',
        params: reportPhotoParams,
        body: approveReportPhotoBody,
        response: { 200: reportPhotoSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.approvePhoto(contextOf(request), request.params.reportId, request.params.photoId, request.body),
  );
}
