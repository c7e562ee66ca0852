import { createWriteStream } from 'node:fs';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { Transform } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { areaImportBody, areaImportBodyLimit, areaImportQuery, areaImportReportSchema, geoPackageBodyLimit } from './area-import.contract.ts';
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

  // A GeoPackage is an SQLite file, read from disk: the upload goes straight to a temporary file, never whole into
  // memory, and the file is removed when the answer is sent.
  scope.register(async (inner) => {
    inner.addContentTypeParser(['application/geopackage+sqlite3', 'application/octet-stream'], (_request, payload, done) => {
      void receiveToTemporaryFile(payload, geoPackageBodyLimit).then(
        (file) => done(null, { file }),
        (error: Error) => done(error, undefined),
      );
    });
    // Whatever the answer (a report, a refusal, a failure), the uploaded file goes once it is sent.
    inner.addHook('onResponse', async (request) => {
      const file = (request.body as { file?: unknown } | undefined)?.file;
      if (typeof file === 'string') await rm(path.dirname(file), { recursive: true, force: true });
    });
    const app = inner.withTypeProvider<ZodTypeProvider>();
    app.post(
      '/neighbourhood-imports/geopackage',
      {
        config: { access: 'registry.manage' },
        schema: {
          operationId: 'importNeighbourhoodsFromGeoPackage',
          tags: ['Neighbourhoods'],
          summary: 'Import wijken and buurten from a GeoPackage (the CBS wijk- en buurtkaart as published)',
          description:
            'Send the .gpkg file itself as the body (application/geopackage+sqlite3 or application/octet-stream). Its wijken and buurten layers are read, in RD New or WGS84 by their srs_id; otherwise the same import and report as POST /neighbourhood-imports. A whole province\'s file is fine: features of other municipalities are counted and skipped.',
          consumes: ['application/geopackage+sqlite3', 'application/octet-stream'],
          params: municipalityParams,
          querystring: areaImportQuery,
          response: { 200: areaImportReportSchema, ...problemResponses(401, 403, 404, 413, 415, 422) },
        },
      },
      async (request) => service.importGeoPackageFile(contextOf(request), (request.body as { file: string }).file, { dryRun: request.query.dryRun === 'true' }),
    );
  });
}

/** Streams a request body into a file of its own folder under the system's temporary folder; stops at `limit` bytes. */
async function receiveToTemporaryFile(body: NodeJS.ReadableStream, limit: number): Promise<string> {
  const folder = await mkdtemp(path.join(tmpdir(), 'wijkwerk-upload-'));
  const file = path.join(folder, 'upload.gpkg');
  let received = 0;
  const counter = new Transform({
    transform(chunk: Buffer, _encoding, next) {
      received += chunk.length;
      if (received > limit) next(Object.assign(new Error('Request body is too large'), { statusCode: 413, code: 'FST_ERR_CTP_BODY_TOO_LARGE' }));
      else next(null, chunk);
    },
  });
  try {
    await pipeline(body, counter, createWriteStream(file));
    return file;
  } catch (error) {
    await rm(folder, { recursive: true, force: true });
    throw error;
  }
}
