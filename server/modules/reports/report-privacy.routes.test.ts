import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoPerson, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { createReportRetentionJob } from './report-privacy.service.ts';

let t: TestApp;
const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}
async function report(email: string, description: string) {
  t.clock.advance(1000);
  const response = await t.request({ method: 'POST', url: `${tenantPath}/reports`, payload: { categoryCode: 'prullenbak-is-vol', location: { latitude: 51.4655, longitude: 5.6935 }, description, email, phone: '06 12345678', contactConsent: true } });
  expect(response.statusCode, response.body).toBe(201);
  return response.json() as { id: string; reference: string; statusToken: string };
}
const contactOf = async (id: string) => (await queryRows<{ reporter_email: string | null; reporter_phone: string | null; contact_erased_at: Date | null }>(t.database.db, sql`select reporter_email, reporter_phone, contact_erased_at from report where id = ${id}`))[0];

beforeAll(async () => {
  t = await createTestApp();
  for (const person of ['admin', 'officerMaintenance', 'resident', 'advisorSouth'] as const) await as(person);
});
afterAll(async () => t?.close());

describe('a reporter’s data on request', () => {
  it('exports what is kept for one address, erases it on request, keeps the reports and the status link, and logs both without the address', async () => {
    const own = await report('Piet.Melder@mail.example', 'Prullenbak vol bij de bushalte.');
    const other = await report('ander@mail.example', 'Prullenbak vol bij de school.');
    await t.request({ method: 'POST', url: `${tenantPath}/reports/${other.id}/followers`, payload: { email: 'piet.melder@mail.example', contactConsent: true } });

    const exported = await t.request({ url: `${tenantPath}/report-reporter-data?email=piet.melder@mail.example`, ...(await as('admin')) });
    expect(exported.statusCode, exported.body).toBe(200);
    expect(exported.json()).toMatchObject({ reported: [{ reference: own.reference, description: 'Prullenbak vol bij de bushalte.', phone: '06 12345678' }], followed: [{ reference: other.reference }] });

    const before = await fingerprintDatabase(t.database.db);
    for (const person of ['officerMaintenance', 'advisorSouth', 'resident'] as const) {
      expect((await t.request({ url: `${tenantPath}/report-reporter-data?email=piet.melder@mail.example`, ...(await as(person)) })).statusCode).toBe(403);
      expect((await t.request({ method: 'POST', url: `${tenantPath}/report-reporter-erasures`, ...(await as(person)), payload: { email: 'piet.melder@mail.example' } })).statusCode).toBe(403);
    }
    expect((await t.request({ method: 'POST', url: `${tenantPath}/report-reporter-erasures`, payload: { email: 'piet.melder@mail.example' } })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: `${tenantPath}/report-reporter-erasures`, ...(await as('admin')), payload: { email: 'geen-adres' } })).json().errors[0].field).toBe('body.email');
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    const erased = await t.request({ method: 'POST', url: `${tenantPath}/report-reporter-erasures`, ...(await as('admin')), payload: { email: 'PIET.MELDER@mail.example' } });
    expect(erased.json()).toEqual({ reports: 1, followed: 1 });
    expect(await contactOf(own.id)).toMatchObject({ reporter_email: null, reporter_phone: null, contact_erased_at: expect.anything() });
    expect((await contactOf(other.id)).reporter_email).toBe('ander@mail.example');
    expect((await t.request({ url: `${tenantPath}/report-status/${own.statusToken}` })).json()).toMatchObject({ reference: own.reference, description: 'Prullenbak vol bij de bushalte.' });
    const again = (await t.request({ url: `${tenantPath}/report-reporter-data?email=piet.melder@mail.example`, ...(await as('admin')) })).json();
    expect(again).toMatchObject({ reported: [], followed: [] });

    const audit = await queryRows<{ action: string; after: unknown }>(t.database.db, sql`select action, after from audit_log where action in ('report.exportReporter', 'report.eraseReporter') order by occurred_at`);
    expect(audit.map((row) => row.action).sort()).toEqual(['report.eraseReporter', 'report.exportReporter', 'report.exportReporter']);
    expect(JSON.stringify(audit)).not.toContain('melder');
  });
});

describe('the retention of reporters’ contact data', () => {
  it('erases contact data and followers the configured months after closing, and keeps open and recently closed reports’ contacts', async () => {
    const closedLongAgo = await report('oud@mail.example', 'Prullenbak vol, lang geleden.');
    const stillOpen = await report('open@mail.example', 'Prullenbak vol, nog open.');
    await t.request({ method: 'POST', url: `${tenantPath}/reports/${closedLongAgo.id}/followers`, payload: { email: 'volger@mail.example', contactConsent: true } });
    expect((await t.request({ method: 'POST', url: `${tenantPath}/reports/${closedLongAgo.id}/status`, ...(await as('officerMaintenance')), payload: { status: 'done', version: 1 } })).statusCode).toBe(200);

    const job = createReportRetentionJob({ clock: t.clock });
    const sweep = () => inTransaction(t.database.db, (tx) => job.run(tx));
    t.clock.advance(11 * 30 * 86_400_000);
    await sweep();
    expect((await contactOf(closedLongAgo.id)).reporter_email).toBe('oud@mail.example');

    t.clock.advance(60 * 86_400_000);
    await sweep();
    expect(await contactOf(closedLongAgo.id)).toMatchObject({ reporter_email: null, reporter_phone: null });
    expect((await contactOf(stillOpen.id)).reporter_email).toBe('open@mail.example');
    const [{ followers }] = await queryRows<{ followers: number }>(t.database.db, sql`select count(*)::int as followers from report_follower where report_id = ${closedLongAgo.id}`);
    expect(followers).toBe(0);
    const [retention] = await queryRows<{ after: { months: number; references: string[] } }>(t.database.db, sql`select after from audit_log where action = 'report.contactRetention'`);
    expect(retention.after).toMatchObject({ months: 12, references: expect.arrayContaining([closedLongAgo.reference]) });
  });

  it('follows the municipality’s own term', async () => {
    await t.database.db.execute(sql`update municipality set settings = jsonb_set(settings, '{reports}', '{"contactRetentionMonths": 1}') where slug = 'helmond'`);
    sessions.clear();
    const quick = await report('kort@mail.example', 'Prullenbak vol, korte termijn.');
    await t.request({ method: 'POST', url: `${tenantPath}/reports/${quick.id}/status`, ...(await as('officerMaintenance')), payload: { status: 'cancelled', version: 1 } });
    t.clock.advance(32 * 86_400_000);
    await inTransaction(t.database.db, (tx) => createReportRetentionJob({ clock: t.clock }).run(tx));
    expect((await contactOf(quick.id)).reporter_email).toBeNull();
  });
});
