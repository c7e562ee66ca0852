import { z } from 'zod';
import { isoDateTime } from '../../platform/input-bounds.ts';
import { timeIdCursorSchema } from '../../platform/pagination.ts';
import { outboxChannels, outboxStatuses } from '../../platform/outbox.tables.ts';
import { securityEventKinds } from '../../platform/security-event-kinds.ts';

export const auditEntrySchema = z
  .object({
    id: z.number().int(),
    occurredAt: z.iso.datetime({ offset: true }),
    actorUserId: z.uuid().nullable(),
    actorLabel: z.string(),
    action: z.string(),
    entityType: z.string(),
    entityId: z.string(),
    before: z.unknown(),
    after: z.unknown(),
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
