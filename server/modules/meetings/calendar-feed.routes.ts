import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { calendarFeedParams, calendarFeedStateSchema, createdCalendarFeedSchema } from './calendar-feed.contract.ts';
import type { CalendarFeedService } from './calendar-feed.service.ts';

const tags = ['Meetings'];

export function registerCalendarFeedRoutes(scope: FastifyInstance, service: CalendarFeedService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/users/me/calendar-feed',
    {
      config: { access: 'meeting.subscribeCalendar' },
      schema: { operationId: 'getMyCalendarFeed', tags, summary: 'Whether you have a personal calendar feed (never its address)', params: municipalityParams, response: { 200: calendarFeedStateSchema, ...problemResponses(401, 403) } },
    },
    async (request) => service.getMyCalendarFeed(contextOf(request)),
  );

  app.post(
    '/users/me/calendar-feed',
    {
      config: { access: 'meeting.subscribeCalendar' },
      schema: {
        operationId: 'createMyCalendarFeed',
        tags,
        summary: 'Makes your personal calendar feed address; an earlier address stops working',
        description: 'For council members, advisors, aldermen, officers, partners and administrators; not for residents, whose neighbourhood feeds hold all they may see. The address is in this answer only: it is stored as a hash.',
        params: municipalityParams,
        response: { 201: createdCalendarFeedSchema, ...problemResponses(401, 403, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.createMyCalendarFeed(contextOf(request))),
  );

  app.delete(
    '/users/me/calendar-feed',
    {
      config: { access: 'meeting.subscribeCalendar' },
      schema: { operationId: 'revokeMyCalendarFeed', tags, summary: 'Stops your calendar feed address from working', params: municipalityParams, response: { 204: z.null().describe('Revoked'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await service.revokeMyCalendarFeed(contextOf(request));
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/calendar-feeds/:calendarFeedToken',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'getPersonalCalendarFeed',
        tags,
        summary: 'A person’s meetings as an iCalendar feed (RFC 5545), by its secret address',
        description:
          'The meetings of the last year and to come that the feed’s owner takes part in, as they see them when logged in: for a council member their council’s neighbourhood, for an advisor their neighbourhoods, for an alderman what they chair and the wijktafels and wijkbezoeken the college is invited to, for anyone what they chair, planned or are invited to by name. No session needed; an unknown or revoked address is a 404. Answers 304 to If-None-Match with the current ETag.',
        params: calendarFeedParams,
        response: {
          200: { description: 'The calendar', content: { 'text/calendar': { schema: z.string().meta({ description: 'iCalendar (RFC 5545), UTF-8' }) } } },
          304: z.null().describe('Not changed since the ETag you sent'),
          ...problemResponses(404),
        },
      },
    },
    async (request, reply) => {
      const calendar = await service.personalCalendar(contextOf(request), request.params.calendarFeedToken);
      // Private: the address is personal, so no shared cache (proxy, CDN) may keep a copy.
      reply.header('etag', calendar.etag).header('cache-control', 'private, max-age=300').header('referrer-policy', 'no-referrer');
      if (request.headers['if-none-match'] === calendar.etag) return reply.code(304).send(null);
      return reply.type('text/calendar; charset=utf-8').header('content-disposition', 'inline; filename="mijn-overleggen.ics"').send(calendar.body);
    },
  );
}
