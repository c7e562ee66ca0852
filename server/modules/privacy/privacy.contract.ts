import { z } from 'zod';
import { erasureRequestStatuses } from './privacy.tables.ts';

const days = (minimum: number, maximum: number, meaning: string) => z.int().min(minimum).max(maximum).describe(meaning);

/**
 * How long each kind of personal data is kept, per municipality (docs/operations.md, "Retention"). The
 * defaults in `defaultPrivacySettings` apply until an administrator changes them.
 */
export const privacySettingsSchema = z
  .object({
    sessionDays: days(1, 3650, 'Days an ended or expired session (device, address) is kept after it ended'),
    passwordLinkDays: days(1, 365, 'Days a used or expired set-password link is kept'),
    outboxDays: days(7, 3650, 'Days a sent or stored message (e-mail and in-app notice) is kept'),
    auditSnapshotDays: days(90, 3650, 'Days the audit log keeps the before and after of a change; who did what and when stays'),
    closedRequestAttachmentDays: days(30, 3650, 'Days after a request was closed that its attachments are deleted'),
  })
  .meta({ id: 'PrivacySettings' });
export type PrivacySettings = z.infer<typeof privacySettingsSchema>;

export const privacyStatementSchema = z
  .object({
    text: z.string().describe('Plain text; a blank line separates paragraphs, a line starting with "# " is a heading'),
    isDefault: z.boolean().describe('True while the municipality uses Wijkwerk’s standard text'),
  })
  .meta({ id: 'PrivacyStatement' });

export const updatePrivacyStatementBody = z
  .object({ text: z.string().trim().min(1).max(20_000).nullable().describe('The statement; null goes back to the standard text') })
  .meta({ id: 'UpdatePrivacyStatement' });

export const erasureRequestSchema = z
  .object({
    id: z.uuid(),
    userId: z.uuid(),
    status: z.enum(erasureRequestStatuses),
    requestedAt: z.iso.datetime({ offset: true }),
    carriedOutAt: z.iso.datetime({ offset: true }).nullable(),
  })
  .meta({ id: 'ErasureRequest' });

export const pendingErasureRequestSchema = erasureRequestSchema
  .extend({ displayName: z.string(), email: z.string() })
  .meta({ id: 'PendingErasureRequest' });
export const erasureRequestListSchema = z.object({ items: z.array(pendingErasureRequestSchema).max(200) }).meta({ id: 'ErasureRequestList' });

export const myErasureRequestSchema = z.object({ erasureRequest: erasureRequestSchema.nullable() }).meta({ id: 'MyErasureRequest' });

export const erasureResultSchema = z
  .object({
    userId: z.uuid(),
    erasedAt: z.iso.datetime({ offset: true }),
    sessionsEnded: z.int(),
    messagesDeleted: z.int(),
    auditSnapshotsCleared: z.int(),
  })
  .meta({ id: 'ErasureResult' });

export const erasureParams = z.object({ municipality: z.string(), userId: z.uuid() });

const moment = z.iso.datetime({ offset: true });
const nullableMoment = moment.nullable();

/** Everything Wijkwerk holds about the person asking, and nothing about anyone else (AVG art. 15 and 20). */
export const personalDataExportSchema = z
  .object({
    exportedAt: moment,
    municipality: z.object({ slug: z.string(), name: z.string() }),
    account: z.object({
      id: z.uuid(),
      email: z.string(),
      displayName: z.string(),
      locale: z.string(),
      isActive: z.boolean(),
      createdAt: moment,
    }),
    notificationPreferences: z.object({ wantsEmailCopies: z.boolean(), wantsDailyDigest: z.boolean() }),
    roles: z.array(z.object({ role: z.string(), scopeType: z.string(), scopeId: z.uuid().nullable(), title: z.string().nullable(), createdAt: moment })),
    sessions: z.array(z.object({ createdAt: moment, lastSeenAt: moment, expiresAt: moment, revokedAt: nullableMoment, ipAddress: z.string().nullable(), device: z.string().nullable() })),
    apiTokens: z.array(z.object({ name: z.string(), createdAt: moment, lastUsedAt: nullableMoment, expiresAt: moment, revokedAt: nullableMoment })),
    calendarFeeds: z.array(z.object({ createdAt: moment, revokedAt: nullableMoment })).describe('Personal calendar feed addresses: when made and revoked'),
    secondFactors: z.array(z.object({ kind: z.string(), label: z.string(), createdAt: moment, confirmedAt: nullableMoment, lastUsedAt: nullableMoment })),
    requests: z.array(
      z.object({
        id: z.uuid(),
        kind: z.string(),
        title: z.string(),
        body: z.string(),
        state: z.string(),
        isPublic: z.boolean(),
        latitude: z.number().nullable(),
        longitude: z.number().nullable(),
        verdict: z.string().nullable(),
        answer: z.unknown(),
        supportStatement: z.unknown(),
        createdAt: moment,
        closedAt: nullableMoment,
        events: z.array(
          z.object({
            kind: z.string(),
            by: z.enum(['you', 'municipality', 'system', 'someoneElse']).describe('Who acted; other people are not named'),
            text: z.string().nullable(),
            occurredAt: moment,
          }),
        ),
        attachments: z.array(z.object({ fileName: z.string(), mediaType: z.string(), sizeBytes: z.int(), uploadedByYou: z.boolean(), createdAt: moment })),
      }),
    ),
    contributionsElsewhere: z
      .array(z.object({ requestId: z.uuid(), kind: z.string(), text: z.string().nullable(), occurredAt: moment }))
      .describe('What you wrote on requests you did not submit'),
    messages: z.array(z.object({ channel: z.string(), subject: z.string(), body: z.string(), status: z.string(), createdAt: moment, readAt: nullableMoment })),
    erasureRequests: z.array(z.object({ status: z.string(), requestedAt: moment, carriedOutAt: nullableMoment })),
    auditTrail: z
      .array(z.object({ action: z.string(), entityType: z.string(), entityId: z.string(), occurredAt: moment }))
      .describe('Changes you made, newest first; what changed is left out, as it can be about other people'),
    truncated: z.boolean().describe('True when a list reached its maximum (5000 entries) and older entries were left out'),
  })
  .meta({ id: 'PersonalDataExport' });
export type PersonalDataExport = z.infer<typeof personalDataExportSchema>;
