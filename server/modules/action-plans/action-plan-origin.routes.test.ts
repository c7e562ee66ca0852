import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { meeting } from '../meetings/index.ts';
import { actionPlan, actionPlanVersion } from './action-plan.tables.ts';

let t: TestApp;
let ids: DemoIds;
let requestId: string;
let planId: string;
let challengeId: string;

const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  const kinds = (await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[];
  const sanne = (await t.request({ url: `${tenantPath}/users?search=Kuipers`, ...(await as('admin')) })).json().items[0].id;
  const now = new Date();
  const [wijktafel] = await t.database.db
    .insert(meeting)
    .values({ municipalityId: t.municipalityId, kindId: kinds.find((kind) => kind.code === 'wijktafel')!.id, neighbourhoodId: ids.brandevoort, title: 'Wijktafel Brandevoort', startsAt: new Date('2026-09-10T17:30:00Z'), endsAt: new Date('2026-09-10T20:00:00Z'), location: 'Wijkhuis', isLocationInNeighbourhood: true, initiatorSide: 'municipality', invitedGroups: ['council'], createdByUserId: sanne, createdAt: now, updatedAt: now })
    .returning();
  // A private request of the resident: the plan takes it up.
  const submitted = await t.request({ method: 'POST', url: `${tenantPath}/requests`, ...(await as('resident')), payload: { kind: 'request', title: 'Oversteekplaats bij de school', body: 'Kinderen steken over op een drukke weg zonder zebrapad; graag een veilige oversteek.', neighbourhoodId: ids.brandevoort, scale: 'street', isPublic: false } });
  expect(submitted.statusCode, submitted.body).toBe(201);
  requestId = submitted.json().id;
  const plan = await t.request({ method: 'POST', url: `${tenantPath}/action-plans`, ...(await as('advisorSouth')), payload: { meetingId: wijktafel.id, periodStartsOn: '2026-10-01', periodEndsOn: '2028-09-30' } });
  planId = plan.json().id;
  challengeId = (await t.request({ method: 'POST', url: `${tenantPath}/action-plans/${planId}/challenges`, ...(await as('advisorSouth')), payload: { title: 'Veilig naar school' } })).json().id;
});
afterAll(async () => t?.close());

describe('a request taken up by an action plan', () => {
  it('refuses a request of another municipality as origin, naming the field', async () => {
    const refused = await t.request({ method: 'POST', url: `${tenantPath}/action-plan-challenges/${challengeId}/actions`, ...(await as('admin')), payload: { title: 'Elders', originRequestId: crypto.randomUUID() } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'body.originRequestId', code: 'unknownReference' });
  });

  it('shows the action on the request to its readers once the plan is adopted, and tells the submitter nothing of a draft', async () => {
    const added = await t.request({ method: 'POST', url: `${tenantPath}/action-plan-challenges/${challengeId}/actions`, ...(await as('advisorSouth')), payload: { title: 'Zebrapad bij de basisschool', originRequestId: requestId } });
    expect(added.statusCode, added.body).toBe(201);
    expect(added.json().origin).toMatchObject({ kind: 'request', id: requestId, label: expect.stringContaining('Oversteekplaats bij de school') });
    // The submitter hears of it when the wijktafel adopts the plan (the adoption tests check that), not from a draft.
    const told = await t.database.db.select({ body: outboxMessage.body }).from(outboxMessage).where(and(eq(outboxMessage.topic, 'actionPlan.requestTakenUp'), eq(outboxMessage.recipientEmail, 'eva.mulder@mail.example')));
    expect(told).toEqual([]);

    const url = `${tenantPath}/requests/${requestId}/action-plan-actions`;
    // A draft plan is the municipality's working copy: staff see it, the submitter not yet.
    expect((await t.request({ url, ...(await as('advisorSouth')) })).json().items).toHaveLength(1);
    expect((await t.request({ url, ...(await as('resident')) })).json().items).toEqual([]);
    // Adopted (straight in the database: adoption has its own tests), with the action in version 1.
    const adminId = (await t.request({ url: `${tenantPath}/sessions/current`, ...(await as('admin')) })).json().user.id;
    const snapshotAction = { id: added.json().id, title: 'Zebrapad bij de basisschool', specific: null, location: null, indicator: null, baseline: null, target: null, unit: null, ownerName: null, owner: null, startsOn: null, deadlineOn: null, budgetEuros: null, hours: null, fundingSource: null, isOnTopOfRegularWork: false };
    await t.database.db.insert(actionPlanVersion).values({ municipalityId: t.municipalityId, planId, number: 1, snapshot: { title: 'Wijkactieplan', periodStartsOn: '2026-10-01', periodEndsOn: '2028-09-30', challenges: [{ id: challengeId, title: 'Veilig naar school', description: null, themeIds: [], actions: [snapshotAction] }] }, changes: [], acceptedWarnings: [], adoptedOn: '2026-09-10', adoptedAt: new Date('2026-09-10T20:00:00Z'), adoptedByUserId: adminId });
    await t.database.db.update(actionPlan).set({ state: 'adopted', currentVersionNumber: 1, adoptedOn: '2026-09-10', hasOpenRevision: true }).where(eq(actionPlan.id, planId));
    // A second action in the open revision is not adopted yet: staff see it, the submitter not.
    expect((await t.request({ method: 'POST', url: `${tenantPath}/action-plan-challenges/${challengeId}/actions`, ...(await as('advisorSouth')), payload: { title: 'Verkeersbrigadiers', originRequestId: requestId } })).statusCode).toBe(201);
    expect((await t.request({ url, ...(await as('advisorSouth')) })).json().items).toHaveLength(2);
    const seen = (await t.request({ url, ...(await as('resident')) })).json();
    expect(seen.items).toEqual([expect.objectContaining({ action: expect.objectContaining({ title: 'Zebrapad bij de basisschool', status: 'not_started' }), plan: expect.objectContaining({ id: planId, isAdopted: true }), neighbourhood: expect.objectContaining({ slug: 'brandevoort' }) })]);
  });

  it('is not found for anyone who may not read the request', async () => {
    const url = `${tenantPath}/requests/${requestId}/action-plan-actions`;
    // A private request: not for a visitor or a council member of another neighbourhood.
    expect((await t.request({ url })).statusCode).toBe(404);
    expect((await t.request({ url, ...(await as('councilMemberOost')) })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/requests/${crypto.randomUUID()}/action-plan-actions`, ...(await as('advisorSouth')) })).statusCode).toBe(404);
  });
});
