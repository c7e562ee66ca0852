import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { createReportCategoryBody, reportCategoryAdminListSchema, reportCategoryAdminSchema, reportCategoryParams, updateReportCategoryBody } from './report-category-admin.contract.ts';
import type { ReportCategoryAdminService } from './report-category-admin.service.ts';

const tags = ['Reports'];

/** The admin keeps the municipality's own categories: create, change, retire. There is no delete: reports refer to them. */
export function registerReportCategoryAdminRoutes(scope: FastifyInstance, service: ReportCategoryAdminService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/report-category-list',
    {
      config: { access: 'report.configure' },
      schema: {
        operationId: 'listReportCategoriesForAdmin',
        tags,
        description: 'Every category, retired ones too, with its id, department, questions and version: what the admin edits.',
        params: municipalityParams,
        response: { 200: reportCategoryAdminListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.list(contextOf(request)),
  );

  app.post(
    '/report-categories',
    {
      config: { access: 'report.configure' },
      schema: {
        operationId: 'createReportCategory',
        tags,
        description: 'A main category, or with parentCode a subcategory of it. The code is the Open311 service_code and cannot change later.',
        params: municipalityParams,
        body: createReportCategoryBody,
        response: { 201: reportCategoryAdminSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.create(contextOf(request), request.body)),
  );

  app.patch(
    '/report-categories/:categoryId',
    {
      config: { access: 'report.configure' },
      schema: {
        operationId: 'updateReportCategory',
        tags,
        description: 'Names, term, day kind, department, questions, order; isActive=false retires it. New reports follow the change; existing ones keep their deadline and department.',
        params: reportCategoryParams,
        body: updateReportCategoryBody,
        response: { 200: reportCategoryAdminSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.update(contextOf(request), request.params.categoryId, request.body),
  );
}
