import { and, asc, desc, eq, inArray, like, ne, or, sql } from 'drizzle-orm';
import type { AnyPgColumn } from 'drizzle-orm/pg-core';
import { type Executor, queryRows } from '../../db/client.ts';
import { auditLog } from '../../platform/audit-log.tables.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { request, requestAttachment, requestEvent, requestFollower } from '../requests/request.tables.ts';
import { authChallenge, secondFactor } from '../users/second-factor.tables.ts';
import { apiToken, loginFailure, passwordLink, roleAssignment, userAccount, userSession } from '../users/user.tables.ts';
import { calendarFeed } from '../meetings/calendar-feed.tables.ts';
import { erasureRequest } from './privacy.tables.ts';

/** The most rows one list of an export holds; `truncated` says when a list reached it. */
export const exportListLimit = 5000;

/**
 * One person's data: reading it all for an export, and erasing it. Every query names the municipality and
 * the person; nothing here selects a secret (hashes, tokens, TOTP secrets, passkey keys).
 */
export function createPersonalDataRepository(db: Executor) {
  const ofPerson = (table: { municipalityId: AnyPgColumn; userId: AnyPgColumn }, municipalityId: string, userId: string) => and(eq(table.municipalityId, municipalityId), eq(table.userId, userId));

  return {
    async account(municipalityId: string, userId: string) {
      const [row] = await db
        .select({
          id: userAccount.id,
          email: userAccount.email,
          displayName: userAccount.displayName,
          locale: userAccount.locale,
          isActive: userAccount.isActive,
          wantsEmailCopies: userAccount.wantsEmailCopies,
          wantsDailyDigest: userAccount.wantsDailyDigest,
          createdAt: userAccount.createdAt,
          erasedAt: userAccount.erasedAt,
        })
        .from(userAccount)
        .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
      return row;
    },

    roles: (municipalityId: string, userId: string) =>
      db
        .select({ role: roleAssignment.role, scopeType: roleAssignment.scopeType, scopeId: roleAssignment.scopeId, title: roleAssignment.title, createdAt: roleAssignment.createdAt })
        .from(roleAssignment)
        .where(ofPerson(roleAssignment, municipalityId, userId))
        .orderBy(asc(roleAssignment.createdAt))
        .limit(exportListLimit),

    sessions: (municipalityId: string, userId: string) =>
      db
        .select({ createdAt: userSession.createdAt, lastSeenAt: userSession.lastSeenAt, expiresAt: userSession.expiresAt, revokedAt: userSession.revokedAt, ipAddress: userSession.ipAddress, device: userSession.userAgent })
        .from(userSession)
        .where(ofPerson(userSession, municipalityId, userId))
        .orderBy(desc(userSession.createdAt))
        .limit(exportListLimit),

    apiTokens: (municipalityId: string, userId: string) =>
      db
        .select({ name: apiToken.name, createdAt: apiToken.createdAt, lastUsedAt: apiToken.lastUsedAt, expiresAt: apiToken.expiresAt, revokedAt: apiToken.revokedAt })
        .from(apiToken)
        .where(ofPerson(apiToken, municipalityId, userId))
        .orderBy(desc(apiToken.createdAt))
        .limit(exportListLimit),

    // When a personal calendar address was made and revoked; never its token (only a hash is stored anyway).
    calendarFeeds: (municipalityId: string, userId: string) =>
      db
        .select({ createdAt: calendarFeed.createdAt, revokedAt: calendarFeed.revokedAt })
        .from(calendarFeed)
        .where(ofPerson(calendarFeed, municipalityId, userId))
        .orderBy(desc(calendarFeed.createdAt))
        .limit(exportListLimit),

    secondFactors: (municipalityId: string, userId: string) =>
      db
        .select({ kind: secondFactor.kind, label: secondFactor.label, createdAt: secondFactor.createdAt, confirmedAt: secondFactor.confirmedAt, lastUsedAt: secondFactor.lastUsedAt })
        .from(secondFactor)
        .where(ofPerson(secondFactor, municipalityId, userId))
        .orderBy(asc(secondFactor.createdAt))
        .limit(exportListLimit),

    submittedRequests: (municipalityId: string, userId: string) =>
      db
        .select({
          id: request.id,
          kind: request.kind,
          title: request.title,
          body: request.body,
          state: request.state,
          isPublic: request.isPublic,
          latitude: request.latitude,
          longitude: request.longitude,
          verdict: request.verdict,
          answer: request.answer,
          supportStatement: request.supportStatement,
          createdAt: request.createdAt,
          closedAt: request.closedAt,
        })
        .from(request)
        .where(and(eq(request.municipalityId, municipalityId), eq(request.submitterUserId, userId)))
        .orderBy(desc(request.createdAt))
        .limit(exportListLimit),

    /** The timeline of these requests as the submitter's side sees it: no internal notes. */
    eventsOf: (municipalityId: string, requestIds: string[]) =>
      requestIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ requestId: requestEvent.requestId, kind: requestEvent.kind, actorUserId: requestEvent.actorUserId, actorSide: requestEvent.actorSide, text: requestEvent.text, occurredAt: requestEvent.occurredAt })
            .from(requestEvent)
            .where(and(eq(requestEvent.municipalityId, municipalityId), inArray(requestEvent.requestId, requestIds), eq(requestEvent.isInternal, false)))
            .orderBy(asc(requestEvent.occurredAt))
            .limit(exportListLimit),

    attachmentsOf: (municipalityId: string, requestIds: string[]) =>
      requestIds.length === 0
        ? Promise.resolve([])
        : db
            .select({ requestId: requestAttachment.requestId, fileName: requestAttachment.fileName, mediaType: requestAttachment.mediaType, sizeBytes: requestAttachment.sizeBytes, uploadedByUserId: requestAttachment.uploadedByUserId, createdAt: requestAttachment.createdAt })
            .from(requestAttachment)
            .where(and(eq(requestAttachment.municipalityId, municipalityId), inArray(requestAttachment.requestId, requestIds), eq(requestAttachment.isInternal, false)))
            .orderBy(asc(requestAttachment.createdAt))
            .limit(exportListLimit),

    /** What the person wrote on requests they did not submit (messages, notes, answers as staff). */
    eventsWrittenElsewhere: (municipalityId: string, userId: string, ownRequestIds: string[]) =>
      db
        .select({ requestId: requestEvent.requestId, kind: requestEvent.kind, text: requestEvent.text, occurredAt: requestEvent.occurredAt })
        .from(requestEvent)
        .where(
          and(
            eq(requestEvent.municipalityId, municipalityId),
            eq(requestEvent.actorUserId, userId),
            ownRequestIds.length > 0 ? sql`${requestEvent.requestId} not in (${sql.join(ownRequestIds.map((id) => sql`${id}::uuid`), sql`, `)})` : undefined,
          ),
        )
        .orderBy(desc(requestEvent.occurredAt))
        .limit(exportListLimit),

    messages: (municipalityId: string, userId: string) =>
      db
        .select({ channel: outboxMessage.channel, subject: outboxMessage.subject, body: outboxMessage.body, status: outboxMessage.status, createdAt: outboxMessage.createdAt, readAt: outboxMessage.readAt })
        .from(outboxMessage)
        .where(and(eq(outboxMessage.municipalityId, municipalityId), eq(outboxMessage.recipientUserId, userId)))
        .orderBy(desc(outboxMessage.createdAt))
        .limit(exportListLimit),

    erasureRequests: (municipalityId: string, userId: string) =>
      db
        .select({ id: erasureRequest.id, userId: erasureRequest.userId, status: erasureRequest.status, requestedAt: erasureRequest.requestedAt, carriedOutAt: erasureRequest.carriedOutAt })
        .from(erasureRequest)
        .where(ofPerson(erasureRequest, municipalityId, userId))
        .orderBy(desc(erasureRequest.requestedAt))
        .limit(100),

    auditTrail: (municipalityId: string, userId: string) =>
      db
        .select({ action: auditLog.action, entityType: auditLog.entityType, entityId: auditLog.entityId, occurredAt: auditLog.occurredAt })
        .from(auditLog)
        .where(and(eq(auditLog.municipalityId, municipalityId), eq(auditLog.actorUserId, userId)))
        .orderBy(desc(auditLog.id))
        .limit(exportListLimit),

    // Erasure

    async insertErasureRequest(values: typeof erasureRequest.$inferInsert) {
      const [row] = await db.insert(erasureRequest).values(values).onConflictDoNothing().returning();
      return row;
    },

    async pendingErasureRequest(municipalityId: string, userId: string) {
      const [row] = await db
        .select()
        .from(erasureRequest)
        .where(and(ofPerson(erasureRequest, municipalityId, userId), eq(erasureRequest.status, 'pending')));
      return row;
    },

    listPendingErasureRequests: (municipalityId: string) =>
      db
        .select({
          id: erasureRequest.id,
          userId: erasureRequest.userId,
          status: erasureRequest.status,
          requestedAt: erasureRequest.requestedAt,
          carriedOutAt: erasureRequest.carriedOutAt,
          displayName: userAccount.displayName,
          email: userAccount.email,
        })
        .from(erasureRequest)
        .innerJoin(userAccount, and(eq(userAccount.municipalityId, erasureRequest.municipalityId), eq(userAccount.id, erasureRequest.userId)))
        .where(and(eq(erasureRequest.municipalityId, municipalityId), eq(erasureRequest.status, 'pending')))
        .orderBy(asc(erasureRequest.requestedAt))
        .limit(200),

    async markErasureCarriedOut(municipalityId: string, erasureRequestId: string, values: { carriedOutAt: Date; carriedOutByUserId: string }) {
      await db
        .update(erasureRequest)
        .set({ status: 'carriedOut', ...values })
        .where(and(eq(erasureRequest.municipalityId, municipalityId), eq(erasureRequest.id, erasureRequestId)));
    },

    /** Through the SECURITY DEFINER function of 0008_privacy; needs the pending erasure request, and the account as it still is. */
    async clearAuditSnapshotsOf(municipalityId: string, userId: string): Promise<number> {
      const [row] = await queryRows<{ cleared: number }>(db, sql`select privacy_clear_audit_snapshots_of_user(${municipalityId}::uuid, ${userId}::uuid) as "cleared"`);
      return Number(row.cleared);
    },

    async countActiveAdminsOtherThan(municipalityId: string, userId: string): Promise<number> {
      const rows = await db
        .select({ id: userAccount.id })
        .from(roleAssignment)
        .innerJoin(userAccount, eq(userAccount.id, roleAssignment.userId))
        .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.role, 'admin'), eq(userAccount.isActive, true), ne(userAccount.id, userId)))
        .limit(1);
      return rows.length;
    },

    /** Everything that logs the person in or speaks for them: gone. Returns how many sessions ended. */
    async deleteCredentialsAndRoles(municipalityId: string, userId: string, email: string): Promise<number> {
      await db.delete(authChallenge).where(ofPerson(authChallenge, municipalityId, userId));
      const sessions = await db.delete(userSession).where(ofPerson(userSession, municipalityId, userId)).returning({ id: userSession.id });
      await db.delete(apiToken).where(ofPerson(apiToken, municipalityId, userId));
      await db.delete(secondFactor).where(ofPerson(secondFactor, municipalityId, userId));
      await db.delete(passwordLink).where(ofPerson(passwordLink, municipalityId, userId));
      await db.delete(roleAssignment).where(ofPerson(roleAssignment, municipalityId, userId));
      // What someone followed says something about them too.
      await db.delete(requestFollower).where(ofPerson(requestFollower, municipalityId, userId));
      // Failed logins are keyed by municipality, address and e-mail (session.service.ts).
      await db.delete(loginFailure).where(like(loginFailure.throttleKey, `account-ip:${municipalityId}:${email.replace(/[\\%_]/g, (character) => `\\${character}`)}:%`));
      return sessions.length;
    },

    async deleteMessagesTo(municipalityId: string, userId: string, email: string): Promise<number> {
      const rows = await db
        .delete(outboxMessage)
        .where(and(eq(outboxMessage.municipalityId, municipalityId), or(eq(outboxMessage.recipientUserId, userId), eq(outboxMessage.recipientEmail, email))))
        .returning({ id: outboxMessage.id });
      return rows.length;
    },

    /** The timeline keeps what happened; the name of who did it becomes the erased person's. */
    async renameInTimelines(municipalityId: string, userId: string, label: string): Promise<void> {
      await db
        .update(requestEvent)
        .set({ actorLabel: label })
        .where(and(eq(requestEvent.municipalityId, municipalityId), eq(requestEvent.actorUserId, userId)));
    },

    /**
     * Where the person signed with their name or gave their address in their own words (a request, a message, a
     * file name, a notice to someone else quoting them), or staff addressed them by name on their request, those
     * words become "[verwijderd]". The texts themselves stay: they are the request.
     */
    async scrubNameFromTexts(municipalityId: string, userId: string, needles: string[]): Promise<void> {
      const words = needles.filter((needle) => needle.trim().length >= 4);
      if (words.length === 0) return;
      const pattern = words.map((word) => word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')).join('|');
      const scrub = (column: AnyPgColumn) => sql`regexp_replace(${column}, ${pattern}, '[verwijderd]', 'gi')`;
      const mentions = (column: AnyPgColumn) => sql`${column} ~* ${pattern}`;
      const own = sql`select ${request.id} from ${request} where ${request.municipalityId} = ${municipalityId} and ${request.submitterUserId} = ${userId}`;
      await db
        .update(request)
        .set({ title: scrub(request.title), body: scrub(request.body) })
        .where(and(eq(request.municipalityId, municipalityId), eq(request.submitterUserId, userId), or(mentions(request.title), mentions(request.body))));
      await db
        .update(requestEvent)
        .set({ text: scrub(requestEvent.text) })
        .where(and(eq(requestEvent.municipalityId, municipalityId), or(eq(requestEvent.actorUserId, userId), sql`${requestEvent.requestId} in (${own})`), mentions(requestEvent.text)));
      await db
        .update(requestAttachment)
        .set({ fileName: scrub(requestAttachment.fileName) })
        .where(and(eq(requestAttachment.municipalityId, municipalityId), sql`${requestAttachment.requestId} in (${own})`, mentions(requestAttachment.fileName)));
      // Notices to other people that quoted the person (a message on their request, forwarded to staff).
      await db
        .update(outboxMessage)
        .set({ subject: scrub(outboxMessage.subject), body: scrub(outboxMessage.body) })
        .where(and(eq(outboxMessage.municipalityId, municipalityId), or(mentions(outboxMessage.subject), mentions(outboxMessage.body))));
    },

    async anonymiseAccount(municipalityId: string, userId: string, values: { email: string; displayName: string; erasedAt: Date }): Promise<void> {
      await db
        .update(userAccount)
        .set({ ...values, passwordHash: null, isActive: false, wantsEmailCopies: false, wantsDailyDigest: false, homeNeighbourhoodId: null, version: sql`${userAccount.version} + 1` })
        .where(and(eq(userAccount.municipalityId, municipalityId), eq(userAccount.id, userId)));
    },
  };
}

/** The municipality's active administrators: they hear of an erasure request. */
export async function findActiveAdminIds(db: Executor, municipalityId: string): Promise<string[]> {
  const rows = await db
    .select({ id: userAccount.id })
    .from(roleAssignment)
    .innerJoin(userAccount, eq(userAccount.id, roleAssignment.userId))
    .where(and(eq(roleAssignment.municipalityId, municipalityId), eq(roleAssignment.role, 'admin'), eq(userAccount.isActive, true)))
    .limit(100);
  return rows.map((row) => row.id);
}
