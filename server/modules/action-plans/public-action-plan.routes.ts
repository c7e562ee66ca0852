import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { documentLanguageQuery, withDocumentLanguage } from './action-plan.contract.ts';
import { publicActionPlanParams, publicActionPlanSchema } from './public-action-plan.contract.ts';
import type { PublicActionPlanService } from './public-action-plan.service.ts';

const tags = ['Action plans'];
const file = z.custom<Buffer>((value) => Buffer.isBuffer(value));

/** The neighbourhood's adopted plan for everyone, signed in or not: as data for the page and as a PDF to keep. */
export function registerPublicActionPlanRoutes(scope: FastifyInstance, service: PublicActionPlanService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/neighbourhoods/:neighbourhoodId/action-plan',
    {
      // The answer is the same for every visitor and language (themes carry both names), so the public cache may keep it.
      config: { access: 'public', isPublicCacheable: true },
      schema: {
        operationId: 'getPublicActionPlan',
        tags,
        summary: 'The neighbourhood’s action plan in force, as adopted, with today’s progress',
        description:
          'The latest adopted version of the plan that is not closed (else of the latest closed plan): challenges, SMART actions with the owning organisation, today’s status and value, a roll-up and the successes. Edits made during an open revision show only once adopted. No personal data. 404 when the neighbourhood has no adopted plan.',
        params: publicActionPlanParams,
        response: { 200: publicActionPlanSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.planInForce(contextOf(request), request.params.neighbourhoodId),
  );

  app.get(
    '/neighbourhoods/:neighbourhoodId/action-plan/document',
    {
      config: { access: 'public' },
      exposeHeadRoute: false,
      schema: {
        operationId: 'downloadPublicActionPlan',
        tags,
        summary: 'The neighbourhood’s action plan in force as a tagged PDF, in the language asked for',
        params: publicActionPlanParams,
        querystring: documentLanguageQuery,
        response: {
          200: { description: 'A tagged PDF that a screen reader can read', content: { 'application/pdf': { schema: file.meta({ type: 'string', format: 'binary' }) } } },
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const document = await service.planPdf(withDocumentLanguage(contextOf(request), request.query.lang), request.params.neighbourhoodId);
      return reply
        .header('content-disposition', `attachment; filename="${document.fileName}"`)
        .header('cache-control', 'public, max-age=300')
        .header('vary', 'accept-language')
        .type(document.mediaType)
        .send(document.body);
    },
  );
}
