import { sql } from 'drizzle-orm';
import sharp from 'sharp';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm } from '../../../test/multipart.ts';
import { type LocalBucket, startLocalBucket } from '../../../test/object-storage.ts';
import { queryRows } from '../../db/client.ts';

// With S3_URL set, report photos live in a real S3-compatible bucket (s3rver), the rows keep only where.
let bucket: LocalBucket;
let t: TestApp;

beforeAll(async () => {
  bucket = await startLocalBucket();
  t = await createTestApp({ S3_URL: bucket.url });
});
afterAll(async () => {
  await t?.close();
  await bucket?.close();
});

describe('report photos in object storage (S3_URL)', () => {
  it('keeps the re-encoded photo in the bucket, not in its row, and gives the reporter those bytes back; staff approve it for the public map', async () => {
    const reported = await t.request({
      method: 'POST',
      url: `${tenantPath}/reports`,
      payload: {
        categoryCode: 'straatverlichting-openbare-klok',
        location: { latitude: 51.4655, longitude: 5.6935 },
        address: 'Hortsedijk 12',
        description: 'De lantaarnpaal voor nummer 12 doet het al een week niet.',
        answers: { 'wat-is-er-aan-de-hand': 'uit', paalnummer: 'HB-1042' },
        mayPublishPhotos: true,
      },
    });
    expect(reported.statusCode, reported.body).toBe(201);
    const receipt = reported.json() as { id: string; statusToken: string };
    const jpeg = await sharp({ create: { width: 40, height: 20, channels: 3, background: { r: 200, g: 30, b: 30 } } })
      .jpeg()
      .toBuffer();

    const added = await t.request({ method: 'POST', url: `${tenantPath}/reports/${receipt.id}/photos`, ...multipartForm([{ name: 'statusToken', value: receipt.statusToken }, { name: 'file', fileName: 'lantaarnpaal.jpg', content: jpeg, contentType: 'image/jpeg' }]) });
    expect(added.statusCode, added.body).toBe(201);
    const photoId = added.json().id as string;
    const [row] = await queryRows<{ content: Buffer | null; storage_key: string | null }>(t.database.db, sql`select content, storage_key from report_photo where id = ${photoId}`);
    expect(row.content).toBeNull();
    expect(row.storage_key).toMatch(new RegExp(`^${t.municipalityId}/report-photo/[0-9a-f-]{36}$`));
    const stored = await bucket.bytesOf(row.storage_key!);
    expect((await sharp(stored).metadata()).format).toBe('jpeg');

    const byReporter = await t.request({ url: `${tenantPath}/report-status/${receipt.statusToken}/photos/${photoId}` });
    expect(byReporter.statusCode).toBe(200);
    expect(byReporter.rawPayload.equals(stored)).toBe(true);

    const officer = await t.logIn('officerMaintenance');
    expect((await t.request({ url: `${tenantPath}/public-report-photos/${photoId}` })).statusCode).toBe(404);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/reports/${receipt.id}/photos/${photoId}/approval`, as: officer, payload: { isApproved: true } })).statusCode).toBe(200);
    const onTheMap = await t.request({ url: `${tenantPath}/public-report-photos/${photoId}` });
    expect(onTheMap.statusCode).toBe(200);
    expect(onTheMap.rawPayload.equals(stored)).toBe(true);
  });
});
