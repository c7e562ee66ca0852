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
import type { UserImportService } from './user-import.service.ts';

const tags = ['Users'];
const csvFile = z.custom<Buffer>((value) => Buffer.isBuffer(value));

/** Importing people from a CSV file. Multipart in this scope only: every other route still takes JSON alone. */
export function registerUserImportRoutes(scope: FastifyInstance, service: UserImportService) {
  scope.register(async (importScope) => {
    await importScope.register(fastifyMultipart, { limits: singleFileFormLimits(csvImportMaxBytes, 0), throwFileSizeLimit: true });
    const app = importScope.withTypeProvider<ZodTypeProvider>();

    app.post(
      '/user-imports',
      {
        // Giving roles needs a recent login, as on POST /users; the dry run asks for it too, so the import does not fail at its last step.
        config: { access: 'users.import', requestLimit: 'upload', reauthentication: true },
        // The form is streamed and checked by readFileForm; its body schema only documents it.
        validatorCompiler: ({ schema, httpPart }) => (httpPart === 'body' ? () => ({ value: undefined }) : validatorCompiler({ schema: schema as unknown as z.ZodType, httpPart })),
        schema: {
          operationId: 'importUsers',
          tags,
          summary: 'Import people from a CSV file',
          description: `Administrators only, with a recent login (as \`POST /users\`; else 403 \`REAUTHENTICATION_REQUIRED\`). One line per person with the columns naam/name, e-mail/email, and optionally rollen/roles and taal/language; cells separated by ";" or ",", UTF-8 with or without byte-order mark. The roles cell lists grants separated by ";", each a role (code, Dutch or English name) with after a ":" its scopes separated by "|": \`wijkadviseur: Brandevoort | Rijpelberg; ambtenaar: verkeer; beheerder\`. A new e-mail address becomes an account with an invitation by e-mail; an existing one gets the roles it lacks (none are taken away). With \`dryRun=true\` the answer reports per line what would happen and nothing is saved. Without it the file is imported all or nothing: one rejected line gives 400 with every problem as a field \`body.file.lines.<line>.<column>\`, and nothing is saved. At most ${csvImportMaxBytes / 1024} KB and ${csvImportMaxLines} lines.`,
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
        return service.importUsers(context, file.content, { isDryRun: request.query.dryRun === 'true' });
      },
    );

    app.get(
      '/user-imports/template',
      {
        config: { access: 'users.import' },
        schema: {
          operationId: 'downloadUserImportTemplate',
          tags,
          summary: 'An example CSV file for importing people',
          description: 'The header line and two example lines, in the language of Accept-Language; semicolon-separated, UTF-8 with byte-order mark.',
          params: municipalityParams,
          response: {
            200: { description: 'The example file, as an attachment', content: { 'text/csv': { schema: csvFile.meta({ type: 'string', description: 'UTF-8 with byte-order mark, semicolon-separated' }) } } },
            ...problemResponses(401, 403, 404),
          },
        },
      },
      async (request, reply) => {
        const template = service.userImportTemplate(contextOf(request));
        return reply.headers(csvDownloadHeaders(template.fileName)).send(template.body);
      },
    );
  });
}
