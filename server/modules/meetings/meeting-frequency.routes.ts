import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { meetingFrequencyListSchema, meetingFrequencyQuery, recordYearlyMeetingTargetBody, yearlyMeetingTargetParams, yearlyMeetingTargetSchema } from './meeting-frequency.contract.ts';
import type { MeetingFrequencyService } from './meeting-frequency.service.ts';

const tags = ['Meetings'];

export function registerMeetingFrequencyRoutes(scope: FastifyInstance, service: MeetingFrequencyService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/meeting-frequency',
    {
      config: { access: 'meeting.viewFrequency' },
      schema: {
        operationId: 'listMeetingFrequency',
        tags,
        summary: 'How often each neighbourhood’s wijktafel, wijkwerkoverleg and wijkbezoek are due, and whether they are overdue',
        description:
          'One row per neighbourhood and kind: last held, next planned, next due, overdue, exempt (a development-area agreement) and why, in Dutch and English. Cancelled meetings do not count. Municipal staff see every neighbourhood, a council member their own.',
        params: municipalityParams,
        querystring: meetingFrequencyQuery,
        response: { 200: meetingFrequencyListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.listMeetingFrequency(contextOf(request), request.query),
  );

  app.put(
    '/neighbourhoods/:neighbourhoodId/yearly-meeting-target',
    {
      config: { access: 'meeting.recordYearlyTarget' },
      schema: {
        operationId: 'recordYearlyMeetingTarget',
        tags,
        description:
          'The advisor of the neighbourhood (or an administrator) records how many wijkwerkoverleggen a year it needs, 1 to 3, after sounding out college and council. In a development area the agreement recorded with PUT /neighbourhoods/{neighbourhoodId}/development-agreement decides instead.',
        params: yearlyMeetingTargetParams,
        body: recordYearlyMeetingTargetBody,
        response: { 200: yearlyMeetingTargetSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => service.recordYearlyTarget(contextOf(request), request.params.neighbourhoodId, request.body),
  );
}
