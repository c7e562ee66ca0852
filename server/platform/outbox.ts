import { and, desc, eq, gt, sql, type SQL } from 'drizzle-orm';
import { type Executor, queryRows } from '../db/client.ts';
import type { Clock } from './clock.ts';
import type { Mailer, OutgoingMail } from './mail.ts';
import { type OutboxChannel, type OutboxStatus, outboxMessage } from './outbox.tables.ts';

export interface OutgoingMessage {
  municipalityId: string;
  channel: OutboxChannel;
  recipientUserId?: string;
  recipientEmail?: string;
  topic: string;
  subject: string;
  body: string;
  payload?: Record<string, unknown>;
}

/**
 * Queues a message in the caller's transaction: if the change rolls back, nobody hears of it.
 * In-app messages are delivered by being written; e-mail waits for the delivery sweep.
 */
export async function enqueueMessage(tx: Executor, clock: Clock, message: OutgoingMessage): Promise<void> {
  await tx.insert(outboxMessage).values(outboxRow(clock, message));
}

/** The row `enqueueMessage` writes, for a caller that writes it in one statement with its change (`insertTogether`). */
export function outboxRow(clock: Clock, message: OutgoingMessage): typeof outboxMessage.$inferInsert {
  const now = clock.now();
  return {
    municipalityId: message.municipalityId,
    channel: message.channel,
    recipientUserId: message.recipientUserId ?? null,
    recipientEmail: message.recipientEmail ?? null,
    topic: message.topic,
    subject: message.subject,
    body: message.body,
    payload: message.payload ?? null,
    status: message.channel === 'in_app' ? 'sent' : 'pending',
    deliveredAt: message.channel === 'in_app' ? now : null,
    createdAt: now,
  };
}

const maxAttempts = 5;

/**
 * Sends pending e-mail. With SMTP configured the mailer sends it; without, it is kept as "stored"
 * for the admin outbox page. Rows are claimed with SKIP LOCKED inside one transaction (a savepoint when
 * the caller already has one), so the claim holds until the status is written and two deliveries never
 * send one message twice — also when called outside the scheduler's sweep.
 */
export async function deliverPendingMail(db: Executor, clock: Clock, mailer: Mailer, batchSize = 50): Promise<{ delivered: number; failed: number }> {
  return db.transaction(async (tx) => {
    const claimed = await queryRows<{ id: string; recipientEmail: string | null; subject: string; body: string; attempts: number; payload: { icalEvent?: OutgoingMail['icalEvent'] } | null }>(tx, sql`
      select id, recipient_email as "recipientEmail", subject, body, attempts, payload
      from outbox_message
      where status = 'pending' and channel = 'email'
      order by created_at
      limit ${batchSize}
      for update skip locked`);
    let delivered = 0;
    let failed = 0;
    for (const row of claimed) {
      try {
        const outcome = row.recipientEmail ? await mailer.send({ to: row.recipientEmail, subject: row.subject, text: row.body, icalEvent: row.payload?.icalEvent }) : 'stored';
        await tx.update(outboxMessage).set({ status: outcome, deliveredAt: clock.now(), attempts: row.attempts + 1, lastError: null }).where(eq(outboxMessage.id, row.id));
        delivered++;
      } catch (error) {
        const attempts = row.attempts + 1;
        await tx
          .update(outboxMessage)
          .set({ status: attempts >= maxAttempts ? 'failed' : 'pending', attempts, lastError: String((error as Error).message ?? error).slice(0, 500) })
          .where(eq(outboxMessage.id, row.id));
        failed++;
      }
    }
    return { delivered, failed };
  });
}

export interface OutboxQuery {
  status?: OutboxStatus;
  channel?: OutboxChannel;
  recipientUserId?: string;
  limit: number;
}

function conditionsOf(municipalityId: string, query: Omit<OutboxQuery, 'limit'>): SQL[] {
  const conditions: SQL[] = [eq(outboxMessage.municipalityId, municipalityId)];
  if (query.status) conditions.push(eq(outboxMessage.status, query.status));
  if (query.channel) conditions.push(eq(outboxMessage.channel, query.channel));
  if (query.recipientUserId) conditions.push(eq(outboxMessage.recipientUserId, query.recipientUserId));
  return conditions;
}

/**
 * The admin's outbox, newest first, paged by (time, id): messages written in one transaction share their
 * time, and a cursor of the time alone would skip the rest of them at a page boundary.
 */
export async function browseOutboxMessages(db: Executor, municipalityId: string, query: OutboxQuery & { cursor?: string }) {
  const conditions = conditionsOf(municipalityId, query);
  const after = query.cursor ? parseOutboxCursor(query.cursor) : undefined;
  if (after) conditions.push(sql`(${outboxMessage.createdAt}, ${outboxMessage.id}) < (${after.createdAt.toISOString()}::timestamptz, ${after.id}::uuid)`);
  const rows = await db
    .select()
    .from(outboxMessage)
    .where(and(...conditions))
    .orderBy(desc(outboxMessage.createdAt), desc(outboxMessage.id))
    .limit(query.limit + 1);
  const page = rows.slice(0, query.limit);
  const last = page.at(-1);
  return { rows: page, nextCursor: rows.length > query.limit && last ? `${last.createdAt.toISOString()}_${last.id}` : null };
}

/** A cursor is the time and id of the last message shown: "2026-06-15T10:00:00.000Z_<uuid>". */
function parseOutboxCursor(cursor: string): { createdAt: Date; id: string } | undefined {
  const match = /^(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}\.\d{3}Z)_([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})$/.exec(cursor);
  return match ? { createdAt: new Date(match[1]), id: match[2] } : undefined;
}

/** Marks one of the recipient's own in-app messages read; someone else's message is not found. */
export async function markMessageRead(db: Executor, municipalityId: string, recipientUserId: string, messageId: string, at: Date) {
  const [row] = await db
    .update(outboxMessage)
    .set({ readAt: at })
    .where(and(eq(outboxMessage.municipalityId, municipalityId), eq(outboxMessage.recipientUserId, recipientUserId), eq(outboxMessage.id, messageId), eq(outboxMessage.channel, 'in_app')))
    .returning();
  return row;
}

export async function countUnread(db: Executor, municipalityId: string, recipientUserId: string): Promise<number> {
  const [row] = await queryRows<{ unread: number }>(
    db,
    sql`select count(*)::int as unread from outbox_message
        where municipality_id = ${municipalityId} and recipient_user_id = ${recipientUserId} and channel = 'in_app' and read_at is null`,
  );
  return Number(row.unread);
}

/** A user's in-app messages since a moment, oldest first (the daily digest); bounded. */
export async function listInAppMessagesSince(db: Executor, municipalityId: string, recipientUserId: string, since: Date, limit = 200) {
  return db
    .select({ subject: outboxMessage.subject, body: outboxMessage.body, createdAt: outboxMessage.createdAt })
    .from(outboxMessage)
    .where(and(eq(outboxMessage.municipalityId, municipalityId), eq(outboxMessage.recipientUserId, recipientUserId), eq(outboxMessage.channel, 'in_app'), sql`${outboxMessage.createdAt} > ${since.toISOString()}::timestamptz`))
    .orderBy(outboxMessage.createdAt)
    .limit(limit);
}

/** When the user's last message of a topic was queued (e.g. the last daily digest), or undefined. */
export async function lastMessageAt(db: Executor, municipalityId: string, recipientUserId: string, topic: string): Promise<Date | undefined> {
  const [row] = await db
    .select({ createdAt: outboxMessage.createdAt })
    .from(outboxMessage)
    .where(and(eq(outboxMessage.municipalityId, municipalityId), eq(outboxMessage.recipientUserId, recipientUserId), eq(outboxMessage.topic, topic)))
    .orderBy(desc(outboxMessage.createdAt))
    .limit(1);
  return row?.createdAt;
}

/** Whether anything on this topic went to anyone in the municipality after `since` (e.g. an alert already sent this window). */
export async function hasMessageOnTopicSince(db: Executor, municipalityId: string, topic: string, since: Date): Promise<boolean> {
  const rows = await db
    .select({ id: outboxMessage.id })
    .from(outboxMessage)
    .where(and(eq(outboxMessage.municipalityId, municipalityId), eq(outboxMessage.topic, topic), gt(outboxMessage.createdAt, since)))
    .limit(1);
  return rows.length > 0;
}
