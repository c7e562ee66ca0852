import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
const day = 86_400_000;
const motivation = 'We pakken dit op binnen het lopende onderhoudsprogramma; de kosten passen in het budget van dit jaar.';

beforeAll(async () => {
  t = await createTestApp();
  const admin = await t.logIn('admin');
  const brandevoort = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Brandevoort` })).json().items[0].id;
  const verkeer = (await t.request({ url: `${tenantPath}/departments`, as: admin })).json().items.find((item: { code: string }) => item.code === 'verkeer').id;
  const resident = await t.logIn('resident');
  // Sessions end after 30 idle minutes and the clock jumps days: log in afresh for every step.
  const as = async (person: 'advisorSouth' | 'officer') => t.logIn(person);
  const submit = async (title: string) =>
    (await t.request({ method: 'POST', url: `${tenantPath}/requests`, as: resident, payload: { kind: 'request', title, body: 'Graag aandacht voor deze situatie in onze straat, het is al maanden zo.', neighbourhoodId: brandevoort, scale: 'street' } })).json().id as string;
  // Monday 15 June 2026: three requests.
  const fast = await submit('Losliggende stoeptegels bij nummer 12');
  const slow = await submit('Kapotte lantaarnpaal in de Veste');
  await submit('Vraag die nog op behandeling wacht');
  t.clock.advance(1 * day);
  await t.request({ method: 'POST', url: `${tenantPath}/requests/${fast}/acknowledgement`, as: await as('advisorSouth'), payload: { version: 1 } });
  await t.request({ method: 'POST', url: `${tenantPath}/requests/${fast}/routing`, as: await as('advisorSouth'), payload: { version: 2, leadDepartmentId: verkeer } });
  t.clock.advance(2 * day);
  await t.request({ method: 'POST', url: `${tenantPath}/requests/${fast}/answer`, as: await as('officer'), payload: { verdict: 'nu', version: 3, motivation, action: 'Tegels opnieuw leggen', plannedOn: '2026-07-01' } });
  t.clock.advance(3 * day);
  // The nu is kept two days after the answer, well within the eight-week short term.
  const kept = await t.request({ method: 'POST', url: `${tenantPath}/requests/${fast}/carried-out`, as: await as('officer'), payload: { version: 4, carriedOutOn: '2026-06-20' } });
  expect(kept.statusCode).toBe(200);
  await t.request({ method: 'POST', url: `${tenantPath}/requests/${slow}/acknowledgement`, as: await as('advisorSouth'), payload: { version: 1 } });
  await t.request({ method: 'POST', url: `${tenantPath}/requests/${slow}/routing`, as: await as('advisorSouth'), payload: { version: 2, leadDepartmentId: verkeer } });
  // 40 days after submission: past the 20-working-day deadline.
  t.clock.advance(34 * day);
  await t.request({ method: 'POST', url: `${tenantPath}/requests/${slow}/answer`, as: await as('officer'), payload: { verdict: 'ooit', version: 3, motivation, conditions: [{ kind: 'budget', text: 'Vervanging in het programma van volgend jaar' }], decisionDueOn: '2026-12-01', updateEveryWeeks: 2 } });
  // Three weeks later the fortnightly ooit update is late.
  t.clock.advance(21 * day);
});
afterAll(async () => t?.close());

describe('responsiveness figures', () => {
  it('gives time to acknowledge and to answer, the on-time share and the verdicts per department', async () => {
    const advisor = await t.logIn('advisorSouth');
    const response = await t.request({ url: `${tenantPath}/responsiveness?from=2026-06-01&to=2026-06-30&groupBy=department`, as: advisor });
    expect(response.statusCode).toBe(200);
    const body = response.json();
    const traffic = body.groups.find((group: { label: string | null }) => group.label === 'Verkeer');
    expect(traffic).toMatchObject({ total: 2, acknowledged: 2, answered: 2, medianDaysToAcknowledge: 3.5, medianDaysToAnswer: 21.5, answeredOnTimeShare: 0.5 });
    expect(traffic.p90DaysToAnswer).toBeCloseTo(36.3, 1);
    expect(traffic).toMatchObject({ nuDue: 1, nuCarriedOutInTimeShare: 1 });
    expect(body.shortTermWeeks).toBe(8);
    const unrouted = body.groups.find((group: { key: string | null }) => group.key === null);
    expect(unrouted).toMatchObject({ total: 1, acknowledged: 0, answered: 0, medianDaysToAnswer: null, answeredOnTimeShare: null });
    expect(body.verdicts).toEqual({ nu: 1, ooit: 1, nooit: 0 });
    expect(body.overdueOoitUpdates).toBe(1);
    // The same figures for an English reader name the department in English.
    const english = (await t.request({ url: `${tenantPath}/responsiveness?from=2026-06-01&to=2026-06-30&groupBy=department`, as: advisor, headers: { 'accept-language': 'en' } })).json();
    expect(english.groups.find((group: { key: string | null }) => group.key === traffic.key)).toMatchObject({ label: 'Traffic', total: 2 });
  });

  it('groups by neighbourhood and by month, and counts only the period asked for', async () => {
    const alderman = await t.logIn('alderman');
    const byNeighbourhood = (await t.request({ url: `${tenantPath}/responsiveness?from=2026-06-01&to=2026-06-30&groupBy=neighbourhood`, as: alderman })).json();
    expect(byNeighbourhood.groups).toEqual([expect.objectContaining({ label: 'Brandevoort', total: 3 })]);
    const byMonth = (await t.request({ url: `${tenantPath}/responsiveness?from=2026-01-01&to=2026-12-31&groupBy=month`, as: alderman })).json();
    expect(byMonth.groups.map((group: { key: string }) => group.key)).toEqual(['2026-06']);
    const empty = (await t.request({ url: `${tenantPath}/responsiveness?from=2026-07-01&to=2026-07-31`, as: alderman })).json();
    expect(empty.groups).toEqual([]);
  });

  it('is public by default, in aggregates only; the municipality can keep it to staff and councils', async () => {
    const url = `${tenantPath}/responsiveness?from=2026-06-01&to=2026-06-30&groupBy=neighbourhood`;
    const visitor = await t.request({ url });
    expect(visitor.statusCode).toBe(200);
    // Figures, never a request's title or a person's name.
    expect(visitor.body).not.toMatch(/stoeptegels|lantaarnpaal|Eva Mulder/);
    expect((await t.request({ url: `${tenantPath}/responsiveness-settings` })).json()).toEqual({ isPublic: true });

    const admin = await t.logIn('admin');
    const resident = await t.logIn('resident');
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/responsiveness-settings`, as: resident, payload: { isPublic: false } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/responsiveness-settings`, as: await t.logIn('advisor'), payload: { isPublic: false } })).statusCode).toBe(403);
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/responsiveness-settings`, as: admin, payload: { isPublic: 'nee' } })).statusCode).toBe(400);
    const closed = await t.request({ method: 'PUT', url: `${tenantPath}/responsiveness-settings`, as: admin, payload: { isPublic: false } });
    expect(closed.json()).toEqual({ isPublic: false });
    try {
      expect((await t.request({ url })).statusCode).toBe(401);
      expect((await t.request({ url, as: resident })).statusCode).toBe(403);
      // Councils always see how the municipality answers them, and so does the municipality itself.
      expect((await t.request({ url, as: await t.logIn('councilMember') })).statusCode).toBe(200);
      expect((await t.request({ url, as: await t.logIn('officer') })).statusCode).toBe(200);
    } finally {
      await t.request({ method: 'PUT', url: `${tenantPath}/responsiveness-settings`, as: admin, payload: { isPublic: true } });
    }
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=insights.settings.update`, as: admin })).json().items;
    expect(audit).toHaveLength(2);
  });

  it('refuses a period that ends before it starts', async () => {
    const backwards = await t.request({ url: `${tenantPath}/responsiveness?from=2026-06-30&to=2026-06-01`, as: await t.logIn('advisor') });
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors[0]).toMatchObject({ field: 'querystring.to', code: 'endBeforeStart' });
  });
});
