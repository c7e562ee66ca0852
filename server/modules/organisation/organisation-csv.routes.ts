import fastifyMultipart from '@fastify/multipart';
import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { csvDownloadHeaders, csvImportMaxBytes, csvImportMaxLines, csvImportQuery, csvImportReportSchema, csvUploadForm } from '../../platform/csv-import.ts';
import { validatorCompiler } from '../../platform/errors.ts';
import { readFileForm, singleFileFormLimits } from '../../platform/file-uploads.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { csvLists } from './organisation-csv.rules.ts';
import type { OrganisationCsvService } from './organisation-csv.service.ts';

const tags = ['Organisation'];
const csvFile = z.custom<Buffer>((value) => Buffer.isBuffer(value));

/** Each reference list's CSV export and import. Multipart in this scope only: every other route still takes JSON alone. */
export function registerOrganisationCsvRoutes(scope: FastifyInstance, service: OrganisationCsvService) {
  scope.register(async (csvScope) => {
    await csvScope.register(fastifyMultipart, { limits: singleFileFormLimits(csvImportMaxBytes, 0), throwFileSizeLimit: true });
    const app = csvScope.withTypeProvider<ZodTypeProvider>();

    for (const list of csvLists) {
      const columns = Object.values(list.columns)
        .map((column) => `${column.headers[0]}/${column.headers[1]}${column.isRequired ? ' (required)' : ''}`)
        .join(', ');
      app.get(
        `${list.path}/export`,
        {
          config: { access: 'organisation.export' },
          schema: {
            operationId: `export${list.operation.plural}`,
            tags,
            summary: `Export the ${list.fileName.en} as CSV`,
            description: `Administrators only. Every record, one line each, with the columns ${columns}; headers in the language of Accept-Language. The import below reads the file back as it is.`,
            params: municipalityParams,
            response: {
              200: { description: 'The file, as an attachment', content: { 'text/csv': { schema: csvFile.meta({ type: 'string', description: 'UTF-8 with byte-order mark, semicolon-separated, RFC 4180 quoting, one header line' }) } } },
              ...problemResponses(401, 403, 404),
            },
          },
        },
        async (request, reply) => {
          const exported = await service.exportList(contextOf(request), list);
          return reply.headers(csvDownloadHeaders(exported.fileName)).send(exported.body);
        },
      );

      app.post(
        list.importPath,
        {
          config: { access: 'organisation.import', requestLimit: 'upload' },
          // The form is streamed and checked by readFileForm; its body schema only documents it.
          validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler({ schema: schema as unknown as z.ZodType, httpPart })),
          schema: {
            operationId: `import${list.operation.plural}`,
            tags,
            summary: `Import ${list.fileName.en} from a CSV file`,
            description: `Administrators only. The columns ${columns} (Dutch or English headers; cells separated by ";" or ","). A line whose ${list.keyColumn} (case aside) is already in the list updates that record; another adds one. A column left out of the file is left as it is. With \`dryRun=true\` the answer reports per line what would happen and nothing is saved. Without it the file is imported all or nothing: one rejected line gives 400 with every problem as a field \`body.file.lines.<line>.<column>\`. At most ${csvImportMaxBytes / 1024} KB and ${csvImportMaxLines} lines.`,
            consumes: ['multipart/form-data'],
            params: municipalityParams,
            querystring: csvImportQuery,
            body: csvUploadForm,
            response: { 200: csvImportReportSchema, ...problemResponses(401, 403, 404, 409, 413, 415) },
          },
        },
        async (request) => {
          const context = contextOf(request);
          const { file } = await readFileForm(request, csvImportMaxBytes, []);
          return service.importList(context, list, file.content, { isDryRun: request.query.dryRun === 'true' });
        },
      );
    }
  });
}
