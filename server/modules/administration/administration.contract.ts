import { z } from 'zod';
import { isoDateTime } from '../../platform/input-bounds.ts';
import { timeIdCursorSchema } from '../../platform/pagination.ts';
import { outboxChannels, outboxStatuses } from '../../platform/outbox.tables.ts';
import { securityEventKinds } from '../../platform/security-event-kinds.ts';

/** One value of a change as a person reads it; the client puts it into words in the reader's language. */
export const readableValueSchema = z
  .discriminatedUnion('kind', [
    z.object({ kind: z.literal('text'), text: z.string() }),
    z.object({ kind: z.literal('number'), value: z.number() }),
    z.object({ kind: z.literal('yesNo'), value: z.boolean() }),
    z.object({ kind: z.literal('moment'), value: z.string().describe('ISO 8601 moment') }),
    z.object({ kind: z.literal('day'), value: z.string().describe('Calendar day, YYYY-MM-DD') }),
    z.object({ kind: z.literal('reference'), name: z.string().nullable().describe('The current name of the record referred to; null when it has none here (deleted, or not a named record)') }),
    z.object({ kind: z.literal('list'), items: z.array(z.string()) }),
    z.object({ kind: z.literal('shape').describe('A boundary or other geometry') }),
    z.object({ kind: z.literal('details').describe('A structured value: see before and after') }),
  ])
  .meta({ id: 'AuditReadableValue' });

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime({ offset: true }),
    actorUserId: z.uuid().nullable(),
    actorLabel: z.string().describe('The name the actor had at the time, or "system"'),
    actorName: z.string().nullable().describe("The actor's current name; null for the system"),
    action: z.string().describe('Stable code, e.g. request.route'),
    entityType: z.string(),
    entityId: z.string(),
    entityName: z.string().nullable().describe('The record as people know it: a request’s title, a user’s or department’s name; from the entry itself when the record is gone'),
    isUpdate: z.boolean().describe('True when changes are old → new; false when they list what was created or removed'),
    changes: z.array(z.object({ field: z.string(), before: readableValueSchema.nullable(), after: readableValueSchema.nullable() })).describe('What changed, with ids replaced by names; empty values are null'),
    before: z.unknown().describe('The raw snapshot, for auditors'),
    after: z.unknown().describe('The raw snapshot, for auditors'),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'AuditEntry' });

export const auditListSchema = z
  .object({ items: z.array(auditEntrySchema), nextCursor: z.number().int().nullable().describe('Pass as beforeId for the next page') })
  .meta({ id: 'AuditList' });

export const auditListQuery = z.object({
  entityType: z.string().max(60).optional(),
  entityId: z.string().max(100).optional(),
  actorUserId: z.uuid().optional(),
  action: z.string().max(100).optional(),
  from: isoDateTime().optional().describe('Only entries at or after this moment'),
  to: isoDateTime().optional().describe('Only entries at or before this moment'),
  beforeId: z.coerce.number().int().min(1).optional().describe('Cursor from the previous page'),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const outboxMessageSchema = z
  .object({
    id: z.uuid(),
    channel: z.enum(outboxChannels),
    recipientUserId: z.uuid().nullable(),
    recipientName: z.string().nullable().describe("The recipient's current name, when the message went to an account"),
    recipientEmail: z.string().nullable(),
    topic: z.string(),
    subject: z.string(),
    body: z.string(),
    status: z.enum(outboxStatuses),
    attempts: z.number().int(),
    lastError: z.string().nullable(),
    createdAt: z.iso.datetime({ offset: true }),
    deliveredAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'OutboxMessage' });

export const outboxListSchema = z
  .object({ items: z.array(outboxMessageSchema), nextCursor: z.string().nullable().describe('Pass as cursor for the next page') })
  .meta({ id: 'OutboxList' });

export const outboxListQuery = z.object({
  status: z.enum(outboxStatuses).optional(),
  channel: z.enum(outboxChannels).optional(),
  cursor: timeIdCursorSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});

export const securityEventSchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime({ offset: true }),
    kind: z.enum(securityEventKinds),
    actorUserId: z.uuid().nullable().describe('The logged-in user, when known'),
    actorName: z.string().nullable().describe("That user's current name"),
    clientAddress: z.string().describe('The client address as resolved with TRUST_PROXY'),
    method: z.string(),
    route: z.string().nullable().describe('The route pattern, e.g. /api/v1/municipalities/:municipality/sessions; never the query string'),
    code: z.string().describe('The problem code the request was answered with'),
    reason: z.string().nullable().describe('For input problems, the names of the fields (never their values)'),
    requestId: z.string().nullable(),
  })
  .meta({ id: 'SecurityEvent' });

export const securityEventListSchema = z
  .object({ items: z.array(securityEventSchema), nextCursor: z.number().int().nullable().describe('Pass as beforeId for the next page') })
  .meta({ id: 'SecurityEventList' });

export const securityEventListQuery = z.object({
  kind: z.enum(securityEventKinds).optional(),
  from: isoDateTime().optional().describe('Only events at or after this moment'),
  to: isoDateTime().optional().describe('Only events at or before this moment'),
  address: z.string().max(64).optional().describe('Only events from this client address'),
  actorUserId: z.uuid().optional().describe('Only events of this user'),
  beforeId: z.coerce.number().int().min(1).optional().describe('Cursor from the previous page'),
  pageSize: z.coerce.number().int().min(1).max(100).default(50),
});
