import type { FastifyInstance, FastifyReply } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  attentionListSchema,
  attentionQuery,
  planReportParams,
  reportListSchema,
  reportSchema,
  subsidyConditionListSchema,
  subsidyConditionQuery,
  subsidyExportQuery,
} from './action-plan-monitoring.contract.ts';
import type { ActionPlanMonitoringService } from './action-plan-monitoring.service.ts';
import type { ActionPlanReportService } from './action-plan-reports.service.ts';
import { documentLanguageQuery, planParams, withDocumentLanguage } from './action-plan.contract.ts';

const tags = ['Action plans'];
const readProblems = problemResponses(401, 403, 404);
/** The file's bytes as the handler sends them; in the OpenAPI document a binary string. */
const file = z.custom<Buffer>((value) => Buffer.isBuffer(value));

function sendFile(reply: FastifyReply, exported: { body: Buffer; mediaType: string; fileName: string }) {
  return reply
    .header('content-disposition', `attachment; filename="${exported.fileName}"`)
    .header('x-content-type-options', 'nosniff')
    .type(exported.mediaType)
    .send(exported.body);
}

/** Monitoring: the advisor's attention list, the progress reports to the council, and the subsidy condition. */
export function registerActionPlanMonitoringRoutes(scope: FastifyInstance, services: { monitoring: ActionPlanMonitoringService; reports: ActionPlanReportService }) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { monitoring, reports } = services;

  app.get(
    '/action-plan-attention',
    {
      config: { access: 'actionPlan.viewAttention' },
      schema: {
        operationId: 'listActionPlanAttention',
        tags,
        description: 'Open actions of adopted plans and plans in execution that are overdue, at risk, delayed or due within 14 days, earliest deadline first. An advisor sees their own neighbourhoods; an administrator the whole municipality.',
        params: municipalityParams,
        querystring: attentionQuery,
        response: { 200: attentionListSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => monitoring.attentionList(contextOf(request), request.query),
  );

  app.get(
    '/action-plans/:planId/reports',
    {
      config: { access: 'actionPlan.view' },
      schema: { operationId: 'listActionPlanReports', tags, description: 'The progress reports sent to the council, oldest first, with whether each went out late.', params: planParams, response: { 200: reportListSchema, ...readProblems } },
    },
    async (request) => reports.listReports(contextOf(request), request.params.planId),
  );
  app.post(
    '/action-plans/:planId/reports',
    {
      config: { access: 'actionPlan.manage' },
      schema: {
        operationId: 'generateActionPlanReports',
        tags,
        description: 'The neighbourhood’s advisor makes and sends the reports whose period has ended now, instead of waiting for the daily run. Answers the list of reports.',
        params: planParams,
        response: { 200: reportListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => reports.generateReportsNow(contextOf(request), request.params.planId),
  );
  app.get(
    '/action-plans/:planId/reports/:reportNumber',
    {
      config: { access: 'actionPlan.view' },
      schema: { operationId: 'getActionPlanReport', tags, description: 'One progress report as it was sent: the roll-up, every action’s state and the successes.', params: planReportParams, response: { 200: reportSchema, ...readProblems } },
    },
    async (request) => reports.getReport(contextOf(request), request.params.planId, request.params.reportNumber),
  );
  app.get(
    '/action-plans/:planId/reports/:reportNumber/document',
    {
      config: { access: 'actionPlan.view' },
      exposeHeadRoute: false,
      schema: {
        operationId: 'downloadActionPlanReport',
        tags,
        description: 'One progress report as a tagged PDF that a screen reader can read.',
        params: planReportParams,
        querystring: documentLanguageQuery,
        response: { 200: { description: 'The report as PDF', content: { 'application/pdf': { schema: file.meta({ type: 'string', format: 'binary' }) } } }, ...readProblems },
      },
    },
    async (request, reply) => sendFile(reply, await reports.reportPdf(withDocumentLanguage(contextOf(request), request.query.lang), request.params.planId, request.params.reportNumber)),
  );

  app.get(
    '/action-plan-subsidy-condition',
    {
      config: { access: 'actionPlan.viewSubsidyCondition' },
      schema: {
        operationId: 'listSubsidyCondition',
        tags,
        description: 'Per council of the municipality: the plan of its neighbourhood current in the year and whether (and when first) the council contributed to it. No person’s name is shown.',
        params: municipalityParams,
        querystring: subsidyConditionQuery,
        response: { 200: subsidyConditionListSchema, ...problemResponses(401, 403) },
      },
    },
    async (request) => monitoring.subsidyCondition(contextOf(request), request.query),
  );
  app.get(
    '/action-plan-subsidy-condition/export',
    {
      config: { access: 'actionPlan.viewSubsidyCondition' },
      exposeHeadRoute: false,
      schema: {
        operationId: 'exportSubsidyCondition',
        tags,
        description: 'The subsidy condition of a year as CSV (UTF-8 with byte-order mark) or an Excel workbook. Recorded in the audit log.',
        params: municipalityParams,
        querystring: subsidyExportQuery,
        response: {
          200: {
            description: 'The file, as an attachment',
            content: {
              'text/csv': { schema: file.meta({ type: 'string' }) },
              'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': { schema: file.meta({ type: 'string', format: 'binary' }) },
            },
          },
          ...problemResponses(401, 403),
        },
      },
    },
    async (request, reply) => sendFile(reply, await monitoring.subsidyConditionExport(contextOf(request), request.query.year, request.query.format)),
  );
}
