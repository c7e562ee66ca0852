import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { StoredFile } from '../../platform/file-storage.ts';
import { userAccount } from '../users/user.tables.ts';
import { request, requestAttachment } from './request.tables.ts';

/** Everything about an attachment but its bytes: lists and checks never load the content. */
const described = {
  id: requestAttachment.id,
  municipalityId: requestAttachment.municipalityId,
  requestId: requestAttachment.requestId,
  fileName: requestAttachment.fileName,
  mediaType: requestAttachment.mediaType,
  sizeBytes: requestAttachment.sizeBytes,
  uploadedByUserId: requestAttachment.uploadedByUserId,
  isInternal: requestAttachment.isInternal,
  createdAt: requestAttachment.createdAt,
};

export type AttachmentRow = { [key in keyof typeof described]: (typeof requestAttachment.$inferSelect)[key] };
export type AttachmentListRow = AttachmentRow & { uploaderName: string | null };

export function createRequestAttachmentRepository(db: Executor) {
  return {
    /** Serialises uploads to one request, so two at once cannot both pass the count limit. */
    async lockRequest(municipalityId: string, requestId: string): Promise<void> {
      await db
        .select({ id: request.id })
        .from(request)
        .where(and(eq(request.municipalityId, municipalityId), eq(request.id, requestId)))
        .for('update');
    },


    async countOf(municipalityId: string, requestId: string, isInternal: boolean): Promise<number> {
      const [{ total }] = await db
        .select({ total: count() })
        .from(requestAttachment)
        .where(and(eq(requestAttachment.municipalityId, municipalityId), eq(requestAttachment.requestId, requestId), eq(requestAttachment.isInternal, isInternal)));
      return total;
    },

    async insert(values: typeof requestAttachment.$inferInsert): Promise<AttachmentRow> {
      const [row] = await db.insert(requestAttachment).values(values).returning(described);
      return row;
    },

    /** Oldest first, without content; bounded (two kinds times the per-request maximum fit easily). */
    async listOf(municipalityId: string, requestId: string, includeInternal: boolean): Promise<AttachmentListRow[]> {
      const conditions = [eq(requestAttachment.municipalityId, municipalityId), eq(requestAttachment.requestId, requestId)];
      if (!includeInternal) conditions.push(eq(requestAttachment.isInternal, false));
      return db
        .select({ ...described, uploaderName: userAccount.displayName })
        .from(requestAttachment)
        .leftJoin(userAccount, eq(userAccount.id, requestAttachment.uploadedByUserId))
        .where(and(...conditions))
        .orderBy(asc(requestAttachment.createdAt), asc(requestAttachment.id))
        .limit(100);
    },

    async findById(municipalityId: string, requestId: string, attachmentId: string): Promise<AttachmentRow | undefined> {
      const [row] = await db
        .select(described)
        .from(requestAttachment)
        .where(and(eq(requestAttachment.municipalityId, municipalityId), eq(requestAttachment.requestId, requestId), eq(requestAttachment.id, attachmentId)));
      return row;
    },

    /** Where the bytes are: in the row, or in object storage under its key. */
    async storedFileOf(municipalityId: string, attachmentId: string): Promise<StoredFile | undefined> {
      const [row] = await db
        .select({ content: requestAttachment.content, storageKey: requestAttachment.storageKey })
        .from(requestAttachment)
        .where(and(eq(requestAttachment.municipalityId, municipalityId), eq(requestAttachment.id, attachmentId)));
      return row;
    },

    /** The deleted row's object key (null: its bytes went with the row), or undefined when there was no such row. */
    async remove(municipalityId: string, attachmentId: string): Promise<{ storageKey: string | null } | undefined> {
      const [row] = await db
        .delete(requestAttachment)
        .where(and(eq(requestAttachment.municipalityId, municipalityId), eq(requestAttachment.id, attachmentId)))
        .returning({ storageKey: requestAttachment.storageKey });
      return row;
    },
  };
}
