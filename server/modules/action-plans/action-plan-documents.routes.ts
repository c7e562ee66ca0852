import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { exportFormats, type ActionPlanDocumentService } from './action-plan-documents.service.ts';
import { documentLanguageQuery, planParams, planVersionParams, withDocumentLanguage } from './action-plan.contract.ts';

const tags = ['Action plans'];
const problems = problemResponses(401, 403, 404);
/** The file's bytes as the handler sends them; in the OpenAPI document a binary string. */
const file = z.custom<Buffer>((value) => Buffer.isBuffer(value));
const pdfResponse = {
  description: 'A tagged PDF (document language, title, headings, tables with header cells) that a screen reader can read',
  content: { 'application/pdf': { schema: file.meta({ type: 'string', format: 'binary' }) } },
};

function sendFile(reply: FastifyReply, exported: { body: Buffer; mediaType: string; fileName: string }) {
  return reply
    .header('content-disposition', `attachment; filename="${exported.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .type(exported.mediaType)
    .send(exported.body);
}

export function registerActionPlanDocumentRoutes(scope: FastifyInstance, service: ActionPlanDocumentService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/action-plans/:planId/versions/:number/document',
    {
      config: { access: 'actionPlan.view' },
      exposeHeadRoute: false,
      schema: { operationId: 'downloadActionPlanVersion', tags, description: 'An adopted version as PDF: cover, challenges, and per challenge a table of actions with owners, dates and today’s status.', params: planVersionParams, querystring: documentLanguageQuery, response: { 200: pdfResponse, ...problems } },
    },
    async (request, reply) => sendFile(reply, await service.planPdf(withDocumentLanguage(contextOf(request), request.query.lang), request.params.planId, request.params.number)),
  );
  app.get(
    '/action-plans/:planId/document',
    {
      config: { access: 'actionPlan.view' },
      exposeHeadRoute: false,
      schema: { operationId: 'downloadActionPlanDraft', tags, description: 'The working copy as PDF, marked “Concept”: for the parties to read before the wijktafel.', params: planParams, querystring: documentLanguageQuery, response: { 200: pdfResponse, ...problems } },
    },
    async (request, reply) => sendFile(reply, await service.planPdf(withDocumentLanguage(contextOf(request), request.query.lang), request.params.planId, undefined)),
  );
  app.get(
    '/action-plans/:planId/action-export',
    {
      config: { access: 'actionPlan.view' },
      exposeHeadRoute: false,
      schema: {
        operationId: 'exportActions',
        tags,
        description: 'The plan’s actions with their SMART fields and progress, as CSV (UTF-8 with byte-order mark, comma-separated) or an Excel workbook. Recorded in the audit log.',
        params: planParams,
        querystring: z.object({ format: z.enum(exportFormats).default('csv') }),
        response: {
          200: {
            description: 'The file, as an attachment',
            content: {
              'text/csv': { schema: file.meta({ type: 'string' }) },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: file.meta({ type: 'string', format: 'binary' }) },
            },
          },
          ...problems,
        },
      },
    },
    async (request, reply) => sendFile(reply, await service.actionExport(contextOf(request), request.params.planId, request.query.format)),
  );
}
