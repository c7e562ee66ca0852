import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { adviceRequestListQuery, adviceRequestListSchema, adviceRequestParams, adviceRequestSchema, createAdviceRequestBody } from './advice-request.contract.ts';
import type { AdviceRequestService } from './advice-request.service.ts';

const tags = ['Advice requests'];

/** The municipality asks councils for advice; the councils answer with an advice request (POST /requests). */
export function registerAdviceRequestRoutes(scope: FastifyInstance, service: AdviceRequestService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.post(
    '/advice-requests',
    {
      config: { access: 'adviceRequest.create' },
      schema: {
        operationId: 'createAdviceRequest',
        tags,
        description: 'Ask one or more councils for advice: the question, documents, a due date, and whether it is formal inspraak. The councils’ members are told.',
        params: municipalityParams,
        body: createAdviceRequestBody,
        response: { 201: adviceRequestSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createAdviceRequest(contextOf(request), request.body)),
  );

  app.get(
    '/advice-requests',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listAdviceRequests',
        tags,
        description: 'Staff see every advice request, a council member those sent to their council; nearest due date first.',
        params: municipalityParams,
        querystring: adviceRequestListQuery,
        response: { 200: adviceRequestListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.listAdviceRequests(contextOf(request), request.query),
  );

  app.get(
    '/advice-requests/:adviceRequestId',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'getAdviceRequest', tags, params: adviceRequestParams, response: { 200: adviceRequestSchema, ...problemResponses(401, 404) } },
    },
    async (request) => service.getAdviceRequest(contextOf(request), request.params.adviceRequestId),
  );
}
