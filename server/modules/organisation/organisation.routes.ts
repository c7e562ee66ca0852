import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  councilTermSchema,
  createCouncilTermBody,
  createDepartmentBody,
  createPartnerOrganisationBody,
  createPortfolioBody,
  createThemeBody,
  departmentSchema,
  listSchemas,
  partnerOrganisationSchema,
  portfolioSchema,
  referenceListQuery,
  themeSchema,
  updateCouncilTermBody,
  updateDepartmentBody,
  updatePartnerOrganisationBody,
  updatePortfolioBody,
  updateThemeBody,
} from './organisation.contract.ts';
import type { OrganisationServices } from './organisation.service.ts';
import type { ReferenceListService } from './reference-list.service.ts';

interface ReferenceListRoutes {
  path: string;
  idParameter: string;
  /** Singular and plural for operation ids: "Department" → listDepartments, createDepartment… */
  singular: string;
  plural: string;
  item: z.ZodType;
  list: z.ZodType;
  createBody: z.ZodType;
  updateBody: z.ZodType;
  service: ReferenceListService<unknown>;
}

function registerReferenceList(scope: FastifyInstance, routes: ReferenceListRoutes) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['Organisation'];
  const itemParams = municipalityParams.extend({ [routes.idParameter]: z.uuid() });
  const idOf = (params: unknown) => (params as Record<string, string>)[routes.idParameter];

  app.get(
    routes.path,
    { config: { access: 'public' }, schema: { operationId: `list${routes.plural}`, tags, params: municipalityParams, querystring: referenceListQuery, response: { 200: routes.list, ...problemResponses(404) } } },
    async (request) => routes.service.list({ municipalityId: request.tenant.id }, request.query),
  );
  app.post(
    routes.path,
    {
      config: { access: 'registry.manage' },
      schema: { operationId: `create${routes.singular}`, tags, params: municipalityParams, body: routes.createBody, response: { 201: routes.item, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request, reply) => reply.code(201).send(await routes.service.create(contextOf(request), request.body as Record<string, unknown>)),
  );
  app.patch(
    `${routes.path}/:${routes.idParameter}`,
    {
      config: { access: 'registry.manage' },
      schema: { operationId: `update${routes.singular}`, tags, params: itemParams, body: routes.updateBody, response: { 200: routes.item, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request) => routes.service.update(contextOf(request), idOf(request.params), request.body as { version: number }),
  );
  app.delete(
    `${routes.path}/:${routes.idParameter}`,
    {
      config: { access: 'registry.manage' },
      schema: { operationId: `delete${routes.singular}`, tags, params: itemParams, response: { 204: z.null().describe('Deleted'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await routes.service.remove(contextOf(request), idOf(request.params));
      return reply.code(204).send(null);
    },
  );
}

export function registerOrganisationRoutes(scope: FastifyInstance, services: OrganisationServices) {
  const lists: ReferenceListRoutes[] = [
    { path: '/departments', idParameter: 'departmentId', singular: 'Department', plural: 'Departments', item: departmentSchema, list: listSchemas.department, createBody: createDepartmentBody, updateBody: updateDepartmentBody, service: services.departments },
    {
      path: '/partner-organisations',
      idParameter: 'partnerOrganisationId',
      singular: 'PartnerOrganisation',
      plural: 'PartnerOrganisations',
      item: partnerOrganisationSchema,
      list: listSchemas.partnerOrganisation,
      createBody: createPartnerOrganisationBody,
      updateBody: updatePartnerOrganisationBody,
      service: services.partnerOrganisations,
    },
    { path: '/themes', idParameter: 'themeId', singular: 'Theme', plural: 'Themes', item: themeSchema, list: listSchemas.theme, createBody: createThemeBody, updateBody: updateThemeBody, service: services.themes },
    { path: '/portfolios', idParameter: 'portfolioId', singular: 'Portfolio', plural: 'Portfolios', item: portfolioSchema, list: listSchemas.portfolio, createBody: createPortfolioBody, updateBody: updatePortfolioBody, service: services.portfolios },
    { path: '/council-terms', idParameter: 'councilTermId', singular: 'CouncilTerm', plural: 'CouncilTerms', item: councilTermSchema, list: listSchemas.councilTerm, createBody: createCouncilTermBody, updateBody: updateCouncilTermBody, service: services.councilTerms },
  ];
  for (const list of lists) registerReferenceList(scope, list);
}
