import type { FastifyInstance } from 'fastify';
import { z } from 'zod';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { candidateListSchema, candidateQuery, rescheduleMeetingBody, cancelMeetingBody, confirmMeetingBody, createMeetingBody, meetingListQuery, meetingListSchema, meetingParams, meetingSchema } from './meeting.contract.ts';
import type { MeetingService } from './meeting.service.ts';

const tags = ['Meetings'];

export function registerMeetingRoutes(scope: FastifyInstance, service: MeetingService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/meetings',
    {
      config: { access: 'public-identified' },
      schema: {
        operationId: 'listMeetings',
        tags,
        description: 'Municipal staff see every meeting; anyone else public meetings whole and of closed meetings only their public part.',
        params: municipalityParams,
        querystring: meetingListQuery,
        response: { 200: meetingListSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.listMeetings(contextOf(request), request.query),
  );

  app.get(
    '/meeting-candidates',
    {
      config: { access: 'meeting.plan' },
      schema: {
        operationId: 'listMeetingCandidates',
        tags,
        description: 'The people who can chair or be invited by name: aldermen with their portfolio, advisors, officers, partners, and the members of the given neighbourhood’s council. For those who plan meetings.',
        params: municipalityParams,
        querystring: candidateQuery,
        response: { 200: candidateListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.listCandidates(contextOf(request), request.query.neighbourhoodId),
  );

  app.get(
    '/meetings/:meetingId',
    {
      config: { access: 'public-identified' },
      schema: { operationId: 'getMeeting', tags, description: 'A closed meeting without a public part is a 404 for anyone but its participants and municipal staff.', params: meetingParams, response: { 200: meetingSchema, ...problemResponses(404) } },
    },
    async (request) => service.getMeeting(contextOf(request), request.params.meetingId),
  );

  app.post(
    '/meetings',
    {
      config: { access: 'meeting.plan' },
      schema: {
        operationId: 'planMeeting',
        tags,
        description:
          'Plans a meeting under its kind’s rules. A plan that breaks one of the note’s rules is refused (400, naming the field and the rule) unless an advisor or administrator sets it aside with `override.reason`; mistakes are never set aside.',
        params: municipalityParams,
        body: createMeetingBody,
        response: { 201: meetingSchema, ...problemResponses(401, 403, 404, 409, 413) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.planMeeting(contextOf(request), request.body)),
  );

  app.get(
    '/neighbourhoods/:neighbourhoodId/meeting-calendar',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getNeighbourhoodMeetingCalendar',
        tags,
        summary: 'The neighbourhood’s public meetings as an iCalendar feed (RFC 5545) to subscribe to',
        description: 'Public meetings whole and of closed meetings only the public part, from a year ago on. Answers 304 to If-None-Match with the current ETag.',
        params: municipalityParams.extend({ neighbourhoodId: z.uuid() }),
        response: {
          200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string().meta({ description: 'iCalendar (RFC 5545), UTF-8' }) } } },
          304: z.null().describe('Not changed since the ETag you sent'),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const calendar = await service.publicCalendar(contextOf(request), request.params.neighbourhoodId);
      reply.header('etag', calendar.etag).header('cache-control', 'public, max-age=300');
      if (request.headers['if-none-match'] === calendar.etag) return reply.code(304).send(null);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="overleggen.ics"').send(calendar.body);
    },
  );

  app.get(
    '/meetings/:meetingId/calendar',
    {
      config: { access: 'public-identified' },
      schema: {
        operationId: 'getMeetingCalendarFile',
        tags,
        summary: 'One meeting as an iCalendar file (.ics) to add to a calendar',
        description: 'As the reader may see it: participants and staff get the meeting, anyone else a public meeting or the public part of a closed one.',
        params: meetingParams,
        response: { 200: { description: 'The calendar file', content: { 'text/calendar': { schema: z.string().meta({ description: 'iCalendar (RFC 5545), UTF-8' }) } } }, ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const calendar = await service.meetingCalendarFile(contextOf(request), request.params.meetingId);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'attachment; filename="overleg.ics"').send(calendar.body);
    },
  );

  app.patch(
    '/meetings/:meetingId',
    {
      config: { access: 'meeting.plan' },
      schema: {
        operationId: 'rescheduleMeeting',
        tags,
        description: 'A new time or place under the same rules. Everyone already invited receives the update (METHOD:REQUEST, same UID, higher SEQUENCE).',
        params: meetingParams,
        body: rescheduleMeetingBody,
        response: { 200: meetingSchema, ...problemResponses(401, 403, 404, 409, 413) },
      },
    },
    async (request) => service.rescheduleMeeting(contextOf(request), request.params.meetingId, request.body),
  );

  app.post(
    '/meetings/:meetingId/confirmation',
    {
      config: { access: 'meeting.plan' },
      schema: {
        operationId: 'confirmMeeting',
        tags,
        summary: 'Makes a draft from the planner a planned meeting, with its place',
        description: 'For the advisor of the neighbourhood and administrators. Until then a draft is for municipal staff only; from now on it is visible as any planned meeting of its kind.',
        params: meetingParams,
        body: confirmMeetingBody,
        response: { 200: meetingSchema, ...problemResponses(401, 403, 404, 409, 413) },
      },
    },
    async (request) => service.confirmDraft(contextOf(request), request.params.meetingId, request.body),
  );

  app.post(
    '/meetings/:meetingId/cancellation',
    {
      config: { access: 'meeting.plan' },
      schema: { operationId: 'cancelMeeting', tags, params: meetingParams, body: cancelMeetingBody, response: { 200: meetingSchema, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request) => service.cancelMeeting(contextOf(request), request.params.meetingId, request.body),
  );
}
