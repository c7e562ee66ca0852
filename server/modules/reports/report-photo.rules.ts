/**
 * Photos with a public-space report: which kinds, how many, until when, and when the public may see one. Pure: no
 * database, no Fastify, no image library.
 */

/** The kinds every phone makes and every browser shows; recognised by the bytes, never by the name. */
export const photoMediaTypes = ['image/jpeg', 'image/png', 'image/webp'] as const;
export type PhotoMediaType = (typeof photoMediaTypes)[number];

export const maxPhotosPerReport = 3;
/** How long after reporting the reporter may still add photos through their status secret. */
export const reporterPhotoWindowMs = 60 * 60 * 1000;
/** Pixels a photo may have before it is decoded: 50 megapixels holds every phone camera's full size, and keeps a decompression bomb out. */
export const maxPhotoPixels = 50_000_000;

export function isPhotoMediaType(mediaType: string | undefined): mediaType is PhotoMediaType {
  return mediaType !== undefined && (photoMediaTypes as readonly string[]).includes(mediaType);
}

/** The extension a photo is offered for download with. */
export function photoExtensionOf(mediaType: PhotoMediaType): string {
  return { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/webp': 'webp' }[mediaType];
}

/**
 * Whether a photo may be added now. The reporter (by the status secret) has the first hour; whoever handles the
 * report may add photos as long as it is open. Never more than maxPhotosPerReport.
 */
export function photoUploadRefusal(input: { isHandler: boolean; reportedAt: Date; now: Date; photoCount: number; isClosed: boolean }): 'reportClosed' | 'photosClosed' | undefined {
  if (input.photoCount >= maxPhotosPerReport) return 'photosClosed';
  if (input.isHandler) return input.isClosed ? 'reportClosed' : undefined;
  if (input.now.getTime() - input.reportedAt.getTime() > reporterPhotoWindowMs) return 'photosClosed';
  return input.isClosed ? 'reportClosed' : undefined;
}

/** The public (map, Open311) sees a photo only when the reporter allowed publication and staff approved it. */
export function isPublicPhoto(photo: { approvedAt: Date | null }, report: { mayPublishPhotos: boolean }): boolean {
  return report.mayPublishPhotos && photo.approvedAt !== null;
}
