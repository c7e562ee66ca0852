import type { FastifyInstance } from 'fastify';
import type { ZodTypeProvider } from 'fastify-type-provider-zod';
import { z } from 'zod';
import { type CookieSettings, contextOf, parseCookieHeader, setSessionCookie } from '../../platform/auth.ts';
import { problemResponses } from '../../platform/openapi.ts';
import { municipalityParams } from '../municipalities/index.ts';
import { signOnCallbackQuery, signOnOptionsSchema, signOnStartQuery, singleSignOnInput, singleSignOnSettingsSchema } from './single-sign-on.contract.ts';
import { SignOnFailed, type SingleSignOnService } from './single-sign-on.service.ts';

const tags = ['Sessions'];

/** The cookie that ties a return from the identity provider to the browser that left for it. */
function browserCookieName(secure: boolean) {
  return secure ? '__Host-wijkwerk_sign_on' : 'wijkwerk_sign_on';
}

function browserCookie(secure: boolean, value: string, maxAgeSeconds: number) {
  // SameSite=Lax: the provider sends the browser back with a top-level GET, which Lax lets the cookie ride along with.
  const attributes = [`${browserCookieName(secure)}=${value}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (secure) attributes.push('Secure');
  return attributes.join('; ');
}

export function registerSingleSignOnRoutes(scope: FastifyInstance, services: { singleSignOn: SingleSignOnService; cookie: CookieSettings; sessionMaxAgeSeconds: number }) {
  const app = scope.withTypeProvider<ZodTypeProvider>();
  const { singleSignOn, cookie } = services;

  app.get(
    '/single-sign-on/options',
    {
      config: { access: 'public' },
      schema: { operationId: 'getSignOnOptions', tags, summary: 'Whether staff can log in with the municipality’s identity provider, and the button’s words', params: municipalityParams, response: { 200: signOnOptionsSchema, ...problemResponses(404) } },
    },
    async (request) => singleSignOn.options(contextOf(request)),
  );

  app.get(
    '/single-sign-on/start',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'startSignOn',
        tags,
        summary: 'Leave for the municipality’s identity provider (OpenID Connect, authorization code with PKCE)',
        description: 'A page to open in the browser, not to call: it answers with a redirect. Back at /single-sign-on/callback the browser gets its session.',
        params: municipalityParams,
        querystring: signOnStartQuery,
        response: { 303: z.null().describe('To the identity provider'), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const context = { ...contextOf(request), municipalitySlug: request.tenant.slug };
      try {
        const started = await singleSignOn.start(context, request.query.naar);
        reply.header('set-cookie', browserCookie(cookie.secure, started.browserToken, started.maxAgeSeconds));
        return reply.code(303).header('location', started.address).send(null);
      } catch (error) {
        if (!(error instanceof SignOnFailed)) throw error;
        request.log.warn({ err: error.cause }, 'single sign-on: the identity provider could not be reached');
        return reply.code(303).header('location', `/${request.tenant.slug}/inloggen?sso=${error.reason}`).send(null);
      }
    },
  );

  app.get(
    '/single-sign-on/callback',
    {
      config: { access: 'public' },
      schema: {
        operationId: 'completeSignOn',
        tags,
        summary: 'Where the identity provider sends the browser back; sets the session cookie',
        description: 'Register this address as the redirect URI at the identity provider. Any failure sends the browser to the login page with ?sso=expired|failed|noAccount|noEmail|unavailable, said there in words.',
        params: municipalityParams,
        querystring: signOnCallbackQuery,
        response: { 303: z.null().describe('Into the app, or back to the login page'), ...problemResponses(404) },
      },
    },
    async (request, reply) => {
      const slug = request.tenant.slug;
      const context = { ...contextOf(request), municipalitySlug: slug };
      // The cookie has done its work either way.
      reply.header('set-cookie', browserCookie(cookie.secure, '', 0));
      try {
        if (request.query.error) throw new SignOnFailed('failed', new Error(`${request.query.error}: ${new URL(request.url, 'http://x').searchParams.get('error_description') ?? ''}`));
        const callbackUrl = new URL(request.url, singleSignOn.redirectUriOf(slug));
        const session = await singleSignOn.complete(context, {
          callbackUrl,
          state: request.query.state,
          browserToken: parseCookieHeader(request.headers.cookie, browserCookieName(cookie.secure)),
          ipAddress: request.ip,
          userAgent: request.headers['user-agent'],
        });
        // Fastify adds a second set-cookie header rather than replacing the first: both cookies go.
        setSessionCookie(reply, cookie, session.token, services.sessionMaxAgeSeconds);
        return reply.code(303).header('location', session.returnTo).send(null);
      } catch (error) {
        if (!(error instanceof SignOnFailed)) throw error;
        request.log.warn({ err: error.cause, reason: error.reason }, 'single sign-on refused');
        return reply.code(303).header('location', `/${slug}/inloggen?sso=${error.reason}`).send(null);
      }
    },
  );

  app.get(
    '/single-sign-on',
    {
      config: { access: 'singleSignOn.manage' },
      schema: { operationId: 'getSingleSignOn', tags: ['Administration'], summary: 'The identity provider staff log in with (the client secret is never shown)', params: municipalityParams, response: { 200: singleSignOnSettingsSchema, ...problemResponses(401, 403, 404) } },
    },
    async (request) => singleSignOn.getSettings(contextOf(request)),
  );

  app.put(
    '/single-sign-on',
    {
      config: { access: 'singleSignOn.manage', reauthentication: true },
      schema: {
        operationId: 'configureSingleSignOn',
        tags: ['Administration'],
        summary: 'Configure login with the identity provider; the provider is asked for its configuration before anything is saved',
        params: municipalityParams,
        body: singleSignOnInput,
        response: { 200: singleSignOnSettingsSchema, ...problemResponses(401, 403, 404) },
      },
    },
    async (request) => singleSignOn.saveSettings(contextOf(request), request.body),
  );
}
