import { and, asc, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm, type Part, sampleFiles } from '../../../test/multipart.ts';
import { auditLog } from '../../platform/audit-log.tables.ts';
import { requestAttachment } from './request.tables.ts';

let t: TestApp;
let resident: Session;
let advisor: Session;
let officer: Session;
let member: Session;
let brandevoortId: string;

// A small limit so "too large" needs no 10 MB in a test.
const maxBytes = 64 * 1024;
const { pdf, png, program, webPage } = sampleFiles;
const form = multipartForm;

function upload(requestId: string, as: Session | undefined, file: { fileName: string; content: Buffer; contentType?: string }, extra: Part[] = []) {
  // A second apart, so "oldest first" has one answer on the fixed test clock.
  t.clock.advance(1000);
  return t.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/attachments`, as, ...form([...extra, { name: 'file', ...file }]) });
}

async function submitRequest(as: Session, overrides: Record<string, unknown> = {}) {
  const response = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as,
    payload: { kind: 'request', title: 'Losliggende stoeptegels op de Brandevoortse Dreef', body: 'Bij huisnummer 12 liggen drie tegels los; ik heb een foto en de situatieschets bijgevoegd.', neighbourhoodId: brandevoortId, scale: 'street', ...overrides },
  });
  expect(response.statusCode).toBe(201);
  return response.json() as { id: string; version: number };
}

/** Acknowledged and routed to Koen's department (verkeer), so he handles it and may add files. */
async function routeToTraffic(requestId: string) {
  const verkeer = ((await t.request({ url: `${tenantPath}/departments`, as: advisor })).json().items as { id: string; code: string }[]).find((item) => item.code === 'verkeer')!.id;
  const acknowledged = (await t.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/acknowledgement`, as: advisor, payload: { version: 1 } })).json();
  expect((await t.request({ method: 'POST', url: `${tenantPath}/requests/${requestId}/routing`, as: advisor, payload: { version: acknowledged.version, leadDepartmentId: verkeer } })).statusCode).toBe(200);
}

const list = async (requestId: string, as?: Session) => t.request({ url: `${tenantPath}/requests/${requestId}/attachments`, as });
const names = async (requestId: string, as?: Session) => ((await list(requestId, as)).json().items as { fileName: string }[]).map((item) => item.fileName);

beforeAll(async () => {
  t = await createTestApp({ ATTACHMENT_MAX_BYTES: maxBytes });
  brandevoortId = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Brandevoort` })).json().items[0].id;
  resident = await t.logIn('resident');
  advisor = await t.logIn('advisorSouth');
  officer = await t.logIn('officer');
  member = await t.logIn('councilMember');
});
afterAll(async () => t?.close());

describe('uploading and downloading', () => {
  it('takes a PDF from the submitter and a PNG from staff, and gives both back byte for byte, as sandboxed downloads', async () => {
    const request = await submitRequest(resident);
    const first = await upload(request.id, resident, { fileName: 'situatieschets.pdf', content: pdf, contentType: 'application/pdf' });
    expect(first.statusCode).toBe(201);
    expect(first.json()).toMatchObject({ fileName: 'situatieschets.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, isInternal: false, uploadedBy: null, isOwn: true, canRemove: true });
    // The browser's type and the path in the name count for nothing; the bytes decide.
    const second = await upload(request.id, advisor, { fileName: '..\\..\\Windows\\foto\u0000 stoep.png', content: png, contentType: 'text/html' });
    expect(second.statusCode).toBe(201);
    expect(second.json()).toMatchObject({ fileName: 'foto stoep.png', mediaType: 'image/png', uploadedBy: 'Sanne Kuipers' });

    const listed = (await list(request.id, resident)).json();
    expect(listed).toMatchObject({ canUpload: true, canUploadInternal: false, maxBytes, maxCount: 10 });
    // Staff elsewhere read along; once the request is routed to his department the officer handles it too.
    expect((await list(request.id, officer)).json()).toMatchObject({ canUpload: false, canUploadInternal: false });
    await routeToTraffic(request.id);
    expect((await list(request.id, officer)).json()).toMatchObject({ canUpload: true, canUploadInternal: true });
    expect((await list(request.id)).json()).toMatchObject({ canUpload: false, canUploadInternal: false });
    expect(listed.items.map((item: { fileName: string; uploadedBy: string | null; isOwn: boolean; canRemove: boolean }) => [item.fileName, item.uploadedBy, item.isOwn, item.canRemove])).toEqual([
      ['situatieschets.pdf', null, true, true],
      ['foto stoep.png', null, false, false],
    ]);

    for (const [created, bytes, mediaType] of [
      [first.json(), pdf, 'application/pdf'],
      [second.json(), png, 'image/png'],
    ] as const) {
      // A visitor reads along on a public request, attachments included.
      const download = await t.request({ url: `${tenantPath}/requests/${request.id}/attachments/${created.id}` });
      expect(download.statusCode).toBe(200);
      expect(download.rawPayload.equals(bytes)).toBe(true);
      // Without S3_URL the bytes are in the row itself, as they always were.
      const [stored] = await t.database.db.select({ content: requestAttachment.content, storageKey: requestAttachment.storageKey }).from(requestAttachment).where(eq(requestAttachment.id, created.id));
      expect(stored.storageKey).toBeNull();
      expect(stored.content?.equals(bytes)).toBe(true);
      expect(download.headers).toMatchObject({
        'content-type': mediaType,
        'content-disposition': `attachment; filename="${created.fileName}"; filename*=UTF-8''${encodeURIComponent(created.fileName)}`,
        'x-content-type-options': 'nosniff',
        'content-security-policy': 'sandbox',
        'cache-control': 'private, no-store',
      });
    }

    const timeline = (await t.request({ url: `${tenantPath}/requests/${request.id}`, as: resident })).json().timeline as { kind: string; text: string }[];
    expect(timeline.filter((event) => event.kind === 'attachmentAdded').map((event) => event.text)).toEqual(['situatieschets.pdf', 'foto stoep.png']);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, request.id), eq(auditLog.action, 'request.attachment.add'))).orderBy(asc(auditLog.id));
    expect(audit.map((row) => row.after)).toEqual([
      { attachmentId: first.json().id, fileName: 'situatieschets.pdf', mediaType: 'application/pdf', sizeBytes: pdf.length, isInternal: false },
      { attachmentId: second.json().id, fileName: 'foto stoep.png', mediaType: 'image/png', sizeBytes: png.length, isInternal: false },
    ]);
  });

  it('keeps a file name with accents and dashes as the browser sent it (UTF-8)', async () => {
    const request = await submitRequest(resident);
    const created = (await upload(request.id, resident, { fileName: 'Café De Zwaan – ontwerp ‘terras’ 😀.pdf', content: pdf })).json();
    expect(created.fileName).toBe('Café De Zwaan – ontwerp ‘terras’ 😀.pdf');
    const download = await t.request({ url: `${tenantPath}/requests/${request.id}/attachments/${created.id}` });
    expect(download.headers['content-disposition']).toBe(`attachment; filename="Caf_ De Zwaan _ ontwerp _terras_ __.pdf"; filename*=UTF-8''${encodeURIComponent(created.fileName)}`);
  });

  it('refuses a program or a web page dressed up as a PDF, names the field and the allowed types, and stores nothing', async () => {
    const request = await submitRequest(resident);
    for (const content of [program, webPage]) {
      const before = await fingerprintDatabase(t.database.db);
      const response = await upload(request.id, resident, { fileName: 'rapport.pdf', content, contentType: 'application/pdf' });
      expect(response.statusCode).toBe(415);
      expect(response.headers['content-type']).toBe('application/problem+json; charset=utf-8');
      const problem = response.json();
      expect(problem.code).toBe('ATTACHMENT_TYPE_NOT_ALLOWED');
      expect(problem.errors).toEqual([{ field: 'body.file', code: 'attachmentType', message: expect.stringContaining('PDF of een afbeelding (PNG, JPEG, GIF of WebP)') }]);
      expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    }
    const body = form([{ name: 'file', fileName: 'x.pdf', content: webPage }]);
    const english = await t.request({ method: 'POST', url: `${tenantPath}/requests/${request.id}/attachments`, as: resident, payload: body.payload, headers: { ...body.headers, 'accept-language': 'en' } });
    expect(english.json().errors[0].message).toContain('a PDF or an image (PNG, JPEG, GIF or WebP)');
    expect(await names(request.id)).toEqual([]);
  });

  it('refuses a file over the limit with 413, saying the limit, and stores nothing', async () => {
    const request = await submitRequest(resident);
    const before = await fingerprintDatabase(t.database.db);
    const large = Buffer.concat([pdf, Buffer.alloc(maxBytes, 0x20)]);
    const response = await upload(request.id, resident, { fileName: 'groot.pdf', content: large });
    expect(response.statusCode).toBe(413);
    expect(response.json()).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', errors: [{ field: 'body.file', code: 'attachmentTooLarge' }] });
    expect(response.json().detail).toContain('64 kB');
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    // Exactly at the limit is fine.
    expect((await upload(request.id, resident, { fileName: 'precies.pdf', content: large.subarray(0, maxBytes) })).statusCode).toBe(201);
  });

  it('asks for a file, one at a time, sent as a form', async () => {
    const request = await submitRequest(resident);
    const url = `${tenantPath}/requests/${request.id}/attachments`;
    const none = await t.request({ method: 'POST', url, as: resident, ...form([{ name: 'isInternal', value: 'false' }]) });
    expect(none.json()).toMatchObject({ status: 400, errors: [{ field: 'body.file', code: 'required' }] });
    const empty = await upload(request.id, resident, { fileName: '', content: Buffer.alloc(0) });
    expect(empty.json().errors[0]).toMatchObject({ field: 'body.file', code: 'required' });
    const two = await t.request({ method: 'POST', url, as: resident, ...form([{ name: 'file', fileName: 'a.pdf', content: pdf }, { name: 'file', fileName: 'b.pdf', content: pdf }]) });
    expect(two.json()).toMatchObject({ status: 400, errors: [{ field: 'body.file', code: 'oneFileOnly' }] });
    const json = await t.request({ method: 'POST', url, as: resident, payload: { file: pdf.toString('base64') } });
    expect(json.json()).toMatchObject({ status: 415, code: 'MULTIPART_REQUIRED' });
    expect(await names(request.id)).toEqual([]);
  });

  it('refuses a form it cannot read (cut off, without a boundary, a part without headers) with 400, and stores nothing', async () => {
    const request = await submitRequest(resident);
    const url = `${tenantPath}/requests/${request.id}/attachments`;
    const whole = form([{ name: 'file', fileName: 'schets.pdf', content: pdf }]);
    const before = await fingerprintDatabase(t.database.db);
    const malformed = [
      { payload: whole.payload.subarray(0, whole.payload.length - 40), headers: whole.headers },
      { payload: whole.payload, headers: { 'content-type': 'multipart/form-data' } },
      { payload: Buffer.from(`--x\r\n\r\n${'a'.repeat(50)}\r\n--x--\r\n`), headers: { 'content-type': 'multipart/form-data; boundary=x' } },
      { payload: Buffer.from('niet eens een formulier'), headers: { 'content-type': 'multipart/form-data; boundary=x' } },
    ];
    for (const body of malformed) {
      const response = await t.request({ method: 'POST', url, as: resident, ...body });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.headers['content-type']).toMatch(/^application\/problem\+json/);
      expect(response.json().errors[0]).toMatchObject({ field: expect.stringMatching(/^body/) });
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('allows ten shared attachments per request, then says to remove one first', async () => {
    const request = await submitRequest(resident);
    for (let index = 1; index <= 10; index++) expect((await upload(request.id, resident, { fileName: `foto-${index}.png`, content: png })).statusCode).toBe(201);
    const eleventh = await upload(request.id, resident, { fileName: 'foto-11.png', content: png });
    expect(eleventh.statusCode).toBe(409);
    expect(eleventh.json()).toMatchObject({ code: 'TOO_MANY_ATTACHMENTS' });
    expect(eleventh.json().detail).toContain('10');
    // Internal files are counted apart: staff can still add their own.
    expect((await upload(request.id, advisor, { fileName: 'intern.pdf', content: pdf }, [{ name: 'isInternal', value: 'true' }])).statusCode).toBe(201);
  });
});

describe('who sees and who may', () => {
  it('keeps an internal attachment from the submitter’s side, readers and visitors', async () => {
    const request = await submitRequest(member, { title: 'Verlichting in het Stadswandelpark', councilId: undefined });
    await routeToTraffic(request.id);
    const internal = await upload(request.id, officer, { fileName: 'offerte-aannemer.pdf', content: pdf }, [{ name: 'isInternal', value: 'true' }]);
    expect(internal.json()).toMatchObject({ isInternal: true, uploadedBy: 'Koen Verhoeven' });
    const id = internal.json().id;
    expect(await names(request.id, officer)).toEqual(['offerte-aannemer.pdf']);
    for (const viewer of [member, resident, undefined]) {
      expect(await names(request.id, viewer)).toEqual([]);
      expect((await t.request({ url: `${tenantPath}/requests/${request.id}/attachments/${id}`, as: viewer })).statusCode).toBe(404);
      const timeline = (await t.request({ url: `${tenantPath}/requests/${request.id}`, as: viewer })).json().timeline as { kind: string }[];
      expect(timeline.map((event) => event.kind)).not.toContain('attachmentAdded');
    }
    expect((await t.request({ url: `${tenantPath}/requests/${request.id}/attachments/${id}`, as: advisor })).statusCode).toBe(200);
    // The submitter's side cannot make one.
    const refused = await upload(request.id, member, { fileName: 'intern.pdf', content: pdf }, [{ name: 'isInternal', value: 'true' }]);
    expect(refused.json()).toMatchObject({ status: 400, errors: [{ field: 'body.isInternal', code: 'attachmentStaffOnly' }] });
  });

  it('refuses visitors (401), readers along (403) and strangers to a non-public request (404)', async () => {
    const open = await submitRequest(resident);
    expect((await upload(open.id, undefined, { fileName: 'a.pdf', content: pdf })).json()).toMatchObject({ status: 401, code: 'NOT_AUTHENTICATED' });
    expect((await upload(open.id, member, { fileName: 'a.pdf', content: pdf })).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    // A cookie session needs its CSRF token for an upload too.
    expect((await t.request({ method: 'POST', url: `${tenantPath}/requests/${open.id}/attachments`, ...form([{ name: 'file', fileName: 'a.pdf', content: pdf }]), headers: { cookie: resident.cookie } })).statusCode).toBe(403);

    const closedDoor = await submitRequest(resident, { isPublic: false, title: 'Overlast van de buren op nummer 14' });
    const mine = (await upload(closedDoor.id, resident, { fileName: 'geluidsmeting.pdf', content: pdf })).json();
    for (const stranger of [member, undefined]) {
      expect((await list(closedDoor.id, stranger)).statusCode).toBe(404);
      expect((await t.request({ url: `${tenantPath}/requests/${closedDoor.id}/attachments/${mine.id}`, as: stranger })).statusCode).toBe(404);
    }
    expect((await upload(closedDoor.id, member, { fileName: 'a.pdf', content: pdf })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${tenantPath}/requests/${closedDoor.id}/attachments/${mine.id}`, as: member })).statusCode).toBe(404);
    expect(await names(closedDoor.id, resident)).toEqual(['geluidsmeting.pdf']);
  });

  it('does not find another municipality’s attachment, nor one under another request', async () => {
    const request = await submitRequest(resident);
    const other = await submitRequest(resident);
    const created = (await upload(request.id, resident, { fileName: 'plan.pdf', content: pdf })).json();
    const eindhoven = await t.logIn(t.other.adminLogin);
    const foreign = '/api/v1/municipalities/eindhoven';
    expect((await t.request({ url: `${foreign}/requests/${request.id}/attachments/${created.id}`, as: eindhoven })).statusCode).toBe(404);
    expect((await t.request({ url: `${foreign}/requests/${request.id}/attachments`, as: eindhoven })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: `${foreign}/requests/${request.id}/attachments/${created.id}`, as: eindhoven })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/requests/${other.id}/attachments/${created.id}`, as: advisor })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/requests/${request.id}/attachments/${created.id}` })).statusCode).toBe(200);
  });

  it('lets the uploader and staff remove a file while the request is open, with a trace on the timeline', async () => {
    const request = await submitRequest(resident);
    const url = (id: string) => `${tenantPath}/requests/${request.id}/attachments/${id}`;
    const own = (await upload(request.id, resident, { fileName: 'eigen.pdf', content: pdf })).json();
    const staffFile = (await upload(request.id, advisor, { fileName: 'reactie.pdf', content: pdf })).json();
    const another = (await upload(request.id, resident, { fileName: 'met-adres.png', content: png })).json();

    expect((await t.request({ method: 'DELETE', url: url(own.id), as: member })).json()).toMatchObject({ status: 403, code: 'FORBIDDEN' });
    expect((await t.request({ method: 'DELETE', url: url(staffFile.id), as: resident })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: url(own.id) })).statusCode).toBe(401);
    expect((await t.request({ method: 'DELETE', url: url(own.id), as: resident })).statusCode).toBe(204);
    expect((await t.request({ url: url(own.id), as: resident })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url: url(own.id), as: resident })).statusCode).toBe(404);
    // Staff may take away a resident's file, for instance one showing personal data.
    expect((await t.request({ method: 'DELETE', url: url(another.id), as: advisor })).statusCode).toBe(204);
    expect(await names(request.id, resident)).toEqual(['reactie.pdf']);

    const seen = (await t.request({ url: `${tenantPath}/requests/${request.id}`, as: resident })).json();
    expect(seen.timeline.filter((event: { kind: string }) => event.kind === 'attachmentRemoved').map((event: { text: string }) => event.text).sort()).toEqual(['eigen.pdf', 'met-adres.png']);
    const audit = await t.database.db.select().from(auditLog).where(and(eq(auditLog.entityId, request.id), eq(auditLog.action, 'request.attachment.remove')));
    expect(audit.map((row) => (row.before as { fileName: string }).fileName).sort()).toEqual(['eigen.pdf', 'met-adres.png']);

    // Closed: the record stays as it was, until the advisor reopens the request.
    const answered = (
      await t.request({
        method: 'POST',
        url: `${tenantPath}/requests/${request.id}/answer`,
        as: advisor,
        payload: { verdict: 'nu', version: seen.version, motivation: 'De tegels worden volgende week door de aannemer van het onderhoudsbestek rechtgelegd.', action: 'Tegels rechtleggen', plannedOn: '2026-06-25' },
      })
    ).json();
    const closed = await t.request({ method: 'POST', url: `${tenantPath}/requests/${request.id}/closure`, as: advisor, payload: { version: answered.version } });
    expect(closed.json().state).toBe('closed');
    const late = await upload(request.id, resident, { fileName: 'na-afsluiten.pdf', content: pdf });
    expect(late.json()).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    expect((await t.request({ method: 'DELETE', url: url(staffFile.id), as: advisor })).json()).toMatchObject({ status: 409, code: 'INVALID_TRANSITION' });
    const afterClosing = (await list(request.id, resident)).json();
    expect(afterClosing.canUpload).toBe(false);
    expect(afterClosing.items.map((item: { canRemove: boolean }) => item.canRemove)).toEqual([false]);
  });
});

describe('telling the other side', () => {
  it('tells the handlers of a file from the submitter, the submitter of a shared file from staff, and nobody of an internal one', async () => {
    const subjectsOf = async (as: Session) => ((await t.request({ url: `${tenantPath}/notifications?pageSize=100`, as })).json().items as { subject: string }[]).map((item) => item.subject);
    const request = await submitRequest(await t.logIn('resident'), { title: 'Bijlagen melden: kapotte bank in het park' });
    const subject = 'Bijlage bij: Bijlagen melden: kapotte bank in het park';
    expect((await upload(request.id, await t.logIn('resident'), { fileName: 'bank.pdf', content: pdf })).statusCode).toBe(201);
    expect((await subjectsOf(await t.logIn('advisorSouth'))).filter((item) => item === subject)).toHaveLength(1);
    expect(await subjectsOf(await t.logIn('resident'))).not.toContain(subject);

    expect((await upload(request.id, await t.logIn('advisorSouth'), { fileName: 'intern.png', content: png }, [{ name: 'isInternal', value: 'true' }])).statusCode).toBe(201);
    expect(await subjectsOf(await t.logIn('resident'))).not.toContain(subject);
    expect((await upload(request.id, await t.logIn('advisorSouth'), { fileName: 'planning.png', content: png })).statusCode).toBe(201);
    expect((await subjectsOf(await t.logIn('resident'))).filter((item) => item === subject)).toHaveLength(1);
  });
});

describe('privacy on the public timeline', () => {
  it('never shows a visitor the name of the resident or council member who added or removed a file', async () => {
    for (const [as, name] of [
      [resident, 'Eva Mulder'],
      [member, 'Henk Aarts'],
    ] as const) {
      const request = await submitRequest(as, { title: `Bijlage van de indiener: ${name.split(' ')[0]}` });
      const added = await upload(request.id, as, { fileName: 'schets.pdf', content: pdf });
      expect(added.statusCode).toBe(201);
      expect((await t.request({ method: 'DELETE', url: `${tenantPath}/requests/${request.id}/attachments/${added.json().id}`, as })).statusCode).toBe(204);
      const seenByVisitor = await t.request({ url: `${tenantPath}/requests/${request.id}` });
      expect(seenByVisitor.json().timeline.map((event: { kind: string }) => event.kind)).toEqual(['submitted', 'attachmentAdded', 'attachmentRemoved']);
      expect(seenByVisitor.body).not.toContain(name);
      // The submitter's own side still sees who did it.
      expect((await t.request({ url: `${tenantPath}/requests/${request.id}`, as })).json().timeline.map((event: { actorLabel: string }) => event.actorLabel)).toEqual([name, name, name]);
    }
  });
});
