import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { requestExportQuery } from './request-export.contract.ts';
import type { RequestExportService } from './request-export.ts';

const tags = ['Requests'];
const problems = problemResponses(401, 403, 404, 422);
/** The file's bytes as the handler sends them; in the OpenAPI document a string (binary for the workbook). */
const file = z.custom<Buffer>((value) => Buffer.isBuffer(value));

export function registerRequestExportRoutes(scope: FastifyInstance, service: RequestExportService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/requests/export',
    {
      config: { access: 'request.viewInternal' },
      // A HEAD would build the file and record an export that never left.
      exposeHeadRoute: false,
      schema: {
        operationId: 'exportRequests',
        tags,
        summary: 'Export requests as CSV or Excel',
        description:
          'Municipal staff only. Every request matching the same filters as the list (without paging), newest first, at most 50,000: more gives 422 and asks to narrow the filters. No personal data of residents. Every export is recorded in the audit log.',
        params: municipalityParams,
        querystring: requestExportQuery,
        response: {
          200: {
            description: 'The file, as an attachment named after the municipality and the date (verzoeken-helmond-2026-06-15.csv)',
            content: {
              'text/csv': { schema: file.meta({ type: 'string', description: 'UTF-8 with byte-order mark, semicolon-separated, RFC 4180 quoting, one header row' }) },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: file.meta({ type: 'string', format: 'binary', description: 'Excel workbook with one sheet' }) },
            },
          },
          ...problems,
          422: { ...problems[422], description: 'More requests match than one export holds: narrow the filters' },
        },
      },
    },
    async (request, reply) => {
      const exported = await service.exportRequests(contextOf(request), request.query);
      return reply
        .header('content-disposition', `attachment; filename="${exported.fileName}"`)
        .header('cache-control', 'no-store')
        .header('x-content-type-options', 'nosniff')
        .type(exported.mediaType)
        .send(exported.body);
    },
  );
}
