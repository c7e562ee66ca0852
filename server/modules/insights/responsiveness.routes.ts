import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { responsivenessQuery, responsivenessSchema } from './responsiveness.contract.ts';
import type { ResponsivenessService } from './responsiveness.service.ts';

export function registerResponsivenessRoutes(scope: FastifyInstance, service: ResponsivenessService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/responsiveness',
    {
      config: { access: 'request.viewInternal' },
      schema: {
        operationId: 'measureResponsiveness',
        tags: ['Insights'],
        summary: 'Time to acknowledge and to answer, share answered on time, verdicts; per department, neighbourhood or month',
        params: municipalityParams,
        querystring: responsivenessQuery,
        response: { 200: responsivenessSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.measureResponsiveness(contextOf(request), request.query),
  );
}
