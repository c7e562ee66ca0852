import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  acceptedProposalsSchema,
  acceptProposalsBody,
  blackoutPeriodListQuery,
  blackoutPeriodListSchema,
  blackoutPeriodParams,
  blackoutPeriodSchema,
  blockedPeriodListQuery,
  blockedPeriodListSchema,
  blockedPeriodParams,
  blockedPeriodSchema,
  createBlackoutPeriodBody,
  createBlockedPeriodBody,
  plannerSettingsSchema,
  proposalListSchema,
  proposalRequestBody,
  updatePlannerSettingsBody,
} from './meeting-planner.contract.ts';
import type { MeetingPlannerService } from './meeting-planner.service.ts';

const tags = ['Meetings'];
const deleted = z.null().describe('Deleted');

export function registerMeetingPlannerRoutes(scope: FastifyInstance, service: MeetingPlannerService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/blackout-periods',
    {
      config: { access: 'meeting.manageOwnBlockedDates' },
      schema: { operationId: 'listBlackoutPeriods', tags, description: 'Periods without meetings for the whole municipality (school holidays, the council’s recess); for municipal staff.', params: municipalityParams, querystring: blackoutPeriodListQuery, response: { 200: blackoutPeriodListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.listBlackoutPeriods(contextOf(request), request.query),
  );

  app.post(
    '/blackout-periods',
    {
      config: { access: 'meeting.manageBlackouts' },
      schema: { operationId: 'createBlackoutPeriod', tags, description: 'The planner proposes no meeting on these days.', params: municipalityParams, body: createBlackoutPeriodBody, response: { 201: blackoutPeriodSchema, ...problemResponses(401, 403, 404, 413) } },
    },
    async (request, reply) => reply.code(201).send(await service.createBlackoutPeriod(contextOf(request), request.body)),
  );

  app.delete(
    '/blackout-periods/:blackoutPeriodId',
    { config: { access: 'meeting.manageBlackouts' }, schema: { operationId: 'deleteBlackoutPeriod', tags, params: blackoutPeriodParams, response: { 204: deleted, ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      await service.deleteBlackoutPeriod(contextOf(request), request.params.blackoutPeriodId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/blocked-periods',
    {
      config: { access: 'meeting.manageOwnBlockedDates' },
      schema: {
        operationId: 'listBlockedPeriods',
        tags,
        description: 'Days staff cannot attend meetings. Your own; advisors and administrators see everyone’s, or one person’s with `userId`.',
        params: municipalityParams,
        querystring: blockedPeriodListQuery,
        response: { 200: blockedPeriodListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.listBlockedPeriods(contextOf(request), request.query),
  );

  app.post(
    '/blocked-periods',
    {
      config: { access: 'meeting.manageOwnBlockedDates' },
      schema: { operationId: 'createBlockedPeriod', tags, description: 'Your own unavailable days; advisors and administrators may record them for a colleague with `userId`.', params: municipalityParams, body: createBlockedPeriodBody, response: { 201: blockedPeriodSchema, ...problemResponses(401, 403, 404, 413) } },
    },
    async (request, reply) => reply.code(201).send(await service.createBlockedPeriod(contextOf(request), request.body)),
  );

  app.delete(
    '/blocked-periods/:blockedPeriodId',
    { config: { access: 'meeting.manageOwnBlockedDates' }, schema: { operationId: 'deleteBlockedPeriod', tags, params: blockedPeriodParams, response: { 204: deleted, ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      await service.deleteBlockedPeriod(contextOf(request), request.params.blockedPeriodId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/meeting-plans/settings',
    { config: { access: 'authenticated' }, schema: { operationId: 'getMeetingPlannerSettings', tags, description: 'For advisors and administrators.', params: municipalityParams, response: { 200: plannerSettingsSchema, ...problemResponses(401, 403, 404) } } },
    async (request) => service.getSettings(contextOf(request)),
  );

  app.put(
    '/meeting-plans/settings',
    {
      config: { access: 'meeting.managePlannerSettings' },
      schema: { operationId: 'updateMeetingPlannerSettings', tags, params: municipalityParams, body: updatePlannerSettingsBody, response: { 200: plannerSettingsSchema, ...problemResponses(401, 403, 404, 413) } },
    },
    async (request) => service.updateSettings(contextOf(request), request.body),
  );

  app.post(
    '/meeting-plans/proposals',
    {
      config: { access: 'meeting.runPlanner' },
      schema: {
        operationId: 'proposeMeetingPlan',
        tags,
        summary: 'Proposes dates for the due wijktafels (and wijkbezoeken) of the period',
        description:
          'Computed on each call, never stored. An advisor gets their own neighbourhoods, an administrator all. Spread over the quarters, one wijktafel per alderman a week, at most the municipality’s number of meetings per advisor a month, never on a public holiday, in a period without meetings or on someone’s blocked days; the longest-waiting neighbourhood first. Each proposal explains itself in Dutch and English; what cannot be placed is listed with the reason.',
        params: municipalityParams,
        body: proposalRequestBody,
        response: { 200: proposalListSchema, ...problemResponses(401, 403, 404, 413) },
      },
    },
    async (request) => service.proposeSchedule(contextOf(request), request.body),
  );

  app.post(
    '/meeting-plans/acceptance',
    {
      config: { access: 'meeting.runPlanner' },
      schema: {
        operationId: 'acceptMeetingPlan',
        tags,
        summary: 'Turns the chosen proposals into draft meetings',
        description:
          'All or nothing: every proposal is checked again (the neighbourhood in your scope, a future working day, nothing planned in the meantime). Draft meetings are for municipal staff only until the advisor fixes the place and plans them.',
        params: municipalityParams,
        body: acceptProposalsBody,
        response: { 201: acceptedProposalsSchema, ...problemResponses(401, 403, 404, 413) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.acceptProposals(contextOf(request), request.body)),
  );
}
