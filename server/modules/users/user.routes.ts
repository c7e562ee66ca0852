import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type CookieSettings, clearSessionCookie, contextOf, setSessionCookie } from '../../platform/auth.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { problemResponses } from '../../platform/openapi.ts';
import type { Actor } from '../../platform/permissions.ts';
import { municipalityParams } from '../municipalities/index.ts';
import type { SessionService } from './session.service.ts';
import {
  apiTokenListSchema,
  apiTokenParams,
  changeOwnPasswordBody,
  completeLoginBody,
  createApiTokenBody,
  createdUserSchema,
  passwordLinkSentSchema,
  reauthenticateBody,
  reauthenticatedSchema,
  reauthenticationOptionsSchema,
  secondFactorChallengeSchema,
  secondFactorsResetSchema,
  securitySettingsSchema,
  sendPasswordLinkBody,
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
  updateSecuritySettingsBody,
  userSchema,
  visitorSessionSchema,
} from './user.contract.ts';
import type { UserService } from './user.service.ts';

export function registerUserRoutes(scope: FastifyInstance, services: { sessions: SessionService; users: UserService; cookie: CookieSettings; sessionMaxAgeSeconds: number }) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { sessions, users, cookie } = services;

  /** The answer to "who am I": the person, the CSRF token and where the session stands with second factors. */
  async function sessionAnswer(context: UseCaseContext, actor: Actor, csrfToken: string | null) {
    return {
      user: await users.currentUser({ ...context, actor }),
      csrfToken,
      mustEnrolSecondFactor: actor.mustEnrolSecondFactor === true,
      authenticatedAt: actor.authenticatedAt?.toISOString() ?? null,
    };
  }
  const visitorAnswer = { user: null, csrfToken: null, mustEnrolSecondFactor: false as const, authenticatedAt: null };
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
        description: 'When the account has a second factor, the answer is 202 with a challenge: send the code or passkey to POST /sessions/second-factor to get the session.',
        body: loginBody,
        response: { 201: currentSessionSchema, 202: secondFactorChallengeSchema, ...problemResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      const outcome = await sessions.logIn(context, { ...request.body, ipAddress: request.ip, userAgent: request.headers['user-agent'] });
      if (outcome.kind === 'secondFactorNeeded') {
        return reply.code(202).send({ secondFactorRequired: true, challengeToken: outcome.challengeToken, methods: outcome.methods, passkeyOptions: (outcome.passkeyOptions as Record<string, unknown> | undefined) ?? null });
      }
      setSessionCookie(reply, cookie, outcome.token, services.sessionMaxAgeSeconds);
      return reply.code(201).send(await sessionAnswer(context, outcome.actor, outcome.csrfToken));
    },
  );

  app.post(
    '/sessions/second-factor',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'completeLogin',
        tags: sessionTags,
        summary: 'The second step of a login: the code from the authenticator app or the passkey; sets the session cookie',
        params: municipalityParams,
        body: completeLoginBody,
        response: { 201: currentSessionSchema, ...problemResponses(401, 404, 429) },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      const session = await sessions.completeLogin(context, { ...request.body, ipAddress: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(reply, cookie, session.token, services.sessionMaxAgeSeconds);
      return reply.code(201).send(await sessionAnswer(context, session.actor, session.csrfToken));
    },
  );

  app.get(
    '/sessions/current',
    {
      // A visitor asks too (every page does): the answer is then { user: null }, not a 401 in the console.
      config: { access: 'public-identified', duringEnrolment: true },
      schema: {
        operationId: 'getCurrentSession',
        tags: sessionTags,
        summary: 'Who am I: the logged-in person, or user null for a visitor (no session, an expired one or one of another municipality)',
        params: municipalityParams,
        response: { 200: z.union([currentSessionSchema, visitorSessionSchema]), ...problemResponses(404) },
      },
    },
    async (request) => (request.actor ? sessionAnswer(contextOf(request), request.actor, request.csrfToken ?? null) : visitorAnswer),
  );

  app.post(
    '/sessions/current/reauthentication-options',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'getReauthenticationOptions',
        tags: sessionTags,
        summary: 'How to confirm it is you again: password, or the second factor (with passkey options)',
        params: municipalityParams,
        response: { 200: reauthenticationOptionsSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => {
      const options = await sessions.reauthenticationOptions(contextOf(request));
      return { methods: [...options.methods], passkeyOptions: (options.passkeyOptions as Record<string, unknown> | undefined) ?? null };
    },
  );

  app.post(
    '/sessions/current/reauthentication',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'reauthenticate',
        tags: sessionTags,
        summary: 'Confirm it is you; for the next minutes roles, passwords and tokens can be changed',
        description: 'With a second factor: totpCode or passkey. Without: password. A wrong answer is a field error and counts as a failed login.',
        params: municipalityParams,
        body: reauthenticateBody,
        response: { 200: reauthenticatedSchema, ...problemResponses(401, 403, 404, 429) },
      },
    },
    async (request) => sessions.reauthenticate(contextOf(request), { ...request.body, ipAddress: request.ip }),
  );

  app.delete(
    '/sessions/current',
    {
      config: { access: 'authenticated', duringEnrolment: true },
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
      config: { access: 'authenticated', duringEnrolment: true },
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
      config: { access: 'users.manage', reauthentication: true },
      schema: { operationId: 'createUser', tags: userTags, params: municipalityParams, body: createUserBody, response: { 201: createdUserSchema, ...problemResponses(401, 403, 404, 409, 413) } },
    },
    async (request, reply) => reply.code(201).send(await users.createUser(contextOf(request), request.body)),
  );

  app.post(
    '/users/:userId/password-link',
    {
      config: { access: 'users.manage', reauthentication: true },
      schema: {
        operationId: 'sendPasswordLink',
        tags: userTags,
        summary: 'E-mail the person a single-use link to set their own password',
        description: 'Administrators never choose a password for someone else. Any earlier unused link stops working.',
        params: userParams,
        body: sendPasswordLinkBody,
        response: { 202: passwordLinkSentSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request, reply) => reply.code(202).send(await users.sendPasswordLink(contextOf(request), request.params.userId, request.body)),
  );

  app.delete(
    '/users/:userId/second-factors',
    {
      config: { access: 'users.manage', reauthentication: true },
      schema: {
        operationId: 'resetSecondFactors',
        tags: userTags,
        summary: 'Remove every second factor of a person (lost phone or key); their sessions end',
        params: userParams,
        response: { 200: secondFactorsResetSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => users.resetSecondFactors(contextOf(request), request.params.userId),
  );

  app.get(
    '/security-settings',
    {
      config: { access: 'users.manage' },
      schema: { operationId: 'getSecuritySettings', tags: userTags, params: municipalityParams, response: { 200: securitySettingsSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => users.getSecuritySettings(contextOf(request)),
  );

  app.put(
    '/security-settings',
    {
      config: { access: 'users.manage', reauthentication: true },
      schema: { operationId: 'updateSecuritySettings', tags: userTags, params: municipalityParams, body: updateSecuritySettingsBody, response: { 200: securitySettingsSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => users.updateSecuritySettings(contextOf(request), request.body),
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
      config: { access: 'users.manage', reauthentication: true },
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
      config: { access: 'apiTokens.manage', reauthentication: true },
      schema: { operationId: 'createApiToken', tags: ['API tokens'], params: municipalityParams, body: createApiTokenBody, response: { 201: createdApiTokenSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => reply.code(201).send(await users.createApiToken(contextOf(request), request.body)),
  );

  app.delete(
    '/api-tokens/:apiTokenId',
    {
      config: { access: 'apiTokens.manage', reauthentication: true },
      schema: { operationId: 'revokeApiToken', tags: ['API tokens'], params: apiTokenParams, response: { 204: z.null().describe('Revoked'), ...problemResponses(401, 403, 404) } },
    },
    async (request, reply) => {
      await users.revokeApiToken(contextOf(request), request.params.apiTokenId);
      return reply.code(204).send(null);
    },
  );
}
