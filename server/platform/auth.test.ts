import { createFixedClock } from './clock.ts';
import Fastify, { type FastifyInstance } from 'fastify';
import { afterEach, describe, expect, it } from 'vitest';
import { type Authenticator, registerAccessControl, type RouteAccess } from './auth.ts';
import { handleError } from './errors.ts';
import type { Actor } from './permissions.ts';

// The access guard on its own, in front of a bare Fastify app: the rules every route inherits.
// The session and token lookups are plain functions here; the real ones are tested in modules/users.

const resident: Actor = { userId: 'u1', municipalityId: 'm1', displayName: 'Eva', email: 'eva@mail.example', grants: [{ role: 'resident', scopeType: 'municipality', scopeId: null }], authenticatedBy: 'session' };
const authenticator: Authenticator = {
  authenticateSession: async (token) => (token === 'good-session' ? { actor: resident, csrfToken: 'csrf-of-the-session' } : undefined),
  authenticateApiToken: async (token) => (token === 'good-token' ? { ...resident, authenticatedBy: 'api_token' } : undefined),
};
const cookie = { name: 'wijkwerk_session', secure: false };

let app: FastifyInstance | undefined;
afterEach(async () => {
  await app?.close();
  app = undefined;
});

async function appWith(routes: { method: 'GET' | 'POST'; url: string; access?: RouteAccess }[]) {
  app = Fastify();
  app.setErrorHandler(handleError);
  registerAccessControl(app, authenticator, cookie, { clock: createFixedClock('2026-06-15T10:00:00Z'), reauthenticationMinutes: 10 });
  for (const route of routes) {
    app.route({ method: route.method, url: route.url, config: route.access === undefined ? {} : { access: route.access }, handler: async (request) => ({ actor: request.actor?.displayName ?? null }) });
  }
  await app.ready();
  return app;
}

describe('access guard', () => {
  it('refuses to start with a route that does not say who may call it', async () => {
    await expect(appWith([{ method: 'GET', url: '/open' }])).rejects.toThrow(/declares no access rule/);
  });

  it('refuses to start with a route naming a permission the matrix does not know', async () => {
    await expect(appWith([{ method: 'GET', url: '/x', access: 'everything.do' as RouteAccess }])).rejects.toThrow(/unknown permission/);
  });

  it('lets nobody in without identity, an unknown token or a missing role', async () => {
    const guarded = await appWith([
      { method: 'GET', url: '/mine', access: 'authenticated' },
      { method: 'GET', url: '/users', access: 'users.manage' },
    ]);
    expect((await guarded.inject({ url: '/mine' })).statusCode).toBe(401);
    expect((await guarded.inject({ url: '/mine', headers: { cookie: 'wijkwerk_session=stolen' } })).statusCode).toBe(401);
    expect((await guarded.inject({ url: '/mine', headers: { authorization: 'Bearer guessed' } })).statusCode).toBe(401);
    expect((await guarded.inject({ url: '/mine', headers: { cookie: 'wijkwerk_session=good-session' } })).json()).toEqual({ actor: 'Eva' });
    expect((await guarded.inject({ url: '/users', headers: { cookie: 'wijkwerk_session=good-session' } })).statusCode).toBe(403);
  });

  it('asks the CSRF token for a cookie change, also where visitors are welcome', async () => {
    const open = await appWith([
      { method: 'POST', url: '/remarks', access: 'public-identified' },
      { method: 'POST', url: '/changes', access: 'authenticated' },
    ]);
    for (const url of ['/remarks', '/changes']) {
      const withoutToken = await open.inject({ method: 'POST', url, headers: { cookie: 'wijkwerk_session=good-session' }, payload: {} });
      expect(withoutToken.statusCode, url).toBe(403);
      expect(withoutToken.json().code, url).toBe('CSRF_TOKEN_INVALID');
      const withToken = await open.inject({ method: 'POST', url, headers: { cookie: 'wijkwerk_session=good-session', 'x-csrf-token': 'csrf-of-the-session' }, payload: {} });
      expect(withToken.json(), url).toEqual({ actor: 'Eva' });
      const byToken = await open.inject({ method: 'POST', url, headers: { authorization: 'Bearer good-token' }, payload: {} });
      expect(byToken.json(), url).toEqual({ actor: 'Eva' });
    }
    // A visitor without a session needs no token: there is nobody to impersonate.
    expect((await open.inject({ method: 'POST', url: '/remarks', payload: {} })).json()).toEqual({ actor: null });
  });
});
