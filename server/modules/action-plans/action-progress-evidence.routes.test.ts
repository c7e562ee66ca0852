import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMonitoredPlan } from '../../../test/action-plan-factories.ts';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';
import { multipartForm, type Part, pdfOfSize, sampleFiles } from '../../../test/multipart.ts';
import { auditLog } from '../../platform/audit-log.tables.ts';
import { actionPlanAction } from './action-plan-content.tables.ts';

let t: TestApp;
let ids: DemoIds;
let policeActionId: string;
let trafficActionId: string;
let closedActionId: string;

// Small limits, so "too large" and "quota full" need no megabytes in a test.
const maxBytes = 64 * 1024;
const quota = 150 * 1024;

const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}
const actionUrl = (actionId: string) => `${tenantPath}/action-plan-actions/${actionId}`;

async function postProgress(person: DemoPerson, actionId: string, note: string) {
  const version = await actionVersion(actionId);
  const posted = await t.request({ method: 'POST', url: `${actionUrl(actionId)}/progress`, ...(await as(person)), payload: { status: 'on_track', note, version } });
  expect(posted.statusCode, posted.body).toBe(200);
  return posted.json().progressEntryId as string;
}

async function actionVersion(actionId: string): Promise<number> {
  const [row] = await t.database.db.select({ version: actionPlanAction.version }).from(actionPlanAction).where(and(eq(actionPlanAction.municipalityId, t.municipalityId), eq(actionPlanAction.id, actionId)));
  return row.version;
}

async function upload(person: DemoPerson | null, actionId: string, progressId: string, file: { fileName: string; content: Buffer; contentType?: string }, extra: Part[] = []) {
  t.clock.advance(1000);
  return t.request({ method: 'POST', url: `${actionUrl(actionId)}/progress/${progressId}/evidence`, ...(await as(person)), ...multipartForm([...extra, { name: 'file', ...file }]) });
}

async function logInEveryone() {
  for (const person of ['advisorSouth', 'partner', 'officer', 'officerGreen', 'councilMember', 'councilMemberOost', 'resident'] as const) await as(person);
}

beforeAll(async () => {
  t = await createTestApp({ ATTACHMENT_MAX_BYTES: maxBytes, ATTACHMENT_QUOTA_BYTES_PER_USER: quota });
  ids = await findDemoIds(t);
  const admin = await t.logIn('admin');
  const adminId = (await t.request({ url: `${tenantPath}/users?search=Janssen`, as: admin })).json().items[0].id;
  const police = ((await t.request({ url: `${tenantPath}/partner-organisations?pageSize=100`, as: admin })).json().items as { id: string; name: string }[]).find((item) => item.name.startsWith('Politie'))!.id;
  const running = await insertMonitoredPlan(t, adminId, {
    neighbourhoodId: ids.brandevoort,
    title: 'Wijkactieplan Brandevoort met bewijs',
    actions: [
      { title: 'Surveillance bij de scholen', deadlineOn: '2026-12-01', owner: { kind: 'partner', id: police } },
      { title: 'Snelheidsdisplays plaatsen', deadlineOn: '2026-11-01', owner: { kind: 'department', id: ids.verkeer } },
    ],
  });
  [policeActionId, trafficActionId] = running.actions.map((action) => action.id);
  const closed = await insertMonitoredPlan(t, adminId, { neighbourhoodId: ids.brandevoort, title: 'Afgesloten plan', state: 'closed', periodStartsOn: '2024-01-01', periodEndsOn: '2025-12-31', actions: [{ title: 'Oude actie', deadlineOn: '2025-06-01', owner: { kind: 'partner', id: police } }] });
  closedActionId = closed.actions[0].id;
});
afterAll(async () => t?.close());

describe('evidence with a progress report', () => {
  it('takes a photo from the action’s owner, shows it in the history to readers of the plan, and gives it back byte for byte as a sandboxed download', async () => {
    const progressId = await postProgress('partner', policeActionId, 'Eerste controles gehouden.');
    const added = await upload('partner', policeActionId, progressId, { fileName: '../../foto\u202Egnp.exe controle.png', content: sampleFiles.png, contentType: 'image/png' });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json()).toMatchObject({ mediaType: 'image/png', sizeBytes: sampleFiles.png.length, isOwn: true, canRemove: true });
    expect(added.json().fileName).toBe('fotognp.exe controle.png');

    const history = (await t.request({ url: `${actionUrl(policeActionId)}/progress`, ...(await as('councilMember')) })).json();
    expect(history).toMatchObject({ maxEvidenceBytes: maxBytes, maxEvidencePerEntry: 5 });
    const entry = history.items.find((item: { id: string }) => item.id === progressId);
    expect(entry.evidence).toEqual([expect.objectContaining({ id: added.json().id, fileName: 'fotognp.exe controle.png', isOwn: false, canRemove: false })]);
    expect(entry.canAddEvidence).toBe(false);

    const download = await t.request({ url: `${actionUrl(policeActionId)}/evidence/${added.json().id}`, ...(await as('councilMember')) });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(sampleFiles.png)).toBe(true);
    expect(download.headers).toMatchObject({ 'content-type': 'image/png', 'content-security-policy': 'sandbox', 'x-content-type-options': 'nosniff' });
    expect(download.headers['content-disposition']).toContain('attachment;');

    const [audit] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.action, 'actionPlan.addEvidence')));
    expect(audit).toMatchObject({ entityType: 'action_plan_action', entityId: policeActionId });
    expect(JSON.stringify(audit.after)).not.toContain('content');
  });

  it('lets only the owner and the advisor add evidence; readers, other departments and strangers change nothing', async () => {
    const progressId = await postProgress('partner', policeActionId, 'Controles gaan door.');
    await logInEveryone();
    const before = await fingerprintDatabase(t.database.db);
    const refused: [DemoPerson | null, number, string?][] = [
      [null, 401],
      ['resident', 403],
      ['officer', 403, 'ACTION_NOT_OWNED'],
      ['councilMember', 403, 'ACTION_NOT_OWNED'],
      // Another neighbourhood's council does not know the plan exists.
      ['councilMemberOost', 404],
    ];
    for (const [person, status, code] of refused) {
      const response = await upload(person, policeActionId, progressId, { fileName: 'bewijs.pdf', content: sampleFiles.pdf });
      expect(response.statusCode, `${person}: ${response.body}`).toBe(status);
      expect(response.headers['content-type']).toContain('application/problem+json');
      if (code) expect(response.json().code).toBe(code);
    }
    // A report of another action is not this action's.
    const trafficProgress = await postProgress('officer', trafficActionId, 'Displays besteld.');
    const elsewhere = await upload('partner', policeActionId, trafficProgress, { fileName: 'bewijs.pdf', content: sampleFiles.pdf });
    expect(elsewhere.statusCode).toBe(404);
    const byAdvisor = await upload('advisorSouth', policeActionId, progressId, { fileName: 'verslag.pdf', content: sampleFiles.pdf });
    expect(byAdvisor.statusCode, byAdvisor.body).toBe(201);
    expect(before).not.toEqual(await fingerprintDatabase(t.database.db));
  });

  it('refuses a program or a web page dressed up as an image, a second file, other fields, an empty or too large file, and a plain JSON body, storing nothing', async () => {
    const progressId = await postProgress('partner', policeActionId, 'Nog een ronde.');
    await logInEveryone();
    const before = await fingerprintDatabase(t.database.db);
    const program = await upload('partner', policeActionId, progressId, { fileName: 'foto.png', content: sampleFiles.program, contentType: 'image/png' });
    expect(program.statusCode).toBe(415);
    expect(program.json()).toMatchObject({ code: 'ATTACHMENT_TYPE_NOT_ALLOWED', errors: [{ field: 'body.file', code: 'attachmentType' }] });
    expect((await upload('partner', policeActionId, progressId, { fileName: 'verslag.pdf', content: sampleFiles.webPage })).statusCode).toBe(415);
    const two = await upload('partner', policeActionId, progressId, { fileName: 'a.pdf', content: sampleFiles.pdf }, [{ name: 'file', fileName: 'b.pdf', content: sampleFiles.pdf }]);
    expect(two.json().errors[0]).toMatchObject({ field: 'body.file', code: 'oneFileOnly' });
    const extra = await upload('partner', policeActionId, progressId, { fileName: 'a.pdf', content: sampleFiles.pdf }, [{ name: 'isInternal', value: 'true' }]);
    expect(extra.statusCode).toBe(400);
    expect(extra.json().errors[0]).toMatchObject({ field: 'body', code: 'tooManyFormFields' });
    expect(extra.json().errors[0].message).toContain('“file”');
    const empty = await upload('partner', policeActionId, progressId, { fileName: 'leeg.pdf', content: Buffer.alloc(0) });
    expect(empty.json().errors[0]).toMatchObject({ field: 'body.file', code: 'required' });
    const large = await upload('partner', policeActionId, progressId, { fileName: 'groot.pdf', content: pdfOfSize(maxBytes + 1) });
    expect(large.statusCode).toBe(413);
    expect(large.json()).toMatchObject({ code: 'ATTACHMENT_TOO_LARGE', errors: [{ field: 'body.file', code: 'attachmentTooLarge' }] });
    const json = await t.request({ method: 'POST', url: `${actionUrl(policeActionId)}/progress/${progressId}/evidence`, ...(await as('partner')), payload: { file: 'x' } });
    expect(json.statusCode).toBe(415);
    expect(json.json().code).toBe('MULTIPART_REQUIRED');
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('takes five pieces per report, no more', async () => {
    const progressId = await postProgress('officer', trafficActionId, 'Vijf displays geplaatst.');
    for (let index = 1; index <= 5; index++) expect((await upload('officer', trafficActionId, progressId, { fileName: `display-${index}.png`, content: sampleFiles.png })).statusCode).toBe(201);
    const sixth = await upload('officer', trafficActionId, progressId, { fileName: 'display-6.png', content: sampleFiles.png });
    expect(sixth.statusCode).toBe(409);
    expect(sixth.json().code).toBe('TOO_MUCH_EVIDENCE');
    expect(sixth.json().detail).toContain('5');
  });

  it('counts evidence and request attachments against one quota per person', async () => {
    const progressId = await postProgress('officer', trafficActionId, 'Metingen gedaan.');
    // Koen has uploaded five small images; one file of 60 kB still fits, the second would pass 150 kB.
    expect((await upload('officer', trafficActionId, progressId, { fileName: 'meting-1.pdf', content: pdfOfSize(60 * 1024) })).statusCode).toBe(201);
    const submitted = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      ...(await as('resident')),
      payload: { kind: 'request', title: 'Te hard rijden bij de school', body: 'Ook na de displays wordt er ’s ochtends nog hard gereden; de adviseur voegt de meting toe.', neighbourhoodId: ids.brandevoort, scale: 'street' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const open = submitted.json() as { id: string };
    // Sanne handles Brandevoort's requests: her request attachments (100 kB) and her evidence share her 150 kB.
    for (const fileName of ['schets.pdf', 'meting.pdf']) {
      const attached = await t.request({ method: 'POST', url: `${tenantPath}/requests/${open.id}/attachments`, ...(await as('advisorSouth')), ...multipartForm([{ name: 'file', fileName, content: pdfOfSize(50 * 1024) }]) });
      expect(attached.statusCode, attached.body).toBe(201);
    }
    const overQuota = await upload('advisorSouth', trafficActionId, progressId, { fileName: 'meting-2.pdf', content: pdfOfSize(60 * 1024) });
    expect(overQuota.statusCode).toBe(413);
    expect(overQuota.json()).toMatchObject({ code: 'ATTACHMENT_QUOTA_EXCEEDED', errors: [{ field: 'body.file', code: 'attachmentQuotaExceeded' }] });
  });

  it('is removed by its uploader or the advisor, not by another owner’s reader; a closed plan keeps what it has', async () => {
    const progressId = await postProgress('partner', policeActionId, 'Resultaat van de maand.');
    const added = (await upload('partner', policeActionId, progressId, { fileName: 'resultaat.pdf', content: sampleFiles.pdf })).json();
    const url = `${actionUrl(policeActionId)}/evidence/${added.id}`;
    expect((await t.request({ method: 'DELETE', url, ...(await as('councilMember')) })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url, ...(await as('councilMemberOost')) })).statusCode).toBe(404);
    expect((await t.request({ url, ...(await as('councilMemberOost')) })).statusCode).toBe(404);
    expect((await t.request({ url })).statusCode).toBe(401);
    // The id of this evidence under another action does not exist.
    expect((await t.request({ url: `${actionUrl(trafficActionId)}/evidence/${added.id}`, ...(await as('advisorSouth')) })).statusCode).toBe(404);
    expect((await t.request({ method: 'DELETE', url, ...(await as('partner')) })).statusCode).toBe(204);
    expect((await t.request({ url, ...(await as('partner')) })).statusCode).toBe(404);
    const [removed] = await t.database.db.select().from(auditLog).where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.action, 'actionPlan.removeEvidence')));
    expect(removed).toMatchObject({ entityId: policeActionId });

    const closedHistory = (await t.request({ url: `${actionUrl(closedActionId)}/progress`, ...(await as('advisorSouth')) })).json();
    expect(closedHistory.items).toEqual([]);
    const onClosed = await t.request({ method: 'POST', url: `${actionUrl(closedActionId)}/progress`, ...(await as('partner')), payload: { status: 'done', version: await actionVersion(closedActionId) } });
    expect(onClosed.statusCode).toBe(409);
  });

  it('never reaches the public plan page', async () => {
    const page = await t.request({ url: `${tenantPath}/neighbourhoods/${ids.brandevoort}/action-plan` });
    expect(page.body).not.toContain('evidence');
    expect(page.body).not.toContain('fotognp');
  });
});
