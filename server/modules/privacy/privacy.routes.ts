import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type CookieSettings, clearSessionCookie, contextOf } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  erasureParams,
  erasureRequestListSchema,
  erasureRequestSchema,
  erasureResultSchema,
  myErasureRequestSchema,
  personalDataExportSchema,
  privacySettingsSchema,
  privacyStatementSchema,
  updatePrivacyStatementBody,
} from './privacy.contract.ts';
import type { PrivacyService } from './privacy.service.ts';

export function registerPrivacyRoutes(scope: FastifyInstance, service: PrivacyService, cookie: CookieSettings) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const tags = ['Privacy'];

  app.get(
    '/privacy-settings',
    {
      config: { access: 'privacy.manage' },
      schema: { operationId: 'getPrivacySettings', tags, summary: 'How long personal data is kept in this municipality', params: municipalityParams, response: { 200: privacySettingsSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.getSettings(contextOf(request)),
  );
  app.put(
    '/privacy-settings',
    {
      config: { access: 'privacy.manage', reauthentication: true },
      schema: { operationId: 'updatePrivacySettings', tags, summary: 'Change the retention terms; the next sweep applies them', params: municipalityParams, body: privacySettingsSchema, response: { 200: privacySettingsSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.updateSettings(contextOf(request), request.body),
  );

  app.get(
    '/privacy-statement',
    {
      config: { access: 'public' },
      schema: { operationId: 'getPrivacyStatement', tags, summary: 'The municipality’s privacy statement for Wijkwerk', params: municipalityParams, response: { 200: privacyStatementSchema, ...problemResponses(404) } },
    },
    async (request) => service.getStatement(contextOf(request)),
  );
  app.put(
    '/privacy-statement',
    {
      config: { access: 'privacy.manage', reauthentication: true },
      schema: { operationId: 'updatePrivacyStatement', tags, summary: 'Publish the municipality’s own statement, or go back to the standard text', params: municipalityParams, body: updatePrivacyStatementBody, response: { 200: privacyStatementSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.updateStatement(contextOf(request), request.body),
  );

  app.get(
    '/me/data-export',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'exportOwnData', tags, summary: 'All your own data as one JSON file (AVG art. 15 and 20)', params: municipalityParams, response: { 200: personalDataExportSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      const exported = await service.exportOwnData(contextOf(request));
      return reply.header('content-disposition', `attachment; filename="wijkwerk-gegevens-${exported.exportedAt.slice(0, 10)}.json"`).send(exported);
    },
  );

  app.get(
    '/me/erasure-request',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'getOwnErasureRequest', tags, summary: 'Your latest request to erase your data, if any', params: municipalityParams, response: { 200: myErasureRequestSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.myErasureRequest(contextOf(request)),
  );
  app.post(
    '/me/erasure-request',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'requestErasure',
        tags,
        summary: 'Ask for your data to be erased (AVG art. 17); the administrators are told and carry it out',
        params: municipalityParams,
        response: { 201: erasureRequestSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => reply.code(201).send(await service.requestErasure(contextOf(request))),
  );

  app.delete(
    '/me/account',
    {
      config: { access: 'authenticated', reauthentication: true },
      schema: {
        operationId: 'deleteMyAccount',
        tags,
        summary: 'A resident deletes their own account at once; their requests stay, without their name',
        description: 'Only for accounts whose only role is resident; others ask for erasure (POST /me/erasure-request). Needs a recent confirmation that it is you. Logs out everywhere.',
        params: municipalityParams,
        response: { 200: erasureResultSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request, reply) => {
      const result = await service.deleteOwnAccount(contextOf(request));
      clearSessionCookie(reply, cookie);
      return result;
    },
  );

  app.get(
    '/erasure-requests',
    {
      config: { access: 'privacy.manage' },
      schema: { operationId: 'listErasureRequests', tags, summary: 'Requests to erase data that wait to be carried out, oldest first', params: municipalityParams, response: { 200: erasureRequestListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => service.listErasureRequests(contextOf(request)),
  );
  app.post(
    '/users/:userId/erasure',
    {
      config: { access: 'privacy.manage', reauthentication: true },
      schema: {
        operationId: 'eraseUser',
        tags,
        summary: 'Erase a person’s data: the account is anonymised, its logins, roles and messages deleted',
        description: 'Carries out the person’s pending erasure request, or records one made another way. Requests they submitted stay, without their name. The last active administrator cannot be erased.',
        params: erasureParams,
        response: { 200: erasureResultSchema, ...problemResponses(401, 403, 404, 409) },
      },
    },
    async (request) => service.eraseUser(contextOf(request), request.params.userId),
  );
}
