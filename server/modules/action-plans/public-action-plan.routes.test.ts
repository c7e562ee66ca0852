import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';
import { meeting } from '../meetings/index.ts';

let t: TestApp;
let ids: DemoIds;
let kinds: Record<string, string>;
let sanne: string;
let planId: string;
let doneActionId: string;
let revisedActionId: string;

const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
async function as(person: DemoPerson) {
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}
const planUrl = (id: string) => `${tenantPath}/action-plans/${id}`;
const publicUrl = (neighbourhoodId: string) => `${tenantPath}/neighbourhoods/${neighbourhoodId}/action-plan`;
// Things that name or point at a person; none of them may reach a visitor.
const contactNote = 'Koen belt de school zelf na';

/** A planned wijktafel straight in the database: the meetings module's own tests cover planning. */
async function insertWijktafel(neighbourhoodId: string, day: string) {
  const now = new Date();
  const [row] = await t.database.db
    .insert(meeting)
    .values({
      municipalityId: t.municipalityId,
      kindId: kinds.wijktafel,
      neighbourhoodId,
      title: 'Wijktafel',
      startsAt: new Date(`${day}T17:30:00Z`),
      endsAt: new Date(`${day}T20:00:00Z`),
      location: 'Wijkhuis',
      isLocationInNeighbourhood: true,
      initiatorSide: 'municipality',
      invitedGroups: ['college', 'council', 'advisor', 'partners'],
      createdByUserId: sanne,
      createdAt: now,
      updatedAt: now,
    })
    .returning();
  return row.id;
}

async function send(person: DemoPerson, method: 'POST' | 'PATCH', url: string, payload: object) {
  const response = await t.request({ method, url, ...(await as(person)), payload });
  expect(response.statusCode, response.body).toBeLessThan(300);
  return response.json();
}

/** An adopted plan for Brandevoort with two actions (one done since), then a revision left open with an edit. */
async function adoptBrandevoortPlan() {
  const meetingId = await insertWijktafel(ids.brandevoort, '2026-09-10');
  const plan = await send('advisorSouth', 'POST', `${tenantPath}/action-plans`, { meetingId, periodStartsOn: '2026-10-01', periodEndsOn: '2028-09-30' });
  planId = plan.id;
  const challenge = await send('advisorSouth', 'POST', `${planUrl(planId)}/challenges`, { title: 'Veilig naar school', themeIds: [ids.themeSafety] });
  const smart = { indicator: 'Gemiddelde snelheid', baseline: 42, target: 30, unit: 'km/u', startsOn: '2026-10-01', deadlineOn: '2027-08-31', isOnTopOfRegularWork: true, budgetEuros: 45000, location: 'Schoolstraat' };
  const actionsUrl = `${tenantPath}/action-plan-challenges/${challenge.id}/actions`;
  doneActionId = (await send('advisorSouth', 'POST', actionsUrl, { ...smart, title: 'Schoolzone herinrichten', specific: 'Drempels en belijning', owner: { kind: 'department', id: ids.verkeer }, contactUserId: ids.koen })).id;
  revisedActionId = (await send('advisorSouth', 'POST', actionsUrl, { ...smart, title: 'Bomen langs de schoolroute', specific: 'Twintig bomen planten', owner: { kind: 'department', id: ids.groen } })).id;

  let current = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
  current = await send('advisorSouth', 'POST', `${planUrl(planId)}/transitions`, { transition: 'startCollecting', version: current.version });
  current = await send('advisorSouth', 'POST', `${planUrl(planId)}/transitions`, { transition: 'markReady', version: current.version });
  const check = (await t.request({ url: `${planUrl(planId)}/smart-check`, ...(await as('advisorSouth')) })).json();
  const acceptedWarnings = check.findings.map((finding: { actionId: string | null; challengeId: string | null; code: string }) => ({ actionId: finding.actionId, challengeId: finding.challengeId, code: finding.code, reason: 'Besproken aan de wijktafel.' }));
  current = await send('advisorSouth', 'POST', `${planUrl(planId)}/versions`, { version: current.version, adoptedOn: '2026-09-10', acceptedWarnings });
  expect(current.state).toBe('adopted');

  const doneAction = current.challenges[0].actions.find((action: { id: string }) => action.id === doneActionId);
  await send('advisorSouth', 'POST', `${tenantPath}/action-plan-actions/${doneActionId}/progress`, { status: 'done', currentValue: 29, note: contactNote, version: doneAction.version });

  current = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
  await send('advisorSouth', 'POST', `${planUrl(planId)}/revision`, { version: current.version });
  const revised = current.challenges[0].actions.find((action: { id: string }) => action.id === revisedActionId);
  await send('advisorSouth', 'PATCH', `${tenantPath}/action-plan-actions/${revisedActionId}`, { title: 'Nog niet vastgestelde titel', version: revised.version });
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  kinds = Object.fromEntries(((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).map((kind) => [kind.code, kind.id]));
  sanne = (await t.request({ url: `${tenantPath}/users?search=Kuipers`, ...(await as('admin')) })).json().items[0].id;
  await adoptBrandevoortPlan();
});
afterAll(async () => t?.close());

describe('the public action plan of a neighbourhood', () => {
  it('shows a visitor the adopted version with today’s progress, not edits of an open revision', async () => {
    const response = await t.request({ url: publicUrl(ids.brandevoort) });
    expect(response.statusCode, response.body).toBe(200);
    const plan = response.json();
    expect(plan).toMatchObject({ planId, title: 'Wijkactieplan Brandevoort 2026–2028', versionNumber: 1, adoptedOn: '2026-09-10', periodStartsOn: '2026-10-01', isClosed: false });
    const actions = plan.challenges[0].actions;
    expect(actions.map((action: { title: string }) => action.title)).toEqual(['Schoolzone herinrichten', 'Bomen langs de schoolroute']);
    expect(actions[0]).toMatchObject({ ownerName: 'Verkeer', status: 'done', currentValue: 29, target: 30, deadlineOn: '2027-08-31', isOverdue: false });
    expect(plan.challenges[0].themes).toEqual([{ nameNl: 'Verkeersveiligheid', nameEn: 'Traffic safety' }]);
    expect(plan.rollup).toMatchObject({ total: 2, counted: 2, percentDone: 50 });
    expect(plan.successes).toEqual([{ actionId: doneActionId, title: 'Schoolzone herinrichten', doneOn: '2026-06-15' }]);
  });

  it('names no person anywhere: no contact, no user id, no note', async () => {
    const body = (await t.request({ url: publicUrl(ids.brandevoort) })).body;
    for (const personal of ['Koen', 'Verhoeven', 'koen.verhoeven', ids.koen, sanne, contactNote, 'contact', 'userId', 'note']) expect(body).not.toContain(personal);
    const pdf = await t.request({ url: `${publicUrl(ids.brandevoort)}/document` });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="wijkactieplan-brandevoort-v1.pdf"');
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Schoolzone herinrichten');
    expect(text).toContain('Bomen langs de schoolroute');
    expect(text).not.toContain('Nog niet vastgestelde titel');
    expect(text).toContain('Versie 1');
    for (const personal of ['Koen', 'Verhoeven', 'Sanne', 'Kuipers', contactNote]) expect(text).not.toContain(personal);
  });

  it('writes the PDF in the language chosen in the app, whatever the browser says, and refuses a language it does not have', async () => {
    const english = await t.request({ url: `${publicUrl(ids.brandevoort)}/document?lang=en`, headers: { 'accept-language': 'nl-NL' } });
    expect(english.statusCode).toBe(200);
    const text = (await extractText(await getDocumentProxy(new Uint8Array(english.rawPayload)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Version 1');
    const german = await t.request({ url: `${publicUrl(ids.brandevoort)}/document?lang=de` });
    expect(german.statusCode).toBe(400);
    expect(german.json().errors[0].field).toBe('querystring.lang');
  });

  it('answers 404 for a neighbourhood without a plan, an unknown one and another municipality’s', async () => {
    const stiphout = ((await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().items as { id: string; slug: string }[]).find((item) => item.slug === 'stiphout')!.id;
    for (const neighbourhoodId of [stiphout, crypto.randomUUID(), t.other.neighbourhood.id]) {
      expect((await t.request({ url: publicUrl(neighbourhoodId) })).statusCode, neighbourhoodId).toBe(404);
      expect((await t.request({ url: `${publicUrl(neighbourhoodId)}/document` })).statusCode, neighbourhoodId).toBe(404);
    }
    // A malformed id is a page that does not exist, as elsewhere in the API.
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/not-an-id/action-plan` })).statusCode).toBe(404);
  });

  it('does not show a plan that is still a draft or collecting contributions', async () => {
    const meetingId = await insertWijktafel(ids.oost, '2026-10-15');
    const plan = await send('advisor', 'POST', `${tenantPath}/action-plans`, { meetingId, periodStartsOn: '2026-11-01', periodEndsOn: '2028-10-31' });
    await send('advisor', 'POST', `${planUrl(plan.id)}/challenges`, { title: 'Ontmoeting in de wijk' });
    expect((await t.request({ url: publicUrl(ids.oost) })).statusCode).toBe(404);
    await send('advisor', 'POST', `${planUrl(plan.id)}/transitions`, { transition: 'startCollecting', version: plan.version + 1 });
    expect((await t.request({ url: publicUrl(ids.oost) })).statusCode).toBe(404);
  });
});
