import { fingerprintDatabase } from '../../../test/database.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type DemoIds, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let member: Session;

const supportStatement = { origins: [{ kind: 'open_meeting' }], breadth: 'broad', dissent: '' };
const motivation = 'Het college heeft het budget vrijgemaakt; de uitvoering past in het programma van dit najaar.';
const ooit = { verdict: 'ooit', motivation, conditions: [{ kind: 'budget', text: 'Geld uit het investeringsplan 2027' }], decisionDueOn: '2026-12-01', updateEveryWeeks: 6 };

async function notificationsOf(person: Parameters<TestApp['logIn']>[0]) {
  return (await t.request({ url: `${tenantPath}/notifications?pageSize=100`, as: await t.logIn(person) })).json().items as { subject: string; body: string }[];
}

/** The notification with this subject; the test clock stands still, so several share one moment and order says nothing. */
async function notificationOf(person: Parameters<TestApp['logIn']>[0], subject: string) {
  const found = (await notificationsOf(person)).find((item) => item.subject === subject);
  expect(found, `${person} was not told "${subject}"`).toBeDefined();
  return found!;
}

/** A council's advice, acknowledged and routed to Verkeer (officer Koen); returns its url and version. */
async function routedAdvice(title: string, kind = 'advice_unsolicited') {
  const advisor = await t.logIn('advisorSouth');
  const created = await t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: member,
    payload: { kind, title, body: 'Een advies van de wijkraad over de inrichting van de openbare ruimte in de wijk.', neighbourhoodId: ids.brandevoort, scale: 'area', councilId: ids.councilBrandevoort, supportStatement },
  });
  expect(created.statusCode).toBe(201);
  const url = `${tenantPath}/requests/${created.json().id}`;
  await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: 1 } });
  const routed = await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 2, leadDepartmentId: ids.verkeer, leadOfficerUserId: ids.koen } });
  expect(routed.statusCode).toBe(200);
  return { url, id: created.json().id as string, version: 3 };
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  member = await t.logIn('councilMember');
});
afterAll(async () => t?.close());

describe('messages and internal notes', () => {
  it('lets the two sides talk on the timeline, keeps internal notes from the council and the public', async () => {
    const { url } = await routedAdvice('Zebrapad bij de basisschool De Veste');
    const fromCouncil = await t.request({ method: 'POST', url: `${url}/messages`, as: member, payload: { text: 'Wij kunnen een schouw met de school organiseren als dat helpt.' } });
    expect(fromCouncil.statusCode).toBe(201);
    expect(await notificationOf('officer', 'Bericht over: Zebrapad bij de basisschool De Veste')).toMatchObject({ subject: 'Bericht over: Zebrapad bij de basisschool De Veste' });

    const advisor = await t.logIn('advisorSouth');
    const note = await t.request({ method: 'POST', url: `${url}/messages`, as: advisor, payload: { text: 'Intern: de school heeft eerder een klacht ingediend.', isInternal: true } });
    expect(note.json().timeline.at(-1)).toMatchObject({ kind: 'note', isInternal: true });
    const seenByCouncil = (await t.request({ url, as: member })).json();
    const seenByVisitor = (await t.request({ url })).json();
    for (const view of [seenByCouncil, seenByVisitor]) {
      expect(view.timeline.map((event: { kind: string }) => event.kind)).not.toContain('note');
      expect(JSON.stringify(view)).not.toContain('eerder een klacht');
    }
    expect(seenByCouncil.timeline.at(-1)).toMatchObject({ kind: 'message', text: 'Wij kunnen een schouw met de school organiseren als dat helpt.' });
    // The conversation is not public, even on a public request.
    expect(seenByVisitor.timeline.map((event: { kind: string }) => event.kind)).not.toContain('message');
  });

  it('refuses outsiders (401, 403) and internal notes from the council (400), and stores nothing then', async () => {
    const { url } = await routedAdvice('Bloembakken aan de Biezenloop');
    const before = (await t.request({ url, as: member })).json().timeline.length;
    expect((await t.request({ method: 'POST', url: `${url}/messages`, payload: { text: 'Anoniem bericht' } })).statusCode).toBe(401);
    expect((await t.request({ method: 'POST', url: `${url}/messages`, as: await t.logIn('resident'), payload: { text: 'Ik lees mee en praat mee.' } })).statusCode).toBe(403);
    const internal = await t.request({ method: 'POST', url: `${url}/messages`, as: member, payload: { text: 'Geheim van de wijkraad', isInternal: true } });
    expect(internal.statusCode).toBe(400);
    expect(internal.json().errors[0]).toMatchObject({ field: 'body.isInternal', code: 'staffOnly' });
    expect((await t.request({ url, as: member })).json().timeline).toHaveLength(before);
  });
});

describe('an ooit becomes a nu or a nooit', () => {
  it('changes the verdict with history, tells the council, and refuses changes that are not from ooit', async () => {
    const { url, version } = await routedAdvice('Speelplek bij de vijver');
    const koen = await t.logIn('officer');
    const answered = (await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { ...ooit, version } })).json();
    expect((await t.request({ method: 'POST', url: `${url}/verdict-change`, as: await t.logIn('officerGreen'), payload: { verdict: 'nooit', version: answered.version, motivation, reasons: ['too_expensive'] } })).statusCode).toBe(403);
    const stillOoit = await t.request({ method: 'POST', url: `${url}/verdict-change`, as: koen, payload: { ...ooit, version: answered.version } });
    expect(stillOoit.json().errors[0]).toMatchObject({ field: 'body.verdict', code: 'verdictUnchanged' });

    const changed = await t.request({ method: 'POST', url: `${url}/verdict-change`, as: koen, payload: { verdict: 'nu', version: answered.version, motivation, action: 'Speeltoestel plaatsen aan de oostkant', plannedOn: '2026-07-20' } });
    expect(changed.statusCode).toBe(200);
    expect(changed.json()).toMatchObject({ state: 'answered', verdict: 'nu', nextUpdateDue: null, answer: { verdict: 'nu', plannedOn: '2026-07-20' } });
    expect(changed.json().timeline.slice(-2).map((event: { kind: string }) => event.kind)).toEqual(['answered', 'verdictChanged']);
    await notificationOf('councilMember', 'Antwoord gewijzigd (ooit → nu): Speelplek bij de vijver');

    const again = await t.request({ method: 'POST', url: `${url}/verdict-change`, as: koen, payload: { verdict: 'nooit', version: changed.json().version, motivation, reasons: ['too_expensive'] } });
    expect(again.json().errors[0]).toMatchObject({ field: 'body.verdict', code: 'onlyOoitChanges' });
  });
});

describe('the municipality’s position on advice', () => {
  it('needs reasons to deviate; outside formal inspraak the department decides, and the council is told', async () => {
    const { url, version } = await routedAdvice('Parkeren op de stoep aan de Hazenwinkel');
    const koen = await t.logIn('officer');
    const answered = (await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { ...ooit, version } })).json();
    expect(answered.allowedActions).toEqual(expect.arrayContaining(['postUpdate', 'changeVerdict', 'recordAdvicePosition', 'postMessage', 'writeNote']));
    expect(answered.allowedActions).not.toContain('close');
    const bare = await t.request({ method: 'POST', url: `${url}/advice-position`, as: koen, payload: { version: answered.version, position: 'deviates', motivation: 'Nee.' } });
    expect(bare.statusCode).toBe(400);
    expect(bare.json().errors.map((error: { code: string }) => error.code)).toEqual(['motivationTooThin']);
    const byCollege = await t.request({ method: 'POST', url: `${url}/advice-position`, as: koen, payload: { version: answered.version, position: 'deviates', motivation, decidingBody: 'college' } });
    expect(byCollege.json().errors[0]).toMatchObject({ field: 'body.decidingBody', code: 'departmentDecides' });
    const recorded = await t.request({ method: 'POST', url: `${url}/advice-position`, as: koen, payload: { version: answered.version, position: 'deviates', motivation } });
    expect(recorded.json().advicePosition).toMatchObject({ position: 'deviates', decidingBody: 'department', recordedOn: '2026-06-15' });
    const told = await notificationOf('councilMember', 'Standpunt over jullie advies: Parkeren op de stoep aan de Hazenwinkel');
    expect(told.body).toContain('Besloten door de afdeling.');
  });

  it('leaves deviating to the college or the municipal council once staff mark the advice as formal inspraak', async () => {
    const { url, version } = await routedAdvice('Gevraagd advies over het parkeerbeleid', 'advice_solicited');
    const advisor = await t.logIn('advisorSouth');
    // The council cannot mark its own advice; the advisor can.
    expect((await t.request({ method: 'POST', url: `${url}/formal-inspraak`, as: member, payload: { version, isFormalInspraak: true } })).statusCode).toBe(403);
    const marked = await t.request({ method: 'POST', url: `${url}/formal-inspraak`, as: advisor, payload: { version, isFormalInspraak: true } });
    expect(marked.json()).toMatchObject({ isFormalInspraak: true });
    expect(marked.json().timeline.at(-1)).toMatchObject({ kind: 'formalInspraakChanged', actorLabel: 'Sanne Kuipers' });
    const koen = await t.logIn('officer');
    const answered = (await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { ...ooit, version: marked.json().version } })).json();
    const byDepartment = await t.request({ method: 'POST', url: `${url}/advice-position`, as: koen, payload: { version: answered.version, position: 'deviates', motivation, decidingBody: 'department' } });
    expect(byDepartment.json().errors[0]).toMatchObject({ field: 'body.decidingBody', code: 'formalInspraakBody' });
    const byRaad = await t.request({ method: 'POST', url: `${url}/advice-position`, as: koen, payload: { version: answered.version, position: 'deviates', motivation, decidingBody: 'municipalCouncil' } });
    expect(byRaad.statusCode).toBe(200);
    expect(byRaad.json().advicePosition.decidingBody).toBe('municipalCouncil');
    // An alderman's home lists the advice by the body that decides a deviation.
    const alderman = await t.logIn('alderman');
    const byBody = async (body: string) => (await t.request({ url: `${tenantPath}/requests?decidingBody=${body}&pageSize=100`, as: alderman })).json().items.map((item: { id: string }) => item.id);
    expect(await byBody('municipalCouncil')).toContain(byRaad.json().id);
    expect(await byBody('college')).not.toContain(byRaad.json().id);
    expect((await t.request({ method: 'POST', url: `${url}/advice-position`, as: member, payload: { version: answered.version + 1, position: 'follows' } })).statusCode).toBe(403);
  });
});

describe('a nu is carried out', () => {
  it('records the day it was done, tells the council, and refuses a day in the future or before the answer', async () => {
    const { url, version } = await routedAdvice('Drempels bij de basisschool');
    const koen = await t.logIn('officer');
    const answered = (await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { verdict: 'nu', version, motivation, action: 'Twee drempels aanleggen', plannedOn: '2026-07-01' } })).json();
    expect(answered.allowedActions).toContain('recordCarriedOut');
    const future = await t.request({ method: 'POST', url: `${url}/carried-out`, as: koen, payload: { version: answered.version, carriedOutOn: '2026-07-01' } });
    expect(future.json().errors[0]).toMatchObject({ field: 'body.carriedOutOn', code: 'dateInFuture' });
    const early = await t.request({ method: 'POST', url: `${url}/carried-out`, as: koen, payload: { version: answered.version, carriedOutOn: '2026-06-01' } });
    expect(early.json().errors[0]).toMatchObject({ field: 'body.carriedOutOn', code: 'beforeAnswer' });
    expect((await t.request({ method: 'POST', url: `${url}/carried-out`, as: member, payload: { version: answered.version, carriedOutOn: '2026-06-15' } })).statusCode).toBe(403);
    const done = await t.request({ method: 'POST', url: `${url}/carried-out`, as: koen, payload: { version: answered.version, carriedOutOn: '2026-06-15', text: 'De drempels liggen er.' } });
    expect(done.statusCode).toBe(200);
    expect(done.json()).toMatchObject({ carriedOutOn: '2026-06-15' });
    expect(done.json().allowedActions).not.toContain('recordCarriedOut');
    expect((await t.request({ url })).json().timeline.at(-1)).toMatchObject({ kind: 'carriedOut', text: 'De drempels liggen er.' });
    await notificationOf('councilMember', 'Uitgevoerd: Drempels bij de basisschool');
  });
});

describe('triage: front-line teams and links', () => {
  it('refers to a team from the municipality’s list only', async () => {
    const { url, version } = await routedAdvice('Hangjongeren bij het winkelcentrum');
    const advisor = await t.logIn('advisorSouth');
    const unknown = await t.request({ method: 'POST', url: `${url}/referral`, as: advisor, payload: { version, teamCode: 'a-team' } });
    expect(unknown.json().errors[0]).toMatchObject({ field: 'body.teamCode', code: 'unknownTeam' });
    const referred = await t.request({ method: 'POST', url: `${url}/referral`, as: advisor, payload: { version, teamCode: 'jpt', note: 'Groep van zes jongeren, elke vrijdagavond.' } });
    expect(referred.json()).toMatchObject({ state: 'routed', referral: { code: 'jpt', name: 'Jeugd Preventie Team (JPT)' } });
    expect((await t.request({ method: 'POST', url: `${url}/referral`, as: await t.logIn('officer'), payload: { version: version + 1, teamCode: 'bit' } })).statusCode).toBe(403);
  });

  it('marks a duplicate (closed, pointing at the original) and links related requests both ways', async () => {
    const original = await routedAdvice('Losliggende tegels op de Brandevoortse Dreef');
    const duplicate = await routedAdvice('Tegels los op de Dreef');
    const related = await routedAdvice('Verlichting op de Dreef');
    const advisor = await t.logIn('advisorSouth');
    expect((await t.request({ method: 'POST', url: `${duplicate.url}/links`, as: advisor, payload: { version: duplicate.version, relatedRequestId: duplicate.id, kind: 'duplicate' } })).json().errors[0].code).toBe('selfLink');
    const other = await t.request({ method: 'POST', url: `${duplicate.url}/links`, as: advisor, payload: { version: duplicate.version, relatedRequestId: '00000000-0000-4000-8000-000000000000', kind: 'duplicate' } });
    expect(other.json().errors[0]).toMatchObject({ field: 'body.relatedRequestId', code: 'unknownReference' });

    const marked = await t.request({ method: 'POST', url: `${duplicate.url}/links`, as: advisor, payload: { version: duplicate.version, relatedRequestId: original.id, kind: 'duplicate' } });
    expect(marked.json()).toMatchObject({ state: 'closed', links: [{ id: original.id, kind: 'duplicateOf' }] });
    expect((await t.request({ url: original.url })).json().links).toEqual([expect.objectContaining({ id: duplicate.id, kind: 'duplicatedBy', state: 'closed' })]);

    const linked = await t.request({ method: 'POST', url: `${original.url}/links`, as: advisor, payload: { version: original.version, relatedRequestId: related.id, kind: 'related' } });
    expect(linked.json().links.map((link: { kind: string }) => link.kind).sort()).toEqual(['duplicatedBy', 'related']);
    expect((await t.request({ method: 'DELETE', url: `${original.url}/links/${related.id}`, as: member })).statusCode).toBe(403);
    expect((await t.request({ method: 'DELETE', url: `${original.url}/links/${related.id}`, as: advisor })).statusCode).toBe(204);
    expect((await t.request({ url: related.url })).json().links).toEqual([]);
  });
});

describe('settings and four-eyes review', () => {
  it('gives city-wide requests a first point of contact: the city-wide advisor is told, handles them and has them in the inbox', async () => {
    const admin = await t.logIn('admin');
    const current = (await t.request({ url: `${tenantPath}/request-settings`, as: admin })).json();
    const jeroen = ((await t.request({ url: `${tenantPath}/users?search=Hermans`, as: admin })).json().items as { id: string }[])[0].id;
    const notAnAdvisor = await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...current, cityWideAdvisorUserId: ids.koen } });
    expect(notAnAdvisor.json().errors).toEqual([expect.objectContaining({ field: 'body.cityWideAdvisorUserId', code: 'notAnAdvisor' })]);
    const saved = (await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...current, cityWideAdvisorUserId: jeroen } })).json();
    expect(saved.cityWideAdvisorUserId).toBe(jeroen);

    const created = (
      await t.request({
        method: 'POST',
        url: `${tenantPath}/requests`,
        as: await t.logIn('resident'),
        payload: { kind: 'question', title: 'Stadsbreed: grofvuil ophalen op afspraak', body: 'Kan grofvuil in de hele stad op afspraak worden opgehaald, ook op zaterdag?', neighbourhoodId: null, scale: 'city_wide' },
      })
    ).json();
    await notificationOf('advisor', 'Nieuw: Stadsbreed: grofvuil ophalen op afspraak');
    expect((await notificationsOf('advisorSouth')).map((item) => item.subject)).not.toContain('Nieuw: Stadsbreed: grofvuil ophalen op afspraak');
    const url = `${tenantPath}/requests/${created.id}/acknowledgement`;
    expect((await t.request({ method: 'POST', url, as: await t.logIn('advisorSouth'), payload: { version: 1 } })).statusCode).toBe(403);
    const inbox = async (person: 'advisor' | 'advisorSouth') => ((await t.request({ url: `${tenantPath}/requests?mine=true&isOpen=true&pageSize=100`, as: await t.logIn(person) })).json().items as { id: string }[]).map((item) => item.id);
    expect(await inbox('advisor')).toContain(created.id);
    expect(await inbox('advisorSouth')).not.toContain(created.id);
    expect((await t.request({ method: 'POST', url, as: await t.logIn('advisor'), payload: { version: 1 } })).statusCode).toBe(200);

    const { version: _version, ...settings } = saved;
    await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...settings, version: saved.version, cityWideAdvisorUserId: null } });
  });

  it('lets staff read and only the admin change the settings, refusing stale and inconsistent ones', async () => {
    const officerView = await t.request({ url: `${tenantPath}/request-settings`, as: await t.logIn('officer') });
    expect(officerView.json()).toMatchObject({ shortTermWeeks: 8, requiresAnswerReview: false, frontLineTeams: expect.arrayContaining([expect.objectContaining({ code: 'jpt' })]) });
    expect((await t.request({ url: `${tenantPath}/request-settings`, as: member })).statusCode).toBe(403);
    expect((await t.request({ url: `${tenantPath}/request-settings` })).statusCode).toBe(401);
    const { version, ...settings } = officerView.json();
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: await t.logIn('advisorSouth'), payload: { ...settings, version } })).statusCode).toBe(403);

    const admin = await t.logIn('admin');
    const inconsistent = await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...settings, version, deadlines: { question: { acknowledgeWithinWorkingDays: 10, answerWithinWorkingDays: 5 } } } });
    expect(inconsistent.statusCode).toBe(400);
    expect(inconsistent.json().errors[0].field).toBe('body.deadlines.question.answerWithinWorkingDays');
    const saved = await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...settings, version, deadlines: { question: { acknowledgeWithinWorkingDays: 2, answerWithinWorkingDays: 10 } } } });
    expect(saved.statusCode).toBe(200);
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...settings, version } })).json().code).toBe('VERSION_CONFLICT');

    // A question now gets 2 and 10 working days (Monday 15 June 2026 → 17 and 29 June).
    const question = await t.request({ method: 'POST', url: `${tenantPath}/requests`, as: await t.logIn('resident'), payload: { kind: 'question', title: 'Wanneer wordt het gras gemaaid?', body: 'Het gras in het park bij ons staat erg hoog; wanneer komt de maaier?', neighbourhoodId: ids.brandevoort, scale: 'street' } });
    expect(question.json()).toMatchObject({ acknowledgeBy: '2026-06-17', answerBy: '2026-06-29' });
  });

  it('holds an officer’s answer for the advisor when four eyes are on; approve sends it, return sends it back', async () => {
    const admin = await t.logIn('admin');
    const current = (await t.request({ url: `${tenantPath}/request-settings`, as: admin })).json();
    expect((await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...current, requiresAnswerReview: true } })).statusCode).toBe(200);
    const { url, version } = await routedAdvice('Extra prullenbakken langs het kanaal');
    const koen = await t.logIn('officer');
    const proposed = await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { ...ooit, version } });
    expect(proposed.json()).toMatchObject({ state: 'routed', verdict: null, proposedAnswer: { verdict: 'ooit', proposedBy: 'Koen Verhoeven' } });
    const councilView = (await t.request({ url, as: member })).json();
    expect(councilView.proposedAnswer).toBeNull();
    expect(councilView.timeline.map((event: { kind: string }) => event.kind)).not.toContain('answerProposed');
    await notificationOf('advisorSouth', 'Ter beoordeling: Extra prullenbakken langs het kanaal');

    const advisor = await t.logIn('advisorSouth');
    const noComment = await t.request({ method: 'POST', url: `${url}/answer-review`, as: advisor, payload: { version: version + 1, decision: 'return' } });
    expect(noComment.json().errors[0].field).toBe('body.comment');
    expect((await t.request({ method: 'POST', url: `${url}/answer-review`, as: koen, payload: { version: version + 1, decision: 'approve' } })).statusCode).toBe(403);
    const returned = await t.request({ method: 'POST', url: `${url}/answer-review`, as: advisor, payload: { version: version + 1, decision: 'return', comment: 'Noem het bedrag dat nodig is.' } });
    expect(returned.json()).toMatchObject({ state: 'routed', proposedAnswer: null });
    expect(await notificationOf('officer', 'Teruggestuurd: Extra prullenbakken langs het kanaal')).toMatchObject({ subject: 'Teruggestuurd: Extra prullenbakken langs het kanaal', body: 'Noem het bedrag dat nodig is.' });

    const again = (await t.request({ method: 'POST', url: `${url}/answer`, as: await t.logIn('officer'), payload: { ...ooit, version: returned.json().version } })).json();
    const approved = await t.request({ method: 'POST', url: `${url}/answer-review`, as: advisor, payload: { version: again.version, decision: 'approve' } });
    expect(approved.json()).toMatchObject({ state: 'answered', verdict: 'ooit', proposedAnswer: null, answer: { decisionDueOn: '2026-12-01' } });
    await notificationOf('councilMember', 'Antwoord (ooit): Extra prullenbakken langs het kanaal');
    expect((await t.request({ method: 'POST', url: `${url}/answer-review`, as: advisor, payload: { version: approved.json().version, decision: 'approve' } })).json().code).toBe('INVALID_TRANSITION');

    const latest = (await t.request({ url: `${tenantPath}/request-settings`, as: admin })).json();
    await t.request({ method: 'PUT', url: `${tenantPath}/request-settings`, as: admin, payload: { ...latest, requiresAnswerReview: false } });
  });
});

describe('what the public sees of a referral', () => {
  it('shows the team but keeps the note to the team internal', async () => {
    const { url, version } = await routedAdvice('Overlast rond het speelveld');
    await t.request({ method: 'POST', url: `${url}/referral`, as: await t.logIn('advisorSouth'), payload: { version, teamCode: 'woonoverlast', note: 'Bewoners van nummer 12 klagen al maanden.' } });
    const seenByVisitor = (await t.request({ url })).json();
    expect(seenByVisitor.referral).toEqual({ code: 'woonoverlast', name: 'Woonoverlastteam', state: 'referred', note: null, feedback: null });
    expect(JSON.stringify(seenByVisitor)).not.toContain('nummer 12');
    expect((await t.request({ url, as: await t.logIn('officer') })).json().referral.note).toBe('Bewoners van nummer 12 klagen al maanden.');
  });

  it('follows the referral from picked up to fed back, with the feedback for staff only', async () => {
    const { url, version } = await routedAdvice('Jongeren bij de skatebaan');
    const advisor = await t.logIn('advisorSouth');
    const referred = (await t.request({ method: 'POST', url: `${url}/referral`, as: advisor, payload: { version, teamCode: 'jpt' } })).json();
    expect(referred.allowedActions).toContain('updateReferral');
    const picked = (await t.request({ method: 'POST', url: `${url}/referral-progress`, as: advisor, payload: { version: referred.version, state: 'pickedUp' } })).json();
    expect(picked.referral).toMatchObject({ code: 'jpt', state: 'pickedUp', feedback: null });
    const withoutWords = await t.request({ method: 'POST', url: `${url}/referral-progress`, as: advisor, payload: { version: picked.version, state: 'fedBack' } });
    expect(withoutWords.json().errors[0]).toMatchObject({ field: 'body.feedback', code: 'feedbackRequired' });
    const fedBack = (await t.request({ method: 'POST', url: `${url}/referral-progress`, as: advisor, payload: { version: picked.version, state: 'fedBack', feedback: 'Gesprek met de jongeren en de ouders van Sem gehad.' } })).json();
    expect(fedBack.referral).toMatchObject({ state: 'fedBack', feedback: 'Gesprek met de jongeren en de ouders van Sem gehad.' });
    const seenByCouncil = (await t.request({ url, as: member })).json();
    expect(seenByCouncil.referral).toMatchObject({ state: 'fedBack', feedback: null });
    expect(JSON.stringify(seenByCouncil)).not.toContain('Sem');
    expect((await t.request({ method: 'POST', url: `${url}/referral-progress`, as: await t.logIn('advisor'), payload: { version: fedBack.version, state: 'pickedUp' } })).statusCode).toBe(403);
  });
});

describe('whom a request can be routed to', () => {
  it('lists a department’s officers for advisors only, by name and title', async () => {
    const url = `${tenantPath}/departments/${ids.verkeer}/officers`;
    const officers = await t.request({ url, as: await t.logIn('advisorSouth') });
    expect(officers.json().items).toEqual([expect.objectContaining({ id: ids.koen, displayName: 'Koen Verhoeven' })]);
    expect(JSON.stringify(officers.json())).not.toContain('@');
    expect((await t.request({ url, as: member })).statusCode).toBe(403);
    expect((await t.request({ url, as: await t.logIn('officer') })).statusCode).toBe(403);
    expect((await t.request({ url })).statusCode).toBe(401);
    expect((await t.request({ url: `${tenantPath}/departments/00000000-0000-4000-8000-000000000000/officers`, as: await t.logIn('advisorSouth') })).statusCode).toBe(404);
  });
});

describe('who may not', () => {
  it('refuses every staff action to each role without it, and changes nothing', async () => {
    const { url, version } = await routedAdvice('Rolmatrix: bankje bij de bushalte');
    const other = await routedAdvice('Rolmatrix: een andere vraag');
    // A file from the council, which outsiders and staff who do not handle the request may not remove.
    const boundary = '----wijkwerk-rolmatrix';
    const pdf = '%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n';
    const filePart = (name: string) => `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${name}"\r\nContent-Type: application/pdf\r\n\r\n${pdf}\r\n--${boundary}--\r\n`;
    const uploaded = await t.request({ method: 'POST', url: `${url}/attachments`, as: member, payload: filePart('schets.pdf'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } });
    expect(uploaded.statusCode).toBe(201);
    const actions: { path: string; payload?: unknown; method?: 'POST' | 'DELETE'; headers?: Record<string, string>; forMember?: number }[] = [
      { path: '/acknowledgement', payload: { version } },
      { path: '/routing', payload: { version, leadDepartmentId: ids.verkeer } },
      { path: '/answer', payload: { ...ooit, version } },
      { path: '/answer-review', payload: { version, decision: 'approve' } },
      { path: '/referral', payload: { version, teamCode: 'jpt' } },
      { path: '/referral-progress', payload: { version, state: 'pickedUp' } },
      { path: '/formal-inspraak', payload: { version, isFormalInspraak: true } },
      { path: '/links', payload: { version, relatedRequestId: other.id, kind: 'related' } },
      { path: `/links/${other.id}`, method: 'DELETE' },
      { path: '/closure', payload: { version } },
      { path: '/reopening', payload: { version, reason: 'Een reden die lang genoeg is.' } },
      { path: '/verdict-change', payload: { verdict: 'nooit', version, motivation, reasons: ['too_expensive'] } },
      { path: '/advice-position', payload: { version, position: 'follows' } },
      { path: '/carried-out', payload: { version, carriedOutOn: '2026-06-15' } },
      { path: '/updates', payload: { version, text: 'Een voortgangsbericht van iemand anders.' } },
      // The conversation and files are for the two sides only: the submitter's and those who handle the request.
      { path: '/messages', payload: { text: 'Een bericht van iemand die hier niet over gaat.', isInternal: false }, forMember: 201 },
      { path: '/messages', payload: { text: 'Een interne notitie van iemand die hier niet over gaat.', isInternal: true }, forMember: 400 },
      { path: '/attachments', payload: filePart('ander.pdf'), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` }, forMember: 201 },
      { path: `/attachments/${uploaded.json().id}`, method: 'DELETE', forMember: 204 },
    ];
    // Visitors are asked to log in; the others are refused (the alderman and staff elsewhere read along but do not act).
    const callers = [
      { label: 'visitor', session: undefined, status: 401 },
      { label: 'resident', session: await t.logIn('resident'), status: 403 },
      { label: 'partner', session: await t.logIn('partner'), status: 403 },
      { label: 'alderman', session: await t.logIn('alderman'), status: 403 },
      { label: 'officer of another department', session: await t.logIn('officerGreen'), status: 403 },
      { label: 'advisor of other neighbourhoods', session: await t.logIn('advisor'), status: 403 },
      { label: 'council member', session: member, status: 403 },
    ];
    const before = (await t.request({ url, as: member })).json();
    const fingerprint = await fingerprintDatabase(t.database.db);
    const outcomes: string[] = [];
    for (const caller of callers) {
      for (const action of actions) {
        // What the council may do itself is tried last, after every refusal was checked against the fingerprint.
        if (caller.label === 'council member' && action.forMember) continue;
        const response = await t.request({ method: action.method ?? 'POST', url: `${url}${action.path}`, as: caller.session, payload: action.payload as never, headers: action.headers });
        if (response.statusCode !== caller.status) outcomes.push(`${caller.label} ${action.method ?? 'POST'} ${action.path}: ${response.statusCode} ${response.body.slice(0, 80)}`);
      }
    }
    expect(outcomes).toEqual([]);
    expect((await t.request({ url, as: member })).json()).toEqual(before);
    expect(await fingerprintDatabase(t.database.db)).toEqual(fingerprint);
    // The council member's own side of the conversation still works.
    for (const action of actions.filter((candidate) => candidate.forMember)) {
      const response = await t.request({ method: action.method ?? 'POST', url: `${url}${action.path}`, as: member, payload: action.payload as never, headers: action.headers });
      expect(`${action.path}: ${response.statusCode}`).toBe(`${action.path}: ${action.forMember}`);
    }
  });

  it('shows each person exactly the actions they may take', async () => {
    const { url } = await routedAdvice('Rolmatrix: wat mag wie');
    const actionsOf = async (session: Session | undefined) => (await t.request({ url, as: session })).json().allowedActions as string[];
    expect(await actionsOf(undefined)).toEqual([]);
    // Anyone logged in may follow a public request that is not theirs; its council hears of everything anyway.
    expect(await actionsOf(await t.logIn('resident'))).toEqual(['follow']);
    expect(await actionsOf(await t.logIn('alderman'))).toEqual(['follow']);
    expect(await actionsOf(await t.logIn('advisor'))).toEqual(['follow']);
    expect(await actionsOf(await t.logIn('officerGreen'))).toEqual(['follow']);
    expect(await actionsOf(member)).toEqual(['postMessage', 'addAttachment']);
    expect(await actionsOf(await t.logIn('officer'))).toEqual(['answer', 'postMessage', 'writeNote', 'addAttachment', 'addInternalAttachment', 'follow']);
    expect(await actionsOf(await t.logIn('advisorSouth'))).toEqual([
      'route',
      'refer',
      'answer',
      'setFormalInspraak',
      'link',
      'markDuplicate',
      'postMessage',
      'writeNote',
      'addAttachment',
      'addInternalAttachment',
      'follow',
    ]);
  });
});
