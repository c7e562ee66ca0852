import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let resident: Session;
let advisor: Session;
let first: string;

// Room for two of these files per person, not three.
const pdf = Buffer.concat([Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n'), Buffer.alloc(2000, 0x20), Buffer.from('\n%%EOF\n')]);
const quota = pdf.length * 2 + 100;

function upload(requestId: string, as: Session) {
  const boundary = `----wijkwerk-${randomUUID()}`;
  const payload = Buffer.concat([
    Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="schets.pdf"\r\nContent-Type: application/pdf\r\n\r\n`),
    pdf,
    Buffer.from(`\r\n--${boundary}--\r\n`),
  ]);
  return t.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/attachments`, as, payload, headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
}

async function submitRequest(as: Session) {
  const neighbourhoodId = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Brandevoort` })).json().items[0].id;
  const response = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as,
    payload: { kind: 'request', title: 'Bankje in het park is kapot', body: 'Het bankje bij de vijver mist twee latten; foto’s en een schets volgen als bijlage.', neighbourhoodId, scale: 'street' },
  });
  expect(response.statusCode).toBe(201);
  return response.json().id as string;
}

beforeAll(async () => {
  t = await createTestApp({ ATTACHMENT_QUOTA_BYTES_PER_USER: quota });
  resident = await t.logIn('resident');
  advisor = await t.logIn('advisorSouth');
});
afterAll(async () => t?.close());

describe('storage quota per uploader', () => {
  it('refuses an upload past the person’s quota with 413, naming the quota, across requests; others still upload', async () => {
    first = await submitRequest(resident);
    const second = await submitRequest(resident);
    expect((await upload(first, resident)).statusCode).toBe(201);
    expect((await upload(second, resident)).statusCode).toBe(201);

    const refused = await upload(second, resident);
    expect(refused.statusCode).toBe(413);
    expect(refused.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(refused.json()).toMatchObject({ code: 'ATTACHMENT_QUOTA_EXCEEDED', title: 'Opslagruimte vol', errors: [{ field: 'body.file', code: 'attachmentQuotaExceeded' }] });
    expect(refused.json().detail).toContain('hoogstens 4 kB');
    expect((await t.request({ url: `${tenantPath}/requests/${second}/attachments`, as: resident })).json().items).toHaveLength(1);

    // The quota is the uploader's own: staff adding to the same request are not held to the resident's use.
    expect((await upload(second, advisor)).statusCode).toBe(201);
  });

  it('makes room again when the person removes a file', async () => {
    const requestId = await submitRequest(resident);
    expect((await upload(requestId, resident)).statusCode).toBe(413);
    const own = (await t.request({ url: `${tenantPath}/requests/${first}/attachments`, as: resident })).json().items[0] as { id: string };
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/requests/${first}/attachments/${own.id}`, as: resident })).statusCode).toBe(204);
    expect((await upload(requestId, resident)).statusCode).toBe(201);
  });
});
