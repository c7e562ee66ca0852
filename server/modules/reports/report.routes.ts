import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  addressSuggestionQuery,
  addressSuggestionsSchema,
  reportFormSchema,
  changeReportStatusBody,
  followedReportSchema,
  followReportBody,
  nearbyReportsQuery,
  nearbyReportsSchema,
  reportCategoryTreeSchema,
  reportDetailSchema,
  reportListQuery,
  reportListSchema,
  reportParams,
  reportReceiptSchema,
  reportStatusViewSchema,
  reportTokenParams,
  submitReportBody,
} from './report.contract.ts';
import type { ReportService } from './report.service.ts';
import type { AddressLookup } from './address-lookup.ts';
import { publicReportListQuery, publicReportListSchema, publicReportMapQuery, publicReportMapSchema } from './public-report.contract.ts';
import type { createPublicReportService } from './public-report.service.ts';

const tags = ['Reports'];

export const idempotencyHeaders = z.object({
  'idempotency-key': z
    .string()
    .min(8)
    .max(200)
    .regex(/^[\x21-\x7e]+$/)
    .optional()
    .describe('A key you choose per report (a UUID); sending the same report again with it never makes a second one'),
});

export function registerReportRoutes(scope: FastifyInstance, service: ReportService, publicReports: ReturnType<typeof createPublicReportService>, addresses: AddressLookup) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/report-form',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getReportForm',
        tags,
        description: 'What the reporting form can offer on this installation: address lookup or only the map.',
        params: municipalityParams,
        response: { 200: reportFormSchema, ...problemResponses(404) },
      },
    },
    async () => ({ isAddressLookupAvailable: addresses.isAvailable }),
  );

  app.get(
    '/address-suggestions',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'suggestAddresses',
        tags,
        description: 'Addresses in this municipality for what a reporter typed, with their position (PDOK Locatieserver, when the installation has GEOCODER_URL).',
        params: municipalityParams,
        querystring: addressSuggestionQuery,
        response: { 200: addressSuggestionsSchema, ...problemResponses(400, 404, 503) },
      },
    },
    async (request) => ({ isAvailable: addresses.isAvailable, items: await addresses.suggest(request.query.q, request.tenant.cbsCode ?? null) }),
  );

  app.get(
    '/public-report-map',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPublicReportMap',
        tags,
        description: 'Reports in a map view (a box of WGS84 edges): each one when there are few, else clusters. Open ones and those dealt with in the last 30 days; no one’s words or contact data.',
        params: municipalityParams,
        querystring: publicReportMapQuery,
        response: { 200: publicReportMapSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => publicReports.publicReportMap(contextOf(request), request.query),
  );

  app.get(
    '/public-reports',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listPublicReports',
        tags,
        description: 'The same reports as a list, newest first, per neighbourhood if asked.',
        params: municipalityParams,
        querystring: publicReportListQuery,
        response: { 200: publicReportListSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => publicReports.publicReportList(contextOf(request), request.query),
  );

  app.get(
    '/report-categories',
    {
      config: { access: 'public' },
      schema: { operationId: 'listReportCategories', tags, description: 'The categories a reporter chooses from: main categories and their subcategories.', params: municipalityParams, response: { 200: reportCategoryTreeSchema, ...problemResponses(404) } },
    },
    async (request) => service.categoryTree(contextOf(request)),
  );

  app.post(
    '/reports',
    {
      config: { access: 'public-identified' },
      schema: {
        operationId: 'submitReport',
        tags,
        description:
          'Report a problem in public space, without an account. The answer carries the reference and the secret status link; with an Idempotency-Key a retry returns the same report (200) instead of a new one (201).',
        params: municipalityParams,
        headers: idempotencyHeaders,
        body: submitReportBody,
        response: { 201: reportReceiptSchema, 200: reportReceiptSchema, ...problemResponses(400, 404, 422, 429) },
      },
    },
    async (request, reply) => {
      const { receipt, isNew } = await service.submitReport(contextOf(request), request.body, { idempotencyKey: request.headers['idempotency-key'], channel: 'web' });
      return reply.code(isNew ? 201 : 200).send(receipt);
    },
  );

  app.get(
    '/reports-nearby',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'listNearbyReports',
        tags,
        description: '“Al gemeld?”: open reports of the same category within 100 metres, nearest first, at most five. No one’s words or contact data.',
        params: municipalityParams,
        querystring: nearbyReportsQuery,
        response: { 200: nearbyReportsSchema, ...problemResponses(400, 404) },
      },
    },
    async (request) => service.nearbyOpenReports(contextOf(request), request.query),
  );

  app.post(
    '/reports/:reportId/followers',
    {
      config: { access: 'public-identified' },
      schema: {
        operationId: 'followReport',
        tags,
        description: 'Hear how an open report ends, instead of reporting the same problem again. Following twice with one address changes nothing.',
        params: reportParams,
        body: followReportBody,
        response: { 200: followedReportSchema, ...problemResponses(400, 404, 409, 429) },
      },
    },
    async (request) => service.followReport(contextOf(request), request.params.reportId, request.body),
  );

  app.get(
    '/report-status/:token',
    {
      config: { access: 'public' },
      schema: { operationId: 'getReportStatus', tags, description: 'What the reporter sees through the status link; no account needed, the secret is the key.', params: reportTokenParams, response: { 200: reportStatusViewSchema, ...problemResponses(404) } },
    },
    async (request) => service.statusByToken(contextOf(request), request.params.token),
  );

  app.get(
    '/reports',
    {
      config: { access: 'report.read' },
      schema: {
        operationId: 'listReports',
        tags,
        description: 'The back-office queue: officers see their departments’ reports, advisors their neighbourhoods’, admins and aldermen all.',
        params: municipalityParams,
        querystring: reportListQuery,
        response: { 200: reportListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.listReports(contextOf(request), request.query),
  );

  app.get(
    '/reports/:reportId',
    {
      config: { access: 'report.read' },
      schema: { operationId: 'getReport', tags, params: reportParams, response: { 200: reportDetailSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.getReport(contextOf(request), request.params.reportId),
  );

  app.post(
    '/reports/:reportId/status',
    {
      config: { access: 'report.handle' },
      schema: {
        operationId: 'changeReportStatus',
        tags,
        description: 'Move the report along its workflow; the reporter (with consent) and followers get the message, or the standard text for the status.',
        params: reportParams,
        body: changeReportStatusBody,
        response: { 200: reportDetailSchema, ...problemResponses(400, 401, 403, 404, 409) },
      },
    },
    async (request) => service.changeStatus(contextOf(request), request.params.reportId, request.body),
  );
}
