import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoPerson, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';

let t: TestApp;
const sessions = new Map<DemoPerson, Session>();
const as = (person: DemoPerson) => sessions.get(person)!;
let ids: Awaited<ReturnType<typeof findDemoIds>>;

type AdminCategory = { id: string; code: string; name: string; nameEn: string | null; handlingDays: number | null; dayKind: string; departmentId: string | null; departmentName: string | null; isActive: boolean; version: number };
type AdminMain = AdminCategory & { subcategories: AdminCategory[] };

const categoryList = async () => (await t.request({ url: `${tenantPath}/report-category-list`, as: as('admin') })).json().items as AdminMain[];
const publicTree = async () => (await t.request({ url: `${tenantPath}/report-categories` })).json().items as { code: string; subcategories: { code: string; name: string; handlingDays: number | null; dayKind: string }[] }[];
const submit = (categoryCode: string) =>
  t.request({ method: 'POST', url: `${tenantPath}/reports`, payload: { categoryCode, location: { latitude: 51.4655, longitude: 5.6935 }, description: 'Bij het speelveld ligt een kapotte bank op het pad.' } });

beforeAll(async () => {
  t = await createTestApp();
  for (const person of ['admin', 'officer', 'advisor', 'resident'] as const) sessions.set(person, await t.logIn(person));
  ids = await findDemoIds(t);
});
afterAll(async () => t?.close());

describe('report categories kept by the admin', () => {
  it('lists every category with ids, departments and whether it is active', async () => {
    const items = await categoryList();
    const roads = items.find((item) => item.code === 'wegen-verkeer-straatmeubilair')!;
    const light = roads.subcategories.find((item) => item.code === 'straatverlichting-openbare-klok')!;
    expect(light).toMatchObject({ handlingDays: 21, dayKind: 'calendar', departmentName: 'Wijkonderhoud', isActive: true, version: 1 });
  });

  it('adds a subcategory that reporters can choose at once, and routes its reports and deadline as set', async () => {
    const created = await t.request({
      method: 'POST',
      url: `${tenantPath}/report-categories`,
      as: as('admin'),
      payload: { code: 'kapotte-bank', parentCode: 'wegen-verkeer-straatmeubilair', name: 'Kapotte bank', nameEn: 'Broken bench', handlingDays: 5, dayKind: 'calendar', departmentId: ids.groen },
    });
    expect(created.statusCode, created.body).toBe(201);
    expect(created.json()).toMatchObject({ code: 'kapotte-bank', parentCode: 'wegen-verkeer-straatmeubilair', departmentId: ids.groen, version: 1 });
    const offered = (await publicTree()).find((item) => item.code === 'wegen-verkeer-straatmeubilair')!.subcategories.find((item) => item.code === 'kapotte-bank');
    expect(offered).toMatchObject({ name: 'Kapotte bank', handlingDays: 5, dayKind: 'calendar' });

    const reported = await submit('kapotte-bank');
    expect(reported.statusCode, reported.body).toBe(201);
    // Five calendar days from Monday 15 June 2026.
    expect(reported.json().handleBy).toBe('2026-06-20');
    const [stored] = await queryRows<{ department: string }>(t.database.db, sql`select d.code as department from report r join department d on d.id = r.department_id where r.id = ${reported.json().id}`);
    expect(stored.department).toBe('groen');

    const [audit] = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where entity_id = ${created.json().id}`);
    expect(audit.action).toBe('report.category.create');
  });

  it('changes a subcategory’s term, day kind and department for new reports, and retires it without deleting', async () => {
    const bench = (await categoryList()).flatMap((item) => item.subcategories).find((item) => item.code === 'kapotte-bank')!;
    const changed = await t.request({
      method: 'PATCH',
      url: `${tenantPath}/report-categories/${bench.id}`,
      as: as('admin'),
      payload: { version: bench.version, name: 'Bank is kapot', handlingDays: 3, dayKind: 'working', departmentId: ids.verkeer },
    });
    expect(changed.statusCode, changed.body).toBe(200);
    expect(changed.json()).toMatchObject({ name: 'Bank is kapot', handlingDays: 3, dayKind: 'working', departmentName: 'Verkeer', version: 2 });
    const reported = await submit('kapotte-bank');
    // Three working days from Monday 15 June 2026.
    expect(reported.json().handleBy).toBe('2026-06-18');
    const [stored] = await queryRows<{ department: string }>(t.database.db, sql`select d.code as department from report r join department d on d.id = r.department_id where r.id = ${reported.json().id}`);
    expect(stored.department).toBe('verkeer');

    const stale = await t.request({ method: 'PATCH', url: `${tenantPath}/report-categories/${bench.id}`, as: as('admin'), payload: { version: 1, isActive: false } });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().code).toBe('VERSION_CONFLICT');

    const retired = await t.request({ method: 'PATCH', url: `${tenantPath}/report-categories/${bench.id}`, as: as('admin'), payload: { version: 2, isActive: false } });
    expect(retired.statusCode, retired.body).toBe(200);
    expect((await publicTree()).flatMap((item) => item.subcategories).some((item) => item.code === 'kapotte-bank')).toBe(false);
    expect((await submit('kapotte-bank')).json().errors[0]).toMatchObject({ field: 'body.categoryCode', code: 'unknownCategory' });
    expect((await categoryList()).flatMap((item) => item.subcategories).find((item) => item.code === 'kapotte-bank')).toMatchObject({ isActive: false, version: 3 });
  });

  it('refuses bad input with 400 naming the field, and a code in use with 409, without change', async () => {
    const admin = as('admin');
    const before = await fingerprintDatabase(t.database.db);
    const post = (payload: object) => t.request({ method: 'POST', url: `${tenantPath}/report-categories`, as: admin, payload });
    const fieldOf = async (response: ReturnType<typeof post>) => {
      const answer = await response;
      return [answer.statusCode, answer.json().errors?.[0]?.field];
    };
    const main = { parentCode: 'afval', name: 'Nieuw' };
    expect(await fieldOf(post({ ...main, code: 'container-is-vol' }))).toEqual([409, 'body.code']);
    expect(await fieldOf(post({ ...main, code: 'Geen Code' }))).toEqual([400, 'body.code']);
    expect(await fieldOf(post({ ...main, code: 'nieuw', parentCode: 'container-is-vol' }))).toEqual([400, 'body.parentCode']);
    expect(await fieldOf(post({ ...main, code: 'nieuw', handlingDays: 400 }))).toEqual([400, 'body.handlingDays']);
    expect(await fieldOf(post({ ...main, code: 'nieuw', dayKind: 'weekdays' }))).toEqual([400, 'body.dayKind']);
    expect(await fieldOf(post({ ...main, code: 'nieuw', departmentId: '00000000-0000-4000-8000-000000000000' }))).toEqual([400, 'body.departmentId']);
    const question = { code: 'vraag', question: 'Welke kleur?', kind: 'singlevaluelist', isRequired: true, options: [{ key: 'rood', name: 'Rood' }] };
    expect(await fieldOf(post({ ...main, code: 'nieuw', questions: [question] }))).toEqual([400, 'body.questions.0.options']);
    const many = Array.from({ length: 21 }, (_, index) => ({ key: `k${index}`, name: `Keuze ${index}` }));
    expect(await fieldOf(post({ ...main, code: 'nieuw', questions: [{ ...question, options: many }] }))).toEqual([400, 'body.questions.0.options']);
    const eleven = Array.from({ length: 11 }, (_, index) => ({ code: `v${index}`, question: 'Een vraag', kind: 'text', isRequired: false }));
    expect(await fieldOf(post({ ...main, code: 'nieuw', questions: eleven }))).toEqual([400, 'body.questions']);
    const some = (await categoryList())[0].subcategories[0];
    const patch = await t.request({ method: 'PATCH', url: `${tenantPath}/report-categories/${some.id}`, as: admin, payload: { version: some.version, handlingDays: -1 } });
    expect([patch.statusCode, patch.json().errors[0].field]).toEqual([400, 'body.handlingDays']);
    const unknown = await t.request({ method: 'PATCH', url: `${tenantPath}/report-categories/00000000-0000-4000-8000-000000000000`, as: admin, payload: { version: 1, name: 'Niets' } });
    expect(unknown.statusCode).toBe(404);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('refuses officers, advisors, residents and visitors without change', async () => {
    const some = (await categoryList())[0].subcategories[0];
    const before = await fingerprintDatabase(t.database.db);
    for (const person of ['officer', 'advisor', 'resident', null] as const) {
      const session = person ? { as: as(person) } : {};
      const expected = person ? 403 : 401;
      expect((await t.request({ url: `${tenantPath}/report-category-list`, ...session })).statusCode).toBe(expected);
      expect((await t.request({ method: 'POST', url: `${tenantPath}/report-categories`, ...session, payload: { code: 'stiekem', parentCode: 'afval', name: 'Stiekem' } })).statusCode).toBe(expected);
      expect((await t.request({ method: 'PATCH', url: `${tenantPath}/report-categories/${some.id}`, ...session, payload: { version: some.version, isActive: false } })).statusCode).toBe(expected);
      expect((await t.request({ url: `${tenantPath}/report-settings`, ...session })).statusCode).toBe(expected);
      expect((await t.request({ method: 'PUT', url: `${tenantPath}/report-settings`, ...session, payload: { version: 'x' } })).statusCode).toBe(expected);
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});

describe('report settings kept by the admin', () => {
  it('shows the built-in texts, saves the whole settings with the version, and refuses a stale version', async () => {
    const current = (await t.request({ url: `${tenantPath}/report-settings`, as: as('admin') })).json();
    expect(current).toMatchObject({ contactRetentionMonths: 12, standardMessages: {}, defaultStandardMessages: { done: { nl: expect.stringContaining('afgehandeld') } }, version: expect.any(String) });
    const { defaultStandardMessages: _defaults, ...settings } = current;
    const done = { nl: 'Opgelost door de wijkploeg. Dank voor uw melding!', en: 'Fixed by the neighbourhood team. Thank you for reporting!' };
    const saved = await t.request({ method: 'PUT', url: `${tenantPath}/report-settings`, as: as('admin'), payload: { ...settings, contactRetentionMonths: 6, standardMessages: { done } } });
    expect(saved.statusCode, saved.body).toBe(200);
    expect(saved.json()).toMatchObject({ contactRetentionMonths: 6, standardMessages: { done } });
    expect(saved.json().version).not.toBe(current.version);

    const stale = await t.request({ method: 'PUT', url: `${tenantPath}/report-settings`, as: as('admin'), payload: settings });
    expect([stale.statusCode, stale.json().code]).toEqual([409, 'VERSION_CONFLICT']);

    const [audit] = await queryRows<{ action: string }>(t.database.db, sql`select action from audit_log where action = 'report.configureSettings'`);
    expect(audit.action).toBe('report.configureSettings');
  });

  it('refuses a message that is too short and a reason code used twice, naming the field', async () => {
    const { defaultStandardMessages: _defaults, ...settings } = (await t.request({ url: `${tenantPath}/report-settings`, as: as('admin') })).json();
    const put = (payload: object) => t.request({ method: 'PUT', url: `${tenantPath}/report-settings`, as: as('admin'), payload: { ...settings, ...payload } });
    const short = await put({ standardMessages: { done: { nl: 'Klaar', en: 'We have dealt with your report.' } } });
    expect([short.statusCode, short.json().errors[0].field]).toEqual([400, 'body.standardMessages.done.nl']);
    const twice = await put({ satisfactionReasons: [...settings.satisfactionReasons, { ...settings.satisfactionReasons[0] }] });
    expect([twice.statusCode, twice.json().errors[0].field]).toEqual([400, 'body.satisfactionReasons.5.code']);
    const months = await put({ contactRetentionMonths: 0 });
    expect([months.statusCode, months.json().errors[0].field]).toEqual([400, 'body.contactRetentionMonths']);
  });
});
