import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { reportSettingsResponse, updateReportSettingsBody } from './report-category-admin.contract.ts';
import type { ReportSettingsService } from './report-settings.service.ts';

const tags = ['Reports'];

/** The municipality's report settings, read and saved whole by the admin. */
export function registerReportSettingsRoutes(scope: FastifyInstance, service: ReportSettingsService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/report-settings',
    {
      config: { access: 'report.configure' },
      schema: {
        operationId: 'getReportSettings',
        tags,
        description: 'Standard messages per status (with the built-in texts), how long reporters’ contact data are kept, and the satisfaction reasons.',
        params: municipalityParams,
        response: { 200: reportSettingsResponse, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.getReportSettings(contextOf(request)),
  );

  app.put(
    '/report-settings',
    {
      config: { access: 'report.configure', reauthentication: true },
      schema: {
        operationId: 'updateReportSettings',
        tags,
        description: 'The whole settings with the version read; a status left out of standardMessages uses the built-in text.',
        params: municipalityParams,
        body: updateReportSettingsBody,
        response: { 200: reportSettingsResponse, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.updateReportSettings(contextOf(request), request.body),
  );
}
