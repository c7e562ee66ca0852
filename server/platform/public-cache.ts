import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import type { DatabaseHandle } from '../db/client.ts';
import { listenToChannel } from './database-notifications.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Cache this public GET's answer briefly (see registerPublicCache). */
    isPublicCacheable?: boolean;
  }
}

/** The PostgreSQL channel on which instances tell each other which municipality changed. */
export const publicCacheChannel = 'wijkwerk_public_cache';
/** The payload for a change outside any municipality: every entry is stale. */
const everyMunicipality = '*';

/**
 * A short-lived cache for public, anonymous GET answers (the neighbourhood list and its kin): the hottest
 * routes of the site, identical for every visitor. A hit skips validation, the database and serialisation.
 *
 * Freshness: a successful change to a municipality empties that municipality's entries at once in the
 * process that made it. On PostgreSQL, where several instances may serve one database, that process also
 * sends `NOTIFY wijkwerk_public_cache, '<municipality id>'` once the change has committed, and every
 * instance LISTENs on a connection of its own and empties the same entries: the others see the change
 * after one round trip through PostgreSQL instead of up to `ttlMs` later. Only a notification lost with
 * a dropped connection falls back to the `ttlMs` bound (and reconnecting empties everything). PGlite is one
 * process by definition, so the in-process path is all it needs.
 */
export function registerPublicCache(app: FastifyInstance, options: { ttlMs: number; maxEntries: number; database: DatabaseHandle }) {
  if (options.ttlMs <= 0) return;
  const entries = new Map<string, { body: string; contentType: string; until: number }>();
  const keyOf = (request: FastifyRequest) => `${request.tenant?.id ?? '-'} ${request.url}`;
  // Counts the invalidations of each municipality. An answer read from the database before a change and sent
  // after it (the notification came in while the request ran) is not kept: its count has moved on meanwhile.
  const invalidations = new Map<string, number>();
  let everyInvalidation = 0;
  const generationOf = (tenantId: string) => `${everyInvalidation}.${invalidations.get(tenantId) ?? 0}`;
  const generationAtStart = new WeakMap<FastifyRequest, string>();

  function forget(tenantId: string) {
    if (tenantId === everyMunicipality) {
      everyInvalidation++;
      entries.clear();
      return;
    }
    invalidations.set(tenantId, (invalidations.get(tenantId) ?? 0) + 1);
    for (const key of entries.keys()) if (key.startsWith(`${tenantId} `)) entries.delete(key);
  }

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
      generationAtStart.set(request, generationOf(request.tenant?.id ?? '-'));
      done();
    };
    const remember = (request: FastifyRequest, reply: FastifyReply, payload: unknown, done: (error: null, payload: unknown) => void) => {
      const isCurrent = generationAtStart.get(request) === generationOf(request.tenant?.id ?? '-');
      if (reply.statusCode === 200 && typeof payload === 'string' && reply.getHeader('x-cache') !== 'hit' && isCurrent) {
        if (entries.size >= options.maxEntries) entries.clear();
        entries.set(keyOf(request), { body: payload, contentType: String(reply.getHeader('content-type')), until: Date.now() + options.ttlMs });
      }
      done(null, payload);
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), serveCached];
    route.onSend = [...[route.onSend ?? []].flat(), remember];
  });

  const { database } = options;
  const connectionString = database.engine === 'postgres' ? database.connectionString : undefined;
  const listener = connectionString
    ? listenToChannel({ connectionString, channel: publicCacheChannel, onNotification: forget, onListening: () => forget(everyMunicipality), log: app.log })
    : undefined;
  // Not ready to serve before listening (or having tried once): a change made meanwhile on another instance
  // would otherwise stay unheard for up to ttlMs.
  if (listener) app.addHook('onReady', async () => listener.ready);
  const notifying = new Set<Promise<unknown>>();
  // One notification on its way per municipality at a time: a burst of changes (reports pouring in through
  // Open311) costs one NOTIFY per round trip, not one per change. A change that comes in while one is on its way
  // is told once more after it, as it may have committed after the other instances heard the first.
  const pending = new Map<string, { again: boolean }>();
  function notifyOthers(tenantId: string) {
    const onItsWay = pending.get(tenantId);
    if (onItsWay) {
      onItsWay.again = true;
      return;
    }
    const state = { again: false };
    pending.set(tenantId, state);
    // Not awaited: the answer has gone already, and a lost notification only costs the others ttlMs.
    const sent = database.db
      .execute(sql`select pg_notify(${publicCacheChannel}, ${tenantId})`)
      .catch((error) => app.log.warn({ err: error }, 'could not notify the other instances of a change'))
      .finally(() => {
        pending.delete(tenantId);
        notifying.delete(sent);
        if (state.again) notifyOthers(tenantId);
      });
    notifying.add(sent);
  }

  // A change to a municipality makes its cached public answers stale. onResponse runs after the answer has
  // gone out, so after the service's transaction has committed: no other instance can read the old data
  // after hearing of the change.
  app.addHook('onResponse', (request, reply, done) => {
    if (request.method !== 'GET' && request.method !== 'HEAD' && reply.statusCode < 400) {
      const tenantId = request.tenant?.id ?? everyMunicipality;
      forget(tenantId);
      if (listener) notifyOthers(tenantId);
    }
    done();
  });

  // Before the database closes (main.ts closes the app first): the notifications on their way are sent.
  app.addHook('onClose', async () => {
    // A notification told once more is added while the first settles: wait until none is left.
    while (notifying.size > 0) await Promise.all(notifying);
    await listener?.stop();
  });
}
