import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type CookieSettings, clearSessionCookie, parseCookieHeader, setSessionCookie } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import type { MunicipalityFoundingService } from './municipality-founding.service.ts';
import { foundedMunicipalitySchema, foundMunicipalityBody, platformLoginBody, platformMunicipalityListSchema, platformSessionSchema } from './platform-administration.contract.ts';
import type { PlatformSessionService } from './platform-administration.service.ts';

const tags = ['Platform administration'];

/**
 * The installation's own administration, under /api/v1/platform: outside every municipality's path, so no
 * municipality's session reaches it, and no platform session reaches a municipality.
 */
export function registerPlatformAdministrationRoutes(api: FastifyInstance, services: { sessions: PlatformSessionService; founding: MunicipalityFoundingService; cookie: CookieSettings; sessionMaxAgeSeconds: number }) {
  const app = api.withTypeProvider<ZodTypeProvider>();
  const { sessions, founding, cookie } = services;

  app.post(
    '/platform/session',
    {
      config: { access: 'public' },
      schema: { operationId: 'logInAsPlatformAdministrator', tags, summary: 'Log in as a platform administrator; sets the platform session cookie', body: platformLoginBody, response: { 201: platformSessionSchema, ...problemResponses(401, 429) } },
    },
    async (request, reply) => {
      const session = await sessions.logIn({ ...request.body, ipAddress: request.ip });
      setSessionCookie(reply, cookie, session.token, services.sessionMaxAgeSeconds);
      return reply.code(201).send({ administrator: session.administrator, csrfToken: session.csrfToken });
    },
  );

  app.get(
    '/platform/session',
    {
      config: { access: 'public' },
      schema: { operationId: 'getPlatformSession', tags, summary: 'Who is logged in as a platform administrator, if anyone', response: { 200: platformSessionSchema, ...problemResponses() } },
    },
    async (request, reply) => {
      const token = parseCookieHeader(request.headers.cookie, cookie.name);
      const found = token ? await sessions.authenticate(token) : undefined;
      reply.header('cache-control', 'no-store');
      return found ? { administrator: found.administrator, csrfToken: found.csrfToken } : { administrator: null, csrfToken: null };
    },
  );

  app.delete(
    '/platform/session',
    {
      config: { access: 'platform' },
      schema: { operationId: 'logOutAsPlatformAdministrator', tags, summary: 'Log out as a platform administrator', response: { 204: z.null().describe('Logged out'), ...problemResponses(401, 403) } },
    },
    async (request, reply) => {
      const token = parseCookieHeader(request.headers.cookie, cookie.name);
      if (token) await sessions.logOut(token);
      clearSessionCookie(reply, cookie);
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/platform/municipalities',
    {
      config: { access: 'platform' },
      schema: { operationId: 'listPlatformMunicipalities', tags, summary: 'Every municipality of this installation, with its wijken and accounts counted', response: { 200: platformMunicipalityListSchema, ...problemResponses(401, 403) } },
    },
    async () => founding.listMunicipalities(),
  );

  app.post(
    '/platform/municipalities',
    {
      config: { access: 'platform' },
      schema: {
        operationId: 'foundMunicipality',
        tags,
        summary: 'Create a municipality with the note’s defaults and its first administrator, who is invited by e-mail',
        description: 'A slug or CBS code that is taken is 409; nothing is created then.',
        body: foundMunicipalityBody,
        response: { 201: foundedMunicipalitySchema, ...problemResponses(401, 403, 409) },
      },
    },
    async (request, reply) => {
      const administrator = request.platformAdministrator;
      if (!administrator) throw new Error('The platform guard lets no request in without an administrator.');
      // The invitation link goes by e-mail only; the answer of an API call never carries it.
      const { invitationLink: _sentByEmail, ...founded } = await founding.foundMunicipality(request.body, { kind: 'platformAdministrator', administrator }, request.id);
      return reply.code(201).send(founded);
    },
  );
}
