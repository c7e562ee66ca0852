import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  areaParams,
  areaSchema,
  boundaryCollectionSchema,
  createAreaBody,
  createNeighbourhoodBody,
  neighbourhoodListQuery,
  neighbourhoodListSchema,
  neighbourhoodParams,
  neighbourhoodSchema,
  recordDevelopmentAgreementBody,
  updateAreaBody,
  updateNeighbourhoodBody,
} from './neighbourhood.contract.ts';
import type { NeighbourhoodService } from './neighbourhood.service.ts';

const tags = ['Neighbourhoods'];

/** Routes below /municipalities/:municipality. */
export function registerNeighbourhoodRoutes(scope: FastifyInstance, service: NeighbourhoodService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/neighbourhoods',
    {
      config: { access: 'public', isPublicCacheable: true },
      schema: { operationId: 'listNeighbourhoods', tags, summary: 'Neighbourhoods (wijken) of the municipality', params: municipalityParams, querystring: neighbourhoodListQuery, response: { 200: neighbourhoodListSchema, ...problemResponses(404) } },
    },
    async (request) => service.listNeighbourhoods({ municipalityId: request.tenant.id }, request.query),
  );

  app.get(
    '/neighbourhood-boundaries',
    {
      config: { access: 'public', isPublicCacheable: true },
      schema: { operationId: 'listNeighbourhoodBoundaries', tags, summary: 'Boundaries of all neighbourhoods as GeoJSON, for maps', params: municipalityParams, response: { 200: boundaryCollectionSchema, ...problemResponses(404) } },
    },
    async (request) => service.listBoundaries({ municipalityId: request.tenant.id }),
  );

  app.get(
    '/neighbourhoods/:neighbourhoodId',
    {
      // Identified, not only public: the answer says what the caller may do (the development-area agreement).
      config: { access: 'public-identified' },
      schema: { operationId: 'getNeighbourhood', tags, params: neighbourhoodParams, response: { 200: neighbourhoodSchema, ...problemResponses(404) } },
    },
    async (request) => service.getNeighbourhood({ municipalityId: request.tenant.id, actor: request.actor }, request.params.neighbourhoodId),
  );

  app.post(
    '/neighbourhoods',
    {
      config: { access: 'registry.manage' },
      schema: { operationId: 'createNeighbourhood', tags, params: municipalityParams, body: createNeighbourhoodBody, response: { 201: neighbourhoodSchema, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request, reply) => reply.code(201).send(await service.createNeighbourhood(contextOf(request), request.body)),
  );

  app.patch(
    '/neighbourhoods/:neighbourhoodId',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'updateNeighbourhood',
        tags,
        description: 'Admins change any field; an advisor changes the description of a neighbourhood they serve.',
        params: neighbourhoodParams,
        body: updateNeighbourhoodBody,
        response: { 200: neighbourhoodSchema, ...problemResponses(401, 403, 404, 409, 413) },
      },
    },
    async (request) => service.updateNeighbourhood(contextOf(request), request.params.neighbourhoodId, request.body),
  );

  app.put(
    '/neighbourhoods/:neighbourhoodId/development-agreement',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'recordDevelopmentAgreement',
        tags,
        description: 'In a development area the advisor and the programme manager record whether, and in what form, the wijktafel and the wijkwerkoverleg take place (§3.3).',
        params: neighbourhoodParams,
        body: recordDevelopmentAgreementBody,
        response: { 200: neighbourhoodSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => service.recordDevelopmentAgreement(contextOf(request), request.params.neighbourhoodId, request.body),
  );

  app.delete(
    '/neighbourhoods/:neighbourhoodId',
    {
      config: { access: 'registry.manage' },
      schema: { operationId: 'deleteNeighbourhood', tags, params: neighbourhoodParams, response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404, 409) } },
    },
    async (request, reply) => {
      await service.deleteNeighbourhood(contextOf(request), request.params.neighbourhoodId);
      return reply.code(204).send(null);
    },
  );

  app.post(
    '/neighbourhoods/:neighbourhoodId/areas',
    {
      config: { access: 'registry.manage' },
      schema: { operationId: 'addArea', tags, params: neighbourhoodParams, body: createAreaBody, response: { 201: areaSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request, reply) => reply.code(201).send(await service.addArea(contextOf(request), request.params.neighbourhoodId, request.body)),
  );

  app.patch(
    '/areas/:areaId',
    {
      config: { access: 'registry.manage' },
      schema: { operationId: 'updateArea', tags, params: areaParams, body: updateAreaBody, response: { 200: areaSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.updateArea(contextOf(request), request.params.areaId, request.body),
  );

  app.delete(
    '/areas/:areaId',
    {
      config: { access: 'registry.manage' },
      schema: { operationId: 'deleteArea', tags, params: areaParams, response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await service.deleteArea(contextOf(request), request.params.areaId);
      return reply.code(204).send(null);
    },
  );
}
