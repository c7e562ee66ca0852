import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { meetingKindListSchema, meetingKindParams, meetingKindSchema, updateMeetingKindBody } from './meeting-kind.contract.ts';
import type { MeetingKindService } from './meeting-kind.service.ts';

const tags = ['Meetings'];

export function registerMeetingKindRoutes(scope: FastifyInstance, service: MeetingKindService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();

  app.get(
    '/meeting-kinds',
    {
      config: { access: 'public', isPublicCacheable: true },
      schema: {
        operationId: 'listMeetingKinds',
        tags,
        summary: 'The kinds of meeting and their rules (wijktafel, wijkwerkoverleg, wijkbezoek, bilateral, ad hoc)',
        params: municipalityParams,
        response: { 200: meetingKindListSchema, ...problemResponses(404) },
      },
    },
    async (request) => service.listMeetingKinds({ municipalityId: request.tenant.id }),
  );

  app.patch(
    '/meeting-kinds/:meetingKindId',
    {
      config: { access: 'meeting.manageKinds' },
      schema: {
        operationId: 'updateMeetingKind',
        tags,
        description: 'Tailor a kind’s texts and rules; the five kinds themselves are fixed.',
        params: meetingKindParams,
        body: updateMeetingKindBody,
        response: { 200: meetingKindSchema, ...problemResponses(401, 403, 404, 409, 413) },
      },
    },
    async (request) => service.updateMeetingKind(contextOf(request), request.params.meetingKindId, request.body),
  );
}
