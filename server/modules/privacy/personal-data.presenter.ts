import type { PersonalDataExport } from './privacy.contract.ts';
import { exportListLimit } from './personal-data.repository.ts';

const iso = (moment: Date) => moment.toISOString();
const isoOrNull = (moment: Date | null) => moment?.toISOString() ?? null;

/** A link that sets a password carries its secret after "#": the export says it was sent, not the link. */
const withoutLinkSecrets = (body: string) => body.replace(/#[A-Za-z0-9_-]{32,}/g, '#…');

export interface PersonalDataRows {
  exportedAt: Date;
  municipality: { slug: string; name: string };
  userId: string;
  account: { id: string; email: string; displayName: string; locale: string; isActive: boolean; wantsEmailCopies: boolean; wantsDailyDigest: boolean; createdAt: Date };
  roles: { role: string; scopeType: string; scopeId: string | null; title: string | null; createdAt: Date }[];
  sessions: { createdAt: Date; lastSeenAt: Date; expiresAt: Date; revokedAt: Date | null; ipAddress: string | null; device: string | null }[];
  apiTokens: { name: string; createdAt: Date; lastUsedAt: Date | null; expiresAt: Date; revokedAt: Date | null }[];
  calendarFeeds: { createdAt: Date; revokedAt: Date | null }[];
  secondFactors: { kind: string; label: string; createdAt: Date; confirmedAt: Date | null; lastUsedAt: Date | null }[];
  requests: {
    id: string;
    kind: string;
    title: string;
    body: string;
    state: string;
    isPublic: boolean;
    latitude: number | null;
    longitude: number | null;
    verdict: string | null;
    answer: unknown;
    supportStatement: unknown;
    createdAt: Date;
    closedAt: Date | null;
  }[];
  events: { requestId: string; kind: string; actorUserId: string | null; actorSide: string; text: string | null; occurredAt: Date }[];
  attachments: { requestId: string; fileName: string; mediaType: string; sizeBytes: number; uploadedByUserId: string; createdAt: Date }[];
  eventsElsewhere: { requestId: string; kind: string; text: string | null; occurredAt: Date }[];
  messages: { channel: string; subject: string; body: string; status: string; createdAt: Date; readAt: Date | null }[];
  erasureRequests: { status: string; requestedAt: Date; carriedOutAt: Date | null }[];
  auditTrail: { action: string; entityType: string; entityId: string; occurredAt: Date }[];
}

/**
 * The export: the person's own data, field by field. Other people appear only as "the municipality" or
 * "someone else", never by name; no hash, token or secret is among the rows read.
 */
export function presentPersonalData(rows: PersonalDataRows): PersonalDataExport {
  const by = (event: PersonalDataRows['events'][number]) => (event.actorUserId === rows.userId ? 'you' : event.actorSide === 'staff' ? 'municipality' : event.actorSide === 'system' ? 'system' : 'someoneElse');
  const lists = [rows.roles, rows.sessions, rows.apiTokens, rows.calendarFeeds, rows.secondFactors, rows.requests, rows.events, rows.attachments, rows.eventsElsewhere, rows.messages, rows.auditTrail];
  return {
    exportedAt: iso(rows.exportedAt),
    municipality: rows.municipality,
    account: { id: rows.account.id, email: rows.account.email, displayName: rows.account.displayName, locale: rows.account.locale, isActive: rows.account.isActive, createdAt: iso(rows.account.createdAt) },
    notificationPreferences: { wantsEmailCopies: rows.account.wantsEmailCopies, wantsDailyDigest: rows.account.wantsDailyDigest },
    roles: rows.roles.map((role) => ({ ...role, createdAt: iso(role.createdAt) })),
    sessions: rows.sessions.map((session) => ({ ...session, createdAt: iso(session.createdAt), lastSeenAt: iso(session.lastSeenAt), expiresAt: iso(session.expiresAt), revokedAt: isoOrNull(session.revokedAt) })),
    calendarFeeds: rows.calendarFeeds.map((feed) => ({ createdAt: iso(feed.createdAt), revokedAt: isoOrNull(feed.revokedAt) })),
    apiTokens: rows.apiTokens.map((token) => ({ ...token, createdAt: iso(token.createdAt), lastUsedAt: isoOrNull(token.lastUsedAt), expiresAt: iso(token.expiresAt), revokedAt: isoOrNull(token.revokedAt) })),
    secondFactors: rows.secondFactors.map((factor) => ({ ...factor, createdAt: iso(factor.createdAt), confirmedAt: isoOrNull(factor.confirmedAt), lastUsedAt: isoOrNull(factor.lastUsedAt) })),
    requests: rows.requests.map((item) => ({
      ...item,
      createdAt: iso(item.createdAt),
      closedAt: isoOrNull(item.closedAt),
      events: rows.events.filter((event) => event.requestId === item.id).map((event) => ({ kind: event.kind, by: by(event), text: event.text, occurredAt: iso(event.occurredAt) })),
      attachments: rows.attachments
        .filter((attachment) => attachment.requestId === item.id)
        .map((attachment) => ({ fileName: attachment.fileName, mediaType: attachment.mediaType, sizeBytes: attachment.sizeBytes, uploadedByYou: attachment.uploadedByUserId === rows.userId, createdAt: iso(attachment.createdAt) })),
    })),
    contributionsElsewhere: rows.eventsElsewhere.map((event) => ({ ...event, occurredAt: iso(event.occurredAt) })),
    messages: rows.messages.map((message) => ({ ...message, body: withoutLinkSecrets(message.body), createdAt: iso(message.createdAt), readAt: isoOrNull(message.readAt) })),
    erasureRequests: rows.erasureRequests.map((item) => ({ status: item.status, requestedAt: iso(item.requestedAt), carriedOutAt: isoOrNull(item.carriedOutAt) })),
    auditTrail: rows.auditTrail.map((entry) => ({ ...entry, occurredAt: iso(entry.occurredAt) })),
    truncated: lists.some((list) => list.length >= exportListLimit),
  };
}
