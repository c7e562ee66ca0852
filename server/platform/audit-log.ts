import { and, desc, eq, gte, lt, lte, type SQL } from 'drizzle-orm';
import type { Executor } from '../db/client.ts';
import { auditLog } from './audit-log.tables.ts';
import type { Clock } from './clock.ts';
import type { UseCaseContext } from './context.ts';

export interface AuditEntry {
  action: string;
  entityType: string;
  entityId: string;
  before?: unknown;
  after?: unknown;
}

/**
 * Writes one audit row inside the caller's transaction, so a change and its record never part. The
 * database chains the row to the municipality's previous one (audit-chain.ts); to do so it holds the
 * municipality's audit lock until the transaction ends, so record the audit row after the change itself,
 * near the end of the use case, not before slow work.
 */
export async function recordAudit(tx: Executor, clock: Clock, context: Pick<UseCaseContext, 'municipalityId' | 'actor' | 'requestId'>, entry: AuditEntry): Promise<void> {
  await tx.insert(auditLog).values(auditRow(clock, context, entry));
}

/**
 * The row `recordAudit` writes, for a hot path that writes it in the same statement as its change
 * (`insertTogether`): the municipality's audit lock is then held only inside the database, until that
 * statement commits.
 */
export function auditRow(clock: Clock, context: Pick<UseCaseContext, 'municipalityId' | 'actor' | 'requestId'>, entry: AuditEntry): typeof auditLog.$inferInsert {
  return {
    municipalityId: context.municipalityId,
    actorUserId: context.actor?.userId ?? null,
    actorLabel: context.actor ? context.actor.displayName : 'system',
    action: entry.action,
    entityType: entry.entityType,
    entityId: entry.entityId,
    ...auditSnapshot(entry.before, entry.after),
    requestId: context.requestId,
    occurredAt: clock.now(),
  };
}

const secretKeys = new Set(['passwordHash', 'tokenHash', 'csrfToken', 'password']);
/** Free text in residents' own words: the audit trail records that it was there and how long, not the words. */
const residentTextKeys = new Set(['body', 'dissent', 'searchVector']);

/**
 * What an audit row keeps: for a change, only the fields that changed (and the id); for a creation or a
 * deletion, the record. Never secrets, never residents' free text (the request itself holds that, under its
 * own access rules and retention).
 */
export function auditSnapshot(before: unknown, after: unknown): { before: unknown; after: unknown } {
  const cleanBefore = stripSecrets(before) ?? null;
  const cleanAfter = stripSecrets(after) ?? null;
  if (!isRecord(cleanBefore) || !isRecord(cleanAfter)) return { before: cleanBefore, after: cleanAfter };
  const changed = Object.keys({ ...cleanBefore, ...cleanAfter }).filter((key) => key === 'id' || JSON.stringify(cleanBefore[key]) !== JSON.stringify(cleanAfter[key]));
  const pick = (record: Record<string, unknown>) => Object.fromEntries(changed.filter((key) => key in record).map((key) => [key, record[key]]));
  return { before: pick(cleanBefore), after: pick(cleanAfter) };
}

const isRecord = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Password hashes and tokens never go into the audit trail; residents' free text only as its length. */
function stripSecrets(value: unknown): unknown {
  if (value === undefined || value === null || typeof value !== 'object') return value;
  if (Array.isArray(value)) return value.map(stripSecrets);
  if (value instanceof Date) return value.toISOString();
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !secretKeys.has(key))
      .map(([key, inner]) => [key, residentTextKeys.has(key) && typeof inner === 'string' ? `(${inner.length} characters, not kept here)` : stripSecrets(inner)]),
  );
}

export interface AuditQuery {
  entityType?: string;
  entityId?: string;
  actorUserId?: string;
  action?: string;
  from?: Date;
  to?: Date;
  /** Keyset cursor: the id of the last row already seen. */
  beforeId?: number;
  limit: number;
}

export async function listAuditEntries(db: Executor, municipalityId: string, query: AuditQuery) {
  const conditions: SQL[] = [eq(auditLog.municipalityId, municipalityId)];
  if (query.entityType) conditions.push(eq(auditLog.entityType, query.entityType));
  if (query.entityId) conditions.push(eq(auditLog.entityId, query.entityId));
  if (query.actorUserId) conditions.push(eq(auditLog.actorUserId, query.actorUserId));
  if (query.action) conditions.push(eq(auditLog.action, query.action));
  if (query.from) conditions.push(gte(auditLog.occurredAt, query.from));
  if (query.to) conditions.push(lte(auditLog.occurredAt, query.to));
  if (query.beforeId) conditions.push(lt(auditLog.id, query.beforeId));
  return db
    .select()
    .from(auditLog)
    .where(and(...conditions))
    .orderBy(desc(auditLog.id))
    .limit(query.limit + 1);
}
