import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { freePort } from '../../../test/free-port.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm, sampleFiles } from '../../../test/multipart.ts';
import { type LocalBucket, startLocalBucket } from '../../../test/object-storage.ts';
import { objectStorageOf } from '../../config.ts';
import { queryRows } from '../../db/client.ts';
import { createFileStorage, type FileStorage } from '../../platform/file-storage.ts';
import { runSweep } from '../../platform/scheduler.ts';
import { createRetentionJobs } from '../privacy/index.ts';

// With S3_URL set, attachments live in a real S3-compatible bucket (s3rver), the rows keep only where.
let bucket: LocalBucket;
let t: TestApp;
let sweepFiles: FileStorage;
let resident: Session;
let brandevoortId: string;
const { pdf, png } = sampleFiles;
const day = 24 * 3600_000;

async function submitRequest(title = 'Losliggende stoeptegels op de Brandevoortse Dreef') {
  const response = await t.request({ method: 'POST', url: `${tenantPath}/requests`, as: resident, payload: { kind: 'request', title, body: 'Bij huisnummer 12 liggen drie tegels los; de situatieschets zit erbij.', neighbourhoodId: brandevoortId, scale: 'street' } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json().id as string;
}

function upload(requestId: string, fileName: string, content: Buffer) {
  t.clock.advance(1000);
  return t.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/attachments`, as: resident, ...multipartForm([{ name: 'file', fileName, content }]) });
}

async function rowOf(attachmentId: string) {
  const [row] = await queryRows<{ content: Buffer | null; storage_key: string | null }>(t.database.db, sql`select content, storage_key from request_attachment where id = ${attachmentId}`);
  return row;
}

const download = (requestId: string, attachmentId: string) => t.request({ url: `${tenantPath}/requests/${requestId}/attachments/${attachmentId}`, as: resident });

beforeAll(async () => {
  bucket = await startLocalBucket();
  t = await createTestApp({ S3_URL: bucket.url });
  sweepFiles = createFileStorage(objectStorageOf({ S3_URL: bucket.url }), { warn: () => {}, error: () => {} });
  brandevoortId = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Brandevoort` })).json().items[0].id;
  resident = await t.logIn('resident');
});
afterAll(async () => {
  sweepFiles?.close();
  await t?.close();
  await bucket?.close();
});

describe('attachments in object storage (S3_URL)', () => {
  it('puts an uploaded file in the bucket under the municipality, not in its row, and serves it back byte for byte', async () => {
    const requestId = await submitRequest();
    const before = await bucket.keys();
    const added = await upload(requestId, 'situatieschets.pdf', pdf);
    expect(added.statusCode, added.body).toBe(201);

    const row = await rowOf(added.json().id);
    expect(row.content).toBeNull();
    expect(row.storage_key).toMatch(new RegExp(`^${t.municipalityId}/request-attachment/[0-9a-f-]{36}$`));
    // The key holds nothing the uploader chose.
    expect(row.storage_key).not.toContain('situatieschets');
    expect(await bucket.keys()).toEqual([...before, row.storage_key].sort());
    expect((await bucket.bytesOf(row.storage_key!)).equals(pdf)).toBe(true);

    const served = await download(requestId, added.json().id);
    expect(served.statusCode).toBe(200);
    expect(served.headers['content-type']).toBe('application/pdf');
    expect(served.rawPayload.equals(pdf)).toBe(true);
  });

  it('deletes the object from the bucket once the attachment is removed', async () => {
    const requestId = await submitRequest();
    const added = await upload(requestId, 'foto.png', png);
    expect(added.statusCode, added.body).toBe(201);
    const { storage_key: key } = await rowOf(added.json().id);
    expect(await bucket.keys()).toContain(key);

    const removed = await t.request({ method: 'DELETE', url: `${tenantPath}/requests/${requestId}/attachments/${added.json().id}`, as: resident });
    expect(removed.statusCode, removed.body).toBe(204);
    expect(await bucket.keys()).not.toContain(key);
    expect((await download(requestId, added.json().id)).statusCode).toBe(404);
  });

  it('leaves no object behind when the transaction fails after the object was stored', async () => {
    const requestId = await submitRequest();
    const before = await bucket.keys();
    // A real failure inside the transaction, after the object is in the bucket: the database refuses the row.
    await t.database.db.execute(sql`create function refuse_attachment() returns trigger language plpgsql as $$ begin raise exception 'attachment refused by the test'; end $$`);
    await t.database.db.execute(sql`create trigger refuse_attachment before insert on request_attachment for each row execute function refuse_attachment()`);
    try {
      const failed = await upload(requestId, 'situatieschets.pdf', pdf);
      expect(failed.statusCode).toBe(500);
    } finally {
      await t.database.db.execute(sql`drop trigger refuse_attachment on request_attachment`);
      await t.database.db.execute(sql`drop function refuse_attachment()`);
    }
    expect(await bucket.keys()).toEqual(before);
    const [{ count }] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from request_attachment where request_id = ${requestId}`);
    expect(count).toBe(0);
  });

  it('refuses bad input as before, storing nothing in the bucket', async () => {
    const requestId = await submitRequest();
    const before = await bucket.keys();
    const refused = await upload(requestId, 'programma.pdf', sampleFiles.program);
    expect(refused.statusCode).toBe(415);
    expect(await bucket.keys()).toEqual(before);
  });

  it('still serves and removes a file whose bytes were kept in its row before S3_URL was set', async () => {
    const requestId = await submitRequest();
    const [{ id }] = await queryRows<{ id: string }>(
      t.database.db,
      sql`insert into request_attachment (municipality_id, request_id, file_name, media_type, size_bytes, content, uploaded_by_user_id, created_at)
          select municipality_id, id, 'ouder.pdf', 'application/pdf', ${pdf.length}, ${pdf}, submitter_user_id, created_at from request where id = ${requestId} returning id`,
    );
    const before = await bucket.keys();
    const served = await download(requestId, id);
    expect(served.statusCode).toBe(200);
    expect(served.rawPayload.equals(pdf)).toBe(true);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/requests/${requestId}/attachments/${id}`, as: resident })).statusCode).toBe(204);
    expect(await bucket.keys()).toEqual(before);
  });

  it('deletes the objects of the attachments that the retention sweep removes, after the sweep commits', async () => {
    const requestId = await submitRequest('Een verzoek dat lang geleden gesloten is');
    const added = await upload(requestId, 'oud-bewijs.pdf', pdf);
    expect(added.statusCode, added.body).toBe(201);
    const { storage_key: key } = await rowOf(added.json().id);
    // Closed longer ago than Helmond's term (730 days).
    await t.database.db.execute(sql`update request set state = 'closed', closed_at = ${new Date(t.clock.now().getTime() - 731 * day).toISOString()} where id = ${requestId}`);

    const outcome = await runSweep(t.database.db as never, createRetentionJobs({ clock: t.clock, files: sweepFiles }), {
      error: (_object, message) => {
        throw new Error(message);
      },
    });
    expect(outcome).toBe('ran');
    expect(await rowOf(added.json().id)).toBeUndefined();
    expect(await bucket.keys()).not.toContain(key);
  });

  it('answers 503 and saves nothing when the bucket does not answer, and serves nothing it cannot read', async () => {
    const unreachable = await createTestApp({ S3_URL: `http://key:secret@127.0.0.1:${await freePort()}/wijkwerk-files` });
    try {
      const resident = await unreachable.logIn('resident');
      const submitted = await unreachable.request({ method: 'POST', url: `${tenantPath}/requests`, as: resident, payload: { kind: 'request', title: 'Een verzoek terwijl de opslag weg is', body: 'De opslag van bestanden antwoordt niet; het verzoek zelf wel.', neighbourhoodId: brandevoortId, scale: 'street' } });
      expect(submitted.statusCode, submitted.body).toBe(201);
      const requestId = submitted.json().id as string;
      const refused = await unreachable.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/attachments`, as: resident, ...multipartForm([{ name: 'file', fileName: 'schets.pdf', content: pdf }]) });
      expect(refused.statusCode).toBe(503);
      expect(refused.headers['retry-after']).toBe('30');
      expect(refused.json()).toMatchObject({ code: 'SERVICE_UNAVAILABLE' });
      const [{ count }] = await queryRows<{ count: number }>(unreachable.database.db, sql`select count(*)::int as count from request_attachment where request_id = ${requestId}`);
      expect(count).toBe(0);

      // A row that points at an object the server cannot reach now.
      const [{ id }] = await queryRows<{ id: string }>(
        unreachable.database.db,
        sql`insert into request_attachment (municipality_id, request_id, file_name, media_type, size_bytes, storage_key, uploaded_by_user_id, created_at)
            select municipality_id, id, 'elders.pdf', 'application/pdf', ${pdf.length}, ${`${unreachable.municipalityId}/request-attachment/00000000-0000-4000-8000-000000000000`}, submitter_user_id, created_at from request where id = ${requestId} returning id`,
      );
      expect((await unreachable.request({ url: `${tenantPath}/requests/${requestId}/attachments/${id}`, as: resident })).statusCode).toBe(503);
    } finally {
      await unreachable.close();
    }
  });
});
