import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type CookieSettings, clearSessionCookie, contextOf, setSessionCookie } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import type { SessionService } from './session.service.ts';
import {
  apiTokenListSchema,
  apiTokenParams,
  changeOwnPasswordBody,
  createApiTokenBody,
  createdApiTokenSchema,
  createUserBody,
  currentSessionSchema,
  loggedOutEverywhereSchema,
  mySessionListSchema,
  loginBody,
  ownPasswordChangedSchema,
  sessionParams,
  updateUserBody,
  userListQuery,
  userListSchema,
  userParams,
  userSchema,
} from './user.contract.ts';
import type { UserService } from './user.service.ts';

export function registerUserRoutes(scope: FastifyInstance, services: { sessions: SessionService; users: UserService; cookie: CookieSettings; sessionMaxAgeSeconds: number }) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { sessions, users, cookie } = services;
  const sessionTags = ['Sessions'];
  const userTags = ['Users'];

  app.post(
    '/sessions',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'logIn',
        tags: sessionTags,
        summary: 'Log in with e-mail and password; sets the session cookie',
        params: municipalityParams,
        body: loginBody,
        response: { 201: currentSessionSchema, ...problemResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      const session = await sessions.logIn(context, { ...request.body, ipAddress: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(reply, cookie, session.token, services.sessionMaxAgeSeconds);
      const user = await users.currentUser({ ...context, actor: session.actor });
      return reply.code(201).send({ user, csrfToken: session.csrfToken });
    },
  );

  app.get(
    '/sessions/current',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'getCurrentSession', tags: sessionTags, params: municipalityParams, response: { 200: currentSessionSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => ({ user: await users.currentUser(contextOf(request)), csrfToken: request.csrfToken ?? null }),
  );

  app.delete(
    '/sessions/current',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'logOut', tags: sessionTags, params: municipalityParams, response: { 204: z.null().describe('Logged out'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await sessions.logOut(contextOf(request));
      clearSessionCookie(reply, cookie);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/sessions',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'listMySessions', tags: sessionTags, summary: 'Where you are logged in: device, address, first and last use', params: municipalityParams, response: { 200: mySessionListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => sessions.listMySessions(contextOf(request)),
  );

  app.delete(
    '/sessions/:sessionId',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'endMySession', tags: sessionTags, summary: 'End one of your own sessions', params: sessionParams, response: { 204: z.null().describe('Ended'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      const { wasCurrent } = await sessions.endMySession(contextOf(request), request.params.sessionId);
      if (wasCurrent) clearSessionCookie(reply, cookie);
      return reply.code(204).send(null);
    },
  );

  app.put(
    '/sessions/current/password',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'changeOwnPassword',
        tags: sessionTags,
        summary: 'Change the password of the logged-in user; ends their other sessions',
        description: 'Only with a session (not an API token). A wrong currentPassword is a field error on body.currentPassword and counts as a failed login.',
        params: municipalityParams,
        body: changeOwnPasswordBody,
        response: { 200: ownPasswordChangedSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => sessions.changeOwnPassword(contextOf(request), { ...request.body, ipAddress: request.ip }),
  );

  app.delete(
    '/sessions',
    {
      config: { access: 'authenticated' },
      schema: { operationId: 'logOutEverywhere', tags: sessionTags, summary: 'End every session of the current user', params: municipalityParams, response: { 200: loggedOutEverywhereSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      const revokedSessions = await sessions.logOutEverywhere(contextOf(request));
      clearSessionCookie(reply, cookie);
      return { revokedSessions };
    },
  );

  app.get(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: { operationId: 'listUsers', tags: userTags, params: municipalityParams, querystring: userListQuery, response: { 200: userListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => users.listUsers(contextOf(request), request.query),
  );

  app.post(
    '/users',
    {
      config: { access: 'users.manage' },
      schema: { operationId: 'createUser', tags: userTags, params: municipalityParams, body: createUserBody, response: { 201: userSchema, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request, reply) => reply.code(201).send(await users.createUser(contextOf(request), request.body)),
  );

  app.get(
    '/users/:userId',
    {
      config: { access: 'users.manage' },
      schema: { operationId: 'getUser', tags: userTags, params: userParams, response: { 200: userSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => users.getUser(contextOf(request), request.params.userId),
  );

  app.patch(
    '/users/:userId',
    {
      config: { access: 'users.manage' },
      schema: { operationId: 'updateUser', tags: userTags, params: userParams, body: updateUserBody, response: { 200: userSchema, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request) => users.updateUser(contextOf(request), request.params.userId, request.body),
  );

  app.get(
    '/api-tokens',
    {
      config: { access: 'apiTokens.manage' },
      schema: { operationId: 'listApiTokens', tags: ['API tokens'], params: municipalityParams, response: { 200: apiTokenListSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => users.listApiTokens(contextOf(request)),
  );

  app.post(
    '/api-tokens',
    {
      config: { access: 'apiTokens.manage' },
      schema: { operationId: 'createApiToken', tags: ['API tokens'], params: municipalityParams, body: createApiTokenBody, response: { 201: createdApiTokenSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => reply.code(201).send(await users.createApiToken(contextOf(request), request.body)),
  );

  app.delete(
    '/api-tokens/:apiTokenId',
    {
      config: { access: 'apiTokens.manage' },
      schema: { operationId: 'revokeApiToken', tags: ['API tokens'], params: apiTokenParams, response: { 204: z.null().describe('Revoked'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await users.revokeApiToken(contextOf(request), request.params.apiTokenId);
      return reply.code(204).send(null);
    },
  );
}
