import { z } from 'zod';
import { timeIdCursorSchema } from '../../platform/pagination.ts';

export const notificationSchema = z
  .object({
    id: z.uuid(),
    topic: z.string().describe('What it is about, e.g. request.answered'),
    subject: z.string(),
    body: z.string(),
    payload: z.record(z.string(), z.unknown()).nullable().describe('Ids of what the notification points at'),
    createdAt: z.iso.datetime({ offset: true }),
    isRead: z.boolean(),
  })
  .meta({ id: 'Notification' });

export const notificationListSchema = z
  .object({
    items: z.array(notificationSchema),
    unread: z.number().int(),
    nextCursor: z.string().nullable().describe('Pass as cursor for older notifications; null when there are none'),
  })
  .meta({ id: 'NotificationList' });

export const notificationListQuery = z.object({
  cursor: timeIdCursorSchema.optional(),
  pageSize: z.coerce.number().int().min(1).max(100).default(20),
});

export const notificationParams = z.object({ municipality: z.string(), notificationId: z.uuid() });
export const updateNotificationBody = z.object({ isRead: z.literal(true).describe('Only marking as read is possible') }).meta({ id: 'UpdateNotification' });

export const notificationPreferencesSchema = z
  .object({
    wantsEmailCopies: z.boolean().describe('An e-mail copy of every notification'),
    wantsDailyDigest: z.boolean().describe('Instead: one e-mail a day (from 07:00) listing what came in'),
    locale: z.enum(['nl', 'en']).describe('The language notifications and e-mail are written in'),
  })
  .meta({ id: 'NotificationPreferences' });

export const updateNotificationPreferencesBody = notificationPreferencesSchema.partial({ locale: true }).meta({ id: 'UpdateNotificationPreferences' });
