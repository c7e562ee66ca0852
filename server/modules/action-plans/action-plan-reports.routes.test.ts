import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { insertMonitoredPlan } from '../../../test/action-plan-factories.ts';
import { fingerprintDatabase } from '../../../test/database.ts';
import { testStart } from '../../../test/factories.ts';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';
import { auditLog } from '../../platform/audit-log.tables.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { actionPlanInvitation } from './action-plan-contribution.tables.ts';
import { createActionPlanReminderJobs, createActionPlanReportJobs } from './action-plan-reminders.ts';

let t: TestApp;
let ids: DemoIds;
let adminId: string;
let police: string;
let brandevoortPlan: string;
let oostPlan: string;

const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
/** One session per person for the whole file, so a refused call's fingerprint is not disturbed by a login. */
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}
const reportsUrl = (planId: string) => `${tenantPath}/action-plans/${planId}/reports`;

async function messages(topic: string) {
  return t.database.db
    .select()
    .from(outboxMessage)
    .where(and(eq(outboxMessage.municipalityId, t.municipalityId), eq(outboxMessage.topic, topic)));
}

// The test clock stands at Monday 15 June 2026. Both plans were adopted on 1 January and report every three months,
// so the first period (January to March) has ended and the second (April to June) has not.
beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  const admin = await t.logIn('admin');
  adminId = (await t.request({ url: `${tenantPath}/users?search=Janssen`, as: admin })).json().items[0].id;
  police = ((await t.request({ url: `${tenantPath}/partner-organisations?pageSize=100`, as: admin })).json().items as { id: string; name: string }[]).find((item) => item.name.startsWith('Politie'))!.id;
  const brandevoort = await insertMonitoredPlan(t, adminId, {
    neighbourhoodId: ids.brandevoort,
    title: 'Wijkactieplan Brandevoort',
    actions: [
      { title: 'Schoolzone herinrichten', deadlineOn: '2026-06-25', owner: { kind: 'department', id: ids.verkeer } },
      { title: 'Surveillance scholen', deadlineOn: '2026-08-01', status: 'on_track', owner: { kind: 'partner', id: police } },
      { title: 'Buurtschouw gehouden', deadlineOn: '2026-06-20', status: 'done', owner: { kind: 'council', id: ids.councilBrandevoort } },
      { title: 'Verlichting fietspad', deadlineOn: '2026-06-01', status: 'delayed', owner: { kind: 'department', id: ids.verkeer } },
    ],
  });
  brandevoortPlan = brandevoort.plan.id;
  oostPlan = (await insertMonitoredPlan(t, adminId, { neighbourhoodId: ids.oost, title: 'Wijkactieplan Helmond-Oost', state: 'adopted', actions: [{ title: 'Speeltuin vernieuwen', deadlineOn: '2026-10-01', owner: { kind: 'department', id: ids.groen } }] })).plan.id;
  for (const person of ['admin', 'advisor', 'advisorSouth', 'officer', 'councilMember', 'councilMemberOost', 'partner', 'resident'] as const) await as(person);
});
afterAll(async () => t?.close());

describe('progress reports to the council', () => {
  it('are made and sent by the neighbourhood’s advisor only, once per ended period', async () => {
    expect((await t.request({ url: reportsUrl(brandevoortPlan), ...(await as('councilMember')) })).json()).toEqual({ items: [] });
    const before = await fingerprintDatabase(t.database.db);
    expect((await t.request({ method: 'POST', url: reportsUrl(brandevoortPlan) })).statusCode).toBe(401);
    // The advisor of the north and east reads the plan but does not run it.
    for (const [person, status] of [['advisor', 403], ['officer', 403], ['councilMember', 403], ['partner', 403], ['resident', 403], ['councilMemberOost', 403]] as const) {
      expect((await t.request({ method: 'POST', url: reportsUrl(brandevoortPlan), ...(await as(person)) })).statusCode, person).toBe(status);
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    const made = await t.request({ method: 'POST', url: reportsUrl(brandevoortPlan), ...(await as('advisorSouth')) });
    expect(made.statusCode, made.body).toBe(200);
    // Sent today, long after its due day: late.
    expect(made.json().items).toEqual([{ number: 1, periodStartsOn: '2026-01-01', periodEndsOn: '2026-03-31', dueOn: '2026-04-10', sentOn: '2026-06-15', isLate: true }]);
    const sent = await messages('actionPlan.progressReport');
    expect(sent.filter((row) => row.channel === 'email').map((row) => row.recipientEmail)).toEqual(['henk.aarts@brandevoort.example']);
    expect(sent[0].body).toContain(`/helmond/wijkactieplannen/${brandevoortPlan}`);
    const again = await t.request({ method: 'POST', url: reportsUrl(brandevoortPlan), ...(await as('advisorSouth')) });
    expect(again.json().items).toHaveLength(1);
    expect(await messages('actionPlan.progressReport')).toHaveLength(sent.length);
    const audited = await t.database.db.select().from(auditLog).where(and(eq(auditLog.municipalityId, t.municipalityId), eq(auditLog.action, 'actionPlan.sendProgressReport')));
    expect(audited).toHaveLength(1);
  });

  it('shows the report’s content to the plan’s readers: the roll-up, every action and the successes', async () => {
    const report = await t.request({ url: `${reportsUrl(brandevoortPlan)}/1`, ...(await as('councilMember')) });
    expect(report.statusCode, report.body).toBe(200);
    const body = report.json();
    expect(body).toMatchObject({ number: 1, planId: brandevoortPlan, sentOn: '2026-06-15', isLate: true });
    expect(body.content.rollup).toMatchObject({ total: 4, counted: 4, done: 1, overdue: 1, delayed: 1, percentDone: 25 });
    expect(body.content.successes).toEqual([expect.objectContaining({ title: 'Buurtschouw gehouden', doneOn: '2026-05-01' })]);
    const late = body.content.challenges[0].actions.find((action: { title: string }) => action.title === 'Verlichting fietspad');
    expect(late).toMatchObject({ isOverdue: true, status: 'delayed', ownerName: expect.any(String) });
    // The police own an action in the plan, so they read it too; another neighbourhood's council does not.
    expect((await t.request({ url: `${reportsUrl(brandevoortPlan)}/1`, ...(await as('partner')) })).statusCode).toBe(200);
    expect((await t.request({ url: `${reportsUrl(brandevoortPlan)}/1`, ...(await as('councilMemberOost')) })).statusCode).toBe(404);
    expect((await t.request({ url: reportsUrl(brandevoortPlan), ...(await as('councilMemberOost')) })).statusCode).toBe(404);
    expect((await t.request({ url: `${reportsUrl(brandevoortPlan)}/1`, ...(await as('resident')) })).statusCode).toBe(403);
    expect((await t.request({ url: `${reportsUrl(brandevoortPlan)}/1` })).statusCode).toBe(401);
  });

  it('finds nothing at a report number that is no number or does not exist', async () => {
    for (const number of ['0', '2', 'abc', '1e3', '01', '9999999', crypto.randomUUID()]) {
      expect((await t.request({ url: `${reportsUrl(brandevoortPlan)}/${number}`, ...(await as('advisorSouth')) })).statusCode, number).toBe(404);
    }
    expect((await t.request({ url: `${reportsUrl(brandevoortPlan)}/x/document`, ...(await as('advisorSouth')) })).statusCode).toBe(404);
  });

  it('downloads a report as a PDF that holds the actions', async () => {
    const pdf = await t.request({ url: `${reportsUrl(brandevoortPlan)}/1/document`, ...(await as('councilMember')) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="voortgang-brandevoort-1.pdf"');
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Schoolzone herinrichten');
    expect(text).toContain('Buurtschouw gehouden');
  });

  it('are made by the daily job for every monitored plan, once a day and once per period', async () => {
    const [job] = createActionPlanReportJobs({ clock: t.clock, publicUrl: 'http://localhost' });
    await job.run(t.database.db);
    await job.run(t.database.db);
    expect((await t.request({ url: reportsUrl(oostPlan), ...(await as('councilMemberOost')) })).json().items.map((item: { number: number }) => item.number)).toEqual([1]);
    const toOost = (await messages('actionPlan.progressReport')).filter((row) => row.recipientEmail === 'ayse.yildiz@helmond-oost.example');
    expect(toOost).toHaveLength(1);
    t.clock.set('2026-07-02T08:00:00Z');
    try {
      await job.run(t.database.db);
    } finally {
      // Back before reading: the sessions were made at the test's start and would have expired by July.
      t.clock.set(testStart);
    }
    const items = (await t.request({ url: reportsUrl(brandevoortPlan), ...(await as('advisorSouth')) })).json().items;
    // Made on 2 July, within ten days of the period's end: on time.
    expect(items).toEqual([expect.objectContaining({ number: 1 }), { number: 2, periodStartsOn: '2026-04-01', periodEndsOn: '2026-06-30', dueOn: '2026-07-10', sentOn: '2026-07-02', isLate: false }]);
  });
});

describe('reminders', () => {
  it('remind an invited party that has not contributed two working days before the due date, once', async () => {
    const collecting = await insertMonitoredPlan(t, adminId, { neighbourhoodId: ids.brandevoort, title: 'Wijkactieplan Brandevoort 2028', state: 'collecting', adoptedOn: null, periodStartsOn: '2028-01-01', periodEndsOn: '2029-12-31' });
    const invitation = { municipalityId: t.municipalityId, planId: collecting.plan.id, invitedAt: new Date('2026-05-01T00:00:00Z') };
    await t.database.db.insert(actionPlanInvitation).values([
      { ...invitation, partyKind: 'partner', partnerOrganisationId: police, dueOn: '2026-06-17' },
      { ...invitation, partyKind: 'department', departmentId: ids.verkeer, dueOn: '2026-06-16', contributedAt: new Date('2026-06-01T00:00:00Z') },
      { ...invitation, partyKind: 'council', councilId: ids.councilBrandevoort, dueOn: '2026-06-30' },
    ]);
    const [contributionDue] = createActionPlanReminderJobs({ clock: t.clock, publicUrl: 'http://localhost' });
    await contributionDue.run(t.database.db);
    await contributionDue.run(t.database.db);
    const reminded = await messages('actionPlan.contributionDue');
    expect(reminded.filter((row) => row.channel === 'in_app')).toHaveLength(1);
    expect(reminded.filter((row) => row.channel === 'email').map((row) => row.recipientEmail)).toEqual(['bram.dewit@politie.example']);
    expect(reminded[0].body).toContain('Wijkactieplan Brandevoort 2028');
  });

  it('remind an action’s owner from the published number of days before its deadline, once', async () => {
    const [, deadlineNear] = createActionPlanReminderJobs({ clock: t.clock, publicUrl: 'http://localhost' });
    await deadlineNear.run(t.database.db);
    await deadlineNear.run(t.database.db);
    const titles = async () => (await messages('actionPlan.deadlineNear')).filter((row) => row.channel === 'in_app').map((row) => row.subject);
    const once = async () => [...new Set(await titles())].sort();
    // Within the default 14 days only the schoolzone; the done and the overdue actions get none.
    expect(await once()).toEqual(['Einddatum nadert: Schoolzone herinrichten']);
    const count = (await titles()).length;
    const method = (await t.request({ url: `${tenantPath}/action-plan-method` })).json();
    const { publishedAt: _, allowedActions: __, ...body } = method;
    const published = await t.request({ method: 'PUT', url: `${tenantPath}/action-plan-method`, ...(await as('advisorSouth')), payload: { ...body, deadlineReminderDays: 60 } });
    expect(published.statusCode, published.body).toBe(200);
    await deadlineNear.run(t.database.db);
    // Speeltuin vernieuwen is due in October, further off than 60 days; the schoolzone is not reminded again.
    expect(await once()).toEqual(['Einddatum nadert: Schoolzone herinrichten', 'Einddatum nadert: Surveillance scholen']);
    expect((await titles()).filter((title) => title.includes('Schoolzone'))).toHaveLength(count);
  });
});
