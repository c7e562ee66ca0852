import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { areaImportBody, areaImportBodyLimit, areaImportQuery, areaImportReportSchema } from './area-import.contract.ts';
import type { AreaImportService } from './area-import.service.ts';

/** Routes below /municipalities/:municipality: the `npm run import:areas` command, from the web app. */
export function registerAreaImportRoutes(scope: FastifyInstance, service: AreaImportService) {
  // A .geojson file arrives as application/geo+json; read it as JSON, in this route's scope only.
  scope.register(async (inner) => {
    inner.addContentTypeParser('application/geo+json', { parseAs: 'string' }, inner.getDefaultJsonParser('error', 'error'));
    const app = inner.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/neighbourhood-imports',
      {
        bodyLimit: areaImportBodyLimit,
        config: { access: 'registry.manage' },
        schema: {
          operationId: 'importNeighbourhoods',
          tags: ['Neighbourhoods'],
          summary: 'Import wijken and buurten from a GeoJSON file',
          description:
            'Upserts wijken and buurten by CBS code, like `npm run import:areas`, and answers with the same report: created, updated, unchanged, and the features rejected with the reason. With `dryRun=true` nothing is saved. Send the file as application/geo+json or application/json.',
          consumes: ['application/geo+json', 'application/json'],
          params: municipalityParams,
          querystring: areaImportQuery,
          body: areaImportBody,
          response: { 200: areaImportReportSchema, ...problemResponses(401, 403, 404, 413, 415) },
        },
      },
      async (request) => service.importAreaFile(contextOf(request), request.body, { dryRun: request.query.dryRun === 'true' }),
    );
  });
}
