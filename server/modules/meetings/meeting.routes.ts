import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { cancelMeetingBody, createMeetingBody, meetingListQuery, meetingListSchema, meetingParams, meetingSchema } from './meeting.contract.ts';
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

  app.post(
    '/meetings/:meetingId/cancellation',
    {
      config: { access: 'meeting.plan' },
      schema: { operationId: 'cancelMeeting', tags, params: meetingParams, body: cancelMeetingBody, response: { 200: meetingSchema, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request) => service.cancelMeeting(contextOf(request), request.params.meetingId, request.body),
  );
}
