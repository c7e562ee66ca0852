import { and, eq } from 'drizzle-orm';
import { extractText, getDocumentProxy } from 'unpdf';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, type DemoPerson, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';
import { outboxMessage } from '../../platform/outbox.tables.ts';
import { meeting } from '../meetings/index.ts';

let t: TestApp;
let ids: DemoIds;
let kinds: Record<string, string>;
let police: string;
let sanne: string;
let wijktafel: string;
let adHoc: string;

const sessions = new Map<DemoPerson, Awaited<ReturnType<TestApp['logIn']>>>();
/** One session per person for the whole file, so a refused call's fingerprint is not disturbed by a login. */
async function as(person: DemoPerson | null) {
  if (!person) return {};
  if (!sessions.has(person)) sessions.set(person, await t.logIn(person));
  return { as: sessions.get(person)! };
}
const planUrl = (id: string) => `${tenantPath}/action-plans/${id}`;

/** A meeting as the planner would have left it, straight in the database: the meetings module's own tests cover planning. */
async function insertMeeting(kindCode: string, day: string) {
  const now = new Date();
  const [row] = await t.database.db
    .insert(meeting)
    .values({
      municipalityId: t.municipalityId,
      kindId: kinds[kindCode],
      neighbourhoodId: ids.brandevoort,
      title: `${kindCode} Brandevoort`,
      startsAt: new Date(`${day}T17:30:00Z`),
      endsAt: new Date(`${day}T20:00:00Z`),
      location: 'Wijkhuis De Brandevoortse Hoeve',
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

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  kinds = Object.fromEntries(((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).map((kind) => [kind.code, kind.id]));
  const admin = await t.logIn('admin');
  sanne = (await t.request({ url: `${tenantPath}/users?search=Kuipers`, as: admin })).json().items[0].id;
  police = ((await t.request({ url: `${tenantPath}/partner-organisations?pageSize=100`, as: admin })).json().items as { id: string; name: string }[]).find((item) => item.name.startsWith('Politie'))!.id;
  wijktafel = await insertMeeting('wijktafel', '2026-09-10');
  adHoc = await insertMeeting('ad_hoc', '2026-09-17');
});
afterAll(async () => t?.close());

const newPlan = { periodStartsOn: '2026-10-01', periodEndsOn: '2028-09-30' };

describe('the way of working', () => {
  it('is public with the defaults until published; advisors publish it, residents cannot', async () => {
    const url = `${tenantPath}/action-plan-method`;
    const initial = (await t.request({ url })).json();
    expect(initial).toMatchObject({ publishedAt: null, version: 0, contributionWeeksBefore: 6, reportIntervalMonths: 3, allowedActions: [] });
    const body = { ...initial, contributionWeeksBefore: 8 };
    delete body.publishedAt;
    delete body.allowedActions;
    expect((await t.request({ method: 'PUT', url, ...(await as('resident')), payload: body })).statusCode).toBe(403);
    const invalid = await t.request({ method: 'PUT', url, ...(await as('advisorSouth')), payload: { ...body, contributionWeeksBefore: 0 } });
    expect(invalid.statusCode).toBe(400);
    expect(invalid.json().errors[0].field).toBe('body.contributionWeeksBefore');
    const published = await t.request({ method: 'PUT', url, ...(await as('advisorSouth')), payload: body });
    expect(published.statusCode, published.body).toBe(200);
    expect(published.json()).toMatchObject({ contributionWeeksBefore: 8, version: 1, allowedActions: ['publish'] });
    expect((await t.request({ url })).json().publishedAt).not.toBeNull();
    // Publishing from a stale read is refused.
    expect((await t.request({ method: 'PUT', url, ...(await as('admin')), payload: body })).statusCode).toBe(409);
  });
});

describe('an action plan from its wijktafel to monitoring', () => {
  let planId: string;

  it('is started by the neighbourhood’s advisor for a planned wijktafel, and by nobody else', async () => {
    const url = `${tenantPath}/action-plans`;
    for (const person of ['resident', 'officer', 'councilMember', 'advisor', 'advisorSouth'] as const) await as(person);
    const before = await fingerprintDatabase(t.database.db);
    for (const [person, status] of [
      [null, 401],
      ['resident', 403],
      ['officer', 403],
      ['councilMember', 403],
      // The advisor of the north and east does not serve Brandevoort.
      ['advisor', 403],
    ] as const) {
      expect((await t.request({ method: 'POST', url, ...(await as(person)), payload: { meetingId: wijktafel, ...newPlan } })).statusCode, String(person)).toBe(status);
    }
    const notAWijktafel = await t.request({ method: 'POST', url, ...(await as('advisorSouth')), payload: { meetingId: adHoc, ...newPlan } });
    expect(notAWijktafel.json().errors).toEqual([expect.objectContaining({ field: 'body.meetingId', code: 'notAWijktafel' })]);
    const backwards = await t.request({ method: 'POST', url, ...(await as('advisorSouth')), payload: { meetingId: wijktafel, periodStartsOn: '2027-01-01', periodEndsOn: '2026-12-01' } });
    expect(backwards.json().errors[0]).toMatchObject({ field: 'body.periodEndsOn', code: 'endBeforeStart' });
    const elsewhere = await t.request({ method: 'POST', url, ...(await as('advisorSouth')), payload: { meetingId: crypto.randomUUID(), ...newPlan } });
    expect(elsewhere.json().errors[0]).toMatchObject({ field: 'body.meetingId', code: 'unknownReference' });
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    const created = await t.request({ method: 'POST', url, ...(await as('advisorSouth')), payload: { meetingId: wijktafel, ...newPlan } });
    expect(created.statusCode, created.body).toBe(201);
    const plan = created.json();
    planId = plan.id;
    // Eight weeks before the wijktafel, as published above.
    expect(plan).toMatchObject({ state: 'draft', title: 'Wijkactieplan Brandevoort 2026–2028', contributionsDueOn: '2026-07-16', currentVersionNumber: null });
    expect(plan.allowedActions).toEqual(expect.arrayContaining(['startCollecting', 'edit', 'invite']));
    const again = await t.request({ method: 'POST', url, ...(await as('advisorSouth')), payload: { meetingId: wijktafel, ...newPlan } });
    expect(again.json().errors[0]).toMatchObject({ field: 'body.meetingId', code: 'planExistsForMeeting' });
  });

  it('is a draft only staff see; once collecting, the neighbourhood’s council and the invited partner see it too', async () => {
    expect((await t.request({ url: planUrl(planId), ...(await as('councilMember')) })).statusCode).toBe(404);
    expect((await t.request({ url: planUrl(planId), ...(await as('officer')) })).statusCode).toBe(200);
    const invite = await t.request({
      method: 'POST',
      url: `${planUrl(planId)}/invitations`,
      ...(await as('advisorSouth')),
      payload: { parties: [{ kind: 'council', id: ids.councilBrandevoort }, { kind: 'partner', id: police }, { kind: 'department', id: ids.verkeer }] },
    });
    expect(invite.statusCode, invite.body).toBe(201);
    expect(invite.json().map((row: { party: { name: string }; status: string }) => row.status)).toEqual(['pending', 'pending', 'pending']);
    const twice = await t.request({ method: 'POST', url: `${planUrl(planId)}/invitations`, ...(await as('advisorSouth')), payload: { parties: [{ kind: 'partner', id: police }] } });
    expect(twice.json().errors[0]).toMatchObject({ field: 'body.parties.0.id', code: 'partyAlreadyInvited' });
    const otherCouncil = await t.request({ method: 'POST', url: `${planUrl(planId)}/invitations`, ...(await as('advisorSouth')), payload: { parties: [{ kind: 'council', id: ids.councilOost }] } });
    expect(otherCouncil.json().errors[0]).toMatchObject({ field: 'body.parties.0.id', code: 'ownerNotCouncilOfNeighbourhood' });

    const started = await t.request({ method: 'POST', url: `${planUrl(planId)}/transitions`, ...(await as('advisorSouth')), payload: { transition: 'startCollecting', version: 1 } });
    expect(started.statusCode, started.body).toBe(200);
    expect(started.json().state).toBe('collecting');
    const invited = await t.database.db
      .select({ to: outboxMessage.recipientEmail })
      .from(outboxMessage)
      .where(and(eq(outboxMessage.municipalityId, t.municipalityId), eq(outboxMessage.topic, 'actionPlan.contributionInvited'), eq(outboxMessage.channel, 'email')));
    expect(invited.map((row) => row.to)).toEqual(expect.arrayContaining(['henk.aarts@brandevoort.example', 'bram.dewit@politie.example', 'koen.verhoeven@helmond.example']));

    const seenByMember = await t.request({ url: planUrl(planId), ...(await as('councilMember')) });
    expect(seenByMember.statusCode).toBe(200);
    expect(seenByMember.json().allowedActions).toEqual(['contribute']);
    expect((await t.request({ url: planUrl(planId), ...(await as('partner')) })).json().allowedActions).toEqual(['contribute']);
    expect((await t.request({ url: planUrl(planId), ...(await as('councilMemberOost')) })).statusCode).toBe(404);
    expect((await t.request({ url: planUrl(planId), ...(await as('resident')) })).statusCode).toBe(403);
    expect((await t.request({ url: planUrl(planId) })).statusCode).toBe(401);
  });

  let partnerContribution: string;
  it('takes contributions from invited parties only, and the advisor sees who has contributed', async () => {
    const url = `${planUrl(planId)}/contributions`;
    const proposal = { challengeTitle: 'Veilig naar school', title: 'Extra surveillance bij de basisscholen', specific: 'Twee keer per week bij het begin van de schooldag', location: 'Scholen aan de Biezenloop', indicator: 'Meldingen van gevaarlijk verkeer', baseline: 40, target: 20, unit: 'meldingen per jaar', startsOn: '2026-10-01', deadlineOn: '2027-06-30', hours: 120 };
    const refused = await t.request({ method: 'POST', url, ...(await as('officerGreen')), payload: proposal });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().code).toBe('ACTION_PLAN_NOT_INVITED');
    const backwards = await t.request({ method: 'POST', url, ...(await as('partner')), payload: { ...proposal, deadlineOn: '2026-09-01' } });
    expect(backwards.json().errors[0]).toMatchObject({ field: 'body.deadlineOn', code: 'deadlineBeforeStart' });
    const contributed = await t.request({ method: 'POST', url, ...(await as('partner')), payload: proposal });
    expect(contributed.statusCode, contributed.body).toBe(201);
    partnerContribution = contributed.json().id;
    const fromCouncil = await t.request({ method: 'POST', url, ...(await as('councilMember')), payload: { challengeTitle: 'Ontmoeting', title: 'Buurtbarbecue elke zomer' } });
    expect(fromCouncil.statusCode, fromCouncil.body).toBe(201);

    const plan = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
    expect(plan.invitations.map((row: { party: { kind: string }; contributedAt: string | null }) => [row.party.kind, row.contributedAt !== null])).toEqual(
      expect.arrayContaining([
        ['council', true],
        ['partner', true],
        ['department', false],
      ]),
    );
    expect(plan.contributions).toHaveLength(2);
    // A party sees its own contributions, not another's.
    const seenByPartner = (await t.request({ url: planUrl(planId), ...(await as('partner')) })).json();
    expect(seenByPartner.contributions.map((row: { title: string }) => row.title)).toEqual(['Extra surveillance bij de basisscholen']);
  });

  it('lets the advisor take a contribution over, decline one with a reason, and handle each once', async () => {
    const handle = async (contributionId: string, payload: object) => t.request({ method: 'POST', url: `${tenantPath}/action-plan-contributions/${contributionId}/handling`, ...(await as('advisorSouth')), payload });
    expect((await t.request({ method: 'POST', url: `${tenantPath}/action-plan-contributions/${partnerContribution}/handling`, ...(await as('partner')), payload: { outcome: 'takeOver', version: 1 } })).statusCode).toBe(403);
    const taken = await handle(partnerContribution, { outcome: 'takeOver', version: 1 });
    expect(taken.statusCode, taken.body).toBe(200);
    expect(taken.json()).toMatchObject({ state: 'taken_over', actionId: expect.any(String) });
    expect((await handle(partnerContribution, { outcome: 'decline', reason: 'Toch niet', version: 2 })).json().code).toBe('CONTRIBUTION_ALREADY_HANDLED');
    const plan = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
    const council = plan.contributions.find((row: { party: { kind: string } }) => row.party.kind === 'council');
    const noReason = await handle(council.id, { outcome: 'decline', reason: '', version: 1 });
    expect(noReason.statusCode).toBe(400);
    expect((await handle(council.id, { outcome: 'decline', reason: 'Dit organiseert het wijkorgaan al elk jaar; het hoort niet in het plan.', version: 1 })).json().state).toBe('declined');

    const after = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
    expect(after.challenges).toHaveLength(1);
    expect(after.challenges[0]).toMatchObject({ title: 'Veilig naar school' });
    expect(after.challenges[0].actions[0]).toMatchObject({ title: 'Extra surveillance bij de basisscholen', owner: { kind: 'partner', id: police }, origin: { kind: 'contribution' } });
    const told = await t.database.db.select({ body: outboxMessage.body }).from(outboxMessage).where(and(eq(outboxMessage.topic, 'actionPlan.contributionHandled'), eq(outboxMessage.recipientEmail, 'henk.aarts@brandevoort.example')));
    expect(told[0].body).toContain('elk jaar');
  });

  let actionId: string;
  it('flags what is not SMART and refuses adoption until errors are fixed and warnings accepted with a reason', async () => {
    const plan = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
    const challengeId = plan.challenges[0].id;
    // The action takes up a resident's request; she hears of it once the wijktafel adopts the plan, not before.
    const asked = await t.request({ method: 'POST', url: `${tenantPath}/requests`, ...(await as('resident')), payload: { kind: 'request', title: 'Te hard rijden bij de school', body: 'Auto’s rijden ’s ochtends veel te hard langs de school; graag drempels of een zebrapad.', neighbourhoodId: ids.brandevoort, scale: 'street' } });
    expect(asked.statusCode, asked.body).toBe(201);
    const added = await t.request({ method: 'POST', url: `${tenantPath}/action-plan-challenges/${challengeId}/actions`, ...(await as('advisorSouth')), payload: { title: 'Schoolzone herinrichten', specific: 'Drempels en belijning', owner: { kind: 'department', id: ids.verkeer }, startsOn: '2026-11-01', deadlineOn: '2027-08-31', budgetEuros: 45000, originRequestId: asked.json().id } });
    expect(added.statusCode, added.body).toBe(201);
    actionId = added.json().id;
    const takenUp = () => t.database.db.select({ body: outboxMessage.body }).from(outboxMessage).where(and(eq(outboxMessage.topic, 'actionPlan.requestTakenUp'), eq(outboxMessage.channel, 'email')));
    expect(await takenUp()).toEqual([]);
    const backwards = await t.request({ method: 'PATCH', url: `${tenantPath}/action-plan-actions/${actionId}`, ...(await as('advisorSouth')), payload: { deadlineOn: '2026-10-01', version: 1 } });
    expect(backwards.json().errors[0]).toMatchObject({ field: 'body.deadlineOn', code: 'deadlineBeforeStart' });
    const strangerContact = await t.request({ method: 'PATCH', url: `${tenantPath}/action-plan-actions/${actionId}`, ...(await as('advisorSouth')), payload: { contactUserId: ids.lotte, version: 1 } });
    expect(strangerContact.json().errors[0]).toMatchObject({ field: 'body.contactUserId', code: 'contactNotOfOwner' });

    const check = (await t.request({ url: `${planUrl(planId)}/smart-check`, ...(await as('advisorSouth')) })).json();
    const errorsOf = (id: string) => check.findings.filter((finding: { actionId: string; severity: string }) => finding.actionId === id && finding.severity === 'error').map((finding: { code: string }) => finding.code);
    expect(errorsOf(actionId)).toEqual(['indicatorMissing']);
    expect(check.findings.find((finding: { code: string }) => finding.code === 'indicatorMissing').message).toMatch(/indicator/);
    expect(check.isAdoptable).toBe(false);

    const version = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json().version;
    expect((await t.request({ method: 'POST', url: `${planUrl(planId)}/versions`, ...(await as('advisorSouth')), payload: { version } })).json().code).toBe('ACTION_PLAN_STATE_FORBIDS');
    const ready = await t.request({ method: 'POST', url: `${planUrl(planId)}/transitions`, ...(await as('advisorSouth')), payload: { transition: 'markReady', version } });
    expect(ready.json().state).toBe('ready');
    const refused = await t.request({ method: 'POST', url: `${planUrl(planId)}/versions`, ...(await as('advisorSouth')), payload: { version: ready.json().version } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json()).toMatchObject({ code: 'ACTION_PLAN_NOT_SMART' });
    expect(refused.json().errors).toEqual(expect.arrayContaining([expect.objectContaining({ field: `actions.${actionId}.indicator`, code: 'indicatorMissing' })]));

    const fixed = await t.request({ method: 'PATCH', url: `${tenantPath}/action-plan-actions/${actionId}`, ...(await as('advisorSouth')), payload: { indicator: 'Gemiddelde snelheid bij de school', baseline: 42, target: 30, unit: 'km/u', contactUserId: ids.koen, isOnTopOfRegularWork: true, location: 'Schoolstraat', version: 1 } });
    expect(fixed.statusCode, fixed.body).toBe(200);
    const recheck = (await t.request({ url: `${planUrl(planId)}/smart-check`, ...(await as('advisorSouth')) })).json();
    expect(recheck.errors).toBe(0);
    const warnings = recheck.findings.map((finding: { actionId: string | null; challengeId: string | null; code: string }) => ({ actionId: finding.actionId, challengeId: finding.challengeId, code: finding.code }));
    expect(warnings.length).toBeGreaterThan(0);
    const current = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json().version;
    expect((await t.request({ method: 'POST', url: `${planUrl(planId)}/versions`, ...(await as('advisorSouth')), payload: { version: current } })).json().code).toBe('ACTION_PLAN_NOT_SMART');
    const adopted = await t.request({
      method: 'POST',
      url: `${planUrl(planId)}/versions`,
      ...(await as('advisorSouth')),
      payload: { version: current, adoptedOn: '2026-09-10', acceptedWarnings: warnings.map((warning: object) => ({ ...warning, reason: 'Besproken aan de wijktafel; de partij vult het na de zomer aan.' })) },
    });
    expect(adopted.statusCode, adopted.body).toBe(200);
    expect(adopted.json()).toMatchObject({ state: 'adopted', currentVersionNumber: 1, adoptedOn: '2026-09-10', versions: [{ number: 1, adoptedOn: '2026-09-10' }] });
    const told = await takenUp();
    expect(told).toHaveLength(1);
    expect(told[0].body).toContain('Schoolzone herinrichten');
  });

  it('keeps an adopted version as it is: edits need a new version with a change log, and the differences can be shown', async () => {
    const editing = await t.request({ method: 'PATCH', url: `${tenantPath}/action-plan-actions/${actionId}`, ...(await as('advisorSouth')), payload: { target: 25, version: 2 } });
    expect(editing.statusCode).toBe(409);
    expect(editing.json().code).toBe('ACTION_PLAN_ADOPTED');
    let plan = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
    expect((await t.request({ method: 'POST', url: `${planUrl(planId)}/revision`, ...(await as('councilMember')), payload: { version: plan.version } })).statusCode).toBe(403);
    const opened = await t.request({ method: 'POST', url: `${planUrl(planId)}/revision`, ...(await as('advisorSouth')), payload: { version: plan.version } });
    expect(opened.json()).toMatchObject({ hasOpenRevision: true, allowedActions: expect.arrayContaining(['edit', 'adopt']) });
    expect((await t.request({ method: 'PATCH', url: `${tenantPath}/action-plan-actions/${actionId}`, ...(await as('advisorSouth')), payload: { target: 25, version: 2 } })).statusCode).toBe(200);
    plan = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
    const accepted = (await t.request({ url: `${planUrl(planId)}/versions/1`, ...(await as('advisorSouth')) })).json().acceptedWarnings;
    const withoutLog = await t.request({ method: 'POST', url: `${planUrl(planId)}/versions`, ...(await as('advisorSouth')), payload: { version: plan.version, acceptedWarnings: accepted } });
    expect(withoutLog.json().errors[0]).toMatchObject({ field: 'body.changeLog', code: 'changeLogRequired' });
    const second = await t.request({ method: 'POST', url: `${planUrl(planId)}/versions`, ...(await as('advisorSouth')), payload: { version: plan.version, acceptedWarnings: accepted, changeLog: 'Streefwaarde snelheid bijgesteld na meting.' } });
    expect(second.statusCode, second.body).toBe(200);
    expect(second.json()).toMatchObject({ currentVersionNumber: 2, hasOpenRevision: false });

    const first = (await t.request({ url: `${planUrl(planId)}/versions/1`, ...(await as('councilMember')) })).json();
    expect(first.snapshot.challenges[0].actions.find((action: { id: string }) => action.id === actionId).target).toBe(30);
    const changes = (await t.request({ url: `${planUrl(planId)}/versions/2/changes?from=1`, ...(await as('councilMember')) })).json().changes;
    expect(changes).toEqual([expect.objectContaining({ kind: 'changed', entity: 'action', id: actionId, fields: [{ field: 'target', before: 30, after: 25 }] })]);
  });

  it('takes progress from the action’s owner and the advisor only; the first report starts the execution', async () => {
    const plan = (await t.request({ url: planUrl(planId), ...(await as('partner')) })).json();
    const policeAction = plan.challenges[0].actions.find((action: { owner: { kind: string } }) => action.owner.kind === 'partner');
    expect(policeAction.allowedActions).toEqual(['postProgress']);
    const url = `${tenantPath}/action-plan-actions/${policeAction.id}/progress`;
    const notOwner = await t.request({ method: 'POST', url, ...(await as('officer')), payload: { status: 'on_track', version: policeAction.version } });
    expect(notOwner.statusCode).toBe(403);
    expect(notOwner.json().code).toBe('ACTION_NOT_OWNED');
    const noReason = await t.request({ method: 'POST', url, ...(await as('partner')), payload: { status: 'dropped', version: policeAction.version } });
    expect(noReason.json().errors[0]).toMatchObject({ field: 'body.reason', code: 'dropReasonRequired' });
    const posted = await t.request({ method: 'POST', url, ...(await as('partner')), payload: { status: 'on_track', currentValue: 31, note: 'Eerste maanden gaan goed.', version: policeAction.version } });
    expect(posted.statusCode, posted.body).toBe(200);
    expect(posted.json().progress).toMatchObject({ status: 'on_track', currentValue: 31 });
    const after = (await t.request({ url: planUrl(planId), ...(await as('advisorSouth')) })).json();
    expect(after.state).toBe('in_execution');
    expect(after.rollup).toMatchObject({ total: 2, counted: 2 });
    expect(posted.json().progressEntryId).toEqual(expect.any(String));
    const history = (await t.request({ url, ...(await as('councilMember')) })).json();
    expect(history.items).toEqual([expect.objectContaining({ id: posted.json().progressEntryId, status: 'on_track', note: 'Eerste maanden gaan goed.', postedBy: 'Bram de Wit', evidence: [], canAddEvidence: false })]);
  });

  it('downloads an adopted version as a PDF whose text holds the actions, and the actions as CSV, for readers of the plan only', async () => {
    const pdf = await t.request({ url: `${planUrl(planId)}/versions/2/document`, ...(await as('councilMember')) });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="wijkactieplan-brandevoort-v2.pdf"');
    // Table cells wrap: compare the words, not the line breaks.
    const text = (await extractText(await getDocumentProxy(new Uint8Array(pdf.rawPayload)), { mergePages: true })).text.replace(/\s+/g, ' ');
    expect(text).toContain('Extra surveillance bij de basisscholen');
    expect(text).toContain('Schoolzone herinrichten');
    expect(text).toContain('Versie 2');
    expect((await t.request({ url: `${planUrl(planId)}/versions/9/document`, ...(await as('councilMember')) })).statusCode).toBe(404);
    expect((await t.request({ url: `${planUrl(planId)}/document`, ...(await as('councilMemberOost')) })).statusCode).toBe(404);

    const csv = await t.request({ url: `${planUrl(planId)}/action-export?format=csv`, ...(await as('advisorSouth')) });
    expect(csv.statusCode).toBe(200);
    expect(csv.body.split('\r\n')[0]).toContain('Actie');
    expect(csv.body).toContain('Schoolzone herinrichten');
    const invalid = await t.request({ url: `${planUrl(planId)}/action-export?format=doc`, ...(await as('advisorSouth')) });
    expect(invalid.statusCode).toBe(400);
  });
});
