import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { councilListQuery, councilListSchema, councilParams, councilSchema, createCouncilBody, updateCouncilBody } from './council.contract.ts';
import type { CouncilService } from './council.service.ts';

const tags = ['Councils'];

export function registerCouncilRoutes(scope: FastifyInstance, service: CouncilService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/councils',
    {
      config: { access: 'public', isPublicCacheable: true },
      schema: { operationId: 'listCouncils', tags, summary: 'Neighbourhood councils (wijkorganen)', params: municipalityParams, querystring: councilListQuery, response: { 200: councilListSchema, ...problemResponses(404) } },
    },
    async (request) => service.listCouncils({ municipalityId: request.tenant.id }, request.query),
  );

  app.get(
    '/councils/:councilId',
    {
      config: { access: 'public-identified' },
      schema: { operationId: 'getCouncil', tags, description: 'Members are listed for municipal staff, partners and council members only.', params: councilParams, response: { 200: councilSchema, ...problemResponses(404) } },
    },
    async (request) => service.getCouncil(contextOf(request), request.params.councilId),
  );

  app.post(
    '/councils',
    {
      config: { access: 'registry.manage' },
      schema: { operationId: 'createCouncil', tags, params: municipalityParams, body: createCouncilBody, response: { 201: councilSchema, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request, reply) => reply.code(201).send(await service.createCouncil(contextOf(request), request.body)),
  );

  app.patch(
    '/councils/:councilId',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'updateCouncil',
        tags,
        description: 'Admins change any field; a council member changes the contact details of their own council.',
        params: councilParams,
        body: updateCouncilBody,
        response: { 200: councilSchema, ...problemResponses(401, 403, 404, 409, 413) },
      },
    },
    async (request) => service.updateCouncil(contextOf(request), request.params.councilId, request.body),
  );

  app.delete(
    '/councils/:councilId',
    {
      config: { access: 'registry.manage' },
      schema: { operationId: 'deleteCouncil', tags, params: councilParams, response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await service.deleteCouncil(contextOf(request), request.params.councilId);
      return reply.code(204).send(null);
    },
  );
}
