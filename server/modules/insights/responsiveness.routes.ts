import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { responsivenessQuery, responsivenessSchema, responsivenessSettingsSchema } from './responsiveness.contract.ts';
import type { ResponsivenessService } from './responsiveness.service.ts';

export function registerResponsivenessRoutes(scope: FastifyInstance, service: ResponsivenessService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/responsiveness',
    {
      // Public by default; the service refuses visitors when the municipality switched that off.
      config: { access: 'public-identified' },
      schema: {
        operationId: 'measureResponsiveness',
        tags: ['Insights'],
        summary: 'Time to acknowledge and to answer, share answered on time, verdicts; per department, neighbourhood or month',
        description: 'Aggregates only, over all requests of the period. Public unless the municipality switched that off (GET /responsiveness-settings); staff and neighbourhood council members always see them.',
        params: municipalityParams,
        querystring: responsivenessQuery,
        response: { 200: responsivenessSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.measureResponsiveness(contextOf(request), request.query),
  );

  app.get(
    '/responsiveness-settings',
    {
      config: { access: 'public' },
      schema: { operationId: 'getResponsivenessSettings', tags: ['Insights'], summary: 'Whether the responsiveness figures are public', params: municipalityParams, response: { 200: responsivenessSettingsSchema, ...problemResponses(404) } },
    },
    async (request) => service.getSettings(contextOf(request)),
  );
  app.put(
    '/responsiveness-settings',
    {
      config: { access: 'insights.manage' },
      schema: {
        operationId: 'updateResponsivenessSettings',
        tags: ['Insights'],
        summary: 'Make the responsiveness figures public, or show them to staff and neighbourhood councils only',
        params: municipalityParams,
        body: responsivenessSettingsSchema,
        response: { 200: responsivenessSettingsSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.updateSettings(contextOf(request), request.body),
  );
}
