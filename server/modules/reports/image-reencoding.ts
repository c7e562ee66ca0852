/**
 * A photo decoded and encoded again before it is stored: what a camera wrote besides the pixels (GPS position, device,
 * time, thumbnails, comments) does not survive, and a file that only looks like an image is refused.
 */
import sharp from 'sharp';
import { DomainError } from '../../platform/errors.ts';
import { sniffMediaType } from '../../platform/file-uploads.ts';
import { isPhotoMediaType, maxPhotoPixels, type PhotoMediaType } from './report-photo.rules.ts';
import { reportsErrors } from './reports.errors.ts';

const fileField = 'body.file';

export interface ReencodedPhoto {
  mediaType: PhotoMediaType;
  content: Buffer;
}

function notAPhoto(code: 'photoType' | 'photoUnreadable'): DomainError {
  return new DomainError(reportsErrors.REPORT_PHOTO_TYPE_NOT_ALLOWED, { fields: [{ field: fileField, code }] });
}

/**
 * JPEG, PNG or WebP by the bytes, turned upright by its EXIF orientation, and written again in the same format
 * without any metadata. More than `maxPixels` pixels is refused before decoding (a small file can unpack to
 * gigabytes); a file the decoder cannot read is refused as not a photo.
 */
export async function reencodePhoto(content: Buffer, options: { maxPixels?: number } = {}): Promise<ReencodedPhoto> {
  const mediaType = await sniffMediaType(content);
  if (!isPhotoMediaType(mediaType)) throw notAPhoto('photoType');
  const maxPixels = options.maxPixels ?? maxPhotoPixels;
  // failOn 'error': a truncated or corrupt file is refused rather than stored half grey.
  const image = sharp(content, { limitInputPixels: maxPixels, failOn: 'error' }).rotate();
  const encoder = mediaType === 'image/jpeg' ? image.jpeg({ quality: 85 }) : mediaType === 'image/png' ? image.png() : image.webp({ quality: 85 });
  try {
    // No keepMetadata/withMetadata: sharp writes the pixels alone (EXIF, XMP, IPTC and the ICC profile go; colours are converted to sRGB).
    return { mediaType, content: await encoder.toBuffer() };
  } catch (error) {
    const message = error instanceof Error ? error.message : '';
    if (/pixel limit/i.test(message)) {
      const megapixels = Math.floor(maxPixels / 1_000_000);
      throw new DomainError(reportsErrors.REPORT_PHOTO_TOO_MANY_PIXELS, { params: { megapixels }, fields: [{ field: fileField, code: 'photoTooManyPixels', params: { megapixels } }] });
    }
    throw notAPhoto('photoUnreadable');
  }
}
