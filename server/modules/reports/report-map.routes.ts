import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { reportMapQuery, reportMapSchema } from './report-map.contract.ts';
import type { ReportMapService } from './report-map.service.ts';

const tags = ['Reports'];

export function registerReportMapRoutes(scope: FastifyInstance, service: ReportMapService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/report-map',
    {
      config: { access: 'report.read' },
      schema: {
        operationId: 'getReportMap',
        tags,
        description:
          'The back-office queue on a map: the same filters and the same reports per person (officers their departments’, advisors their neighbourhoods’, admins and aldermen all), in a map view (a box of WGS84 edges). Each report when there are few, else clusters per cell of a grid with how many are overdue.',
        params: municipalityParams,
        querystring: reportMapQuery,
        response: { 200: reportMapSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => service.reportMap(contextOf(request), request.query),
  );
}
