import { and, eq, inArray, isNotNull, lt, or, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { request, requestAttachment, requestEvent } from '../requests/request.tables.ts';
import { authChallenge } from '../users/second-factor.tables.ts';
import { passwordLink, userSession } from '../users/user.tables.ts';

/** The deletes of the retention jobs: each removes exactly what has been kept its full term, in one municipality. */
export function createRetentionRepository(db: Executor) {
  return {
    /** Every municipality with its stored privacy section (read over the defaults by `privacySettingsFrom`). */
    async municipalitiesWithSettings(): Promise<{ id: string; stored: unknown }[]> {
      return db.select({ id: municipality.id, stored: sql<unknown>`${municipality.settings} -> 'privacy'` }).from(municipality).limit(10_000);
    },

    /** Sessions that ended (logged out or expired) before the cutoff; their challenges go with them. */
    async deleteEndedSessions(municipalityId: string, endedBefore: Date): Promise<number> {
      const rows = await db
        .delete(userSession)
        .where(and(eq(userSession.municipalityId, municipalityId), or(lt(userSession.expiresAt, endedBefore), and(isNotNull(userSession.revokedAt), lt(userSession.revokedAt, endedBefore)))))
        .returning({ id: userSession.id });
      return rows.length;
    },

    /** Login and passkey challenges are of no use once expired (minutes): none is kept. */
    async deleteExpiredChallenges(municipalityId: string, now: Date): Promise<number> {
      const rows = await db
        .delete(authChallenge)
        .where(and(eq(authChallenge.municipalityId, municipalityId), lt(authChallenge.expiresAt, now)))
        .returning({ id: authChallenge.id });
      return rows.length;
    },

    /** Set-password links used or expired before the cutoff. */
    async deleteSpentPasswordLinks(municipalityId: string, spentBefore: Date): Promise<number> {
      const rows = await db
        .delete(passwordLink)
        .where(and(eq(passwordLink.municipalityId, municipalityId), or(lt(passwordLink.expiresAt, spentBefore), and(isNotNull(passwordLink.usedAt), lt(passwordLink.usedAt, spentBefore)))))
        .returning({ id: passwordLink.id });
      return rows.length;
    },

    /** Messages sent or stored before the cutoff; pending and failed ones stay for the delivery to finish or be looked into. */
    async deleteOldMessages(municipalityId: string, createdBefore: Date): Promise<number> {
      const rows = await db
        .delete(outboxMessage)
        .where(and(eq(outboxMessage.municipalityId, municipalityId), inArray(outboxMessage.status, ['sent', 'stored']), lt(outboxMessage.createdAt, createdBefore)))
        .returning({ id: outboxMessage.id });
      return rows.length;
    },

    /**
     * Through the SECURITY DEFINER function of migration 0008_privacy: the runtime role may not update the
     * audit log, and the function reads the municipality's own setting, so no caller can clear more.
     */
    async clearAuditSnapshots(municipalityId: string, now: Date): Promise<number> {
      const [row] = await queryRows<{ cleared: number }>(db, sql`select privacy_clear_audit_snapshots(${municipalityId}::uuid, ${now.toISOString()}::timestamptz) as "cleared"`);
      return Number(row.cleared);
    },

    /** Attachments of requests closed before the cutoff, bytes and all (objects in a bucket: see the job); a bounded batch, the rest next sweep. */
    async deleteAttachmentsOfClosedRequests(municipalityId: string, closedBefore: Date, limit: number) {
      const due = db
        .select({ id: requestAttachment.id })
        .from(requestAttachment)
        .innerJoin(request, and(eq(request.municipalityId, requestAttachment.municipalityId), eq(request.id, requestAttachment.requestId)))
        .where(and(eq(requestAttachment.municipalityId, municipalityId), eq(request.state, 'closed'), lt(request.closedAt, closedBefore)))
        .limit(limit);
      return db
        .delete(requestAttachment)
        .where(and(eq(requestAttachment.municipalityId, municipalityId), inArray(requestAttachment.id, due)))
        .returning({
          id: requestAttachment.id,
          requestId: requestAttachment.requestId,
          fileName: requestAttachment.fileName,
          mediaType: requestAttachment.mediaType,
          sizeBytes: requestAttachment.sizeBytes,
          isInternal: requestAttachment.isInternal,
          storageKey: requestAttachment.storageKey,
        });
    },

    async addSystemEvent(values: Omit<typeof requestEvent.$inferInsert, 'actorLabel' | 'actorSide' | 'actorUserId'>): Promise<void> {
      await db.insert(requestEvent).values({ ...values, actorUserId: null, actorLabel: 'system', actorSide: 'system' });
    },
  };
}
