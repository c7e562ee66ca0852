import type { z } from 'zod';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { browseOutboxMessages, countUnread, markMessageRead } from '../../platform/outbox.ts';
import { findNotificationPreferences, updateNotificationPreferences } from '../users/index.ts';
import type { notificationListQuery } from './notification.contract.ts';

type MessageRow = Awaited<ReturnType<typeof browseOutboxMessages>>['rows'][number];

function presentNotification(row: MessageRow) {
  return {
    id: row.id,
    topic: row.topic,
    subject: row.subject,
    body: row.body,
    payload: (row.payload as Record<string, unknown> | null) ?? null,
    createdAt: row.createdAt.toISOString(),
    isRead: row.readAt !== null,
  };
}

/** The in-app side of the outbox: every user reads only their own messages. */
export function createNotificationService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;
  return {
    async listMyNotifications(context: UseCaseContext, query: z.infer<typeof notificationListQuery>) {
      if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
      // Paged by (time, id): messages queued in one transaction share their time, and a time-only cursor would skip some.
      const [{ rows, nextCursor }, unread] = await Promise.all([
        browseOutboxMessages(db, context.municipalityId, { channel: 'in_app', recipientUserId: context.actor.userId, cursor: query.cursor, limit: query.pageSize }),
        countUnread(db, context.municipalityId, context.actor.userId),
      ]);
      return { items: rows.map(presentNotification), unread, nextCursor };
    },

    async getMyPreferences(context: UseCaseContext) {
      if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
      const preferences = await findNotificationPreferences(db, context.municipalityId, context.actor.userId);
      if (!preferences) throw new DomainError('NOT_FOUND');
      return preferences;
    },

    async updateMyPreferences(context: UseCaseContext, input: { wantsEmailCopies: boolean; wantsDailyDigest: boolean; locale?: 'nl' | 'en' }) {
      if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
      const actor = context.actor;
      return inTransaction(db, async (tx) => {
        const before = await findNotificationPreferences(tx, context.municipalityId, actor.userId);
        const after = await updateNotificationPreferences(tx, context.municipalityId, actor.userId, input);
        if (!after) throw new DomainError('NOT_FOUND');
        await recordAudit(tx, clock, context, { action: 'notification.preferences', entityType: 'user', entityId: actor.userId, before, after });
        return after;
      });
    },

    async markNotificationRead(context: UseCaseContext, notificationId: string) {
      if (!context.actor) throw new DomainError('NOT_AUTHENTICATED');
      const actor = context.actor;
      return inTransaction(db, async (tx) => {
        const row = await markMessageRead(tx, context.municipalityId, actor.userId, notificationId, clock.now());
        if (!row) throw new DomainError('NOT_FOUND');
        await recordAudit(tx, clock, context, { action: 'notification.read', entityType: 'notification', entityId: notificationId });
        return presentNotification(row);
      });
    },
  };
}

export type NotificationService = ReturnType<typeof createNotificationService>;
