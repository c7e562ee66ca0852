import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import type { ActionPlanOriginService } from './action-plan-origin.service.ts';
import { requestInPlanSchema } from './action-plan-origin.contract.ts';

export function registerActionPlanOriginRoutes(scope: FastifyInstance, service: ActionPlanOriginService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  app.get(
    '/requests/:requestId/action-plan-actions',
    {
      config: { access: 'public-identified' },
      schema: {
        operationId: 'listActionsTakingUpRequest',
        tags: ['Action plans'],
        description: 'The actions of action plans that take this request up, with their plan and status. Readers of the request see them; outsiders only those of adopted plans.',
        params: municipalityParams.extend({ requestId: z.uuid() }),
        response: { 200: requestInPlanSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.actionsTakingUpRequest(contextOf(request), request.params.requestId),
  );
}
