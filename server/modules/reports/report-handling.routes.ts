import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { reportDetailSchema, reportParams, reportTokenParams } from './report.contract.ts';
import type { ReportService } from './report.service.ts';
import {
  addReportNoteBody,
  assignReportBody,
  bulkReportActionBody,
  bulkReportResultSchema,
  linkReportRequestBody,
  mergeReportBody,
  periodQuery,
  reporterDataSchema,
  reporterErasureBody,
  reporterErasureResultSchema,
  reporterQuery,
  satisfactionPeriodQuery,
  referReportBody,
  reportSignalsSchema,
  satisfactionBody,
  satisfactionFiguresSchema,
  satisfactionReasonsSchema,
  satisfactionResultSchema,
  setReportPriorityBody,
  splitReportBody,
  turnedIntoRequestSchema,
  turnIntoRequestBody,
  updateReportReferralBody,
} from './report-handling.contract.ts';
import type { createReportBulkService } from './report-bulk.service.ts';
import type { createReportFiguresService } from './report-figures.service.ts';
import type { createReportHandlingService } from './report-handling.service.ts';
import type { createReportPrivacyService } from './report-privacy.service.ts';
import type { createReportSatisfactionService } from './report-satisfaction.service.ts';

const tags = ['Reports'];

export interface ReportHandlingServices {
  reports: ReportService;
  handling: ReturnType<typeof createReportHandlingService>;
  bulk: ReturnType<typeof createReportBulkService>;
  satisfaction: ReturnType<typeof createReportSatisfactionService>;
  figures: ReturnType<typeof createReportFiguresService>;
  privacy: ReturnType<typeof createReportPrivacyService>;
}

/** The back office's actions on a report besides its status, the reporter's satisfaction, and the figures. */
export function registerReportHandlingRoutes(scope: FastifyInstance, services: ReportHandlingServices) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { reports, handling } = services;
  const changed = { 200: reportDetailSchema, ...problemResponses(400, 401, 403, 404, 409) };

  // Each action answers with the report as it now is, as the handler sees it.
  const action = <Body>(url: string, operationId: string, description: string, body: import('zod').ZodType<Body>, run: (context: ReturnType<typeof contextOf>, reportId: string, input: Body) => Promise<unknown>) =>
    app.post(url, { config: { access: 'report.handle' }, schema: { operationId, tags, description, params: reportParams, body, response: changed } }, async (request) => {
      const context = contextOf(request);
      await run(context, (request.params as { reportId: string }).reportId, request.body as Body);
      return reports.getReport(context, (request.params as { reportId: string }).reportId);
    });

  action('/reports/:reportId/assignment', 'assignReport', 'Who picks the report up: an officer of its department, or nobody (null).', assignReportBody, handling.assignReport);
  action('/reports/:reportId/priority', 'setReportPriority', 'Low, normal or high; the queue can filter on it.', setReportPriorityBody, handling.setReportPriority);
  action('/reports/:reportId/notes', 'addReportNote', 'A note for colleagues; never shown to the reporter or the public.', addReportNoteBody, handling.addReportNote);
  action('/reports/:reportId/merge', 'mergeReport', 'Merge this duplicate into the report that was there first: it closes as merged, its reporter follows the original and is told.', mergeReportBody, handling.mergeReport);
  action('/reports/:reportId/split', 'splitReport', 'One sub-report per part, routed and timed by its own category; the reporter hears of each.', splitReportBody, handling.splitReport);
  action('/reports/:reportId/referral', 'referReport', 'Refer the report to a front-line team of the request protocol; the note stays internal.', referReportBody, handling.referReport);
  action('/reports/:reportId/referral/progress', 'updateReportReferral', 'The team picked the referral up, or fed back.', updateReportReferralBody, handling.updateReportReferral);
  action('/reports/:reportId/request-link', 'linkReportRequest', 'Link the report to a neighbourhood request (a recurring problem that needs a policy answer), or unlink it.', linkReportRequestBody, handling.linkReportRequest);

  app.post(
    '/reports/:reportId/request',
    {
      config: { access: 'report.read' },
      schema: {
        operationId: 'turnReportIntoRequest',
        tags,
        description: 'A recurring problem that needs a policy answer becomes a neighbourhood request (nu, ooit, nooit) in your name, linked to the report. For those who may submit requests: the neighbourhood’s advisors.',
        params: reportParams,
        body: turnIntoRequestBody,
        response: { 201: turnedIntoRequestSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await handling.turnReportIntoRequest(contextOf(request), request.params.reportId, request.body)),
  );

  app.post(
    '/report-bulk-actions',
    {
      config: { access: 'report.handle' },
      schema: { operationId: 'changeReportsInBulk', tags, params: municipalityParams, body: bulkReportActionBody, response: { 200: bulkReportResultSchema, ...problemResponses(400, 401, 403, 409) } },
    },
    async (request) => services.bulk.changeReportsInBulk(contextOf(request), request.body),
  );

  app.get(
    '/report-satisfaction-reasons',
    { config: { access: 'public' }, schema: { operationId: 'listSatisfactionReasons', tags, description: 'Why a reporter may not be satisfied, in the municipality’s words.', params: municipalityParams, response: { 200: satisfactionReasonsSchema, ...problemResponses(404) } } },
    async (request) => services.satisfaction.satisfactionReasons(contextOf(request)),
  );

  app.post(
    '/report-status/:token/satisfaction',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'answerReportSatisfaction',
        tags,
        description: 'The reporter says whether they are satisfied once the report is done; an unhappy answer with a reopening reason reopens it.',
        params: reportTokenParams,
        body: satisfactionBody,
        response: { 200: satisfactionResultSchema, ...problemResponses(400, 404, 409, 429) },
      },
    },
    async (request) => services.satisfaction.answerSatisfaction(contextOf(request), request.params.token, request.body),
  );

  app.get(
    '/report-satisfaction',
    {
      config: { access: 'report.read' },
      schema: { operationId: 'getReportSatisfaction', tags, description: 'Satisfaction per category and department over a period.', params: municipalityParams, querystring: satisfactionPeriodQuery, response: { 200: satisfactionFiguresSchema, ...problemResponses(400, 401, 403) } },
    },
    async (request) => services.satisfaction.satisfactionFigures(contextOf(request), request.query),
  );

  app.get(
    '/report-reporter-data',
    {
      config: { access: 'privacy.manage' },
      schema: {
        operationId: 'exportReporterData',
        tags,
        description: 'Everything kept about one reporter (by e-mail address): the reports they made or follow. For a request under the AVG; the export is in the audit log.',
        params: municipalityParams,
        querystring: reporterQuery,
        response: { 200: reporterDataSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => services.privacy.exportReporterData(contextOf(request), request.query.email),
  );

  app.post(
    '/report-reporter-erasures',
    {
      config: { access: 'privacy.manage' },
      schema: {
        operationId: 'eraseReporterData',
        tags,
        description: 'Erase one reporter’s contact data from every report and stop them following any; the reports themselves stay. In the audit log.',
        params: municipalityParams,
        body: reporterErasureBody,
        response: { 200: reporterErasureResultSchema, ...problemResponses(400, 401, 403) },
      },
    },
    async (request) => services.privacy.eraseReporterData(contextOf(request), request.body.email),
  );

  app.get(
    '/report-signals',
    {
      // Counts without any report, word or person in them: public, so councils and residents see them too.
      config: { access: 'public' },
      schema: { operationId: 'getReportSignals', tags, description: 'Reports per neighbourhood, main category and ISO week: the signals for policy. Counts only; anyone may see them.', params: municipalityParams, querystring: periodQuery, response: { 200: reportSignalsSchema, ...problemResponses(400, 401, 403) } },
    },
    async (request) => services.figures.reportSignals(contextOf(request), request.query),
  );
}
