import { and, count, desc, eq, gt, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { FastifyBaseLogger, FastifyInstance } from 'fastify';
import type { Executor } from '../db/client.ts';
import { municipality } from '../modules/municipalities/municipality.tables.ts';
import type { Clock } from './clock.ts';
import { type Problem, problemSentWith } from './errors.ts';
import type { SecurityEventKind } from './security-event-kinds.ts';
import { securityEvent } from './security-event.tables.ts';

declare module 'fastify' {
  interface FastifyInstance {
    /** The security events waiting to be written; tests flush them before they look. */
    securityEvents: SecurityEventRecorder;
  }
}

export type SecurityEventRow = typeof securityEvent.$inferInsert;

/** Which problems are security events, and of which kind. Anything else (404, 409…) is not. */
export function securityEventKindOf(problem: Pick<Problem, 'code' | 'status' | 'errors'>): SecurityEventKind | undefined {
  switch (problem.code) {
    case 'INVALID_CREDENTIALS':
      return 'failed_login';
    case 'TOO_MANY_LOGIN_ATTEMPTS':
      return 'login_throttled';
    case 'NOT_AUTHENTICATED':
      return 'not_authenticated';
    case 'FORBIDDEN':
      return 'forbidden';
    case 'CSRF_TOKEN_INVALID':
      return 'csrf_token_invalid';
    case 'RATE_LIMITED':
      return 'rate_limited';
  }
  // A wrong current password when changing it counts as a failed login (session.service.ts does the same).
  if (problem.errors?.some((field) => field.code === 'currentPasswordIncorrect')) return 'failed_login';
  if (problem.status === 400) return 'validation_failed';
  return undefined;
}

export interface SecurityEventRecorder {
  record(event: SecurityEventRow): void;
  /** Writes what is waiting; the timer does this every second, closing the app does it a last time. */
  flush(): Promise<void>;
  /** Events dropped because the queue was full (a flood of bad requests). */
  readonly droppedCount: number;
}

/**
 * Events are queued in memory and written in one insert a second, so a flood of refused requests costs one
 * statement a second, not one per request. The queue is bounded: beyond `maxPending` events wait for no one and
 * are counted as dropped (and logged), rather than letting an attacker grow the memory or the write load.
 */
export function createSecurityEventRecorder(dependencies: { db: Executor; log: FastifyBaseLogger; flushIntervalMs?: number; maxPending?: number }): SecurityEventRecorder & { stop(): Promise<void> } {
  const { db, log } = dependencies;
  const maxPending = dependencies.maxPending ?? 1000;
  let pending: SecurityEventRow[] = [];
  let dropped = 0;
  let droppedSinceLog = 0;
  let writing: Promise<void> = Promise.resolve();

  async function write(batch: SecurityEventRow[]) {
    try {
      await db.insert(securityEvent).values(batch);
    } catch (error) {
      // The database being away is reported elsewhere (readyz, 503s); these events are lost, and that is said.
      log.warn({ err: error, lost: batch.length }, 'security events could not be written');
    }
  }

  function flush(): Promise<void> {
    if (droppedSinceLog > 0) {
      log.warn({ dropped: droppedSinceLog }, 'security events dropped: more arrived than could be queued');
      droppedSinceLog = 0;
    }
    if (pending.length === 0) return writing;
    const batch = pending;
    pending = [];
    writing = writing.then(() => write(batch));
    return writing;
  }

  const timer = setInterval(() => void flush(), dependencies.flushIntervalMs ?? 1000);
  timer.unref();

  return {
    record(event) {
      if (pending.length >= maxPending) {
        dropped++;
        droppedSinceLog++;
        return;
      }
      pending.push(event);
    },
    flush,
    get droppedCount() {
      return dropped;
    },
    async stop() {
      clearInterval(timer);
      await flush();
    },
  };
}

const reasonMaxLength = 300;

/**
 * Records every refused or suspicious request from one place: the problem each reply carried (errors.ts
 * remembers it). Routes need not remember to log; nothing of the request's body, query, cookies or headers is
 * kept, only the route's pattern, the method, the address, the actor and the problem's code and field names.
 */
export function registerSecurityEventRecording(app: FastifyInstance, dependencies: { db: Executor; clock: Clock }) {
  const recorder = createSecurityEventRecorder({ db: dependencies.db, log: app.log });
  app.decorate('securityEvents', recorder);
  app.addHook('onClose', async () => recorder.stop());
  app.addHook('onResponse', (request, reply, done) => {
    const problem = problemSentWith(reply);
    const kind = problem ? securityEventKindOf(problem) : undefined;
    if (problem && kind) {
      const fields = problem.errors?.map((field) => field.field).join(', ');
      recorder.record({
        municipalityId: request.tenant?.id ?? null,
        occurredAt: dependencies.clock.now(),
        kind,
        actorUserId: request.actor?.userId ?? null,
        clientAddress: request.ip,
        method: request.method,
        route: request.routeOptions.url ?? null,
        code: problem.code,
        reason: fields ? fields.slice(0, reasonMaxLength) : null,
        requestId: request.id,
      });
    }
    done();
  });
}

export interface SecurityEventQuery {
  kind?: SecurityEventKind;
  from?: Date;
  to?: Date;
  clientAddress?: string;
  actorUserId?: string;
  /** Keyset cursor: the id of the last row already seen. */
  beforeId?: number;
  limit: number;
}

/** One municipality's events, newest first, one page and one more (to know whether there is a next page). */
export async function listSecurityEvents(db: Executor, municipalityId: string, query: SecurityEventQuery) {
  const conditions: SQL[] = [eq(securityEvent.municipalityId, municipalityId)];
  if (query.kind) conditions.push(eq(securityEvent.kind, query.kind));
  if (query.from) conditions.push(gte(securityEvent.occurredAt, query.from));
  if (query.to) conditions.push(lte(securityEvent.occurredAt, query.to));
  if (query.clientAddress) conditions.push(eq(securityEvent.clientAddress, query.clientAddress));
  if (query.actorUserId) conditions.push(eq(securityEvent.actorUserId, query.actorUserId));
  if (query.beforeId) conditions.push(lt(securityEvent.id, query.beforeId));
  return db
    .select()
    .from(securityEvent)
    .where(and(...conditions))
    .orderBy(desc(securityEvent.id))
    .limit(query.limit + 1);
}

/** Per municipality (with its slug, for links), how many events of a kind occurred after `since`; only those above `moreThan`. */
export async function countSecurityEventsAbove(db: Executor, kind: SecurityEventKind, since: Date, moreThan: number) {
  const total = count();
  return db
    .select({ municipalityId: municipality.id, slug: municipality.slug, total })
    .from(securityEvent)
    .innerJoin(municipality, eq(municipality.id, securityEvent.municipalityId))
    .where(and(eq(securityEvent.kind, kind), gt(securityEvent.occurredAt, since)))
    .groupBy(municipality.id, municipality.slug)
    .having(gt(total, moreThan));
}

/** Deletes the events older than the retention period; returns how many went. */
export async function deleteExpiredSecurityEvents(db: Executor, clock: Clock, retentionDays: number): Promise<number> {
  const cutOff = new Date(clock.now().getTime() - retentionDays * 86_400_000);
  const deleted = await db.delete(securityEvent).where(lt(securityEvent.occurredAt, cutOff)).returning({ id: securityEvent.id });
  return deleted.length;
}
