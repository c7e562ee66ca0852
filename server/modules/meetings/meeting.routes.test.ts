import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type DemoIds, findDemoIds, type TestApp, tenantPath } from '../../../test/harness.ts';

let t: TestApp;
let ids: DemoIds;
let kinds: Record<string, string>;
let people: { alderman: string; henk: string };

// The test clock stands at its start; meetings are planned a few weeks later.
const at = (day: string, time: string) => `${day}T${time}:00+01:00`;

beforeAll(async () => {
  t = await createTestApp();
  ids = await findDemoIds(t);
  kinds = Object.fromEntries(((await t.request({ url: `${tenantPath}/meeting-kinds` })).json().items as { id: string; code: string }[]).map((kind) => [kind.code, kind.id]));
  const admin = await t.logIn('admin');
  const find = async (search: string) => (await t.request({ url: `${tenantPath}/users?search=${search}`, as: admin })).json().items[0].id as string;
  people = { alderman: await find('Gerritsen'), henk: await find('Aarts') };
});
afterAll(async () => t?.close());

/** A wijktafel in Brandevoort as the note wants it. */
const wijktafel = (changes: Record<string, unknown> = {}) => ({
  kindId: kinds.wijktafel,
  neighbourhoodId: ids.brandevoort,
  title: 'Wijktafel Brandevoort',
  startsAt: at('2026-12-15', '19:00'),
  endsAt: at('2026-12-15', '21:00'),
  location: 'Wijkhuis De Brandevoortse Hoeve',
  initiatorSide: 'municipality',
  chairUserId: people.alderman,
  publicPart: { startsAt: at('2026-12-15', '20:30'), endsAt: at('2026-12-15', '21:30'), location: 'Wijkhuis De Brandevoortse Hoeve, grote zaal' },
  invitedGroups: ['college', 'council', 'partners', 'advisor', 'officers'],
  ...changes,
});

const plan = async (person: Parameters<TestApp['logIn']>[0] | null, payload: Record<string, unknown>) =>
  t.request({ method: 'POST', url: `${tenantPath}/meetings`, payload, ...(person ? { as: await t.logIn(person) } : {}) });

describe('planning a meeting under the note’s rules', () => {
  it('lets the advisor plan a wijktafel; outsiders see only its public closing part, the council and staff the whole', async () => {
    const planned = await plan('advisorSouth', wijktafel());
    expect(planned.statusCode, planned.body).toBe(201);
    const meeting = planned.json();
    expect(meeting).toMatchObject({ kind: { code: 'wijktafel' }, chair: { userId: people.alderman }, overriddenRules: [], state: 'planned' });
    const url = `${tenantPath}/meetings/${meeting.id}`;

    for (const person of [null, 'resident', 'councilMemberOost', 'partner'] as const) {
      const seen = (await t.request({ url, ...(person ? { as: await t.logIn(person) } : {}) })).json();
      expect(seen, String(person)).toMatchObject({ isPublicPartOnly: true, startsAt: new Date(at('2026-12-15', '20:30')).toISOString(), location: 'Wijkhuis De Brandevoortse Hoeve, grote zaal', chair: null, invitedGroups: [] });
    }
    for (const person of ['councilMember', 'officer', 'alderman', 'advisor'] as const) {
      expect((await t.request({ url, as: await t.logIn(person) })).json(), person).toMatchObject({ isPublicPartOnly: false, startsAt: new Date(at('2026-12-15', '19:00')).toISOString(), chair: { name: 'Marieke Gerritsen' } });
    }
  });

  it('refuses a chair who is not the alderman of neighbourhood policy, unless the advisor records why', async () => {
    const wrongChair = wijktafel({ chairUserId: people.henk, title: 'Wijktafel met de verkeerde voorzitter' });
    const [advisor, member] = [await t.logIn('advisorSouth'), await t.logIn('councilMember')];
    const planAs = (session: typeof advisor, payload: Record<string, unknown>) => t.request({ method: 'POST', url: `${tenantPath}/meetings`, payload, as: session });
    const before = await fingerprintDatabase(t.database.db);
    const refused = await planAs(advisor, wrongChair);
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors).toEqual([expect.objectContaining({ field: 'body.chairUserId', code: 'chairNotNeighbourhoodPolicyAlderman' })]);
    expect(refused.json().errors[0].message).toMatch(/wethouder/);
    // A council member may not set the note aside; the advisor may, with a reason that is kept.
    const byCouncil = await planAs(member, { ...wrongChair, initiatorSide: 'council', override: { reason: 'De wethouder is met verlof; de voorzitter van de wijkraad neemt het over.' } });
    expect(byCouncil.statusCode).toBe(403);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    const overridden = await plan('advisorSouth', { ...wrongChair, override: { reason: 'De wethouder is met verlof; de voorzitter van de wijkraad neemt het over.' } });
    expect(overridden.statusCode, overridden.body).toBe(201);
    expect(overridden.json()).toMatchObject({ overriddenRules: ['chairNotNeighbourhoodPolicyAlderman'], overrideReason: expect.stringContaining('verlof') });
    // Outsiders never see that, nor why.
    expect((await t.request({ url: `${tenantPath}/meetings/${overridden.json().id}` })).json()).toMatchObject({ overriddenRules: [], overrideReason: null });
  });

  it('never sets aside a mistake: an end before the start or a meeting in the past', async () => {
    const override = { reason: 'Een reden die een vergissing niet goedmaakt.' };
    const backwards = await plan('advisorSouth', wijktafel({ endsAt: at('2026-12-15', '18:00'), override }));
    expect(backwards.statusCode).toBe(400);
    expect(backwards.json().errors.map((error: { code: string }) => error.code)).toContain('endBeforeStart');
    const past = await plan('advisorSouth', wijktafel({ startsAt: at('2025-01-10', '19:00'), endsAt: at('2025-01-10', '21:00'), publicPart: null, override }));
    expect(past.json().errors.map((error: { code: string }) => error.code)).toContain('dateInPast');
  });

  it('lets a council plan its own wijkbezoek once per council term; a second one needs the advisor and a reason', async () => {
    const wijkbezoek = {
      kindId: kinds.wijkbezoek,
      neighbourhoodId: ids.brandevoort,
      title: 'Wijkbezoek van het college aan Brandevoort',
      startsAt: at('2027-03-06', '09:30'),
      endsAt: at('2027-03-06', '13:30'),
      location: 'Start bij het station Helmond Brandevoort',
      isLocationInNeighbourhood: true,
      initiatorSide: 'council',
      chairUserId: people.henk,
      invitedGroups: ['college', 'council', 'residents', 'officers', 'partners', 'advisor', 'municipal_council_members'],
    };
    const first = await plan('councilMember', wijkbezoek);
    expect(first.statusCode, first.body).toBe(201);
    // Public: a visitor sees it whole, but not who of the council chairs it.
    expect((await t.request({ url: `${tenantPath}/meetings/${first.json().id}` })).json()).toMatchObject({ isPublicPartOnly: false, location: 'Start bij het station Helmond Brandevoort', chair: null });
    // A council plans for the council only, and only in its own neighbourhood.
    expect((await plan('councilMember', { ...wijkbezoek, initiatorSide: 'municipality' })).statusCode).toBe(403);
    expect((await plan('councilMemberOost', wijkbezoek)).statusCode).toBe(403);

    const second = await plan('councilMember', { ...wijkbezoek, startsAt: at('2028-05-13', '09:30'), endsAt: at('2028-05-13', '13:30') });
    expect(second.statusCode).toBe(400);
    expect(second.json().errors).toEqual([expect.objectContaining({ field: 'body.startsAt', code: 'termLimitReached' })]);
    const allowed = await plan('advisorSouth', { ...wijkbezoek, startsAt: at('2028-05-13', '09:30'), endsAt: at('2028-05-13', '13:30'), override: { reason: 'Nieuwbouwwijk De Veste is opgeleverd; het college wil de nieuwe bewoners ontmoeten.' } });
    expect(allowed.statusCode, allowed.body).toBe(201);
    expect(allowed.json().overriddenRules).toEqual(['termLimitReached']);

    // The overview of deviations, for the evaluation: staff see where and why; anyone else nothing.
    const overview = (await t.request({ url: `${tenantPath}/meetings?isOverridden=true&pageSize=100`, as: await t.logIn('alderman') })).json();
    expect(overview.items.map((item: { title: string; overrideReason: string }) => item.title)).toContain('Wijkbezoek van het college aan Brandevoort');
    expect(overview.items.every((item: { overriddenRules: string[] }) => item.overriddenRules.length > 0)).toBe(true);
    expect((await t.request({ url: `${tenantPath}/meetings?isOverridden=true` })).json().total).toBe(0);
    expect((await t.request({ url: `${tenantPath}/meetings?isOverridden=true`, as: await t.logIn('councilMember') })).json().total).toBe(0);
  });

  it('keeps a closed meeting without a public part from outsiders, in the list and by its address', async () => {
    const bilateral = await plan('advisorSouth', {
      kindId: kinds.bilateral,
      neighbourhoodId: ids.brandevoort,
      title: 'Gesprek over de begroting van de wijkraad',
      startsAt: at('2026-12-20', '10:00'),
      endsAt: at('2026-12-20', '11:00'),
      location: 'Stadskantoor',
      initiatorSide: 'municipality',
      invitedGroups: ['council', 'advisor'],
    });
    expect(bilateral.statusCode, bilateral.body).toBe(201);
    const url = `${tenantPath}/meetings/${bilateral.json().id}`;
    for (const person of [null, 'resident', 'councilMemberOost'] as const) {
      expect((await t.request({ url, ...(person ? { as: await t.logIn(person) } : {}) })).statusCode, String(person)).toBe(404);
    }
    expect((await t.request({ url, as: await t.logIn('councilMember') })).statusCode).toBe(200);
    const titles = async (person: Parameters<TestApp['logIn']>[0] | null) =>
      ((await t.request({ url: `${tenantPath}/meetings?neighbourhoodId=${ids.brandevoort}&pageSize=100`, ...(person ? { as: await t.logIn(person) } : {}) })).json().items as { title: string }[]).map((item) => item.title);
    expect(await titles(null)).not.toContain('Gesprek over de begroting van de wijkraad');
    expect(await titles(null)).toContain('Wijkbezoek van het college aan Brandevoort');
    expect(await titles('advisor')).toContain('Gesprek over de begroting van de wijkraad');
    // The council of Brandevoort finds its closed meeting in the list too; the council of Helmond-Oost does not.
    expect(await titles('councilMember')).toContain('Gesprek over de begroting van de wijkraad');
    expect(await titles('councilMemberOost')).not.toContain('Gesprek over de begroting van de wijkraad');
  });

  it('lets only planners plan and call off; a council cannot call off the municipality’s meeting', async () => {
    // Another evening: the alderman chairs the first one on the 15th, and nobody chairs two at once.
    const payload = wijktafel({
      title: 'Nog een wijktafel',
      startsAt: at('2026-12-17', '19:00'),
      endsAt: at('2026-12-17', '21:00'),
      publicPart: { startsAt: at('2026-12-17', '20:30'), endsAt: at('2026-12-17', '21:30'), location: 'Wijkhuis De Brandevoortse Hoeve, grote zaal' },
    });
    expect((await plan(null, payload)).statusCode).toBe(401);
    for (const person of ['resident', 'officer', 'alderman', 'partner', 'advisor'] as const) {
      expect((await plan(person, payload)).statusCode, person).toBe(403);
    }
    const planned = (await plan('advisorSouth', payload)).json();
    const cancel = (person: Parameters<TestApp['logIn']>[0], version: number) =>
      t.logIn(person).then((session) => t.request({ method: 'POST', url: `${tenantPath}/meetings/${planned.id}/cancellation`, as: session, payload: { version, reason: 'De wethouder kan niet.' } }));
    // The wijktafel is the municipality's: the council cannot call it off.
    expect((await cancel('councilMember', planned.version)).statusCode).toBe(403);
    const called = await cancel('advisorSouth', planned.version);
    expect(called.json()).toMatchObject({ state: 'cancelled' });
    expect((await cancel('advisorSouth', planned.version + 1)).json().errors[0].code).toBe('meetingNotPlanned');
    const audit = (await t.request({ url: `${tenantPath}/audit-log?entityType=meeting&entityId=${planned.id}`, as: await t.logIn('admin') })).json();
    expect(audit.items.map((item: { action: string }) => item.action)).toEqual(['meeting.cancel', 'meeting.plan']);
  });
});
