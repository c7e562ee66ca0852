import { and, asc, count, eq, isNotNull } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import type { StoredFile } from '../../platform/file-storage.ts';
import { report, reportPhoto } from './report.tables.ts';

/** Everything about a photo but its bytes: lists and checks never load the content. */
const described = {
  id: reportPhoto.id,
  reportId: reportPhoto.reportId,
  mediaType: reportPhoto.mediaType,
  byteSize: reportPhoto.byteSize,
  approvedAt: reportPhoto.approvedAt,
  approvedByUserId: reportPhoto.approvedByUserId,
  createdAt: reportPhoto.createdAt,
};

export type ReportPhotoRow = { [key in keyof typeof described]: (typeof reportPhoto.$inferSelect)[key] };

export function createReportPhotoRepository(db: Executor) {
  return {
    /** Holds the report until the transaction ends, so two uploads at once cannot both pass the count. */
    async lockReport(municipalityId: string, reportId: string): Promise<void> {
      await db
        .select({ id: report.id })
        .from(report)
        .where(and(eq(report.municipalityId, municipalityId), eq(report.id, reportId)))
        .for('update');
    },

    async countOf(municipalityId: string, reportId: string): Promise<number> {
      const [{ total }] = await db
        .select({ total: count() })
        .from(reportPhoto)
        .where(and(eq(reportPhoto.municipalityId, municipalityId), eq(reportPhoto.reportId, reportId)));
      return total;
    },

    async insert(values: typeof reportPhoto.$inferInsert): Promise<ReportPhotoRow> {
      const [row] = await db.insert(reportPhoto).values(values).returning(described);
      return row;
    },

    /** A report's photos, oldest first, in one query. */
    async listOfReport(municipalityId: string, reportId: string): Promise<ReportPhotoRow[]> {
      return db
        .select(described)
        .from(reportPhoto)
        .where(and(eq(reportPhoto.municipalityId, municipalityId), eq(reportPhoto.reportId, reportId)))
        .orderBy(asc(reportPhoto.createdAt), asc(reportPhoto.id));
    },

    async findOfReport(municipalityId: string, reportId: string, photoId: string): Promise<ReportPhotoRow | undefined> {
      const [row] = await db
        .select(described)
        .from(reportPhoto)
        .where(and(eq(reportPhoto.municipalityId, municipalityId), eq(reportPhoto.reportId, reportId), eq(reportPhoto.id, photoId)));
      return row;
    },

    /** Where the bytes of one photo of one report are. */
    async storedFileOf(municipalityId: string, reportId: string, photoId: string): Promise<(StoredFile & { mediaType: string }) | undefined> {
      const [row] = await db
        .select({ mediaType: reportPhoto.mediaType, content: reportPhoto.content, storageKey: reportPhoto.storageKey })
        .from(reportPhoto)
        .where(and(eq(reportPhoto.municipalityId, municipalityId), eq(reportPhoto.reportId, reportId), eq(reportPhoto.id, photoId)));
      return row;
    },

    /** Where the bytes of a photo the public may see are: approved by staff, and the reporter allowed publication. */
    async publicStoredFileOf(municipalityId: string, photoId: string): Promise<(StoredFile & { mediaType: string }) | undefined> {
      const [row] = await db
        .select({ mediaType: reportPhoto.mediaType, content: reportPhoto.content, storageKey: reportPhoto.storageKey })
        .from(reportPhoto)
        .innerJoin(report, and(eq(report.municipalityId, reportPhoto.municipalityId), eq(report.id, reportPhoto.reportId)))
        .where(and(eq(reportPhoto.municipalityId, municipalityId), eq(reportPhoto.id, photoId), isNotNull(reportPhoto.approvedAt), eq(report.mayPublishPhotos, true)));
      return row;
    },

    async setApproval(municipalityId: string, photoId: string, approval: { approvedAt: Date | null; approvedByUserId: string | null }): Promise<ReportPhotoRow | undefined> {
      const [row] = await db
        .update(reportPhoto)
        .set(approval)
        .where(and(eq(reportPhoto.municipalityId, municipalityId), eq(reportPhoto.id, photoId)))
        .returning(described);
      return row;
    },
  };
}
