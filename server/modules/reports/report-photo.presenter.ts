import type { ReportPhotoRow } from './report-photo.repository.ts';
import type { PhotoMediaType } from './report-photo.rules.ts';

/** Where a municipality's API lives; photo links are paths on this server. */
export const apiPathOf = (municipalitySlug: string) => `/api/v1/municipalities/${municipalitySlug}`;

/** A photo as staff see it: never the bytes, which `url` downloads for those who may read the report. */
export function presentReportPhoto(row: ReportPhotoRow, municipalitySlug: string) {
  return {
    id: row.id,
    mediaType: row.mediaType as PhotoMediaType,
    byteSize: row.byteSize,
    isApproved: row.approvedAt !== null,
    url: `${apiPathOf(municipalitySlug)}/reports/${row.reportId}/photos/${row.id}`,
  };
}
export type ReportPhoto = ReturnType<typeof presentReportPhoto>;

/** A photo as the reporter sees it through the status link: its link works with the same secret. */
export function presentStatusPhoto(row: ReportPhotoRow, municipalitySlug: string, statusToken: string) {
  return { id: row.id, url: `${apiPathOf(municipalitySlug)}/report-status/${statusToken}/photos/${row.id}` };
}
export type ReportStatusPhoto = ReturnType<typeof presentStatusPhoto>;
