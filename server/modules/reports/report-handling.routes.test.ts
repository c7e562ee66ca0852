import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoPerson, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}

/** A visitor's report near the centre of Brouwhuis; wijkonderhoud handles litter bins and street lights. */
async function report(overrides: Record<string, unknown> = {}) {
  t.clock.advance(1000);
  const response = await t.request({
    method: 'POST',
    url: `${tenantPath}/reports`,
    payload: { categoryCode: 'prullenbak-is-vol', location: { latitude: 51.4655, longitude: 5.6935 }, description: 'De prullenbak bij het speelveld puilt uit.', email: 'melder@mail.example', contactConsent: true, ...overrides },
  });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string; statusToken: string };
}

const post = async (person: DemoPerson | null, path: string, payload: object) => {
  t.clock.advance(1000);
  return t.request({ method: 'POST', url: `${tenantPath}${path}`, ...(await as(person)), payload });
};
const detail = async (id: string) => (await t.request({ url: `${tenantPath}/reports/${id}`, ...(await as('officerMaintenance')) })).json();
const mailsTo = (email: string, topic: string) => queryRows<{ subject: string; body: string }>(t.database.db, sql`select subject, body from outbox_message where recipient_email = ${email} and topic = ${topic} order by created_at`);

let ilseId: string;
let koenId: string;
beforeAll(async () => {
  t = await createTestApp();
  for (const person of ['officerMaintenance', 'officer', 'officerGreen', 'advisorSouth', 'resident', 'admin'] as const) await as(person);
  const users = (await t.request({ url: `${tenantPath}/users?pageSize=100`, ...(await as('admin')) })).json().items as { id: string; displayName: string }[];
  ilseId = users.find((user) => user.displayName === 'Ilse Vermeulen')!.id;
  koenId = users.find((user) => user.displayName === 'Koen Verhoeven')!.id;
});
afterAll(async () => t?.close());

describe('assigning, prioritising and notes', () => {
  it('assigns to an officer of the department only, sets the priority, keeps notes internal, and refuses the rest without change', async () => {
    const { id, statusToken } = await report();
    const assigned = await post('officerMaintenance', `/reports/${id}/assignment`, { assignedUserId: ilseId, version: 1 });
    expect(assigned.statusCode, assigned.body).toBe(200);
    expect(assigned.json()).toMatchObject({ assignedUserId: ilseId, assignedTo: 'Ilse Vermeulen', version: 2 });
    const wrongPerson = await post('officerMaintenance', `/reports/${id}/assignment`, { assignedUserId: koenId, version: 2 });
    expect(wrongPerson.statusCode).toBe(400);
    expect(wrongPerson.json().errors[0]).toMatchObject({ field: 'body.assignedUserId', message: 'Kies een medewerker van de afdeling die de melding behandelt.' });

    expect((await post('officerMaintenance', `/reports/${id}/priority`, { priority: 'high', version: 2 })).json()).toMatchObject({ priority: 'high', version: 3 });
    expect((await t.request({ url: `${tenantPath}/reports?priority=high&assignedToMe=true`, ...(await as('officerMaintenance')) })).json().items.map((item: { id: string }) => item.id)).toEqual([id]);

    expect((await post('officerMaintenance', `/reports/${id}/notes`, { note: 'Bewoner belt vaker over deze plek.' })).statusCode).toBe(200);
    expect((await detail(id)).history.at(-1)).toMatchObject({ kind: 'note', internalNote: 'Bewoner belt vaker over deze plek.', actorName: 'Ilse Vermeulen' });
    const view = await t.request({ url: `${tenantPath}/report-status/${statusToken}` });
    expect(view.body).not.toContain('belt vaker');

    const before = await fingerprintDatabase(t.database.db);
    expect((await post('advisorSouth', `/reports/${id}/priority`, { priority: 'low', version: 3 })).statusCode).toBe(403);
    expect((await post('officer', `/reports/${id}/priority`, { priority: 'low', version: 3 })).statusCode).toBe(404);
    expect((await post('resident', `/reports/${id}/notes`, { note: 'Mag ik dit?' })).statusCode).toBe(403);
    expect((await post(null, `/reports/${id}/notes`, { note: 'Mag ik dit?' })).statusCode).toBe(401);
    expect((await post('officerMaintenance', `/reports/${id}/priority`, { priority: 'urgent', version: 3 })).statusCode).toBe(400);
    expect((await post('officerMaintenance', `/reports/${id}/priority`, { priority: 'low', version: 2 })).json().code).toBe('VERSION_CONFLICT');
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});

describe('merging a duplicate', () => {
  it('closes the duplicate as merged, tells its reporter, who then follows the original and hears of its end', async () => {
    const original = await report({ email: 'eerste@mail.example' });
    const duplicate = await report({ email: 'tweede@mail.example', description: 'Prullenbak vol, afval waait de straat op.' });
    const merged = await post('officerMaintenance', `/reports/${duplicate.id}/merge`, { originalReportId: original.id, version: 1 });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json()).toMatchObject({ status: 'merged', mergedIntoReportId: original.id, allowedStatuses: [] });

    const [told] = await mailsTo('tweede@mail.example', 'report.merged');
    expect(told.subject).toBe(`Uw melding ${duplicate.reference} is samengevoegd`);
    expect(told.body).toContain(original.reference);
    const view = (await t.request({ url: `${tenantPath}/report-status/${duplicate.statusToken}` })).json();
    expect(view).toMatchObject({ status: 'merged', mergedIntoReference: original.reference });
    expect((await detail(original.id)).history.at(-1)).toMatchObject({ kind: 'duplicateMerged' });

    await post('officerMaintenance', `/reports/${original.id}/status`, { status: 'done', version: 1 });
    expect(await mailsTo('tweede@mail.example', 'report.statusChanged')).toHaveLength(1);
    expect(await mailsTo('eerste@mail.example', 'report.statusChanged')).toHaveLength(1);

    const again = await post('officerMaintenance', `/reports/${duplicate.id}/merge`, { originalReportId: original.id, version: 2 });
    expect(again.json().code).toBe('REPORT_CLOSED');
    const another = await report();
    const intoClosed = await post('officerMaintenance', `/reports/${another.id}/merge`, { originalReportId: original.id, version: 1 });
    expect(intoClosed.statusCode).toBe(400);
    expect(intoClosed.json().errors[0].field).toBe('body.originalReportId');
    expect((await post('officerMaintenance', `/reports/${another.id}/merge`, { originalReportId: another.id, version: 1 })).json().errors[0].code).toBe('mergeIntoItself');
  });
});

describe('splitting per department', () => {
  it('makes sub-reports routed and timed by their own categories, and the reporter hears of each', async () => {
    const { id, reference } = await report({ email: 'splits@mail.example', description: 'Prullenbak vol en een boomtak hangt over het pad.' });
    const split = await post('officerMaintenance', `/reports/${id}/split`, { parts: [{ categoryCode: 'boom', description: 'Boomtak hangt laag over het fietspad.' }], version: 1 });
    expect(split.statusCode, split.body).toBe(200);
    const [child] = await queryRows<{ reference: string; department: string; handle_by: string; parent: string }>(
      t.database.db,
      sql`select c.reference, d.code as department, c.handle_by::text, p.reference as parent from report c join report p on p.id = c.parent_report_id join department d on d.id = c.department_id where p.id = ${id}`,
    );
    expect(child).toMatchObject({ department: 'groen', parent: reference });
    const [mail] = await mailsTo('splits@mail.example', 'report.split');
    expect(mail.subject).toContain(child.reference);
    const refused = await post('officerMaintenance', `/reports/${id}/split`, { parts: [{ categoryCode: 'afval', description: 'Een hoofdcategorie.' }], version: 2 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('body.parts.0.categoryCode');
  });
});

describe('referral and requests', () => {
  it('refers to a front-line team of the request protocol and records its progress, and links a request of this municipality', async () => {
    const { id } = await report();
    const brouwhuis = ((await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().items as { id: string; slug: string }[]).find((item) => item.slug === 'brouwhuis')!.id;
    const unknown = await post('officerMaintenance', `/reports/${id}/referral`, { teamCode: 'geheim-team', version: 1 });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.teamCode', code: 'unknownTeam' });
    const referred = await post('officerMaintenance', `/reports/${id}/referral`, { teamCode: 'woonoverlast', note: 'Steeds dezelfde bewoner.', version: 1 });
    expect(referred.statusCode, referred.body).toBe(200);
    const updated = await post('officerMaintenance', `/reports/${id}/referral/progress`, { state: 'fedBack', feedback: 'Gesprek gevoerd.', version: 2 });
    expect(updated.json().version).toBe(3);
    const [stored] = await queryRows<{ referral: { state: string; name: string } }>(t.database.db, sql`select referral from report where id = ${id}`);
    expect(stored.referral).toMatchObject({ state: 'fedBack', name: 'Woonoverlastteam' });

    const submitted = await t.request({
      method: 'POST',
      url: `${tenantPath}/requests`,
      ...(await as('resident')),
      payload: { kind: 'request', title: 'Vaker prullenbakken legen', body: 'De prullenbakken bij het speelveld zijn elke week vol.', neighbourhoodId: brouwhuis, scale: 'street' },
    });
    expect(submitted.statusCode, submitted.body).toBe(201);
    const linked = await post('officerMaintenance', `/reports/${id}/request-link`, { requestId: submitted.json().id, version: 3 });
    expect(linked.statusCode, linked.body).toBe(200);
    expect((await detail(id)).history.at(-1)).toMatchObject({ kind: 'linkedToRequest' });
  });
});

describe('turning a report into a request', () => {
  it('lets the neighbourhood’s advisor make a recurring problem a request under the answer protocol, linked to the report', async () => {
    const { id, reference } = await report({ description: 'De prullenbak bij het speelveld zit elke week vol.' });
    const payload = { title: 'Vaker legen van de prullenbakken bij het speelveld', explanation: 'Er komen elke week meldingen over; het leegschema past niet meer bij hoe druk het speelveld is.', version: 1 };
    const allowedFor = async (person: DemoPerson) => (await t.request({ url: `${tenantPath}/reports/${id}`, ...(await as(person)) })).json().allowedActions as string[];
    expect(await allowedFor('advisorSouth')).toEqual(['turnIntoRequest']);
    expect(await allowedFor('officerMaintenance')).not.toContain('turnIntoRequest');
    expect(await allowedFor('admin')).not.toContain('turnIntoRequest');
    const before = await fingerprintDatabase(t.database.db);
    expect((await post('officerMaintenance', `/reports/${id}/request`, payload)).statusCode).toBe(403);
    expect((await post('admin', `/reports/${id}/request`, payload)).statusCode).toBe(403);
    expect((await post(null, `/reports/${id}/request`, payload)).statusCode).toBe(401);
    expect((await post('resident', `/reports/${id}/request`, payload)).statusCode).toBe(403);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    const turned = await post('advisorSouth', `/reports/${id}/request`, payload);
    expect(turned.statusCode, turned.body).toBe(201);
    const created = (await t.request({ url: `${tenantPath}/requests/${turned.json().requestId}`, ...(await as('advisorSouth')) })).json();
    expect(created).toMatchObject({ kind: 'request', title: payload.title, reference: turned.json().requestReference });
    expect(created.body).toContain(reference);
    expect((await detail(id)).history.at(-1)).toMatchObject({ kind: 'turnedIntoRequest' });
    expect(await allowedFor('advisorSouth')).toEqual([]);
    const again = await post('advisorSouth', `/reports/${id}/request`, { ...payload, version: 2 });
    expect(again.json().errors[0].code).toBe('alreadyLinkedToRequest');
  });
});

describe('bulk actions', () => {
  it('changes a selection all or nothing, naming the report that cannot take the change', async () => {
    const first = await report();
    const second = await report();
    const elsewhere = await report({ categoryCode: 'boom', description: 'Dode boom langs de weg.' });
    const before = await fingerprintDatabase(t.database.db);
    const refused = await post('officerMaintenance', '/report-bulk-actions', { reportIds: [first.id, elsewhere.id, second.id], action: 'changeStatus', status: 'accepted' });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'body.reportIds.1' });
    expect(refused.json().errors[0].message).toContain(elsewhere.reference);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    const done = await post('officerMaintenance', '/report-bulk-actions', { reportIds: [first.id, second.id], action: 'changeStatus', status: 'accepted' });
    expect(done.json()).toEqual({ changed: 2, references: [first.reference, second.reference] });
    // A refusal with only a problem's title still reads as sentences.
    const notAllowed = await post('officerMaintenance', '/report-bulk-actions', { reportIds: [first.id], action: 'changeStatus', status: 'reopened' });
    expect(notAllowed.json().errors[0].message).toMatch(new RegExp(`^Melding ${first.reference}: [^.]+\\. Er is niets gewijzigd;`));
    expect((await detail(first.id)).status).toBe('accepted');
    expect((await post('officerMaintenance', '/report-bulk-actions', { reportIds: [first.id], action: 'setPriority' })).json().errors[0].field).toBe('body.priority');
    expect((await post('resident', '/report-bulk-actions', { reportIds: [first.id], action: 'setPriority', priority: 'low' })).statusCode).toBe(403);
  });
});

describe('satisfaction after done', () => {
  it('asks with one click in the done e-mail; an unhappy answer with a reopening reason reopens the report; figures per category and department', async () => {
    const { id, statusToken } = await report({ email: 'tevreden@mail.example' });
    const early = await t.request({ method: 'POST', url: `${tenantPath}/report-status/${statusToken}/satisfaction`, payload: { isSatisfied: true } });
    expect(early.statusCode).toBe(409);
    expect(early.json().code).toBe('REPORT_NOT_DONE');

    await post('officerMaintenance', `/reports/${id}/status`, { status: 'done', version: 1 });
    const [doneMail] = await mailsTo('tevreden@mail.example', 'report.statusChanged');
    expect(doneMail.body).toContain(`/meldingen/status/${statusToken}?tevreden=nee`);

    const reasons = (await t.request({ url: `${tenantPath}/report-satisfaction-reasons` })).json().items;
    expect(reasons.find((reason: { code: string }) => reason.code === 'niet-opgelost')).toEqual({ code: 'niet-opgelost', name: 'Het probleem is niet opgelost', reopens: true });
    const answer = (payload: object) => {
      t.clock.advance(1000);
      return t.request({ method: 'POST', url: `${tenantPath}/report-status/${statusToken}/satisfaction`, payload });
    };
    expect((await answer({ isSatisfied: true, reasonCode: 'te-lang' })).json().errors[0].field).toBe('body.reasonCode');
    expect((await answer({ isSatisfied: false, reasonCode: 'verzonnen' })).json().errors[0].field).toBe('body.reasonCode');
    const unhappy = await answer({ isSatisfied: false, reasonCode: 'niet-opgelost', comment: 'De prullenbak is nog steeds vol.' });
    expect(unhappy.json()).toEqual({ reference: expect.any(String), isReopened: true });
    const view = (await t.request({ url: `${tenantPath}/report-status/${statusToken}` })).json();
    expect(view.status).toBe('reopened');
    expect(view.history.at(-1).message).toBe('U was niet tevreden; daarom is uw melding heropend.');
    expect(JSON.stringify(view)).not.toContain('nog steeds vol');

    const figures = (await t.request({ url: `${tenantPath}/report-satisfaction?from=2026-01-01&to=2026-12-31`, ...(await as('admin')) })).json();
    expect(figures.byCategory.find((row: { code: string }) => row.code === 'prullenbak-is-vol')).toMatchObject({ answers: 1, satisfied: 0, reopened: 1, percentSatisfied: 0 });
    expect(figures.byDepartment.find((row: { code: string }) => row.code === 'wijkonderhoud')).toMatchObject({ answers: 1 });
    expect((await t.request({ url: `${tenantPath}/report-satisfaction?from=2026-01-01&to=2027-06-30`, ...(await as('admin')) })).statusCode).toBe(400);
    expect((await t.request({ url: `${tenantPath}/report-satisfaction?from=2026-01-01&to=2026-12-31`, ...(await as('resident')) })).statusCode).toBe(403);
  });
});

describe('signals for policy', () => {
  it('counts reports per neighbourhood, main category and week, without merged duplicates', async () => {
    const signals = (await t.request({ url: `${tenantPath}/report-signals?from=2026-06-01&to=2026-06-30`, ...(await as('advisorSouth')) })).json();
    const waste = signals.items.find((item: { categoryCode: string; neighbourhoodName: string }) => item.categoryCode === 'afval' && item.neighbourhoodName === 'Brouwhuis');
    const [{ count }] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from report r join report_category c on c.id = r.category_id where c.code like 'prullenbak%' and r.status <> 'merged'`);
    expect(waste).toMatchObject({ week: '2026-W25', count });
    expect(signals.items.every((item: { categoryCode: string }) => !item.categoryCode.includes('prullenbak'))).toBe(true);
    expect((await t.request({ url: `${tenantPath}/report-signals?from=2026-06-30&to=2026-06-01`, ...(await as('advisorSouth')) })).json().errors[0].field).toBe('querystring.to');
    // Counts only: the council and residents see them as well.
    const asVisitor = await t.request({ url: `${tenantPath}/report-signals?from=2026-06-01&to=2026-06-30` });
    expect(asVisitor.json().items).toEqual(signals.items);
    expect(asVisitor.body).not.toMatch(/mail\.example|speelveld/);
  });
});
