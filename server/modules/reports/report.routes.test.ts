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

/** A street light out near the centre of Brouwhuis, as the web form sends it. */
const streetLight = {
  categoryCode: 'straatverlichting-openbare-klok',
  location: { latitude: 51.4655, longitude: 5.6935 },
  address: 'Hortsedijk 12',
  description: 'De lantaarnpaal voor nummer 12 doet het al een week niet.',
  answers: { 'wat-is-er-aan-de-hand': 'uit', paalnummer: 'HB-1042' },
  email: 'melder@mail.example',
  contactConsent: true,
};

const submit = (payload: object, headers: Record<string, string> = {}) => t.request({ method: 'POST', url: `${tenantPath}/reports`, payload, headers });

async function mailsTo(email: string) {
  return queryRows<{ subject: string; body: string; topic: string }>(t.database.db, sql`select subject, body, topic from outbox_message where recipient_email = ${email} and channel = 'email' order by created_at, id`);
}

async function reportCount() {
  const [row] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from report`);
  return row.count;
}

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('the categories a reporter chooses from', () => {
  it('lists main categories with their subcategories, terms and extra questions, for anyone', async () => {
    const response = await t.request({ url: `${tenantPath}/report-categories` });
    expect(response.statusCode).toBe(200);
    const roads = response.json().items.find((item: { code: string }) => item.code === 'wegen-verkeer-straatmeubilair');
    const light = roads.subcategories.find((item: { code: string }) => item.code === 'straatverlichting-openbare-klok');
    expect(light).toMatchObject({ name: 'Straatverlichting / openbare klok', handlingDays: 21, dayKind: 'calendar' });
    expect(light.questions.map((question: { code: string }) => question.code)).toEqual(['paalnummer', 'wat-is-er-aan-de-hand']);
    const english = await t.request({ url: `${tenantPath}/report-categories`, headers: { 'accept-language': 'en' } });
    expect(english.json().items.find((item: { code: string }) => item.code === 'afval').name).toBe('Waste');
  });
});

describe('reporting without an account', () => {
  it('assigns neighbourhood, area, department and deadline, answers with a reference and a status link, and e-mails the reporter', async () => {
    const response = await submit(streetLight);
    expect(response.statusCode, response.body).toBe(201);
    const receipt = response.json();
    expect(receipt.reference).toMatch(/^M-2026-\d{6}$/);
    // 21 calendar days from 15 June 2026.
    expect(receipt).toMatchObject({ status: 'reported', neighbourhoodName: 'Brouwhuis', handleBy: '2026-07-06', isFollowingUp: true, category: { code: 'straatverlichting-openbare-klok', mainName: 'Wegen, verkeer, straatmeubilair' } });
    expect(receipt.statusUrl).toBe(`http://localhost:3000/helmond/meldingen/status/${receipt.statusToken}`);

    const [mail] = await mailsTo('melder@mail.example');
    expect(mail.subject).toBe(`Uw melding ${receipt.reference} is ontvangen`);
    expect(mail.body).toContain(receipt.statusUrl);
    expect(mail.body).toContain('6 juli 2026');

    const [stored] = await queryRows<{ department: string; area: string | null }>(
      t.database.db,
      sql`select d.code as department, a.name as area from report r join department d on d.id = r.department_id left join area a on a.id = r.area_id where r.id = ${receipt.id}`,
    );
    expect(stored.department).toBe('wijkonderhoud');

    const [audit] = await queryRows<{ after: Record<string, unknown> }>(t.database.db, sql`select after from audit_log where entity_id = ${receipt.id} and action = 'report.submit'`);
    expect(audit.after).toMatchObject({ reference: receipt.reference, hasContact: true });
    expect(JSON.stringify(audit.after)).not.toContain('melder@mail.example');
  });

  it('keeps no contact data without consent being asked for, and sends nothing', async () => {
    const response = await submit({ ...streetLight, email: undefined, contactConsent: false, description: 'Lamp knippert de hele avond.', answers: { 'wat-is-er-aan-de-hand': 'knippert' } });
    expect(response.statusCode, response.body).toBe(201);
    expect(response.json().isFollowingUp).toBe(false);
  });

  it('returns the same report for a retry with the same Idempotency-Key, and refuses the key for a different report', async () => {
    const key = 'retry-4b1c9e2a-0f3d';
    const first = await submit({ ...streetLight, description: 'Twee lampen uit bij het speelveld.' }, { 'idempotency-key': key });
    expect(first.statusCode).toBe(201);
    const count = await reportCount();
    const again = await submit({ ...streetLight, description: 'Twee lampen uit bij het speelveld.' }, { 'idempotency-key': key });
    expect(again.statusCode).toBe(200);
    expect(again.json()).toEqual(first.json());
    const other = await submit({ ...streetLight, description: 'Iets heel anders.' }, { 'idempotency-key': key });
    expect(other.statusCode).toBe(422);
    expect(other.json().code).toBe('IDEMPOTENCY_KEY_REUSED');
    expect(await reportCount()).toBe(count);
    expect((await mailsTo('melder@mail.example')).filter((mail) => mail.topic === 'report.received')).toHaveLength(2);
  });

  it.each([
    ['an unknown category', { categoryCode: 'bestaat-niet' }, 400, 'body.categoryCode'],
    ['a main category', { categoryCode: 'afval' }, 400, 'body.categoryCode'],
    ['a required question left open', { answers: { paalnummer: '12' } }, 400, 'body.answers.wat-is-er-aan-de-hand'],
    ['an answer that is not an option', { answers: { 'wat-is-er-aan-de-hand': 'brandt-fel' } }, 400, 'body.answers.wat-is-er-aan-de-hand'],
    ['an e-mail address without consent', { contactConsent: false }, 400, 'body.contactConsent'],
    ['consent without an address', { email: undefined }, 400, 'body.email'],
    ['a malformed e-mail address', { email: 'melder-at-mail' }, 400, 'body.email'],
    ['the robots’ field filled in', { website: 'http://spam.example' }, 400, 'body.website'],
    ['a place outside Helmond (Amsterdam)', { location: { latitude: 52.3731, longitude: 4.8922 } }, 422, 'body.location'],
    ['a latitude off the globe', { location: { latitude: 123, longitude: 5.69 } }, 400, 'body.location.latitude'],
  ])('refuses %s with a clear error and stores nothing', async (_case, change, status, field) => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await submit({ ...streetLight, ...change });
    expect(response.statusCode, response.body).toBe(status);
    expect(response.headers['content-type']).toContain('application/problem+json');
    const problem = response.json();
    expect(problem.errors?.map((error: { field: string }) => error.field) ?? []).toContain(field);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('says in words that a place lies outside the municipality', async () => {
    const response = await submit({ ...streetLight, location: { latitude: 52.3731, longitude: 4.8922 } });
    expect(response.json()).toMatchObject({ code: 'REPORT_OUTSIDE_MUNICIPALITY', title: 'Deze plek ligt buiten de gemeente' });
    expect(response.json().detail).toContain('Helmond');
  });
});

describe('the status link', () => {
  it('shows the reporter the status and the public steps, without an account; a wrong secret or municipality finds nothing', async () => {
    const receipt = (await submit({ ...streetLight, description: 'Lamp bij de bushalte is kapot.' })).json();
    const view = await t.request({ url: `${tenantPath}/report-status/${receipt.statusToken}` });
    expect(view.statusCode).toBe(200);
    expect(view.json()).toMatchObject({ reference: receipt.reference, status: 'reported', neighbourhoodName: 'Brouwhuis', departmentName: 'Wijkonderhoud', history: [{ status: 'reported', message: null }] });
    expect(view.body).not.toContain('melder@mail.example');
    expect((await t.request({ url: `${tenantPath}/report-status/${'x'.repeat(32)}` })).statusCode).toBe(404);
    expect((await t.request({ url: `/api/v1/municipalities/eindhoven/report-status/${receipt.statusToken}` })).statusCode).toBe(404);
  });
});

describe('already reported? (al gemeld?)', () => {
  it('shows open reports of the same category within 100 metres, nearest first, without words or contact data, and lets a visitor follow one', async () => {
    const nearby = await t.request({ url: `${tenantPath}/reports-nearby?categoryCode=straatverlichting-openbare-klok&latitude=51.4658&longitude=5.6935` });
    expect(nearby.statusCode).toBe(200);
    const items = nearby.json().items;
    expect(items.length).toBeGreaterThan(0);
    expect(items[0]).toMatchObject({ status: 'reported', distanceMetres: 33, categoryName: 'Straatverlichting / openbare klok', address: 'Hortsedijk 12' });
    expect(nearby.body).not.toContain('melder@mail.example');
    expect(nearby.body).not.toContain('lantaarnpaal voor nummer 12');
    const farAway = await t.request({ url: `${tenantPath}/reports-nearby?categoryCode=straatverlichting-openbare-klok&latitude=51.4700&longitude=5.6935` });
    expect(farAway.json().items).toEqual([]);
    const otherKind = await t.request({ url: `${tenantPath}/reports-nearby?categoryCode=prullenbak-is-vol&latitude=51.4658&longitude=5.6935` });
    expect(otherKind.json().items).toEqual([]);
    expect((await t.request({ url: `${tenantPath}/reports-nearby?categoryCode=bestaat-niet&latitude=51.4658&longitude=5.6935` })).json().errors[0].field).toBe('querystring.categoryCode');

    const follow = (payload: object) => t.request({ method: 'POST', url: `${tenantPath}/reports/${items[0].id}/followers`, payload });
    const followed = await follow({ email: 'buurvrouw@mail.example', contactConsent: true });
    expect(followed.statusCode, followed.body).toBe(200);
    expect(followed.json()).toMatchObject({ reference: items[0].reference, isNewFollower: true });
    expect((await follow({ email: 'buurvrouw@mail.example', contactConsent: true })).json().isNewFollower).toBe(false);
    const withoutConsent = await follow({ email: 'buurman2@mail.example', contactConsent: false });
    expect(withoutConsent.statusCode).toBe(400);
    expect(withoutConsent.json().errors[0]).toMatchObject({ field: 'body.contactConsent', message: 'Vink aan dat de gemeente u over deze melding mag berichten.' });
    const [{ count }] = await queryRows<{ count: number }>(t.database.db, sql`select count(*)::int as count from report_follower where report_id = ${items[0].id}`);
    expect(count).toBe(1);
  });
});

describe('the back office', () => {
  let receipt: { id: string; reference: string; statusToken: string };
  beforeAll(async () => {
    receipt = (await submit({ ...streetLight, description: 'Lantaarnpaal scheef na aanrijding.', answers: { 'wat-is-er-aan-de-hand': 'beschadigd' }, email: 'buurman@mail.example' })).json();
    for (const person of ['officerMaintenance', 'officer', 'advisorSouth', 'advisor', 'resident', 'councilMember', 'admin'] as const) await as(person);
  });

  const detail = async (person: DemoPerson | null) => t.request({ url: `${tenantPath}/reports/${receipt.id}`, ...(await as(person)) });
  const change = async (person: DemoPerson | null, payload: object) => {
    return t.request({ method: 'POST', url: `${tenantPath}/reports/${receipt.id}/status`, ...(await as(person)), payload });
  };

  it('shows the report to the officers of its department and the advisors of its neighbourhood, and hides it from others', async () => {
    const queue = await t.request({ url: `${tenantPath}/reports?status=open`, ...(await as('officerMaintenance')) });
    expect(queue.statusCode).toBe(200);
    expect(queue.json().items.map((item: { reference: string }) => item.reference)).toContain(receipt.reference);

    const own = await detail('officerMaintenance');
    expect(own.json()).toMatchObject({ reference: receipt.reference, departmentName: 'Wijkonderhoud', areaName: expect.any(String), reporter: { email: 'buurman@mail.example' }, allowedActions: expect.arrayContaining(['changeStatus']) });
    expect(own.json().allowedStatuses).toEqual(['accepted', 'in_progress', 'planned', 'done', 'cancelled', 'forwarded']);
    const assignable = own.json().assignableUsers as { id: string; name: string }[];
    expect(assignable.map((user) => user.name)).toContain('Ilse Vermeulen');
    expect(assignable.map((user) => user.name)).not.toContain('Koen Verhoeven');

    const advisor = await detail('advisorSouth');
    expect(advisor.statusCode).toBe(200);
    // The neighbourhood's advisor reads it and may make it a request, no more.
    expect(advisor.json()).toMatchObject({ allowedActions: ['turnIntoRequest'], allowedStatuses: [], assignableUsers: [] });

    expect((await t.request({ url: `${tenantPath}/reports`, ...(await as('officer')) })).json().items.map((item: { reference: string }) => item.reference)).not.toContain(receipt.reference);
    expect((await detail('officer')).statusCode).toBe(404);
    expect((await detail('advisor')).statusCode).toBe(404);
    expect((await detail('resident')).statusCode).toBe(403);
    expect((await detail('councilMember')).statusCode).toBe(403);
    expect((await detail(null)).statusCode).toBe(401);
  });

  it('refuses a status change by anyone who does not handle the report, and changes nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    expect((await change('advisorSouth', { status: 'accepted', version: 1 })).statusCode).toBe(403);
    expect((await change('officer', { status: 'accepted', version: 1 })).statusCode).toBe(404);
    expect((await change('resident', { status: 'accepted', version: 1 })).statusCode).toBe(403);
    expect((await change(null, { status: 'accepted', version: 1 })).statusCode).toBe(401);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('moves the report along the workflow, tells the reporter with the standard message, and refuses a move the workflow does not allow', async () => {
    // A minute between the steps, so the history has an order a person would recognise.
    const step = (payload: object) => {
      t.clock.advance(60_000);
      return change('officerMaintenance', payload);
    };
    const accepted = await step({ status: 'accepted', version: 1 });
    expect(accepted.statusCode, accepted.body).toBe(200);
    expect(accepted.json()).toMatchObject({ status: 'accepted', version: 2 });

    expect((await change('officerMaintenance', { status: 'in_progress', version: 1 })).json().code).toBe('VERSION_CONFLICT');
    const forward = await change('officerMaintenance', { status: 'forwarded', version: 2 });
    expect(forward.statusCode).toBe(400);
    expect(forward.json().errors[0].field).toBe('body.forwardedTo');

    const done = await step({ status: 'done', version: 2, message: 'De paal is rechtgezet en de lamp brandt weer.', internalNote: 'Aannemer: Van Doorn, werkbon 5531.' });
    expect(done.json()).toMatchObject({ status: 'done', closedAt: expect.any(String), allowedStatuses: ['reopened'] });

    const back = await change('officerMaintenance', { status: 'accepted', version: 3 });
    expect(back.statusCode).toBe(409);
    expect(back.json()).toMatchObject({ code: 'REPORT_STATUS_NOT_ALLOWED' });
    expect(back.json().detail).toContain('afgehandeld');

    const mails = await mailsTo('buurman@mail.example');
    expect(mails.map((mail) => mail.topic).sort()).toEqual(['report.received', 'report.statusChanged', 'report.statusChanged']);
    const acceptedMail = mails.find((mail) => mail.subject.endsWith('in behandeling genomen'))!;
    expect(acceptedMail.body).toContain('Wij hebben uw melding bekeken en gaan ermee aan de slag.');
    const doneMail = mails.find((mail) => mail.subject.endsWith('afgehandeld'))!;
    expect(doneMail.body).toContain('De paal is rechtgezet en de lamp brandt weer.');
    expect(doneMail.body).toContain(`/helmond/meldingen/status/${receipt.statusToken}`);
    expect(doneMail.body).not.toContain('werkbon');

    const view = (await t.request({ url: `${tenantPath}/report-status/${receipt.statusToken}` })).json();
    expect(view.status).toBe('done');
    expect(view.history.map((step: { status: string }) => step.status)).toEqual(['reported', 'accepted', 'done']);
    expect(JSON.stringify(view)).not.toContain('werkbon');

    const history = (await detail('officerMaintenance')).json().history;
    expect(history.at(-1)).toMatchObject({ toStatus: 'done', internalNote: 'Aannemer: Van Doorn, werkbon 5531.', actorName: 'Ilse Vermeulen' });
  });

  it('filters the queue in the database: by status, neighbourhood, overdue and words', async () => {
    const admin = await as('admin');
    const closed = (await t.request({ url: `${tenantPath}/reports?status=closed`, ...admin })).json();
    expect(closed.items.map((item: { reference: string }) => item.reference)).toEqual([receipt.reference]);
    const tree = (await t.request({ url: `${tenantPath}/report-categories` })).json().items as { id: string; code: string; subcategories: { id: string; code: string }[] }[];
    const roads = tree.find((main) => main.code === 'wegen-verkeer-straatmeubilair')!;
    const light = roads.subcategories.find((sub) => sub.code === 'straatverlichting-openbare-klok')!;
    const byReference = (page: { items: { reference: string }[] }) => page.items.map((item) => item.reference);
    expect(byReference((await t.request({ url: `${tenantPath}/reports?pageSize=100&categoryId=${roads.id}`, ...admin })).json())).toContain(receipt.reference);
    expect(byReference((await t.request({ url: `${tenantPath}/reports?pageSize=100&categoryId=${light.id}`, ...admin })).json())).toContain(receipt.reference);
    const otherMain = tree.find((main) => main.code === 'afval')!;
    expect(byReference((await t.request({ url: `${tenantPath}/reports?pageSize=100&categoryId=${otherMain.id}`, ...admin })).json())).not.toContain(receipt.reference);
    const search = await t.request({ url: `${tenantPath}/reports?search=bushalte`, ...admin });
    expect(search.statusCode, search.body).toBe(200);
    expect(search.json().total).toBe(1);
    t.clock.advance(40 * 86_400_000);
    sessions.delete('admin');
    const later = await as('admin');
    const overdue = (await t.request({ url: `${tenantPath}/reports?overdue=overdue`, ...later })).json();
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((item: { isOverdue: boolean }) => item.isOverdue)).toBe(true);
    expect((await t.request({ url: `${tenantPath}/reports?overdue=threeTimes`, ...later })).json().total).toBe(0);
    expect((await t.request({ url: `${tenantPath}/reports?status=sleeping`, ...later })).statusCode).toBe(400);
  });
});

describe('the public map and list', () => {
  const brouwhuisBox = 'west=5.68&south=51.458&east=5.705&north=51.473';
  it('shows each report in view with what, where and how far along, never anyone’s words or contact data', async () => {
    const map = await t.request({ url: `${tenantPath}/public-report-map?${brouwhuisBox}` });
    expect(map.statusCode, map.body).toBe(200);
    const body = map.json();
    expect(body.kind).toBe('points');
    expect(body.points.length).toBe(body.total);
    expect(body.points[0]).toMatchObject({ reference: expect.stringMatching(/^M-2026-/), isOpen: expect.any(Boolean), categoryName: expect.any(String), mainCategoryName: expect.any(String), photoUrl: null });
    expect(map.body).not.toMatch(/mail\.example|lantaarnpaal voor nummer|werkbon/);
    const open = (await t.request({ url: `${tenantPath}/public-report-map?${brouwhuisBox}&show=open` })).json();
    expect(open.points.every((point: { isOpen: boolean }) => point.isOpen)).toBe(true);
    expect((await t.request({ url: `${tenantPath}/public-report-map?west=5.7&south=51.45&east=5.6&north=51.47` })).json().errors[0].field).toBe('querystring.east');

    const list = (await t.request({ url: `${tenantPath}/public-reports?pageSize=5` })).json();
    expect(list.items[0]).toMatchObject({ neighbourhoodName: 'Brouwhuis' });
    expect(JSON.stringify(list)).not.toContain('mail.example');
  });

  it('clusters a crowded view in the database', async () => {
    await t.database.db.execute(sql`
      insert into report (municipality_id, reference, category_id, neighbourhood_id, latitude, longitude, description, status, status_token_hash, created_at, updated_at)
      select r.municipality_id, 'M-2026-9' || lpad(n::text, 5, '0'), r.category_id, r.neighbourhood_id, 51.460 + (n % 20) * 0.0005, 5.685 + (n / 20) * 0.0008, 'Extra', 'reported', md5('cluster' || n), r.created_at, r.updated_at
      from generate_series(1, 400) n, (select * from report order by created_at limit 1) r`);
    const map = (await t.request({ url: `${tenantPath}/public-report-map?${brouwhuisBox}` })).json();
    expect(map.kind).toBe('clusters');
    expect(map.clusters.reduce((sum: number, cluster: { count: number }) => sum + cluster.count, 0)).toBe(map.total);
    expect(map.total).toBeGreaterThan(400);
    expect(map.clusters.length).toBeLessThanOrEqual(24 * 24);
    // A phone's small map asks for a coarser grid: fewer clusters, the same reports, none on top of another.
    const coarse = (await t.request({ url: `${tenantPath}/public-report-map?${brouwhuisBox}&cells=4` })).json();
    expect(coarse.clusters.length).toBeLessThanOrEqual(16);
    expect(coarse.clusters.reduce((sum: number, cluster: { count: number }) => sum + cluster.count, 0)).toBe(coarse.total);
    expect(coarse.total).toBe(map.total);
    expect((await t.request({ url: `${tenantPath}/public-report-map?${brouwhuisBox}&cells=0` })).json().errors[0].field).toBe('querystring.cells');
  });
});
