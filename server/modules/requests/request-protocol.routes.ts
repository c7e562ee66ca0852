import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  advicePositionBody,
  changeVerdictBody,
  linkParams,
  linkRequestBody,
  postMessageBody,
  recordCarriedOutBody,
  referRequestBody,
  followingSchema,
  requestLookupParams,
  requestParams,
  requestSchema,
  reviewAnswerBody,
  setFormalInspraakBody,
  updateReferralBody,
} from './request.contract.ts';
import type { RequestService } from './request.service.ts';
import { requestSettingsSchema } from './request-settings.rules.ts';
import { z } from 'zod';

const tags = ['Requests'];
const settingsResponse = requestSettingsSchema.safeExtend({ version: z.string().describe('Send it back when saving; a stale one gives 409') }).meta({ id: 'RequestSettings' });
const settingsBody = requestSettingsSchema.safeExtend({ version: z.string() }).meta({ id: 'UpdateRequestSettings' });

/** Conversation, verdict changes, advice positions, four-eyes review, links, referral and the municipality's settings. */
export function registerRequestProtocolRoutes(scope: FastifyInstance, service: RequestService) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const changed = { 200: requestSchema, ...problemResponses(401, 403, 404, 409) };

  app.post(
    '/requests/:requestId/messages',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'postRequestMessage', tags, description: 'A message between the submitter’s side and the municipality, or (staff only) an internal note.', params: requestParams, body: postMessageBody, response: { 201: requestSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => reply.code(201).send(await service.postMessage(contextOf(request), request.params.requestId, request.body)),
  );

  app.post(
    '/requests/:requestId/verdict-change',
    { config: { access: 'request.answer' }, schema: { operationId: 'changeRequestVerdict', tags, description: 'An ooit becomes a nu or a nooit; the earlier answer stays on the timeline.', params: requestParams, body: changeVerdictBody, response: changed } },
    async (request) => service.changeVerdict(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/advice-position',
    {
      config: { access: 'request.answer' },
      schema: { operationId: 'recordAdvicePosition', tags, description: 'Follows, follows partly or deviates (with motivation and deciding body); the council is told.', params: requestParams, body: advicePositionBody, response: changed },
    },
    async (request) => service.recordAdvicePosition(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/answer-review',
    { config: { access: 'request.triage' }, schema: { operationId: 'reviewRequestAnswer', tags, description: 'Four eyes: the advisor approves or returns an officer’s proposed answer.', params: requestParams, body: reviewAnswerBody, response: changed } },
    async (request) => service.reviewAnswer(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/referral',
    { config: { access: 'request.triage' }, schema: { operationId: 'referRequest', tags, description: 'Refer to a front-line team from the municipality’s list.', params: requestParams, body: referRequestBody, response: changed } },
    async (request) => service.referRequest(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/referral-progress',
    {
      config: { access: 'request.triage' },
      schema: { operationId: 'updateRequestReferral', tags, description: 'The front-line team picked the referral up, or fed back (feedback stays with staff).', params: requestParams, body: updateReferralBody, response: changed },
    },
    async (request) => service.updateReferral(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/formal-inspraak',
    {
      config: { access: 'request.triage' },
      schema: {
        operationId: 'setRequestFormalInspraak',
        tags,
        description: 'Mark advice as part of a formal inspraak procedure (or not): only then does deviating from it need the college or the municipal council.',
        params: requestParams,
        body: setFormalInspraakBody,
        response: changed,
      },
    },
    async (request) => service.setFormalInspraak(contextOf(request), request.params.requestId, request.body),
  );

  app.post(
    '/requests/:requestId/carried-out',
    { config: { access: 'request.answer' }, schema: { operationId: 'recordRequestCarriedOut', tags, description: 'A nu was carried out: the day it was done, and what was done.', params: requestParams, body: recordCarriedOutBody, response: changed } },
    async (request) => service.recordCarriedOut(contextOf(request), request.params.requestId, request.body),
  );

  app.put(
    '/requests/:requestId/following',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'followRequest',
        tags,
        summary: 'Follow a public request: hear when it is acknowledged, answered, updated or closed',
        description: 'For anyone logged in, on a public request that is not their own (409 NOT_FOLLOWABLE otherwise). Following twice is following once.',
        params: requestLookupParams,
        response: { 200: followingSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => service.followRequest(contextOf(request), request.params.requestId),
  );
  app.delete(
    '/requests/:requestId/following',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'unfollowRequest', tags, summary: 'Stop following a request', params: requestLookupParams, response: { 200: followingSchema, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.unfollowRequest(contextOf(request), request.params.requestId),
  );

  app.post(
    '/requests/:requestId/links',
    { config: { access: 'request.triage' }, schema: { operationId: 'linkRequest', tags, description: 'Mark as duplicate of (closes this one) or related to another request.', params: requestParams, body: linkRequestBody, response: changed } },
    async (request) => service.linkRequest(contextOf(request), request.params.requestId, request.body),
  );

  app.delete(
    '/requests/:requestId/links/:relatedRequestId',
    { config: { access: 'request.triage' }, schema: { operationId: 'unlinkRequest', tags, params: linkParams, response: { 204: z.null().describe('Removed'), ...problemResponses(401, 403, 404) } } },
    async (request, reply) => {
      await service.unlinkRequest(contextOf(request), request.params.requestId, request.params.relatedRequestId);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/departments/:departmentId/officers',
    {
      config: { access: 'request.triage' },
      schema: {
        operationId: 'listDepartmentOfficers',
        tags,
        description: 'Whom the advisor can route a request to within a department.',
        params: z.object({ municipality: z.string(), departmentId: z.uuid() }),
        response: { 200: z.object({ items: z.array(z.object({ id: z.uuid(), displayName: z.string(), title: z.string().nullable() })) }).meta({ id: 'DepartmentOfficers' }), ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => service.listDepartmentOfficers(contextOf(request), request.params.departmentId),
  );

  app.get(
    '/request-settings',
    { config: { access: 'request.viewInternal' }, schema: { operationId: 'getRequestSettings', tags, params: municipalityParams, response: { 200: settingsResponse, ...problemResponses(401, 403, 404) } } },
    async (request) => service.getRequestSettings(contextOf(request)),
  );

  app.put(
    '/request-settings',
    {
      config: { access: 'request.configure', reauthentication: true },
      schema: { operationId: 'updateRequestSettings', tags, description: 'Deadlines per kind, short term, update cadence, weight rule, four-eyes review, front-line teams, answer templates.', params: municipalityParams, body: settingsBody, response: { 200: settingsResponse, ...problemResponses(401, 403, 404, 409) } },
    },
    async (request) => service.updateRequestSettings(contextOf(request), request.body),
  );
}
