import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { DomainError, validatorCompiler } from '../../platform/errors.ts';
import { readFileForm, singleFileFormLimits } from '../../platform/file-uploads.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { describeByteLimit, fileErrors } from '../../platform/uploaded-files.ts';
import { appearanceSchema, logoMediaTypes, logoQuery, updateAppearanceBody, uploadLogoForm } from './appearance.contract.ts';
import { type AppearanceService, logoTooLarge } from './appearance.service.ts';
import { municipalityParams } from './municipality.contract.ts';

const tags = ['Municipalities'];

/**
 * A logo goes out as a picture that can do nothing else: the type it was checked to be, never sniffed again, and a
 * policy that allows no script, no frames and no requests, even when someone opens it on its own.
 */
const logoHeaders = {
  'x-content-type-options': 'nosniff',
  'content-security-policy': "default-src 'none'; style-src 'unsafe-inline'; sandbox",
  'cross-origin-resource-policy': 'same-origin',
  // The address carries the logo's version, so a day in caches is safe: a new logo gets a new address.
  'cache-control': 'public, max-age=86400',
};

export function registerAppearanceRoutes(scope: FastifyInstance, service: AppearanceService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const limit = describeByteLimit(service.maxLogoBytes);

  app.get(
    '/appearance',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getMunicipalityAppearance',
        tags,
        summary: 'The municipality’s name as shown, logo, colours, form of address and public contact details',
        params: municipalityParams,
        response: { 200: appearanceSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.getAppearance(contextOf(request)),
  );

  app.put(
    '/appearance',
    {
      config: { access: 'municipality.manageAppearance' },
      schema: {
        operationId: 'updateMunicipalityAppearance',
        tags,
        summary: 'Set the municipality’s name as shown, colours, form of address and contact details (administrators)',
        params: municipalityParams,
        body: updateAppearanceBody,
        response: { 200: appearanceSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.updateAppearance(contextOf(request), request.body),
  );

  app.get(
    '/appearance/logo',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getMunicipalityLogo',
        tags,
        summary: 'The municipality’s logo',
        params: municipalityParams,
        querystring: logoQuery,
        response: {
          200: { description: 'The logo as uploaded', content: Object.fromEntries(logoMediaTypes.map((mediaType) => [mediaType, { schema: z.string().meta({ format: 'binary' }) }])) },
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const logo = await service.getLogo(contextOf(request));
      // A Buffer goes out as it is (Fastify serialises only objects); the schema types it as the binary string it documents.
      return reply.headers({ ...logoHeaders, 'content-type': logo.mediaType }).send(logo.content as unknown as string);
    },
  );

  app.delete(
    '/appearance/logo',
    {
      config: { access: 'municipality.manageAppearance' },
      schema: {
        operationId: 'removeMunicipalityLogo',
        tags,
        summary: 'Remove the municipality’s logo (administrators); the name alone is shown again',
        params: municipalityParams,
        response: { 200: appearanceSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.removeLogo(contextOf(request)),
  );

  // Multipart is registered in this scope only: every other route still takes JSON alone.
  scope.register(async (logoScope) => {
    await logoScope.register(fastifyMultipart, { limits: singleFileFormLimits(service.maxLogoBytes, 0), throwFileSizeLimit: true });
    logoScope.withTypeProvider<ZodTypeProvider>().put(
      '/appearance/logo',
      {
        config: { access: 'municipality.manageAppearance', requestLimit: 'upload' },
        // The form is streamed and checked by readFileForm; its body schema only documents it.
        validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler({ schema: schema as unknown as z.ZodType, httpPart })),
        schema: {
          operationId: 'replaceMunicipalityLogo',
          tags,
          description: `Upload the municipality’s logo (administrators): PNG, JPEG or WebP of at most ${limit}, the type checked on the content. SVG is not accepted.`,
          consumes: ['multipart/form-data'],
          params: municipalityParams,
          body: uploadLogoForm,
          response: { 200: appearanceSchema, ...problemResponses(400, 401, 403, 404, 413, 415) },
        },
      },
      async (request) => {
        const file = await readFileForm(request, service.maxLogoBytes, [] as const).catch((error: unknown) => {
          // The shared form reader speaks of attachments; a logo has its own, smaller limit.
          if (error instanceof DomainError && error.code === fileErrors.ATTACHMENT_TOO_LARGE) throw logoTooLarge();
          throw error;
        });
        return service.replaceLogo(contextOf(request), file.file);
      },
    );
  });
}
