import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { acknowledgeRequestBody, answerRequestBody, closeRequestBody, postUpdateBody, reopenRequestBody, requestListQuery, requestListSchema, requestLookupParams, requestParams, requestSchema, routeRequestBody, submitRequestBody } from './request.contract.ts';
import type { RequestService } from './request.service.ts';
import { registerRequestProtocolRoutes } from './request-protocol.routes.ts';

const tags = ['Requests'];

export function registerRequestRoutes(scope: FastifyInstance, service: RequestService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  registerRequestProtocolRoutes(scope, service);

  app.get(
    '/requests',
    {
      config: { access: 'public-identified' },
      schema: {
        operationId: 'listRequests',
        tags,
        description: 'Visitors see public requests; the submitter’s side also its own; municipal staff everything.',
        params: municipalityParams,
        querystring: requestListQuery,
        response: { 200: requestListSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.listRequests(contextOf(request), request.query),
  );

  app.get(
    '/requests/:requestId',
    { config: { access: 'public-identified' }, schema: { operationId: 'getRequest', tags, params: requestLookupParams, response: { 200: requestSchema, ...problemResponses(404) } } },
    async (request) => service.getRequest(contextOf(request), request.params.requestId),
  );

  app.post(
    '/requests',
    {
      config: { access: 'request.submit' },
      schema: { operationId: 'submitRequest', tags, params: municipalityParams, body: submitRequestBody, response: { 201: requestSchema, ...problemResponses(401, 403, 404, 413) } },
    },
    async (request, reply) => reply.code(201).send(await service.submitRequest(contextOf(request), request.body)),
  );

  app.post(
    '/requests/:requestId/acknowledgement',
    {
      config: { access: 'request.triage' },
      schema: { operationId: 'acknowledgeRequest', tags, params: requestParams, body: acknowledgeRequestBody, response: { 200: requestSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.acknowledgeRequest(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/routing',
    {
      config: { access: 'request.triage' },
      schema: { operationId: 'routeRequest', tags, params: requestParams, body: routeRequestBody, response: { 200: requestSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.routeRequest(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/answer',
    {
      config: { access: 'request.answer' },
      schema: {
        operationId: 'answerRequest',
        tags,
        description: 'Exactly one verdict: nu (planned within the short term), ooit (conditions, decision date, update cadence) or nooit (reasons), always with a motivation.',
        params: requestParams,
        body: answerRequestBody,
        response: { 200: requestSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => service.answerRequest(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/updates',
    {
      config: { access: 'request.answer' },
      schema: { operationId: 'postRequestUpdate', tags, summary: 'Progress update on an ooit answer', params: requestParams, body: postUpdateBody, response: { 200: requestSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.postUpdate(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/closure',
    {
      config: { access: 'request.triage' },
      schema: { operationId: 'closeRequest', tags, params: requestParams, body: closeRequestBody, response: { 200: requestSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.closeRequest(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/reopening',
    {
      config: { access: 'request.triage' },
      schema: { operationId: 'reopenRequest', tags, params: requestParams, body: reopenRequestBody, response: { 200: requestSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.reopenRequest(contextOf(request), request.params.requestId, request.body),
  );
}
