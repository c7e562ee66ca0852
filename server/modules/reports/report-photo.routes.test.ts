import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoPerson, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm, type Part, pdfOfSize, sampleFiles } from '../../../test/multipart.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
// Small, so "too large" needs no megabytes; the decompression bomb below still fits under it.
const maxBytes = 512 * 1024;

const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}

/** A street light out in Brouwhuis: the department Wijkonderhoud (Ilse) handles it. */
const streetLight = {
  categoryCode: 'straatverlichting-openbare-klok',
  location: { latitude: 51.4655, longitude: 5.6935 },
  address: 'Hortsedijk 12',
  description: 'De lantaarnpaal voor nummer 12 doet het al een week niet.',
  answers: { 'wat-is-er-aan-de-hand': 'uit', paalnummer: 'HB-1042' },
};
type Receipt = { id: string; reference: string; statusToken: string };

async function report(change: object = {}): Promise<Receipt> {
  const response = await t.request({ method: 'POST', url: `${tenantPath}/reports`, payload: { ...streetLight, ...change } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json();
}

/** A photo as a phone makes it: lying on its side (EXIF orientation 6), with the camera's make and a GPS position. */
let phonePhoto: Buffer;
let webpPhoto: Buffer;
/** 8000 × 8000 white pixels: a few hundred kB as PNG, 192 MB once decoded. */
let decompressionBomb: Buffer;

const photo = (content: Buffer, fileName = 'foto.jpg', contentType = 'image/jpeg') => ({ name: 'file', fileName, content, contentType });

async function upload(reportId: string, parts: Part[], person: DemoPerson | null = null) {
  // A second between uploads, so photos have the order a person made them in.
  t.clock.advance(1000);
  return t.request({ method: 'POST', url: `${tenantPath}/reports/${reportId}/photos`, ...(await as(person)), ...multipartForm(parts) });
}
const byReporter = (receipt: Receipt, content: Buffer, extra: Partial<ReturnType<typeof photo>> = {}) => upload(receipt.id, [{ name: 'statusToken', value: receipt.statusToken }, { ...photo(content), ...extra }]);

async function photoCount(reportId: string) {
  const [row] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from report_photo where report_id = ${reportId}`);
  return row.count;
}

beforeAll(async () => {
  t = await createTestApp({ REPORT_PHOTO_MAX_BYTES: maxBytes });
  phonePhoto = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } })
    .jpeg()
    .withMetadata({ orientation: 6, exif: { IFD0: { Make: 'Fotofabriek', Model: 'Zakcamera 3' }, IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '51/1 28/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '5/1 41/1 0/1' } } })
    .toBuffer();
  webpPhoto = await sharp({ create: { width: 8, height: 6, channels: 3, background: { r: 10, g: 120, b: 10 } } }).webp().toBuffer();
  decompressionBomb = await sharp({ create: { width: 8000, height: 8000, channels: 3, background: 'white' } })
    .png({ compressionLevel: 9 })
    .toBuffer();
  expect(decompressionBomb.length).toBeLessThan(maxBytes);
});
afterAll(async () => t?.close());

describe('the reporter adds photos', () => {
  it('keeps a phone photo upright and without its EXIF (no GPS position, no camera), and gives it back through the status link', async () => {
    const before = await sharp(phonePhoto).metadata();
    // The photo as sent does carry the camera, the orientation and a GPS block (EXIF tag 0x8825).
    expect(before).toMatchObject({ width: 40, height: 20, orientation: 6 });
    expect(before.exif?.toString('latin1')).toContain('Fotofabriek');
    expect(before.exif?.toString('hex')).toMatch(/2588|8825/);

    const receipt = await report({ mayPublishPhotos: true });
    const added = await byReporter(receipt, phonePhoto, { fileName: 'IMG_2041.JPG' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ mediaType: 'image/jpeg', isApproved: false, url: `${tenantPath}/reports/${receipt.id}/photos/${added.json().id}` });

    const view = (await t.request({ url: `${tenantPath}/report-status/${receipt.statusToken}` })).json();
    expect(view.photos).toEqual([{ id: added.json().id, url: `${tenantPath}/report-status/${receipt.statusToken}/photos/${added.json().id}` }]);
    const download = await t.request({ url: view.photos[0].url });
    expect(download.statusCode).toBe(200);
    expect(download.headers).toMatchObject({ 'content-type': 'image/jpeg', 'content-security-policy': 'sandbox', 'x-content-type-options': 'nosniff' });
    expect(download.headers['content-disposition']).toContain('attachment;');
    const stored = await sharp(download.rawPayload).metadata();
    expect(stored).toMatchObject({ format: 'jpeg', width: 20, height: 40 });
    expect(stored.exif).toBeUndefined();
    expect(stored.orientation).toBeUndefined();
    expect(download.rawPayload.includes(Buffer.from('Fotofabriek'))).toBe(false);

    const [audit] = await queryRows<{ after: Record<string, unknown>; actor_user_id: string | null }>(t.database.db, sql`select after, actor_user_id from audit_log where entity_id = ${receipt.id} and action = 'report.addPhoto'`);
    expect(audit.after).toMatchObject({ photoId: added.json().id, mediaType: 'image/jpeg', isApproved: false });
    expect(JSON.stringify(audit.after)).not.toContain(receipt.statusToken);
  });

  it('accepts PNG and WebP, each kept in its own format', async () => {
    const receipt = await report();
    const png = await byReporter(receipt, sampleFiles.png, { fileName: 'kaart.png', contentType: 'image/png' });
    expect(png.statusCode, png.body).toBe(201);
    expect(png.json().mediaType).toBe('image/png');
    const webp = await byReporter(receipt, webpPhoto, { fileName: 'foto.webp', contentType: 'image/webp' });
    expect(webp.statusCode, webp.body).toBe(201);
    expect(webp.json().mediaType).toBe('image/webp');
    const view = (await t.request({ url: `${tenantPath}/report-status/${receipt.statusToken}` })).json();
    expect(view.photos.map((item: { id: string }) => item.id)).toEqual([png.json().id, webp.json().id]);
    const stored = await sharp((await t.request({ url: view.photos[1].url })).rawPayload).metadata();
    expect(stored).toMatchObject({ format: 'webp', width: 8, height: 6 });
  });

  describe('refuses, naming the field, and stores nothing', () => {
    let receipt: Receipt;
    beforeAll(async () => {
      receipt = await report();
      for (const person of ['officerMaintenance', 'officer', 'resident', 'admin'] as const) await as(person);
    });

    const token = () => ({ name: 'statusToken', value: receipt.statusToken });
    const cases: [string, () => Part[], number, string, string][] = [
      ['a program named .jpg', () => [token(), photo(sampleFiles.program)], 415, 'REPORT_PHOTO_TYPE_NOT_ALLOWED', 'body.file'],
      ['a web page named .jpg', () => [token(), photo(sampleFiles.webPage)], 415, 'REPORT_PHOTO_TYPE_NOT_ALLOWED', 'body.file'],
      ['a PDF', () => [token(), photo(sampleFiles.pdf, 'foto.pdf', 'application/pdf')], 415, 'REPORT_PHOTO_TYPE_NOT_ALLOWED', 'body.file'],
      ['a JPEG cut off after its header', () => [token(), photo(phonePhoto.subarray(0, 200))], 415, 'REPORT_PHOTO_TYPE_NOT_ALLOWED', 'body.file'],
      ['an empty file', () => [token(), photo(Buffer.alloc(0))], 400, 'VALIDATION_FAILED', 'body.file'],
      ['a file over the limit', () => [token(), photo(pdfOfSize(maxBytes + 1024))], 413, 'ATTACHMENT_TOO_LARGE', 'body.file'],
      ['a decompression bomb (64 megapixels)', () => [token(), photo(decompressionBomb, 'wit.png', 'image/png')], 422, 'REPORT_PHOTO_TOO_MANY_PIXELS', 'body.file'],
      ['two files', () => [token(), photo(phonePhoto), photo(phonePhoto, 'tweede.jpg')], 400, 'VALIDATION_FAILED', 'body.file'],
      ['no file', () => [token()], 400, 'VALIDATION_FAILED', 'body.file'],
    ];
    it.each(cases)('%s', async (_case, parts, status, code, field) => {
      const before = await fingerprintDatabase(t.database.db);
      const response = await upload(receipt.id, parts());
      expect(response.statusCode, response.body).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      expect(response.json().code).toBe(code);
      expect(response.json().errors.map((error: { field: string }) => error.field)).toContain(field);
      expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    });

    it('JSON instead of a form', async () => {
      const before = await fingerprintDatabase(t.database.db);
      const response = await t.request({ method: 'POST', url: `${tenantPath}/reports/${receipt.id}/photos`, payload: { statusToken: receipt.statusToken, file: phonePhoto.toString('base64') } });
      expect(response.statusCode).toBe(415);
      expect(response.json()).toMatchObject({ code: 'MULTIPART_REQUIRED' });
      expect(response.json().detail).toContain('“file”');
      expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    });

    it('a wrong secret, no secret, or the secret of another report: the report is not found', async () => {
      const other = await report({ description: 'Nog een lantaarnpaal die niet brandt.' });
      const before = await fingerprintDatabase(t.database.db);
      for (const parts of [
        [{ name: 'statusToken', value: 'x'.repeat(32) }, photo(phonePhoto)],
        [photo(phonePhoto)],
        [{ name: 'statusToken', value: other.statusToken }, photo(phonePhoto)],
      ]) {
        const response = await upload(receipt.id, parts);
        expect(response.statusCode, response.body).toBe(404);
      }
      // Logged in, but not handling this report: the same as a visitor without the secret.
      for (const person of ['officer', 'resident'] as const) expect((await upload(receipt.id, [photo(phonePhoto)], person)).statusCode).toBe(404);
      expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    });
  });

  it('takes three photos at most, and none from the reporter an hour after reporting; staff may still add one while it is open', async () => {
    const receipt = await report();
    for (let index = 0; index < 3; index += 1) expect((await byReporter(receipt, sampleFiles.png)).statusCode).toBe(201);
    const fourth = await byReporter(receipt, sampleFiles.png);
    expect(fourth.statusCode).toBe(409);
    expect(fourth.json()).toMatchObject({ code: 'REPORT_PHOTOS_CLOSED' });
    expect((await upload(receipt.id, [photo(phonePhoto)], 'officerMaintenance')).json().code).toBe('REPORT_PHOTOS_CLOSED');
    expect(await photoCount(receipt.id)).toBe(3);

    const late = await report({ description: 'De lamp bij het fietspad is ook uit.' });
    t.clock.advance(61 * 60_000);
    const afterAnHour = await byReporter(late, phonePhoto);
    expect(afterAnHour.statusCode).toBe(409);
    expect(afterAnHour.json()).toMatchObject({ code: 'REPORT_PHOTOS_CLOSED' });
    expect(afterAnHour.json().detail).toContain('uur');
    expect(await photoCount(late.id)).toBe(0);
    // Sessions may have run out in the hour: log in afresh.
    sessions.clear();
    const byStaff = await upload(late.id, [photo(phonePhoto)], 'officerMaintenance');
    expect(byStaff.statusCode, byStaff.body).toBe(201);
  });
});

describe('staff and the public', () => {
  let allowed: Receipt;
  let notAllowed: Receipt;
  let allowedPhoto: string;
  let notAllowedPhoto: string;
  beforeAll(async () => {
    sessions.clear();
    allowed = await report({ mayPublishPhotos: true, description: 'Paal scheef gereden, foto mag op de kaart.' });
    notAllowed = await report({ description: 'Paal scheef gereden, foto niet openbaar.' });
    allowedPhoto = (await byReporter(allowed, phonePhoto)).json().id;
    notAllowedPhoto = (await byReporter(notAllowed, sampleFiles.png)).json().id;
    for (const person of ['officerMaintenance', 'officer', 'advisorSouth', 'resident', 'admin'] as const) await as(person);
  });

  const approve = async (person: DemoPerson | null, receipt: Receipt, photoId: string, isApproved: boolean) =>
    t.request({ method: 'POST', url: `${tenantPath}/reports/${receipt.id}/photos/${photoId}/approval`, ...(await as(person)), payload: { isApproved } });
  const publicPhoto = (photoId: string) => t.request({ url: `${tenantPath}/public-report-photos/${photoId}` });

  it('shows the photos in the report detail to those who may read it, with working links; others get 404 or 403', async () => {
    const detail = await t.request({ url: `${tenantPath}/reports/${allowed.id}`, ...(await as('officerMaintenance')) });
    expect(detail.statusCode).toBe(200);
    expect(detail.json().photos).toEqual([{ id: allowedPhoto, mediaType: 'image/jpeg', byteSize: expect.any(Number), isApproved: false, url: `${tenantPath}/reports/${allowed.id}/photos/${allowedPhoto}` }]);
    const url = detail.json().photos[0].url;
    for (const person of ['officerMaintenance', 'advisorSouth', 'admin'] as const) {
      const download = await t.request({ url, ...(await as(person)) });
      expect(download.statusCode, person).toBe(200);
      expect(download.headers['content-security-policy']).toBe('sandbox');
    }
    expect((await t.request({ url, ...(await as('officer')) })).statusCode).toBe(404);
    expect((await t.request({ url, ...(await as('resident')) })).statusCode).toBe(403);
    expect((await t.request({ url })).statusCode).toBe(401);
    // A photo of another report under this report's path is not found.
    expect((await t.request({ url: `${tenantPath}/reports/${allowed.id}/photos/${notAllowedPhoto}`, ...(await as('admin')) })).statusCode).toBe(404);
  });

  it('publishes a photo only once staff approve it and the reporter allowed it; withdrawing hides it again', async () => {
    expect((await publicPhoto(allowedPhoto)).statusCode).toBe(404);

    const before = await fingerprintDatabase(t.database.db);
    expect((await approve('officer', allowed, allowedPhoto, true)).statusCode).toBe(404);
    expect((await approve('advisorSouth', allowed, allowedPhoto, true)).statusCode).toBe(403);
    expect((await approve('resident', allowed, allowedPhoto, true)).statusCode).toBe(403);
    expect((await approve(null, allowed, allowedPhoto, true)).statusCode).toBe(401);
    const refused = await approve('officerMaintenance', notAllowed, notAllowedPhoto, true);
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'REPORT_PHOTO_NOT_PUBLISHABLE' });
    expect(refused.json().detail).toContain('niet toegestaan');
    const badBody = await t.request({ method: 'POST', url: `${tenantPath}/reports/${allowed.id}/photos/${allowedPhoto}/approval`, ...(await as('officerMaintenance')), payload: { isApproved: 'ja' } });
    expect(badBody.statusCode).toBe(400);
    expect(badBody.json().errors[0].field).toBe('body.isApproved');
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    expect((await publicPhoto(notAllowedPhoto)).statusCode).toBe(404);

    const approved = await approve('officerMaintenance', allowed, allowedPhoto, true);
    expect(approved.statusCode, approved.body).toBe(200);
    expect(approved.json()).toMatchObject({ id: allowedPhoto, isApproved: true });
    const shown = await publicPhoto(allowedPhoto);
    expect(shown.statusCode).toBe(200);
    expect(shown.headers).toMatchObject({ 'content-type': 'image/jpeg', 'content-security-policy': 'sandbox', 'x-content-type-options': 'nosniff' });
    expect((await sharp(shown.rawPayload).metadata()).exif).toBeUndefined();
    // Another municipality's path does not find it.
    expect((await t.request({ url: `/api/v1/municipalities/eindhoven/public-report-photos/${allowedPhoto}` })).statusCode).toBe(404);

    const withdrawn = await approve('admin', allowed, allowedPhoto, false);
    expect(withdrawn.json().isApproved).toBe(false);
    expect((await publicPhoto(allowedPhoto)).statusCode).toBe(404);

    const audits = await queryRows<{ after: { isApproved: boolean } }>(t.database.db, sql`select after from audit_log where entity_id = ${allowed.id} and action = 'report.approvePhoto' order by id`);
    expect(audits.map((row) => row.after.isApproved)).toEqual([true, false]);
  });

  it('gives the status link only the reporter’s own photos', async () => {
    expect((await t.request({ url: `${tenantPath}/report-status/${allowed.statusToken}/photos/${allowedPhoto}` })).statusCode).toBe(200);
    expect((await t.request({ url: `${tenantPath}/report-status/${allowed.statusToken}/photos/${notAllowedPhoto}` })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/report-status/${'y'.repeat(32)}/photos/${allowedPhoto}` })).statusCode).toBe(404);
  });
});
