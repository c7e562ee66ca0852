import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this public GET's answer briefly (see registerPublicCache). */
    isPublicCacheable?: boolean;
  }
}

/**
 * A short-lived cache for public, anonymous GET answers (the neighbourhood list and its kin): the hottest
 * routes of the site, identical for every visitor. A hit skips validation, the database and serialisation.
 *
 * Freshness: any successful change to a municipality through this process empties that municipality's
 * entries at once; another instance sees the change within `ttlMs` at most (default 5 s), like a CDN would.
 */
export function registerPublicCache(app: FastifyInstance, options: { ttlMs: number; maxEntries: number }) {
  if (options.ttlMs <= 0) return;
  const entries = new Map<string, { body: string; contentType: string; until: number }>();
  const keyOf = (request: FastifyRequest) => `${request.tenant?.id ?? '-'} ${request.url}`;

  app.addHook('onRoute', (route: RouteOptions) => {
    if (!route.config?.isPublicCacheable) return;
    const serveCached = (request: FastifyRequest, reply: FastifyReply, done: () => void) => {
      const key = keyOf(request);
      const entry = entries.get(key);
      if (entry && entry.until >= Date.now()) {
        reply.header('content-type', entry.contentType).header('x-cache', 'hit').send(entry.body);
        return;
      }
      if (entry) entries.delete(key);
      done();
    };
    const remember = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      if (reply.statusCode === 200 && typeof payload === 'string' && reply.getHeader('x-cache') !== 'hit') {
        if (entries.size >= options.maxEntries) entries.clear();
        entries.set(keyOf(request), { body: payload, contentType: String(reply.getHeader('content-type')), until: Date.now() + options.ttlMs });
      }
      done(null, payload);
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), serveCached];
    route.onSend = [...[route.onSend ?? []].flat(), remember];
  });

  // A change to a municipality makes its cached public answers stale.
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      const tenantId = request.tenant?.id;
      for (const key of entries.keys()) if (!tenantId || key.startsWith(`${tenantId} `)) entries.delete(key);
    }
    done();
  });
}
