import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, findDemoIds, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let member: Session;

const supportStatement = { origins: [{ kind: 'open_meeting' }, { kind: 'survey', count: 212 }], breadth: 'divided', dissent: 'Bewoners van de Veste willen liever een drempel dan een rotonde.' };
const motivation = 'We voeren het uit binnen het lopende onderhoudsprogramma; de kosten passen in het budget van dit jaar.';

async function submitAdvice(overrides: Record<string, unknown> = {}) {
  return t.request({
    method: 'POST',
    url: `${tenantPath}/requests`,
    as: member,
    payload: {
      kind: 'advice_unsolicited',
      title: 'Verkeersveiligheid rond de speeltuinen in De Veste',
      body: 'Auto’s rijden te hard langs de speeltuinen; wij adviseren snelheidsremmende maatregelen bij beide ingangen.',
      neighbourhoodId: ids.brandevoort,
      scale: 'area',
      themeIds: [ids.themeSafety],
      councilId: ids.councilBrandevoort,
      supportStatement,
      ...overrides,
    },
  });
}

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  member = await t.logIn('councilMember');
});
afterAll(async () => t?.close());

describe('submitting', () => {
  it('needs a support statement for advice from a council, and says so per field', async () => {
    const response = await submitAdvice({ supportStatement: undefined });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors[0]).toMatchObject({ field: 'body.supportStatement', code: 'supportStatementRequired' });
    const incomplete = await submitAdvice({ supportStatement: { origins: [{ kind: 'petition' }], breadth: 'narrow', dissent: '' } });
    expect(incomplete.json().errors.map((error: { code: string }) => error.code)).toEqual(['signaturesRequired', 'dissentRequired']);
  });

  it('accepts advice with its support statement, shows the weight and the deadlines, and tells the advisor', async () => {
    const response = await submitAdvice();
    expect(response.statusCode).toBe(201);
    const body = response.json();
    // The test clock stands on Monday 15 June 2026: 5 and 20 working days later.
    expect(body).toMatchObject({ state: 'submitted', weight: 'large', acknowledgeBy: '2026-06-22', answerBy: '2026-07-13', council: { name: 'Wijkraad Brandevoort' }, submittedBy: 'Henk Aarts' });
    expect(body.themes.map((theme: { name: string }) => theme.name)).toEqual(['Verkeersveiligheid']);
    const advisor = await t.logIn('advisorSouth');
    const notifications = (await t.request({ url: `${tenantPath}/notifications`, as: advisor })).json();
    // The test clock stands still: notifications share one moment, so look for it rather than at the first.
    expect(notifications.items.map((item: { subject: string }) => item.subject)).toContain('Nieuw: Verkeersveiligheid rond de speeltuinen in De Veste');
  });

  it('refuses to submit on behalf of someone else’s council and residents’ bad input (400, naming the fields)', async () => {
    const forOthers = await submitAdvice({ councilId: ids.councilOost });
    expect(forOthers.statusCode).toBe(400);
    expect(forOthers.json().errors).toEqual([expect.objectContaining({ field: 'body.councilId', code: 'notACouncilMember' })]);
    const resident = await t.logIn('resident');
    const bad = await t.request({ method: 'POST', url: `${tenantPath}/requests`, as: resident, payload: { kind: 'wish', title: 'Hoi', body: 'Te kort', neighbourhoodId: ids.oost, scale: 'galaxy' } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors.map((error: { field: string }) => error.field)).toEqual(expect.arrayContaining(['body.kind', 'body.title', 'body.body', 'body.scale']));
    expect((await t.request({ method: 'POST', url: `${tenantPath}/requests`, payload: {} })).statusCode).toBe(401);
  });

  it('refuses an area or partner organisation that is not in this municipality (400 per field), and stores nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    // A partner organisation that is not the submitter's own is refused as such, whether it exists or not.
    for (const [field, id, code] of [
      ['areaId', '00000000-0000-4000-8000-000000000000', 'unknownReference'],
      ['areaId', t.other.neighbourhood.id, 'unknownReference'],
      ['partnerOrganisationId', '00000000-0000-4000-8000-000000000000', 'notThisPartner'],
      ['partnerOrganisationId', t.other.department.id, 'notThisPartner'],
    ]) {
      const response = await submitAdvice({ [field]: id });
      expect(response.statusCode, response.body).toBe(400);
      expect(response.json().errors[0]).toMatchObject({ field: `body.${field}`, code });
    }
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });
});

describe('triage and answer', () => {
  it('runs acknowledge → route → answer ooit, with the rules enforced at each step', async () => {
    const created = (await submitAdvice({ title: 'Bankjes en schaduw op het Kasteelplein' })).json();
    const advisorNorth = await t.logIn('advisor');
    const advisorSouth = await t.logIn('advisorSouth');
    const koen = await t.logIn('officer');
    const lotte = await t.logIn('officerGreen');
    const url = `${tenantPath}/requests/${created.id}`;

    expect((await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisorNorth, payload: { version: 1 } })).statusCode).toBe(403);
    const acknowledged = await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisorSouth, payload: { version: 1 } });
    expect(acknowledged.json()).toMatchObject({ state: 'acknowledged', version: 2 });
    expect((await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisorSouth, payload: { version: 2 } })).json().code).toBe('INVALID_TRANSITION');

    const wrongOfficer = await t.request({ method: 'POST', url: `${url}/routing`, as: advisorSouth, payload: { version: 2, leadDepartmentId: ids.verkeer, leadOfficerUserId: ids.lotte } });
    expect(wrongOfficer.json().errors[0]).toMatchObject({ field: 'body.leadOfficerUserId', code: 'notThisDepartment' });
    const routed = await t.request({ method: 'POST', url: `${url}/routing`, as: advisorSouth, payload: { version: 2, leadDepartmentId: ids.verkeer, leadOfficerUserId: ids.koen, contributingDepartmentIds: [ids.groen] } });
    expect(routed.json()).toMatchObject({ state: 'routed', leadDepartment: { name: 'Verkeer' } });

    const ooit = { verdict: 'ooit', version: 3, motivation, conditions: [{ kind: 'budget', text: 'Geld uit het investeringsplan 2027' }], decisionDueOn: '2026-12-01', updateEveryWeeks: 6 };
    expect((await t.request({ method: 'POST', url: `${url}/answer`, as: lotte, payload: ooit })).statusCode).toBe(403);
    const noCondition = await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { ...ooit, conditions: [] } });
    expect(noCondition.json().errors[0]).toMatchObject({ field: 'body.conditions', code: 'conditionRequired' });
    const tooLate = await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { verdict: 'nu', version: 3, motivation, action: 'Twee bankjes plaatsen', plannedOn: '2026-12-01' } });
    expect(tooLate.json().errors[0]).toMatchObject({ field: 'body.plannedOn', code: 'beyondShortTerm' });
    expect(tooLate.json().errors[0].message).toContain('2026-08-10');

    const answered = await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: ooit });
    expect(answered.statusCode).toBe(200);
    expect(answered.json()).toMatchObject({ state: 'answered', verdict: 'ooit', nextUpdateDue: '2026-07-27', answer: { decisionDueOn: '2026-12-01' } });

    const seenByCouncil = (await t.request({ url, as: member })).json();
    expect(seenByCouncil.timeline.map((event: { kind: string }) => event.kind)).toEqual(['submitted', 'acknowledged', 'routed', 'answered']);
    const memberNotifications = (await t.request({ url: `${tenantPath}/notifications`, as: member })).json();
    expect(memberNotifications.items.map((item: { subject: string }) => item.subject)).toContain('Antwoord (ooit): Bankjes en schaduw op het Kasteelplein');
  });

  it('lets only one of two simultaneous answers win; the other gets 409 and nothing changes twice', async () => {
    const created = (await submitAdvice({ title: 'Hondenuitlaatplek bij de Brandevoortse Dreef' })).json();
    const advisor = await t.logIn('advisorSouth');
    const koen = await t.logIn('officer');
    const url = `${tenantPath}/requests/${created.id}`;
    await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 1, leadDepartmentId: ids.verkeer } }).then((response) => expect(response.json().code).toBe('INVALID_TRANSITION'));
    await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: 1 } });
    await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 2, leadDepartmentId: ids.verkeer } });
    const nu = { verdict: 'nu', version: 3, motivation, action: 'Afvalbak en bord plaatsen', plannedOn: '2026-07-01' };
    const nooit = { verdict: 'nooit', version: 3, motivation, reasons: ['insufficient_support'] };
    const [first, second] = await Promise.all([
      t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: nu }),
      t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: nooit }),
    ]);
    expect([first.statusCode, second.statusCode].sort()).toEqual([200, 409]);
    const final = (await t.request({ url, as: koen })).json();
    expect(final.timeline.filter((event: { kind: string }) => event.kind === 'answered')).toHaveLength(1);
  });
});

describe('after the answer', () => {
  it('posts ooit progress updates that move the next due date, then closes and reopens with the history kept', async () => {
    const created = (await submitAdvice({ title: 'Schaduw en water op het schoolplein' })).json();
    const advisor = await t.logIn('advisorSouth');
    const koen = await t.logIn('officer');
    const url = `${tenantPath}/requests/${created.id}`;
    await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: 1 } });
    await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 2, leadDepartmentId: ids.verkeer } });
    const answered = (
      await t.request({ method: 'POST', url: `${url}/answer`, as: koen, payload: { verdict: 'ooit', version: 3, motivation, conditions: [{ kind: 'capacity', text: 'Ploeg groen is in het najaar vrij' }], decisionDueOn: '2026-12-01', updateEveryWeeks: 4 } })
    ).json();
    const lotte = await t.logIn('officerGreen');
    expect((await t.request({ method: 'POST', url: `${url}/updates`, as: lotte, payload: { version: answered.version, text: 'Een update van een andere afdeling.' } })).statusCode).toBe(403);
    expect((await t.request({ method: 'POST', url: `${url}/updates`, as: koen, payload: { version: answered.version, text: 'Kort' } })).statusCode).toBe(400);
    // Two weeks later the officer reports progress: the next update is due four weeks after that.
    expect(answered.nextUpdateDue).toBe('2026-07-13');
    t.clock.advance(14 * 86_400_000);
    const updated = await t.request({ method: 'POST', url: `${url}/updates`, as: await t.logIn('officer'), payload: { version: answered.version, text: 'De begroting is ingediend; het college besluit in oktober.' } });
    expect(updated.statusCode).toBe(200);
    expect(updated.json()).toMatchObject({ state: 'answered', nextUpdateDue: '2026-07-27' });
    const seen = (await t.request({ url, as: member })).json();
    expect(seen.timeline.at(-1)).toMatchObject({ kind: 'updated', text: 'De begroting is ingediend; het college besluit in oktober.' });

    const advisorLater = await t.logIn('advisorSouth');
    const closed = await t.request({ method: 'POST', url: `${url}/closure`, as: advisorLater, payload: { version: updated.json().version } });
    expect(closed.json().state).toBe('closed');
    expect((await t.request({ method: 'POST', url: `${url}/updates`, as: await t.logIn('officer'), payload: { version: closed.json().version, text: 'Nog een update na het afsluiten.' } })).json().code).toBe('INVALID_TRANSITION');
    const reopened = await t.request({ method: 'POST', url: `${url}/reopening`, as: advisorLater, payload: { version: closed.json().version, reason: 'Het wijkorgaan meldt dat de situatie is veranderd.' } });
    expect(reopened.json()).toMatchObject({ state: 'acknowledged', verdict: 'ooit' });
    expect(reopened.json().timeline.map((event: { kind: string }) => event.kind)).toEqual(['submitted', 'acknowledged', 'routed', 'answered', 'updated', 'closed', 'reopened']);
    // Back to the day the other tests in this file live on.
    t.clock.advance(-14 * 86_400_000);
  });

  it('refuses a progress update on a nu answer: only ooit promises updates', async () => {
    const created = (await submitAdvice({ title: 'Prullenbak bij de bushalte' })).json();
    const advisor = await t.logIn('advisorSouth');
    const url = `${tenantPath}/requests/${created.id}`;
    const answered = (await t.request({ method: 'POST', url: `${url}/answer`, as: advisor, payload: { verdict: 'nu', version: 1, motivation, action: 'Prullenbak plaatsen', plannedOn: '2026-07-01' } })).json();
    expect(answered.state).toBe('answered');
    const update = await t.request({ method: 'POST', url: `${url}/updates`, as: advisor, payload: { version: answered.version, text: 'Een update zonder ooit-antwoord.' } });
    expect(update.statusCode).toBe(409);
    expect(update.json().code).toBe('INVALID_TRANSITION');
  });
});

describe('visibility and finding', () => {
  it('keeps an internal request from visitors and other residents, and names no resident in public', async () => {
    const internal = (await submitAdvice({ title: 'Overlast rond de jongerenontmoetingsplek', isPublic: false })).json();
    expect((await t.request({ url: `${tenantPath}/requests/${internal.id}` })).statusCode).toBe(404);
    const resident = await t.logIn('resident');
    expect((await t.request({ url: `${tenantPath}/requests/${internal.id}`, as: resident })).statusCode).toBe(404);
    expect((await t.request({ url: `${tenantPath}/requests/${internal.id}`, as: member })).statusCode).toBe(200);
    expect((await t.request({ url: `${tenantPath}/requests/${internal.id}`, as: await t.logIn('alderman') })).statusCode).toBe(200);
    const publicList = (await t.request({ url: `${tenantPath}/requests?neighbourhoodId=${ids.brandevoort}` })).json();
    expect(publicList.items.map((item: { id: string }) => item.id)).not.toContain(internal.id);
    const publicOne = (await t.request({ url: `${tenantPath}/requests/${publicList.items[0].id}` })).json();
    expect(publicOne.submittedBy).toBeNull();
    expect(JSON.stringify(publicOne)).not.toContain('Henk Aarts');
  });

  it('finds requests with Dutch full-text search, by theme, and lists overdue ones', async () => {
    const found = (await t.request({ url: `${tenantPath}/requests?search=speeltuin`, as: member })).json();
    expect(found.items.map((item: { title: string }) => item.title)).toContain('Verkeersveiligheid rond de speeltuinen in De Veste');
    expect((await t.request({ url: `${tenantPath}/requests?themeId=${ids.themeSafety}` })).json().total).toBeGreaterThan(0);
    expect((await t.request({ url: `${tenantPath}/requests?isOverdue=true`, as: await t.logIn('advisorSouth') })).json().total).toBe(0);
    t.clock.advance(30 * 86_400_000);
    const overdue = (await t.request({ url: `${tenantPath}/requests?isOverdue=true`, as: await t.logIn('advisorSouth') })).json();
    expect(overdue.total).toBeGreaterThan(0);
    expect(overdue.items.every((item: { isOverdue: boolean; state: string }) => item.isOverdue && item.state !== 'answered')).toBe(true);
  });
});

describe('inboxes: my own work, open only, most urgent first', () => {
  it('gives an advisor their neighbourhoods and city-wide requests, an officer their department, filtered in SQL', async () => {
    const cityWide = (
      await t.request({
        method: 'POST',
        url: `${tenantPath}/requests`,
        as: await t.logIn('resident'),
        payload: { kind: 'question', title: 'Stadsbrede vraag over de afvalinzameling', body: 'Wanneer komt er een nieuwe regeling voor het ophalen van grofvuil in de hele stad?', neighbourhoodId: null, scale: 'city_wide' },
      })
    ).json();
    const south = await t.logIn('advisorSouth');
    const mine = (await t.request({ url: `${tenantPath}/requests?mine=true&isOpen=true&sort=deadline&pageSize=100`, as: south })).json();
    expect(mine.items.length).toBeGreaterThan(0);
    expect(mine.items.every((item: { neighbourhood: { id: string } | null; state: string }) => (item.neighbourhood === null || item.neighbourhood.id === ids.brandevoort) && ['submitted', 'acknowledged', 'routed'].includes(item.state))).toBe(true);
    expect(mine.items.map((item: { id: string }) => item.id)).toContain(cityWide.id);
    const deadlines = mine.items.map((item: { answerBy: string }) => item.answerBy);
    expect(deadlines).toEqual(deadlines.toSorted());

    // The advisor of the north sees none of Brandevoort's.
    const north = (await t.request({ url: `${tenantPath}/requests?mine=true&pageSize=100`, as: await t.logIn('advisor') })).json();
    expect(north.items.some((item: { neighbourhood: { id: string } | null }) => item.neighbourhood?.id === ids.brandevoort)).toBe(false);

    // An officer's "mine" is what was routed to their department.
    const officer = (await t.request({ url: `${tenantPath}/requests?mine=true&pageSize=100`, as: await t.logIn('officer') })).json();
    expect(officer.total).toBeGreaterThan(0);
    for (const item of officer.items as { id: string }[]) {
      expect((await t.request({ url: `${tenantPath}/requests/${item.id}`, as: await t.logIn('officer') })).json().leadDepartment.id).toBe(ids.verkeer);
    }
    // A visitor has no work of their own: "mine" finds nothing rather than everything.
    expect((await t.request({ url: `${tenantPath}/requests?mine=true` })).json().total).toBe(0);
  });
  it('gives an alderman the requests of their portfolio: its departments, subjects and neighbourhoods', async () => {
    const resident = await t.logIn('resident');
    const admin = await t.logIn('admin');
    const neighbourhoods = (await t.request({ url: `${tenantPath}/neighbourhoods?pageSize=100` })).json().items as { id: string; slug: string }[];
    const warande = neighbourhoods.find((item) => item.slug === 'warande')!.id;
    const submit = async (title: string, neighbourhoodId: string) =>
      (
        await t.request({
          method: 'POST',
          url: `${tenantPath}/requests`,
          as: resident,
          payload: { kind: 'question', title, body: 'Kan de gemeente hier iets aan doen? Het is al maanden zo en het wordt niet beter.', neighbourhoodId, scale: 'street', themeIds: [ids.themeSafety], isPublic: true },
        })
      ).json().id as string;
    const inWarande = await submit('Hard rijden over de Warandelaan', warande);
    const inBrandevoort = await submit('Hard rijden over de Brandevoortse Dreef', ids.brandevoort);
    const alderman = await t.logIn('alderman');
    const mineOf = async () => ((await t.request({ url: `${tenantPath}/requests?mine=true&pageSize=100`, as: alderman })).json().items as { id: string }[]).map((item) => item.id);

    // The wijkbeleid portfolio looks after Brandevoort, not Warande, and holds no traffic subjects.
    expect(await mineOf()).toContain(inBrandevoort);
    expect(await mineOf()).not.toContain(inWarande);

    // Once the portfolio holds traffic safety, the Warande question is the alderman's too.
    const portfolio = (await t.request({ url: `${tenantPath}/portfolios` })).json().items.find((item: { code: string }) => item.code === 'wijkbeleid');
    await t.request({ method: 'PATCH', url: `${tenantPath}/portfolios/${portfolio.id}`, as: admin, payload: { version: portfolio.version, themeIds: [...portfolio.themeIds, ids.themeSafety] } });
    expect(await mineOf()).toContain(inWarande);

    // A council member's "mine" is still their council's, not the alderman's.
    const member = ((await t.request({ url: `${tenantPath}/requests?mine=true&pageSize=100`, as: await t.logIn('councilMember') })).json().items as { id: string }[]).map((item) => item.id);
    expect(member).not.toContain(inWarande);
  });

  it('names departments and themes in English for an English reader, also in the timeline', async () => {
    const advisor = await t.logIn('advisorSouth');
    const created = (
      await t.request({
        method: 'POST',
        url: `${tenantPath}/requests`,
        as: await t.logIn('resident'),
        payload: { kind: 'question', title: 'Drempels in de Brandevoortse Dreef', body: 'Kunnen er drempels komen? Auto’s rijden hier veel te hard langs de school.', neighbourhoodId: ids.brandevoort, scale: 'street', themeIds: [ids.themeSafety], isPublic: true },
      })
    ).json();
    const url = `${tenantPath}/requests/${created.id}`;
    await t.request({ method: 'POST', url: `${url}/acknowledgement`, as: advisor, payload: { version: 1 } });
    await t.request({ method: 'POST', url: `${url}/routing`, as: advisor, payload: { version: 2, leadDepartmentId: ids.verkeer, contributingDepartmentIds: [ids.groen] } });
    const english = (await t.request({ url, headers: { 'accept-language': 'en' } })).json();
    expect(english.leadDepartment.name).toBe('Traffic');
    expect(english.themes.map((theme: { name: string }) => theme.name)).toEqual(['Traffic safety']);
    expect(english.timeline.find((event: { kind: string }) => event.kind === 'routed').summary).toBe('Routed to Traffic; contributing: Green spaces');
    const dutch = (await t.request({ url })).json();
    expect(dutch.leadDepartment.name).toBe('Verkeer');
    expect(dutch.timeline.find((event: { kind: string }) => event.kind === 'routed').summary).toBe('Doorgezet naar Verkeer; meewerkend: Groen');
  });
});
