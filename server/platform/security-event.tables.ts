import { bigserial, index, pgTable, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import { municipality } from '../modules/municipalities/municipality.tables.ts';
import type { SecurityEventKind } from './security-event-kinds.ts';


/**
 * Refused and suspicious requests (ASVS V7): who (if known), from where, on which route, why. Never a
 * password, token, cookie, body or query string. Outside a municipality (an unknown path) the municipality is empty.
 */
export const securityEvent = pgTable(
  'security_event',
  {
    id: bigserial('id', { mode: 'number' }).primaryKey(),
    municipalityId: uuid('municipality_id').references(() => municipality.id),
    occurredAt: timestamp('occurred_at', { withTimezone: true }).notNull(),
    kind: text('kind').$type<SecurityEventKind>().notNull(),
    actorUserId: uuid('actor_user_id'),
    clientAddress: text('client_address').notNull(),
    method: text('method').notNull(),
    /** The route's pattern (/api/v1/municipalities/:municipality/sessions), never the URL as sent. */
    route: text('route'),
    /** The problem's code (INVALID_CREDENTIALS, FORBIDDEN…). */
    code: text('code').notNull(),
    /** For input problems: the names of the fields, never their values. */
    reason: text('reason'),
    requestId: text('request_id'),
  },
  (table) => [
    index('security_event_time_idx').on(table.municipalityId, table.occurredAt),
    index('security_event_kind_idx').on(table.municipalityId, table.kind, table.occurredAt),
    index('security_event_retention_idx').on(table.occurredAt),
  ],
);
