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
import type { ReportCategoryCsvService } from './report-category-csv.service.ts';

const tags = ['Reports'];
const csvFile = z.custom<Buffer>((value) => Buffer.isBuffer(value));
const columns =
  'code (required), hoofdcategorie/main category (the main category’s code; empty for a main category), naam/name (required), naam in het Engels/name in English, omschrijving/description, afhandeltermijn in dagen/handling days, soort dagen/day kind (werkdagen or kalenderdagen), afdeling/department (code or name), actief/active (ja/nee), volgorde/order';

/** The report categories' CSV export and import. Multipart in this scope only. */
export function registerReportCategoryCsvRoutes(scope: FastifyInstance, service: ReportCategoryCsvService) {
  scope.register(async (csvScope) => {
    await csvScope.register(fastifyMultipart, { limits: singleFileFormLimits(csvImportMaxBytes, 0), throwFileSizeLimit: true });
    const app = csvScope.withTypeProvider<ZodTypeProvider>();

    app.get(
      '/report-categories/export',
      {
        config: { access: 'report.configure' },
        schema: {
          operationId: 'exportReportCategories',
          tags,
          summary: 'Export the report categories as CSV',
          description: `Administrators only. Main categories each followed by their subcategories, with the columns ${columns}; headers in the language of Accept-Language. The questions a category asks are not in the file. The import reads the file back as it is.`,
          params: municipalityParams,
          response: {
            200: { description: 'The file, as an attachment', content: { 'text/csv': { schema: csvFile.meta({ type: 'string', description: 'UTF-8 with byte-order mark, semicolon-separated, RFC 4180 quoting, one header line' }) } } },
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const exported = await service.exportCategories(contextOf(request));
        return reply.headers(csvDownloadHeaders(exported.fileName)).send(exported.body);
      },
    );

    app.post(
      '/report-category-imports',
      {
        config: { access: 'report.configure', requestLimit: 'upload' },
        // The form is streamed and checked by readFileForm; its body schema only documents it.
        validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler({ schema: schema as unknown as z.ZodType, httpPart })),
        schema: {
          operationId: 'importReportCategories',
          tags,
          summary: 'Import report categories from a CSV file',
          description: `Administrators only. The columns ${columns}; cells separated by ";" or ",". A line whose code is already a category updates it (its main category cannot change); another adds one, a subcategory after its main category. A column left out of the file is left as it is; nothing is deleted (retire a category with actief = nee). With \`dryRun=true\` the answer reports per line what would happen and nothing is saved. Without it the file is imported all or nothing: one rejected line gives 400 with every problem as a field \`body.file.lines.<line>.<column>\`. At most ${csvImportMaxBytes / 1024} KB and ${csvImportMaxLines} lines.`,
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
        return service.importCategories(context, file.content, { isDryRun: request.query.dryRun === 'true' });
      },
    );
  });
}
