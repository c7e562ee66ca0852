import type { Language } from '../../platform/language.ts';
import type { ReportPhoto, ReportStatusPhoto } from './report-photo.presenter.ts';
import type { allowedActionsOf } from './report.policy.ts';
import type { ReportWithNames } from './report.repository.ts';
import type { reportEvent } from './report.tables.ts';
import { isClosed } from './report.workflow.ts';

function categoryOf(row: ReportWithNames, language: Language) {
  const name = language === 'en' ? (row.categoryNameEn ?? row.categoryName) : row.categoryName;
  const mainName = language === 'en' ? (row.mainCategoryNameEn ?? row.mainCategoryName ?? '') : (row.mainCategoryName ?? '');
  return { code: row.categoryCode, name, mainName };
}

function departmentNameOf(row: ReportWithNames, language: Language): string | null {
  return language === 'en' ? (row.departmentNameEn ?? row.departmentName) : row.departmentName;
}

/** A row of the back-office queue. Staff only: the routes that use it check access first. */
export function presentReportSummary(row: ReportWithNames, today: string, language: Language) {
  const report = row.report;
  return {
    id: report.id,
    reference: report.reference,
    status: report.status,
    priority: report.priority,
    category: categoryOf(row, language),
    neighbourhoodName: row.neighbourhoodName,
    departmentName: departmentNameOf(row, language),
    address: report.address,
    latitude: report.latitude,
    longitude: report.longitude,
    reportedAt: report.createdAt.toISOString(),
    handleBy: report.handleBy,
    isOverdue: !isClosed(report.status) && report.handleBy !== null && report.handleBy < today,
    assignedTo: row.assignedName,
  };
}

type EventRow = { event: typeof reportEvent.$inferSelect; actorName: string | null };

/** What the reporter sees through the status link: the public steps, never notes, names or contact data. */
export function presentStatusView(row: ReportWithNames, history: EventRow[], mergedIntoReference: string | null, photos: ReportStatusPhoto[], language: Language) {
  const report = row.report;
  return {
    reference: report.reference,
    status: report.status,
    category: categoryOf(row, language),
    neighbourhoodName: row.neighbourhoodName,
    address: report.address,
    description: report.description,
    reportedAt: report.createdAt.toISOString(),
    handleBy: report.handleBy,
    closedAt: report.closedAt?.toISOString() ?? null,
    departmentName: departmentNameOf(row, language),
    forwardedTo: report.forwardedTo,
    mergedIntoReference,
    history: history
      .filter(({ event }) => event.toStatus !== null || event.messageToReporter !== null)
      .map(({ event }) => ({ at: event.createdAt.toISOString(), status: event.toStatus, message: event.messageToReporter })),
    photos,
  };
}

export function presentReportDetail(
  row: ReportWithNames,
  extra: { assignableUsers: { id: string; name: string }[]; mergedIntoReference: string | null; history: EventRow[]; areaName: string | null; followerCount: number; photos: ReportPhoto[]; today: string; allowed: ReturnType<typeof allowedActionsOf> },
  language: Language,
) {
  const report = row.report;
  return {
    ...presentReportSummary(row, extra.today, language),
    description: report.description,
    answers: report.answers,
    areaName: extra.areaName,
    closedAt: report.closedAt?.toISOString() ?? null,
    channel: report.channel,
    forwardedTo: report.forwardedTo,
    statusNotes: report.statusNotes,
    mergedIntoReportId: report.mergedIntoReportId,
    mergedIntoReference: extra.mergedIntoReference,
    assignedUserId: report.assignedUserId,
    assignableUsers: extra.assignableUsers,
    referral: report.referral ? { teamCode: report.referral.code, teamName: report.referral.name, state: report.referral.state, note: report.referral.note, feedback: report.referral.feedback } : null,
    requestId: report.requestId,
    reporter: { email: report.reporterEmail, phone: report.reporterPhone, isErased: report.contactErasedAt !== null, followerCount: extra.followerCount },
    mayPublishPhotos: report.mayPublishPhotos,
    photos: extra.photos,
    version: report.version,
    history: extra.history.map(({ event, actorName }) => ({
      id: event.id,
      kind: event.kind,
      at: event.createdAt.toISOString(),
      fromStatus: event.fromStatus,
      toStatus: event.toStatus,
      messageToReporter: event.messageToReporter,
      internalNote: event.internalNote,
      actorName,
      details: event.details ?? null,
    })),
    allowedActions: extra.allowed.actions,
    allowedStatuses: extra.allowed.statuses,
  };
}

/**
 * A report as the public sees it (Open311, the public map): what, where, how far along, who handles it. Never
 * contact data, and not the reporter's own words, which may name people.
 */
export function presentPublicReport(row: ReportWithNames, language: Language) {
  const report = row.report;
  return {
    reference: report.reference,
    status: report.status,
    statusNotes: report.statusNotes,
    category: categoryOf(row, language),
    agency: report.status === 'forwarded' && report.forwardedTo ? report.forwardedTo : departmentNameOf(row, language),
    address: report.address,
    latitude: report.latitude,
    longitude: report.longitude,
    reportedAt: report.createdAt,
    updatedAt: report.updatedAt,
    handleBy: report.handleBy,
  };
}
export type PublicReport = ReturnType<typeof presentPublicReport>;
