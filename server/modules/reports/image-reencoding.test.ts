import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import type { DomainError } from '../../platform/errors.ts';
import { reencodePhoto } from './image-reencoding.ts';
// The module's error codes, as the app would have them.
import './reports.errors.ts';

const colour = { r: 30, g: 90, b: 200 };
const blank = (width: number, height: number) => sharp({ create: { width, height, channels: 3, background: colour } });

async function refusalOf(promise: Promise<unknown>) {
  const error = (await promise.then(() => undefined, (caught: unknown) => caught)) as DomainError | undefined;
  return error && { code: error.code, fields: error.fields.map((field) => `${field.field} ${field.code}`) };
}

describe('re-encoding a photo', () => {
  it('drops EXIF with the GPS position and the camera, and turns the photo upright', async () => {
    const sideways = await blank(60, 20)
      .jpeg()
      .withMetadata({ orientation: 8, exif: { IFD0: { Make: 'Fotofabriek', Software: 'Camera-app 2.1' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 28/1 30/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 41/1 12/1' } } })
      .toBuffer();
    expect((await sharp(sideways).metadata()).exif?.toString('latin1')).toContain('Fotofabriek');

    const photo = await reencodePhoto(sideways);
    expect(photo.mediaType).toBe('image/jpeg');
    const metadata = await sharp(photo.content).metadata();
    expect(metadata).toMatchObject({ format: 'jpeg', width: 20, height: 60 });
    expect(metadata.exif).toBeUndefined();
    expect(metadata.xmp).toBeUndefined();
    expect(metadata.orientation).toBeUndefined();
    expect(photo.content.includes(Buffer.from('Fotofabriek'))).toBe(false);
  });

  it('keeps PNG as PNG and WebP as WebP, without their text chunks', async () => {
    const png = await blank(5, 4).png().withMetadata({ exif: { IFD0: { Make: 'Fotofabriek' } } }).toBuffer();
    const fromPng = await reencodePhoto(png);
    expect(fromPng.mediaType).toBe('image/png');
    expect((await sharp(fromPng.content).metadata()).exif).toBeUndefined();
    const fromWebp = await reencodePhoto(await blank(5, 4).webp().toBuffer());
    expect(fromWebp.mediaType).toBe('image/webp');
    expect(await sharp(fromWebp.content).metadata()).toMatchObject({ format: 'webp', width: 5, height: 4 });
  });

  it('refuses other images, damaged files and images with too many pixels, naming the file', async () => {
    expect(await refusalOf(reencodePhoto(await blank(5, 4).gif().toBuffer()))).toEqual({ code: 'REPORT_PHOTO_TYPE_NOT_ALLOWED', fields: ['body.file photoType'] });
    expect(await refusalOf(reencodePhoto(Buffer.from('<svg xmlns="http://www.w3.org/2000/svg"/>')))).toEqual({ code: 'REPORT_PHOTO_TYPE_NOT_ALLOWED', fields: ['body.file photoType'] });
    const jpeg = await blank(50, 50).jpeg().toBuffer();
    expect(await refusalOf(reencodePhoto(jpeg.subarray(0, jpeg.length / 2)))).toEqual({ code: 'REPORT_PHOTO_TYPE_NOT_ALLOWED', fields: ['body.file photoUnreadable'] });
    expect(await refusalOf(reencodePhoto(jpeg, { maxPixels: 2000 }))).toEqual({ code: 'REPORT_PHOTO_TOO_MANY_PIXELS', fields: ['body.file photoTooManyPixels'] });
  });
});
