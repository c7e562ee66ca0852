import { timingSafeEqual } from 'node:crypto';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { Clock } from './clock.ts';
import type { UseCaseContext } from './context.ts';
import { DomainError } from './errors.ts';
import { languageFromHeader } from './language.ts';
import { type Actor, can, knownPermissions, type Permission } from './permissions.ts';

/**
 * Who may call a route. Every API route declares one; a route without it refuses to start (deny by default).
 * - 'public': anyone; no identity is looked up (fast path for public lists)
 * - 'public-identified': anyone, but a logged-in caller is recognised (pages that show more to members)
 * - 'authenticated': any logged-in user of this municipality
 * - 'platform': a logged-in platform administrator (who runs the installation; no account of any municipality)
 * - a Permission: a logged-in user holding a role the permission matrix allows
 */
export type RouteAccess = 'public' | 'public-identified' | 'authenticated' | 'platform' | Permission;

declare module 'fastify' {
  interface FastifyContextConfig {
    access?: RouteAccess;
    /** The change needs a person who confirmed who they are within the last minutes (step-up), not an API token. */
    reauthentication?: boolean;
    /** Open to a session that still has to add its required second factor (the enrolment itself, logging out). */
    duringEnrolment?: boolean;
  }
  interface FastifyInstance {
    /** Every route with its access rule, as registered: for the isolation test and reviews. */
    routeAccessTable: { method: string; url: string; access: RouteAccess }[];
  }
  interface FastifyRequest {
    actor: Actor | undefined;
    csrfToken: string | undefined;
    /** Set on 'platform' routes: the platform administrator whose session cookie came with the request. */
    platformAdministrator: { id: string; email: string; displayName: string } | undefined;
  }
}

/** Platform administrators log in apart from every municipality, with a cookie of their own. */
export interface PlatformAuthenticator {
  cookie: CookieSettings;
  authenticate(token: string): Promise<{ administrator: { id: string; email: string; displayName: string }; csrfToken: string } | undefined>;
}

export interface Authenticator {
  authenticateSession(token: string): Promise<{ actor: Actor; csrfToken: string } | undefined>;
  authenticateApiToken(token: string): Promise<Actor | undefined>;
}

export interface CookieSettings {
  name: string;
  secure: boolean;
}

export function sessionCookieSettings(publicUrl: string): CookieSettings {
  const secure = publicUrl.startsWith('https://');
  // The __Host- prefix pins the cookie to this host and path "/", but browsers accept it only over https.
  return { name: secure ? '__Host-wijkwerk_session' : 'wijkwerk_session', secure };
}

export function platformCookieSettings(publicUrl: string): CookieSettings {
  const secure = publicUrl.startsWith('https://');
  return { name: secure ? '__Host-wijkwerk_platform' : 'wijkwerk_platform', secure };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

export function parseCookieHeader(header: string | undefined, name: string): string | undefined {
  if (!header) return undefined;
  for (const part of header.split(';')) {
    const separator = part.indexOf('=');
    if (separator > 0 && part.slice(0, separator).trim() === name) {
      // A value that is not valid percent-encoding cannot be a token we issued: no session, not a 500.
      try {
        return decodeURIComponent(part.slice(separator + 1).trim());
      } catch {
        return undefined;
      }
    }
  }
  return undefined;
}

async function identify(request: FastifyRequest, authenticator: Authenticator, cookie: CookieSettings) {
  const authorization = request.headers.authorization;
  if (authorization?.toLowerCase().startsWith('bearer ')) {
    const actor = await authenticator.authenticateApiToken(authorization.slice(7).trim());
    if (!actor) throw new DomainError('NOT_AUTHENTICATED');
    return { actor, csrfToken: undefined, viaCookie: false };
  }
  const token = parseCookieHeader(request.headers.cookie, cookie.name);
  if (!token) return undefined;
  const found = await authenticator.authenticateSession(token);
  return found ? { ...found, viaCookie: true } : undefined;
}

/**
 * Installs the access check on every route of the scope. Routes that are not for the API (health,
 * documentation, web) opt out with access 'public'.
 */
export function registerAccessControl(app: FastifyInstance, authenticator: Authenticator, cookie: CookieSettings, stepUp: { clock: Clock; reauthenticationMinutes: number }, platform?: PlatformAuthenticator) {
  app.decorateRequest('actor', undefined);
  app.decorateRequest('csrfToken', undefined);
  app.decorateRequest('platformAdministrator', undefined);
  const routeAccessTable: FastifyInstance['routeAccessTable'] = [];
  app.decorate('routeAccessTable', routeAccessTable);

  app.addHook('onRoute', (route: RouteOptions) => {
    const access = route.config?.access;
    if (access === undefined) {
      throw new Error(`Route ${route.method} ${route.url} declares no access rule; every route must say who may call it.`);
    }
    if (access !== 'public' && access !== 'public-identified' && access !== 'authenticated' && access !== 'platform' && !knownPermissions().includes(access)) {
      throw new Error(`Route ${route.method} ${route.url} names an unknown permission "${access}".`);
    }
    for (const method of [route.method].flat()) routeAccessTable.push({ method, url: route.url, access });
    if (access === 'public') return;
    if (access === 'platform') {
      // A municipality's session or API token counts for nothing here, however high its role.
      const platformGuard = async (request: FastifyRequest) => {
        const token = parseCookieHeader(request.headers.cookie, platform?.cookie.name ?? '');
        const found = token && platform ? await platform.authenticate(token) : undefined;
        if (!found) throw new DomainError('PLATFORM_LOGIN_REQUIRED');
        if (unsafeMethods.has(request.method) && !csrfMatches(request, found.csrfToken)) throw new DomainError('CSRF_TOKEN_INVALID');
        request.platformAdministrator = found.administrator;
        request.csrfToken = found.csrfToken;
      };
      const existing = route.onRequest;
      route.onRequest = existing ? [platformGuard, ...(Array.isArray(existing) ? existing : [existing])] : [platformGuard];
      return;
    }
    const guard = async (request: FastifyRequest) => {
      const identity = await identify(request, authenticator, cookie);
      const tenant = request.tenant;
      // A session belongs to one municipality; elsewhere it counts for nothing.
      const actor = identity && (!tenant || identity.actor.municipalityId === tenant.id) ? identity.actor : undefined;
      // Until the required second factor is added, the session counts only for adding it.
      const enrolling = actor?.mustEnrolSecondFactor === true;
      if (access === 'public-identified') {
        // An enrolling session counts only on the routes that help it enrol (who am I, for one).
        if (enrolling && route.config?.duringEnrolment !== true) return;
        // A change made as the cookie's owner needs the CSRF token here too; otherwise another site could
        // make it in their name.
        request.actor = actor;
        if (actor && identity?.viaCookie && unsafeMethods.has(request.method) && !csrfMatches(request, identity.csrfToken)) {
          throw new DomainError('CSRF_TOKEN_INVALID');
        }
        request.csrfToken = actor ? identity?.csrfToken : undefined;
        return;
      }
      if (!identity) throw new DomainError('NOT_AUTHENTICATED');
      if (!actor) throw new DomainError('FORBIDDEN');
      // Known before the checks below, so a refusal's security event names who was refused.
      request.actor = actor;
      if (identity.viaCookie && unsafeMethods.has(request.method) && !csrfMatches(request, identity.csrfToken)) {
        throw new DomainError('CSRF_TOKEN_INVALID');
      }
      if (enrolling && route.config?.duringEnrolment !== true) throw new DomainError('SECOND_FACTOR_ENROLMENT_REQUIRED');
      if (access !== 'authenticated' && !can(actor, access)) throw new DomainError('FORBIDDEN');
      if (route.config?.reauthentication) {
        if (actor.authenticatedBy !== 'session' || !actor.authenticatedAt) throw new DomainError('PERSON_REQUIRED');
        const windowMs = stepUp.reauthenticationMinutes * 60_000;
        if (stepUp.clock.now().getTime() - actor.authenticatedAt.getTime() > windowMs) {
          throw new DomainError('REAUTHENTICATION_REQUIRED', { params: { minutes: stepUp.reauthenticationMinutes } });
        }
      }
      request.csrfToken = identity.csrfToken;
    };
    // onRequest: who you are is settled before the body is read, so strangers get 401, not a parse error.
    const existing = route.onRequest;
    route.onRequest = existing ? [guard, ...(Array.isArray(existing) ? existing : [existing])] : [guard];
  });
}

function csrfMatches(request: FastifyRequest, expected: string | undefined): boolean {
  const given = request.headers['x-csrf-token'];
  if (typeof given !== 'string' || expected === undefined) return false;
  const left = Buffer.from(given);
  const right = Buffer.from(expected);
  return left.length === right.length && timingSafeEqual(left, right);
}

/** The context a use case receives, built from the request. */
export function contextOf(request: FastifyRequest): UseCaseContext {
  return {
    municipalityId: request.tenant.id,
    municipalitySlug: request.tenant.slug,
    actor: request.actor,
    requestId: request.id,
    language: languageFromHeader(request.headers['accept-language']),
  };
}

export function setSessionCookie(reply: FastifyReply, cookie: CookieSettings, token: string, maxAgeSeconds: number) {
  const attributes = [`${cookie.name}=${token}`, 'Path=/', 'HttpOnly', 'SameSite=Lax', `Max-Age=${maxAgeSeconds}`];
  if (cookie.secure) attributes.push('Secure');
  reply.header('set-cookie', attributes.join('; '));
}

/**
 * Ends the session in the browser too: the cookie goes, and the browser drops what it cached of the pages and
 * answers seen while logged in (a shared computer at the library). Local storage keeps only the language choice,
 * so it stays.
 */
export function clearSessionCookie(reply: FastifyReply, cookie: CookieSettings) {
  const attributes = [`${cookie.name}=`, 'Path=/', 'HttpOnly', 'SameSite=Lax', 'Max-Age=0'];
  if (cookie.secure) attributes.push('Secure');
  reply.header('set-cookie', attributes.join('; '));
  reply.header('clear-site-data', '"cache", "cookies"');
}
