import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { addAgendaItemBody, addContributionBody, agendaItemParams, agendaSchema, contributionParams, decideAgendaItemBody, deliverContributionBody } from './meeting-agenda.contract.ts';
import type { MeetingAgendaService } from './meeting-agenda.service.ts';
import {
  completeFollowUpBody,
  convertFollowUpBody,
  createFollowUpBody,
  followUpListQuery,
  followUpListSchema,
  followUpParams,
  followUpSchema,
  markHeldBody,
  minutesSchema,
  saveMinutesBody,
} from './meeting-minutes.contract.ts';
import type { MeetingMinutesService } from './meeting-minutes.service.ts';
import { addParticipantBody, answerInvitationBody, invitationResultSchema, participantListSchema, participantParams, recordAttendanceBody } from './meeting-participant.contract.ts';
import type { MeetingParticipantService } from './meeting-participant.service.ts';
import { meetingParams, meetingSchema } from './meeting.contract.ts';

const tags = ['Meetings'];
const writeProblems = problemResponses(401, 403, 404, 409, 413);

/**
 * The work around a meeting: its agenda and preparation, who is invited by name, and after it the minutes and the
 * agreements that come out of it. The service decides per meeting who may do what (`allowedActions` on the meeting).
 */
export function registerMeetingWorkRoutes(scope: FastifyInstance, services: { agenda: MeetingAgendaService; participants: MeetingParticipantService; minutes: MeetingMinutesService }) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { agenda, participants, minutes } = services;

  app.get(
    '/meetings/:meetingId/agenda',
    {
      config: { access: 'public-identified' },
      schema: { operationId: 'getMeetingAgenda', tags, description: 'Participants and staff see the whole agenda and the preparation; anyone else the agreed agenda of a public meeting.', params: meetingParams, response: { 200: agendaSchema, ...problemResponses(404) } },
    },
    async (request) => agenda.getAgenda(contextOf(request), request.params.meetingId),
  );
  app.post(
    '/meetings/:meetingId/agenda-items',
    {
      config: { access: 'meeting.plan' },
      schema: {
        operationId: 'addMeetingAgendaItem',
        tags,
        description: 'The organiser adds a point. A member of the neighbourhood’s council asks for one of their council’s requests to be discussed: it waits for the organiser as “requested”.',
        params: meetingParams,
        body: addAgendaItemBody,
        response: { 201: agendaSchema, ...writeProblems },
      },
    },
    async (request, reply) => reply.code(201).send(await agenda.addAgendaItem(contextOf(request), request.params.meetingId, request.body)),
  );
  app.post(
    '/meetings/:meetingId/agenda-items/:agendaItemId/decision',
    {
      config: { access: 'meeting.plan' },
      schema: { operationId: 'decideMeetingAgendaItem', tags, description: 'Accept a requested point onto the agenda, or decline it with a reason the council reads.', params: agendaItemParams, body: decideAgendaItemBody, response: { 200: agendaSchema, ...writeProblems } },
    },
    async (request) => agenda.decideAgendaItem(contextOf(request), request.params.meetingId, request.params.agendaItemId, request.body),
  );
  app.delete(
    '/meetings/:meetingId/agenda-items/:agendaItemId',
    { config: { access: 'meeting.plan' }, schema: { operationId: 'removeMeetingAgendaItem', tags, params: agendaItemParams, response: { 200: agendaSchema, ...writeProblems } } },
    async (request) => agenda.removeAgendaItem(contextOf(request), request.params.meetingId, request.params.agendaItemId),
  );
  app.post(
    '/meetings/:meetingId/contributions',
    {
      config: { access: 'meeting.plan' },
      schema: { operationId: 'addMeetingContribution', tags, description: 'Ask someone to prepare something by a day on or before the meeting; they are reminded two working days before.', params: meetingParams, body: addContributionBody, response: { 201: agendaSchema, ...writeProblems } },
    },
    async (request, reply) => reply.code(201).send(await agenda.addContribution(contextOf(request), request.params.meetingId, request.body)),
  );
  app.post(
    '/meetings/:meetingId/contributions/:contributionId/delivery',
    { config: { access: 'authenticated' }, schema: { operationId: 'deliverMeetingContribution', tags, description: 'The person asked hands in their contribution.', params: contributionParams, body: deliverContributionBody, response: { 200: agendaSchema, ...writeProblems } } },
    async (request) => agenda.deliverContribution(contextOf(request), request.params.meetingId, request.params.contributionId, request.body),
  );

  app.get(
    '/meetings/:meetingId/participants',
    { config: { access: 'authenticated' }, schema: { operationId: 'listMeetingParticipants', tags, description: 'For participants and staff only.', params: meetingParams, response: { 200: participantListSchema, ...problemResponses(401, 404) } } },
    async (request) => participants.listParticipants(contextOf(request), request.params.meetingId),
  );
  app.post(
    '/meetings/:meetingId/participants',
    { config: { access: 'meeting.plan' }, schema: { operationId: 'addMeetingParticipant', tags, params: meetingParams, body: addParticipantBody, response: { 201: participantListSchema, ...writeProblems } } },
    async (request, reply) => reply.code(201).send(await participants.addParticipant(contextOf(request), request.params.meetingId, request.body)),
  );
  app.delete(
    '/meetings/:meetingId/participants/:participantId',
    { config: { access: 'meeting.plan' }, schema: { operationId: 'removeMeetingParticipant', tags, description: 'Someone already invited receives a cancellation.', params: participantParams, response: { 200: participantListSchema, ...writeProblems } } },
    async (request) => participants.removeParticipant(contextOf(request), request.params.meetingId, request.params.participantId),
  );
  app.post(
    '/meetings/:meetingId/invitations',
    {
      config: { access: 'meeting.plan' },
      schema: {
        operationId: 'sendMeetingInvitations',
        tags,
        description: 'E-mails an invitation with a calendar attachment (METHOD:REQUEST) to everyone not yet invited, and the update to whoever has an older version.',
        params: meetingParams,
        response: { 200: invitationResultSchema, ...writeProblems },
      },
    },
    async (request) => participants.sendInvitations(contextOf(request), request.params.meetingId),
  );
  app.put(
    '/meetings/:meetingId/my-answer',
    { config: { access: 'authenticated' }, schema: { operationId: 'answerMeetingInvitation', tags, description: 'Your own yes, no or maybe.', params: meetingParams, body: answerInvitationBody, response: { 200: participantListSchema, ...writeProblems } } },
    async (request) => participants.answerInvitation(contextOf(request), request.params.meetingId, request.body.answer),
  );
  app.put(
    '/meetings/:meetingId/attendance',
    { config: { access: 'authenticated' }, schema: { operationId: 'recordMeetingAttendance', tags, description: 'After the meeting: who was there.', params: meetingParams, body: recordAttendanceBody, response: { 200: participantListSchema, ...writeProblems } } },
    async (request) => participants.recordAttendance(contextOf(request), request.params.meetingId, request.body.presentParticipantIds),
  );

  app.post(
    '/meetings/:meetingId/held',
    {
      config: { access: 'meeting.plan' },
      schema: { operationId: 'markMeetingHeld', tags, description: 'Once the meeting has started. From then on only minutes, attendance and follow-up change.', params: meetingParams, body: markHeldBody, response: { 200: meetingSchema, ...writeProblems } },
    },
    async (request) => minutes.markHeld(contextOf(request), request.params.meetingId, request.body),
  );
  app.get(
    '/meetings/:meetingId/minutes',
    {
      config: { access: 'public-identified' },
      schema: { operationId: 'getMeetingMinutes', tags, description: 'Published minutes for participants and staff, and of a public meeting for everyone; a draft only for those who write it.', params: meetingParams, response: { 200: minutesSchema, ...problemResponses(404) } },
    },
    async (request) => minutes.getMinutes(contextOf(request), request.params.meetingId),
  );
  app.put(
    '/meetings/:meetingId/minutes',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'saveMeetingMinutes', tags, description: 'Written by whom the kind says (a wijkwerkoverleg: the responsible officer). Published minutes are final.', params: meetingParams, body: saveMinutesBody, response: { 200: minutesSchema, ...writeProblems } },
    },
    async (request) => minutes.saveMinutes(contextOf(request), request.params.meetingId, request.body),
  );
  app.post(
    '/meetings/:meetingId/follow-ups',
    { config: { access: 'authenticated' }, schema: { operationId: 'addMeetingFollowUp', tags, description: 'An agreement from the minutes: who does what by when.', params: meetingParams, body: createFollowUpBody, response: { 201: followUpSchema, ...writeProblems } } },
    async (request, reply) => reply.code(201).send(await minutes.addFollowUp(contextOf(request), request.params.meetingId, request.body)),
  );
  app.post(
    '/meeting-follow-ups/:followUpId/completion',
    { config: { access: 'authenticated' }, schema: { operationId: 'completeMeetingFollowUp', tags, params: followUpParams, body: completeFollowUpBody, response: { 200: followUpSchema, ...writeProblems } } },
    async (request) => minutes.completeFollowUp(contextOf(request), request.params.followUpId, request.body),
  );
  app.post(
    '/meeting-follow-ups/:followUpId/request',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'convertMeetingFollowUp',
        tags,
        description: 'A member of the neighbourhood’s council turns an open agreement into a request of the council; it then follows the answer protocol.',
        params: followUpParams,
        body: convertFollowUpBody,
        response: { 201: followUpSchema, ...writeProblems },
      },
    },
    async (request, reply) => reply.code(201).send(await minutes.convertFollowUp(contextOf(request), request.params.followUpId, request.body)),
  );
  app.get(
    '/neighbourhoods/:neighbourhoodId/follow-ups',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'listNeighbourhoodFollowUps',
        tags,
        description: 'The agreements from the neighbourhood’s meetings, for municipal staff and the neighbourhood’s council.',
        params: municipalityParams.extend({ neighbourhoodId: z.uuid() }),
        querystring: followUpListQuery,
        response: { 200: followUpListSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => minutes.listNeighbourhoodFollowUps(contextOf(request), request.params.neighbourhoodId, request.query),
  );
}
