import { and, asc, count, eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { StoredFile } from '../../platform/file-storage.ts';
import { actionProgress, actionProgressEvidence } from './action-plan-content.tables.ts';

/** Everything about a piece of evidence but its bytes: lists and checks never load the content. */
const described = {
  id: actionProgressEvidence.id,
  actionId: actionProgressEvidence.actionId,
  progressId: actionProgressEvidence.progressId,
  fileName: actionProgressEvidence.fileName,
  mediaType: actionProgressEvidence.mediaType,
  sizeBytes: actionProgressEvidence.sizeBytes,
  uploadedByUserId: actionProgressEvidence.uploadedByUserId,
  createdAt: actionProgressEvidence.createdAt,
};

export type EvidenceRow = { [key in keyof typeof described]: (typeof actionProgressEvidence.$inferSelect)[key] };

export function createActionProgressEvidenceRepository(db: Executor) {
  return {
    /** Whether this report belongs to this action; locked (for an upload) so two at once cannot both pass the count check. */
    async hasProgressEntry(municipalityId: string, actionId: string, progressId: string, options: { lock: boolean }): Promise<boolean> {
      const query = db
        .select({ id: actionProgress.id })
        .from(actionProgress)
        .where(and(eq(actionProgress.municipalityId, municipalityId), eq(actionProgress.actionId, actionId), eq(actionProgress.id, progressId)));
      const rows = options.lock ? await query.for('update') : await query;
      return rows.length > 0;
    },

    async countOf(municipalityId: string, progressId: string): Promise<number> {
      const [{ total }] = await db
        .select({ total: count() })
        .from(actionProgressEvidence)
        .where(and(eq(actionProgressEvidence.municipalityId, municipalityId), eq(actionProgressEvidence.progressId, progressId)));
      return total;
    },

    async insert(values: typeof actionProgressEvidence.$inferInsert): Promise<EvidenceRow> {
      const [row] = await db.insert(actionProgressEvidence).values(values).returning(described);
      return row;
    },

    /** Every piece of evidence of one action, oldest first: one query for the whole progress history. */
    async listOfAction(municipalityId: string, actionId: string): Promise<EvidenceRow[]> {
      return db
        .select(described)
        .from(actionProgressEvidence)
        .where(and(eq(actionProgressEvidence.municipalityId, municipalityId), eq(actionProgressEvidence.actionId, actionId)))
        .orderBy(asc(actionProgressEvidence.createdAt), asc(actionProgressEvidence.id))
        .limit(1000);
    },

    async findById(municipalityId: string, actionId: string, evidenceId: string): Promise<EvidenceRow | undefined> {
      const [row] = await db
        .select(described)
        .from(actionProgressEvidence)
        .where(and(eq(actionProgressEvidence.municipalityId, municipalityId), eq(actionProgressEvidence.actionId, actionId), eq(actionProgressEvidence.id, evidenceId)));
      return row;
    },

    /** Where the bytes are: in the row, or in object storage under its key. */
    async storedFileOf(municipalityId: string, evidenceId: string): Promise<StoredFile | undefined> {
      const [row] = await db
        .select({ content: actionProgressEvidence.content, storageKey: actionProgressEvidence.storageKey })
        .from(actionProgressEvidence)
        .where(and(eq(actionProgressEvidence.municipalityId, municipalityId), eq(actionProgressEvidence.id, evidenceId)));
      return row;
    },

    /** The deleted row's object key (null: its bytes went with the row), or undefined when there was no such row. */
    async remove(municipalityId: string, evidenceId: string): Promise<{ storageKey: string | null } | undefined> {
      const [row] = await db
        .delete(actionProgressEvidence)
        .where(and(eq(actionProgressEvidence.municipalityId, municipalityId), eq(actionProgressEvidence.id, evidenceId)))
        .returning({ storageKey: actionProgressEvidence.storageKey });
      return row;
    },
  };
}
