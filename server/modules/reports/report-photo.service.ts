import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import type { FileStorage, StoredFile } from '../../platform/file-storage.ts';
import { fileTooLarge, type UploadedFile } from '../../platform/file-uploads.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { reencodePhoto } from './image-reencoding.ts';
import type { ApproveReportPhoto } from './report-photo.contract.ts';
import { presentReportPhoto } from './report-photo.presenter.ts';
import { createReportPhotoRepository, type ReportPhotoRow } from './report-photo.repository.ts';
import { maxPhotoPixels, type PhotoMediaType, photoExtensionOf, photoUploadRefusal } from './report-photo.rules.ts';
import { accessTo } from './report.policy.ts';
import { createReportRepository, type ReportRow } from './report.repository.ts';
import { hashOf } from './report-steps.ts';
import { isClosed } from './report.workflow.ts';
import { reportsErrors } from './reports.errors.ts';

export interface ReportPhotoDependencies {
  db: Executor;
  clock: Clock;
  /** Where the bytes go: the row, or object storage (S3_URL). */
  files: FileStorage;
  /** Largest photo accepted before re-encoding (REPORT_PHOTO_MAX_BYTES). */
  maxBytes: number;
  /** Largest image (in pixels) decoded; more is refused before decoding. */
  maxPixels?: number;
}

/** What the audit trail keeps of a photo: never the content, never the reporter's secret. */
function summaryOf(row: ReportPhotoRow) {
  return { photoId: row.id, mediaType: row.mediaType, byteSize: row.byteSize, isApproved: row.approvedAt !== null };
}

/** A download: the bytes with the type they were stored as, under a name that says what they are. */
async function downloadOf(files: FileStorage, photoId: string, stored: (StoredFile & { mediaType: string }) | undefined) {
  const content = stored && (await files.read(stored));
  if (!stored || !content) throw new DomainError('NOT_FOUND');
  const mediaType = stored.mediaType as PhotoMediaType;
  return { fileName: `melding-foto-${photoId.slice(0, 8)}.${photoExtensionOf(mediaType)}`, mediaType, content };
}

/** Photos with public-space reports: added by the reporter (in the first hour) or by staff, read by staff, approved for the public. */
export function createReportPhotoService(dependencies: ReportPhotoDependencies) {
  const { db, clock, files, maxBytes } = dependencies;
  const maxPixels = dependencies.maxPixels ?? maxPhotoPixels;

  async function slugOf(context: UseCaseContext) {
    return context.municipalitySlug ?? (await createMunicipalityRepository(db).findById(context.municipalityId))?.slug ?? '';
  }

  /** The report and the actor's access to it; a report one may not read is as absent as one that does not exist. */
  async function loadReadable(tx: Executor, context: UseCaseContext, reportId: string) {
    const row = await createReportRepository(tx).findById(context.municipalityId, reportId);
    const access = row ? accessTo(context.actor, row) : undefined;
    if (!row || !access?.canRead) throw new DomainError('NOT_FOUND');
    return { report: row, access };
  }

  /**
   * Who adds this photo: someone who handles the report, or the reporter by the secret of their status link.
   * Anyone else finds no report at all.
   */
  function uploaderOf(context: UseCaseContext, report: ReportRow | undefined, statusToken: string | undefined): { isHandler: boolean } {
    if (!report) throw new DomainError('NOT_FOUND');
    if (accessTo(context.actor, report).canHandle) return { isHandler: true };
    if (statusToken && hashOf(statusToken) === report.statusTokenHash) return { isHandler: false };
    throw new DomainError('NOT_FOUND');
  }

  return {
    maxBytes,

    async addPhoto(context: UseCaseContext, reportId: string, upload: UploadedFile, statusToken: string | undefined) {
      if (upload.content.length > maxBytes) throw fileTooLarge(maxBytes);
      // Before the image is decoded: a stranger's upload costs no work, and a full or late report says so first.
      const checkAllowed = async (tx: Executor) => {
        const report = await createReportRepository(tx).findById(context.municipalityId, reportId);
        const { isHandler } = uploaderOf(context, report, statusToken);
        const photoCount = await createReportPhotoRepository(tx).countOf(context.municipalityId, reportId);
        const refusal = photoUploadRefusal({ isHandler, reportedAt: report!.createdAt, now: clock.now(), photoCount, isClosed: isClosed(report!.status) });
        if (refusal === 'photosClosed') throw new DomainError(reportsErrors.REPORT_PHOTOS_CLOSED);
        if (refusal === 'reportClosed') throw new DomainError(reportsErrors.REPORT_CLOSED);
        return report!;
      };
      await checkAllowed(db);
      const photo = await reencodePhoto(upload.content, { maxPixels });
      const slug = await slugOf(context);
      return inTransaction(db, async (tx) => {
        const repository = createReportPhotoRepository(tx);
        await repository.lockReport(context.municipalityId, reportId);
        const report = await checkAllowed(tx);
        // Stored before the row: with a bucket, a rollback from here on deletes the object again.
        const stored = await files.store(tx, { municipalityId: context.municipalityId, kind: 'report-photo', content: photo.content, mediaType: photo.mediaType });
        const row = await repository.insert({
          municipalityId: context.municipalityId,
          reportId,
          mediaType: photo.mediaType,
          byteSize: photo.content.length,
          ...stored,
          createdAt: clock.now(),
        });
        await recordAudit(tx, clock, context, { action: 'report.addPhoto', entityType: 'report', entityId: report.id, after: summaryOf(row) });
        return presentReportPhoto(row, slug);
      });
    },

    /** For those who may read the report. */
    async downloadPhoto(context: UseCaseContext, reportId: string, photoId: string) {
      await loadReadable(db, context, reportId);
      return downloadOf(files, photoId, await createReportPhotoRepository(db).storedFileOf(context.municipalityId, reportId, photoId));
    },

    /** The reporter's own photo, through the secret of their status link. */
    async downloadPhotoByToken(context: UseCaseContext, token: string, photoId: string) {
      const report = await createReportRepository(db).findByTokenHash(context.municipalityId, hashOf(token));
      const stored = report ? await createReportPhotoRepository(db).storedFileOf(context.municipalityId, report.report.id, photoId) : undefined;
      return downloadOf(files, photoId, stored);
    },

    /** For anyone: only a photo the reporter allowed to be published and staff approved. */
    async downloadPublicPhoto(context: UseCaseContext, photoId: string) {
      return downloadOf(files, photoId, await createReportPhotoRepository(db).publicStoredFileOf(context.municipalityId, photoId));
    },

    /** Approve a photo for the public map, or withdraw it; approval only where the reporter allowed publication. */
    async approvePhoto(context: UseCaseContext, reportId: string, photoId: string, input: ApproveReportPhoto) {
      const slug = await slugOf(context);
      return inTransaction(db, async (tx) => {
        const { report, access } = await loadReadable(tx, context, reportId);
        if (!access.canHandle) throw new DomainError('FORBIDDEN');
        const repository = createReportPhotoRepository(tx);
        const before = await repository.findOfReport(context.municipalityId, reportId, photoId);
        if (!before) throw new DomainError('NOT_FOUND');
        if (input.isApproved && !report.mayPublishPhotos) throw new DomainError(reportsErrors.REPORT_PHOTO_NOT_PUBLISHABLE);
        // Approving again keeps the first approval: who approved it and when stay as they were.
        if (input.isApproved === (before.approvedAt !== null)) return presentReportPhoto(before, slug);
        const after = (await repository.setApproval(context.municipalityId, photoId, input.isApproved ? { approvedAt: clock.now(), approvedByUserId: context.actor?.userId ?? null } : { approvedAt: null, approvedByUserId: null }))!;
        await recordAudit(tx, clock, context, { action: 'report.approvePhoto', entityType: 'report', entityId: reportId, before: summaryOf(before), after: summaryOf(after) });
        return presentReportPhoto(after, slug);
      });
    },
  };
}

export type ReportPhotoService = ReturnType<typeof createReportPhotoService>;
