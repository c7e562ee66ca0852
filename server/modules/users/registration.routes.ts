import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { type CookieSettings, contextOf, setSessionCookie } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import {
  confirmRegistrationBody,
  homeNeighbourhoodBody,
  homeNeighbourhoodSchema,
  passwordResetSentSchema,
  registerBody,
  registrationOptionsSchema,
  registrationSentSchema,
  requestPasswordResetBody,
} from './registration.contract.ts';
import type { RegistrationService } from './registration.service.ts';
import { currentSessionSchema } from './user.contract.ts';
import type { UserService } from './user.service.ts';

/** Residents' own way in: registering, confirming the address, a forgotten password, and where they live. */
export function registerRegistrationRoutes(scope: FastifyInstance, services: { registrations: RegistrationService; users: UserService; cookie: CookieSettings; sessionMaxAgeSeconds: number }) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { registrations, users, cookie } = services;
  const tags = ['Registration'];

  app.get(
    '/registration-options',
    {
      config: { access: 'public' },
      schema: { operationId: 'getRegistrationOptions', tags, summary: 'Whether residents can create their own account here', params: municipalityParams, response: { 200: registrationOptionsSchema, ...problemResponses(404) } },
    },
    async (request) => registrations.options(contextOf(request)),
  );

  app.post(
    '/registrations',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'register',
        tags,
        summary: 'Create a resident account; a link to confirm the e-mail address is sent',
        description:
          'Always 202 with the same body, whether or not the address already has an account: the e-mail tells its owner. The account exists once the link is used (POST /registrations/confirmation). 403 when the municipality creates accounts by invitation only.',
        params: municipalityParams,
        body: registerBody,
        response: { 202: registrationSentSchema, ...problemResponses(400, 403, 404, 429) },
      },
    },
    async (request, reply) => reply.code(202).send(await registrations.register(contextOf(request), request.body)),
  );

  // The token travels in the body, never in the address, so it does not end up in logs.
  app.post(
    '/registrations/confirmation',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'confirmRegistration',
        tags,
        summary: 'Use the link from the e-mail: the account is made and the person is logged in (sets the session cookie)',
        params: municipalityParams,
        body: confirmRegistrationBody,
        response: { 201: currentSessionSchema, ...problemResponses(400, 404, 410) },
      },
    },
    async (request, reply) => {
      const context = contextOf(request);
      const session = await registrations.confirm(context, { token: request.body.token, ipAddress: request.ip, userAgent: request.headers['user-agent'] });
      setSessionCookie(reply, cookie, session.token, services.sessionMaxAgeSeconds);
      const user = await users.currentUser({ ...context, actor: session.actor });
      return reply.code(201).send({ user, csrfToken: session.csrfToken, mustEnrolSecondFactor: false, authenticatedAt: session.actor.authenticatedAt?.toISOString() ?? null });
    },
  );

  app.post(
    '/password-resets',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'requestPasswordReset',
        tags,
        summary: 'Forgot the password: a short-lived link to choose a new one is e-mailed',
        description: 'Always 202 with the same body, whether or not the address has an account. The link is used with POST /password-links/redemption.',
        params: municipalityParams,
        body: requestPasswordResetBody,
        response: { 202: passwordResetSentSchema, ...problemResponses(400, 404, 429) },
      },
    },
    async (request, reply) => reply.code(202).send(await registrations.requestPasswordReset(contextOf(request), request.body)),
  );

  app.put(
    '/me/home-neighbourhood',
    {
      config: { access: 'authenticated' },
      schema: {
        operationId: 'setMyHomeNeighbourhood',
        tags,
        summary: 'The neighbourhood you live in; forms start there',
        params: municipalityParams,
        body: homeNeighbourhoodBody,
        response: { 200: homeNeighbourhoodSchema, ...problemResponses(400, 401, 403, 404) },
      },
    },
    async (request) => registrations.setHomeNeighbourhood(contextOf(request), request.body),
  );
}
