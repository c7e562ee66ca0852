import { createRequire } from 'node:module';
import fastifyRateLimit, { type FastifyRateLimitStore, normalizeIP } from '@fastify/rate-limit';
import { sql } from 'drizzle-orm';
import type { FastifyInstance, FastifyReply, FastifyRequest, RouteOptions } from 'fastify';
import { type Executor, queryRows } from '../db/client.ts';
import { DomainError } from './errors.ts';
import type { ScheduledJob } from './scheduler.ts';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** 'upload': the stricter limit for uploads; 'none': never limited (health checks). Default by method. */
    requestLimit?: 'upload' | 'none';
  }
}

export interface RateLimitSettings {
  windowSeconds: number;
  readsPerAddress: number;
  readsPerUser: number;
  writesPerUser: number;
  writesPerAddress: number;
  uploadsPerUser: number;
  /** 'database': changes and uploads are counted in the database, shared by every instance on it. */
  store: 'memory' | 'database';
}

type Limiter = ReturnType<FastifyInstance['createRateLimit']>;

// @fastify/rate-limit's own in-memory store (an LRU map of at most this many callers); reads are always counted with it.
const LocalStore = createRequire(import.meta.url)('@fastify/rate-limit/store/LocalStore.js') as new (continueExceeding: boolean, exponentialBackoff: boolean, cache?: number) => FastifyRateLimitStore;

/** Which limit a count belongs to; @fastify/rate-limit passes a limit's options to `store.child`. */
interface BucketOptions {
  bucket?: string;
}

/**
 * A store for @fastify/rate-limit that keeps its counts in `rate_limit_bucket`: one upsert per request counts
 * it and starts a new window when the old one has passed, so every instance on the database sees one count.
 */
export function databaseRateLimitStore(db: Executor) {
  class DatabaseStore implements FastifyRateLimitStore {
    readonly bucket: string;
    constructor(options: BucketOptions = {}) {
      this.bucket = options.bucket ?? 'default';
    }

    incr(key: string, callback: (error: Error | null, result?: { current: number; ttl: number }) => void, timeWindow: number) {
      const bucketKey = `${this.bucket}:${key}`;
      queryRows<{ hits: number; ttl_ms: string | number }>(
        db,
        sql`insert into rate_limit_bucket as bucket (bucket_key, hits, expires_at)
            values (${bucketKey}, 1, now() + ${timeWindow} * interval '1 millisecond')
            on conflict (bucket_key) do update set
              hits = case when bucket.expires_at <= now() then 1 else bucket.hits + 1 end,
              expires_at = case when bucket.expires_at <= now() then excluded.expires_at else bucket.expires_at end
            returning hits, ceil(extract(epoch from (expires_at - now())) * 1000) as ttl_ms`,
      ).then(
        ([row]) => callback(null, { current: row.hits, ttl: Math.max(0, Number(row.ttl_ms)) }),
        (error: Error) => callback(error),
      );
    }

    child(options: unknown): FastifyRateLimitStore {
      return new DatabaseStore({ bucket: (options as BucketOptions).bucket });
    }
  }
  return DatabaseStore;
}

/** Forgets windows that have passed; the sweep runs it (RATE_LIMIT_STORE=database only fills the table). */
export function createRateLimitCleanupJob(): ScheduledJob {
  return {
    name: 'forget-rate-limit-windows',
    run: async (tx) => void (await tx.execute(sql`delete from rate_limit_bucket where expires_at < now()`)),
  };
}

const unsafeMethods = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/**
 * Limits how many requests a caller makes per window, on every API route registered after this call:
 * - reads (GET, HEAD) per logged-in user or else per client address, before the public cache, so a cached
 *   answer counts too;
 * - changes per logged-in user, and per address when nobody is logged in;
 * - uploads (config.requestLimit 'upload') per user, stricter.
 * The limit runs as the route's last onRequest hook: after the access check, which settles `request.actor`, and
 * before the body is read. Health checks, the web app and the API documentation are outside /api or say 'none'.
 *
 * Call before registerAccessControl and registerPublicCache: their onRoute hooks put the access check in front of
 * this one and the public cache behind it.
 */
export async function registerRateLimits(app: FastifyInstance, settings: RateLimitSettings, db: Executor) {
  await app.register(fastifyRateLimit, {
    global: false,
    ...(settings.store === 'database' ? { store: databaseRateLimitStore(db) } : {}),
  });
  const timeWindow = settings.windowSeconds * 1000;
  const limiter = (options: Parameters<FastifyInstance['createRateLimit']>[0] & BucketOptions) => app.createRateLimit(options as never);
  // A logged-in caller counts as themself (colleagues behind one office address do not share a limit); on public
  // routes nobody is identified, so there the address counts.
  const byUser = (request: FastifyRequest) => (request.actor ? `user:${request.actor.userId}` : `address:${normalizeIP(request.ip)}`);
  // Reads are counted in memory whatever the store: a database write for every public read would make every read a
  // write. They are the hot path (the public lists), so they go to the store directly, without a promise.
  const readStore = new LocalStore(false, false, 10_000);
  const countRead = (request: FastifyRequest, done: (error?: Error) => void) => {
    const max = request.actor ? settings.readsPerUser : settings.readsPerAddress;
    readStore.incr(
      byUser(request),
      (error, result) => {
        if (error || !result) return done(error ?? undefined);
        done(result.current > max ? tooManyRequests(max, Math.ceil(result.ttl / 1000), settings.windowSeconds) : undefined);
      },
      timeWindow,
      max,
    );
  };
  const writes = limiter({ bucket: 'write', timeWindow, keyGenerator: byUser, max: (request) => (request.actor ? settings.writesPerUser : settings.writesPerAddress) });
  const uploads = limiter({ bucket: 'upload', timeWindow, keyGenerator: byUser, max: settings.uploadsPerUser });

  app.addHook('onRoute', (route: RouteOptions) => {
    const kind = route.config?.requestLimit;
    // Our API and the Open311 adapter (decision record 13): a visitor reporting through either counts the same.
    if (kind === 'none' || !(route.url.startsWith('/api/') || route.url.startsWith('/open311/'))) return;
    // Callback style: this runs on every API request, the public list included.
    const hook = (request: FastifyRequest, _reply: FastifyReply, done: (error?: Error) => void) => {
      if (kind !== 'upload' && !unsafeMethods.has(request.method)) return countRead(request, done);
      enforce(kind === 'upload' ? uploads : writes, request, settings.windowSeconds).then(() => done(), done);
    };
    route.onRequest = [...[route.onRequest ?? []].flat(), hook];
  });
}

async function enforce(check: Limiter, request: FastifyRequest, windowSeconds: number): Promise<void> {
  const result = await check(request);
  if (result.isAllowed || !result.isExceeded) return;
  throw tooManyRequests(result.max, result.ttlInSeconds, windowSeconds);
}

/** 429 with how long to wait: Retry-After, and the RateLimit-* fields of the IETF draft. */
function tooManyRequests(limit: number, secondsLeft: number, windowSeconds: number): DomainError {
  const seconds = Math.max(1, secondsLeft);
  return new DomainError('RATE_LIMITED', {
    params: { limit, window: windowSeconds, seconds },
    headers: { 'retry-after': String(seconds), 'ratelimit-limit': String(limit), 'ratelimit-remaining': '0', 'ratelimit-reset': String(seconds) },
  });
}
