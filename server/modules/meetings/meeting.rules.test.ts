import { describe, expect, it } from 'vitest';
// No index.ts registers the module's messages yet: load them here so the catalogue check below sees them.
import './meetings.errors.ts';
import { fieldMessage, isKnownFieldMessage } from '../../platform/errors.ts';
import {
  checkMeetingPlan,
  defaultMeetingKinds,
  isOverridable,
  minutesDueOn,
  type MeetingKindCode,
  type MeetingKindRules,
  type MeetingPlan,
  meetingKindCodes,
  overridableProblemCodes,
  type PlanContext,
  participantGroups,
  publicPartMaximumPauseMinutes,
  splitProblems,
} from './meeting.rules.ts';

const kinds = new Map(defaultMeetingKinds().map((kind) => [kind.code, kind]));
const kind = (code: MeetingKindCode): MeetingKindRules => kinds.get(code)!;
const at = (moment: string) => new Date(moment);

const roles = {
  neighbourhoodPolicyAlderman: [{ role: 'alderman', scopeId: 'portfolio-wijkbeleid' }],
  greeneryAlderman: [{ role: 'alderman', scopeId: 'portfolio-groen' }],
  safetyAlderman: [{ role: 'alderman', scopeId: 'portfolio-veiligheid' }],
  aldermanWithoutPortfolio: [{ role: 'alderman', scopeId: null }],
  councilMemberHere: [{ role: 'council_member', scopeId: 'council-oost' }],
  councilMemberElsewhere: [{ role: 'council_member', scopeId: 'council-west' }],
  councilMemberWithoutScope: [{ role: 'council_member', scopeId: null }],
  advisor: [{ role: 'advisor', scopeId: null }],
  // The right scope, the wrong role: a council member of nothing called "portfolio-wijkbeleid" is no alderman.
  wrongRoleRightScope: [{ role: 'council_member', scopeId: 'portfolio-wijkbeleid' }],
  twoRoles: [
    { role: 'officer', scopeId: 'department-groen' },
    { role: 'alderman', scopeId: 'portfolio-wijkbeleid' },
  ],
} satisfies Record<string, { role: string; scopeId: string | null }[]>;

const chair = (grants: { role: string; scopeId: string | null }[]) => ({ userId: 'user-chair', roles: grants });

const context: PlanContext = {
  now: at('2026-11-30T09:00:00+01:00'),
  neighbourhoodPolicyPortfolioId: 'portfolio-wijkbeleid',
  portfolios: [
    { id: 'portfolio-wijkbeleid', themeIds: ['theme-participation'] },
    { id: 'portfolio-groen', themeIds: ['theme-greenery', 'theme-water'] },
    { id: 'portfolio-veiligheid', themeIds: ['theme-safety'] },
  ],
  councilIdsOfNeighbourhood: ['council-oost'],
};

const common = { neighbourhoodId: 'neighbourhood-oost', location: 'Wijkhuis De Fonkel', isLocationInNeighbourhood: true, publicPart: null, dossierThemeIds: [] };

/** A plan of each default kind that passes every rule; each case below changes one thing. */
const validPlans: Record<MeetingKindCode, MeetingPlan> = {
  wijktafel: {
    ...common,
    startsAt: at('2027-01-20T14:00:00+01:00'),
    endsAt: at('2027-01-20T17:00:00+01:00'),
    publicPart: { startsAt: at('2027-01-20T17:00:00+01:00'), endsAt: at('2027-01-20T18:30:00+01:00'), location: 'Grote zaal, Wijkhuis De Fonkel' },
    initiatorSide: 'municipality',
    chair: chair(roles.neighbourhoodPolicyAlderman),
    invitedGroups: ['college', 'council', 'partners', 'advisor', 'officers', 'residents'],
  },
  wijkwerkoverleg: {
    ...common,
    startsAt: at('2027-02-10T19:30:00+01:00'),
    endsAt: at('2027-02-10T21:30:00+01:00'),
    initiatorSide: 'council',
    chair: chair(roles.greeneryAlderman),
    invitedGroups: ['subject_aldermen', 'council', 'officers', 'partners', 'advisor'],
    dossierThemeIds: ['theme-greenery'],
  },
  wijkbezoek: {
    ...common,
    location: 'Start bij de speeltuin aan de Stepekolk',
    startsAt: at('2027-05-12T09:00:00+02:00'),
    endsAt: at('2027-05-12T13:00:00+02:00'),
    initiatorSide: 'council',
    chair: chair(roles.councilMemberHere),
    invitedGroups: ['college', 'municipal_council_members', 'council', 'officers', 'residents', 'partners', 'advisor'],
  },
  bilateral: {
    ...common,
    startsAt: at('2026-12-03T10:00:00+01:00'),
    endsAt: at('2026-12-03T11:00:00+01:00'),
    initiatorSide: 'council',
    chair: null,
    invitedGroups: ['council', 'advisor'],
  },
  ad_hoc: {
    ...common,
    neighbourhoodId: null,
    startsAt: at('2026-12-01T16:00:00+01:00'),
    endsAt: at('2026-12-01T17:00:00+01:00'),
    initiatorSide: 'municipality',
    chair: chair(roles.safetyAlderman),
    invitedGroups: ['council', 'subject_aldermen'],
  },
};

const problemsOf = (code: MeetingKindCode, changes: Partial<MeetingPlan> = {}, contextChanges: Partial<PlanContext> = {}) =>
  checkMeetingPlan(kind(code), { ...validPlans[code], ...changes }, { ...context, ...contextChanges });
const codesOf = (code: MeetingKindCode, changes: Partial<MeetingPlan> = {}, contextChanges: Partial<PlanContext> = {}) =>
  problemsOf(code, changes, contextChanges)
    .map((problem) => `${problem.field}:${problem.code}`)
    .sort();
const publicPart = (startsAt: string, endsAt: string, location = 'Plein voor het wijkhuis') => ({ startsAt: at(startsAt), endsAt: at(endsAt), location });

describe('the default meeting kinds of the note (§3.2)', () => {
  it('are the five kinds, each once, with names, purpose and result in both languages', () => {
    const defaults = defaultMeetingKinds();
    expect(defaults.map((each) => each.code)).toEqual([...meetingKindCodes]);
    for (const each of defaults) {
      for (const text of [each.nameNl, each.nameEn, each.purposeNl, each.purposeEn, each.expectedResultNl, each.expectedResultEn]) expect(text.trim().length).toBeGreaterThan(5);
    }
  });

  it.each<[MeetingKindCode, Partial<MeetingKindRules>]>([
    ['wijktafel', { initiators: ['municipality'], chairRule: 'neighbourhood_policy_alderman', character: 'closed_with_public_closing', frequencyRule: 'every_years', frequencyValue: 2, countsTowardStructure: true, takesPlaceInNeighbourhood: false, needsDossiers: false, minutesDueWorkingDays: null }],
    ['wijkwerkoverleg', { initiators: ['council', 'municipality'], chairRule: 'subject_alderman', character: 'closed_optional_public_part', frequencyRule: 'yearly_target', frequencyValue: null, countsTowardStructure: true, takesPlaceInNeighbourhood: false, needsDossiers: true, minutesDueWorkingDays: 10 }],
    ['wijkbezoek', { initiators: ['council'], chairRule: 'council', character: 'public', frequencyRule: 'per_council_term', frequencyValue: 1, countsTowardStructure: true, takesPlaceInNeighbourhood: true, needsDossiers: false, minutesDueWorkingDays: null }],
    ['bilateral', { initiators: ['council', 'municipality'], chairRule: 'free', character: 'closed', frequencyRule: 'none', frequencyValue: null, countsTowardStructure: false, takesPlaceInNeighbourhood: false, needsDossiers: false }],
    ['ad_hoc', { initiators: ['council', 'municipality'], chairRule: 'free', character: 'closed', frequencyRule: 'none', frequencyValue: null, countsTowardStructure: false, takesPlaceInNeighbourhood: false, needsDossiers: false }],
  ])('%s follows the table', (code, expected) => {
    expect(kind(code)).toMatchObject(expected);
  });

  it.each<[MeetingKindCode, string[]]>([
    ['wijktafel', ['college', 'council', 'partners', 'advisor', 'officers']],
    ['wijkwerkoverleg', ['subject_aldermen', 'council', 'officers', 'partners', 'advisor']],
    ['wijkbezoek', ['college', 'council', 'residents', 'officers', 'partners', 'advisor']],
  ])('%s requires the participants the note lists', (code, required) => {
    expect([...kind(code).requiredParticipants].sort()).toEqual([...required].sort());
  });

  it('lists every group at most once, as required or optional, from the known groups', () => {
    for (const each of defaultMeetingKinds()) {
      const all = [...each.requiredParticipants, ...each.optionalParticipants];
      expect(new Set(all).size).toBe(all.length);
      for (const group of all) expect(participantGroups).toContain(group);
    }
  });

  it('hands out a fresh copy, so a municipality adjusting its kinds changes nobody else’s', () => {
    const first = defaultMeetingKinds();
    first[0].requiredParticipants.push('residents');
    expect(defaultMeetingKinds()[0].requiredParticipants).not.toContain('residents');
  });
});

describe('a plan that follows the rules', () => {
  it.each([...meetingKindCodes])('%s: no problems', (code) => {
    expect(codesOf(code)).toEqual([]);
  });
});

describe('times', () => {
  it.each<[string, MeetingKindCode, Partial<MeetingPlan>, string[]]>([
    ['starting one minute from now', 'bilateral', { startsAt: at('2026-11-30T09:01:00+01:00'), endsAt: at('2026-11-30T10:00:00+01:00') }, []],
    ['starting right now', 'bilateral', { startsAt: at('2026-11-30T09:00:00+01:00'), endsAt: at('2026-11-30T10:00:00+01:00') }, ['body.startsAt:dateInPast']],
    ['starting yesterday', 'wijkwerkoverleg', { startsAt: at('2026-11-29T19:30:00+01:00'), endsAt: at('2026-11-29T21:30:00+01:00') }, ['body.startsAt:dateInPast']],
    ['ending when it starts', 'bilateral', { endsAt: at('2026-12-03T10:00:00+01:00') }, ['body.endsAt:endBeforeStart']],
    ['ending before it starts', 'bilateral', { endsAt: at('2026-12-03T09:00:00+01:00') }, ['body.endsAt:endBeforeStart']],
    ['in the past and backwards', 'bilateral', { startsAt: at('2026-11-01T10:00:00+01:00'), endsAt: at('2026-11-01T09:00:00+01:00') }, ['body.endsAt:endBeforeStart', 'body.startsAt:dateInPast']],
    // The same moment written in UTC or in summer time is the same moment.
    ['a start written in UTC, one second after now', 'bilateral', { startsAt: at('2026-11-30T08:00:01Z') }, []],
  ])('%s', (_label, code, changes, expected) => {
    expect(codesOf(code, changes)).toEqual(expected);
  });
});

describe('place', () => {
  it.each<[string, MeetingKindCode, Partial<MeetingPlan>, string[]]>([
    ['a wijkbezoek in the neighbourhood', 'wijkbezoek', { isLocationInNeighbourhood: true }, []],
    ['a wijkbezoek outside the neighbourhood', 'wijkbezoek', { isLocationInNeighbourhood: false }, ['body.location:notInNeighbourhood']],
    ['a wijktafel in the town hall, outside the neighbourhood', 'wijktafel', { location: 'Stadhuis', isLocationInNeighbourhood: false }, []],
    ['no location', 'wijktafel', { location: '   ' }, ['body.location:required']],
    ['no location for a wijkbezoek: the empty field, not the neighbourhood', 'wijkbezoek', { location: '', isLocationInNeighbourhood: false }, ['body.location:required']],
    ['a counting kind without a neighbourhood', 'wijktafel', { neighbourhoodId: null }, ['body.neighbourhoodId:required']],
    ['a wijkbezoek without a neighbourhood', 'wijkbezoek', { neighbourhoodId: null }, ['body.neighbourhoodId:required']],
    ['an ad-hoc meeting about the whole town', 'ad_hoc', { neighbourhoodId: null }, []],
  ])('%s', (_label, code, changes, expected) => {
    expect(codesOf(code, changes)).toEqual(expected);
  });
});

describe('the public part, by character', () => {
  // wijktafel: 14:00–17:00 closed; wijkwerkoverleg: 19:30–21:30 closed (times in winter, +01:00).
  it.each<[string, MeetingKindCode, MeetingPlan['publicPart'], string[]]>([
    ['wijktafel without a public closing part', 'wijktafel', null, ['body.publicPart:publicClosingPartRequired']],
    ['wijktafel, public part directly after', 'wijktafel', publicPart('2027-01-20T17:00:00+01:00', '2027-01-20T18:30:00+01:00'), []],
    ['wijktafel, public part as the last hour of the meeting', 'wijktafel', publicPart('2027-01-20T16:00:00+01:00', '2027-01-20T17:00:00+01:00'), []],
    ['wijktafel, public part after the longest pause', 'wijktafel', publicPart('2027-01-20T18:00:00+01:00', '2027-01-20T19:30:00+01:00'), []],
    ['wijktafel, public part one minute too late', 'wijktafel', publicPart('2027-01-20T18:01:00+01:00', '2027-01-20T19:30:00+01:00'), ['body.publicPart.startsAt:publicPartNotAtEnd']],
    ['wijktafel, public part the evening after', 'wijktafel', publicPart('2027-01-21T19:00:00+01:00', '2027-01-21T20:30:00+01:00'), ['body.publicPart.startsAt:publicPartNotAtEnd']],
    ['wijktafel, public part before it', 'wijktafel', publicPart('2027-01-20T13:00:00+01:00', '2027-01-20T14:00:00+01:00'), ['body.publicPart.startsAt:publicPartNotAtEnd']],
    ['wijktafel, public part over the whole meeting (no closed part left)', 'wijktafel', publicPart('2027-01-20T14:00:00+01:00', '2027-01-20T17:00:00+01:00'), ['body.publicPart.startsAt:publicPartNotAtEnd']],
    ['wijktafel, public part in the middle', 'wijktafel', publicPart('2027-01-20T15:00:00+01:00', '2027-01-20T16:00:00+01:00'), ['body.publicPart.startsAt:publicPartNotAtEnd']],
    ['wijktafel, public part ending before it starts', 'wijktafel', publicPart('2027-01-20T18:30:00+01:00', '2027-01-20T17:00:00+01:00'), ['body.publicPart.endsAt:endBeforeStart']],
    ['wijktafel, public part without a place', 'wijktafel', publicPart('2027-01-20T17:00:00+01:00', '2027-01-20T18:30:00+01:00', ' '), ['body.publicPart.location:required']],
    ['wijkwerkoverleg without a public part', 'wijkwerkoverleg', null, []],
    ['wijkwerkoverleg, coffee hour directly before', 'wijkwerkoverleg', publicPart('2027-02-10T18:30:00+01:00', '2027-02-10T19:30:00+01:00'), []],
    ['wijkwerkoverleg, site visit an hour before', 'wijkwerkoverleg', publicPart('2027-02-10T17:30:00+01:00', '2027-02-10T18:30:00+01:00'), []],
    ['wijkwerkoverleg, drinks directly after', 'wijkwerkoverleg', publicPart('2027-02-10T21:30:00+01:00', '2027-02-10T22:30:00+01:00'), []],
    ['wijkwerkoverleg, public first half hour of the meeting', 'wijkwerkoverleg', publicPart('2027-02-10T19:30:00+01:00', '2027-02-10T20:00:00+01:00'), []],
    ['wijkwerkoverleg, public last half hour of the meeting', 'wijkwerkoverleg', publicPart('2027-02-10T21:00:00+01:00', '2027-02-10T21:30:00+01:00'), []],
    ['wijkwerkoverleg, public part in the middle', 'wijkwerkoverleg', publicPart('2027-02-10T20:00:00+01:00', '2027-02-10T20:30:00+01:00'), ['body.publicPart.startsAt:publicPartNotBeforeOrAfter']],
    ['wijkwerkoverleg, public part two hours before', 'wijkwerkoverleg', publicPart('2027-02-10T16:30:00+01:00', '2027-02-10T17:29:00+01:00'), ['body.publicPart.startsAt:publicPartNotBeforeOrAfter']],
    ['wijkwerkoverleg, public part around the whole meeting', 'wijkwerkoverleg', publicPart('2027-02-10T19:00:00+01:00', '2027-02-10T22:00:00+01:00'), ['body.publicPart.startsAt:publicPartNotBeforeOrAfter']],
    ['wijkwerkoverleg, public part starting now', 'wijkwerkoverleg', publicPart('2026-11-30T09:00:00+01:00', '2026-11-30T10:00:00+01:00'), ['body.publicPart.startsAt:dateInPast', 'body.publicPart.startsAt:publicPartNotBeforeOrAfter']],
    ['wijkbezoek is public as a whole', 'wijkbezoek', publicPart('2027-05-12T13:00:00+02:00', '2027-05-12T14:00:00+02:00'), ['body.publicPart:publicPartNotAllowed']],
    ['a bilateral meeting is closed', 'bilateral', publicPart('2026-12-03T11:00:00+01:00', '2026-12-03T12:00:00+01:00'), ['body.publicPart:publicPartNotAllowed']],
    ['an ad-hoc meeting is closed', 'ad_hoc', publicPart('2026-12-01T17:00:00+01:00', '2026-12-01T18:00:00+01:00'), ['body.publicPart:publicPartNotAllowed']],
  ])('%s', (_label, code, part, expected) => {
    expect(codesOf(code, { publicPart: part })).toEqual(expected);
  });

  it('does not judge where the public part lies while the meeting’s own times are wrong', () => {
    expect(codesOf('wijktafel', { endsAt: at('2027-01-20T13:00:00+01:00') })).toEqual(['body.endsAt:endBeforeStart']);
  });

  it('tells how long the pause may be', () => {
    const [problem] = problemsOf('wijktafel', { publicPart: publicPart('2027-01-20T19:00:00+01:00', '2027-01-20T20:00:00+01:00') });
    expect(problem.params).toEqual({ minutes: publicPartMaximumPauseMinutes });
    expect(fieldMessage(problem, 'nl')).toContain(`${publicPartMaximumPauseMinutes} minuten`);
  });
});

describe('the initiator: who owns agenda, logistics and minutes', () => {
  it.each<[MeetingKindCode, MeetingPlan['initiatorSide'], string[]]>([
    ['wijktafel', 'municipality', []],
    ['wijktafel', 'council', ['body.initiatorSide:initiatorNotAllowed']],
    ['wijkwerkoverleg', 'council', []],
    ['wijkwerkoverleg', 'municipality', []],
    ['wijkbezoek', 'council', []],
    ['wijkbezoek', 'municipality', ['body.initiatorSide:initiatorNotAllowed']],
    ['bilateral', 'municipality', []],
    ['ad_hoc', 'council', []],
  ])('%s organised by %s', (code, side, expected) => {
    expect(codesOf(code, { initiatorSide: side })).toEqual(expected);
  });

  it('names the side that organises it, in the reader’s language', () => {
    const [problem] = problemsOf('wijkbezoek', { initiatorSide: 'municipality' });
    expect(fieldMessage(problem, 'nl')).toContain('organiseert het wijkorgaan');
    expect(fieldMessage(problem, 'en')).toContain('organised by the neighbourhood council');
  });
});

describe('the chair', () => {
  it.each<[string, MeetingKindCode, Partial<MeetingPlan>, Partial<PlanContext>, string[]]>([
    ['wijktafel chaired by the neighbourhood-policy alderman', 'wijktafel', { chair: chair(roles.neighbourhoodPolicyAlderman) }, {}, []],
    ['wijktafel chaired by someone who is also the neighbourhood-policy alderman', 'wijktafel', { chair: chair(roles.twoRoles) }, {}, []],
    ['wijktafel chaired by another alderman', 'wijktafel', { chair: chair(roles.greeneryAlderman) }, {}, ['body.chairUserId:chairNotNeighbourhoodPolicyAlderman']],
    ['wijktafel chaired by an alderman without a portfolio', 'wijktafel', { chair: chair(roles.aldermanWithoutPortfolio) }, {}, ['body.chairUserId:chairNotNeighbourhoodPolicyAlderman']],
    ['wijktafel chaired by the right scope in the wrong role', 'wijktafel', { chair: chair(roles.wrongRoleRightScope) }, {}, ['body.chairUserId:chairNotNeighbourhoodPolicyAlderman']],
    ['wijktafel chaired by the advisor', 'wijktafel', { chair: chair(roles.advisor) }, {}, ['body.chairUserId:chairNotNeighbourhoodPolicyAlderman']],
    ['wijktafel without a chair', 'wijktafel', { chair: null }, {}, ['body.chairUserId:chairRequired']],
    ['wijktafel while no portfolio is marked as neighbourhood policy', 'wijktafel', {}, { neighbourhoodPolicyPortfolioId: null }, ['body.chairUserId:noNeighbourhoodPolicyPortfolio']],
    ['wijkwerkoverleg on greenery chaired by the greenery alderman', 'wijkwerkoverleg', {}, {}, []],
    ['wijkwerkoverleg on greenery and safety chaired by the safety alderman', 'wijkwerkoverleg', { dossierThemeIds: ['theme-greenery', 'theme-safety'], chair: chair(roles.safetyAlderman) }, {}, []],
    ['wijkwerkoverleg on greenery chaired by the safety alderman', 'wijkwerkoverleg', { chair: chair(roles.safetyAlderman) }, {}, ['body.chairUserId:chairNotSubjectAlderman']],
    ['wijkwerkoverleg on greenery chaired by the neighbourhood-policy alderman', 'wijkwerkoverleg', { chair: chair(roles.neighbourhoodPolicyAlderman) }, {}, ['body.chairUserId:chairNotSubjectAlderman']],
    ['wijkwerkoverleg on a subject in no portfolio', 'wijkwerkoverleg', { dossierThemeIds: ['theme-sport'] }, {}, ['body.chairUserId:chairNotSubjectAlderman']],
    ['wijkwerkoverleg chaired by a council member', 'wijkwerkoverleg', { chair: chair(roles.councilMemberHere) }, {}, ['body.chairUserId:chairNotSubjectAlderman']],
    ['wijkwerkoverleg without a chair', 'wijkwerkoverleg', { chair: null }, {}, ['body.chairUserId:chairRequired']],
    ['wijkwerkoverleg without dossiers: any alderman, but a dossier is missing', 'wijkwerkoverleg', { dossierThemeIds: [], chair: chair(roles.safetyAlderman) }, {}, ['body.dossierThemeIds:dossierRequired']],
    ['wijkwerkoverleg without dossiers chaired by the advisor', 'wijkwerkoverleg', { dossierThemeIds: [], chair: chair(roles.advisor) }, {}, ['body.chairUserId:chairNotSubjectAlderman', 'body.dossierThemeIds:dossierRequired']],
    ['wijkbezoek chaired by a member of this neighbourhood’s council', 'wijkbezoek', {}, {}, []],
    ['wijkbezoek chaired by a member of another council', 'wijkbezoek', { chair: chair(roles.councilMemberElsewhere) }, {}, ['body.chairUserId:chairNotCouncilMember']],
    ['wijkbezoek chaired by a council member without a council', 'wijkbezoek', { chair: chair(roles.councilMemberWithoutScope) }, {}, ['body.chairUserId:chairNotCouncilMember']],
    ['wijkbezoek chaired by the neighbourhood-policy alderman', 'wijkbezoek', { chair: chair(roles.neighbourhoodPolicyAlderman) }, {}, ['body.chairUserId:chairNotCouncilMember']],
    ['wijkbezoek in a neighbourhood without a council', 'wijkbezoek', {}, { councilIdsOfNeighbourhood: [] }, ['body.chairUserId:chairNotCouncilMember']],
    ['wijkbezoek without a chair', 'wijkbezoek', { chair: null }, {}, ['body.chairUserId:chairRequired']],
    ['bilateral meeting without a chair', 'bilateral', { chair: null }, {}, []],
    ['bilateral meeting chaired by the advisor', 'bilateral', { chair: chair(roles.advisor) }, {}, []],
    ['ad-hoc meeting chaired by a council member', 'ad_hoc', { chair: chair(roles.councilMemberElsewhere) }, {}, []],
  ])('%s', (_label, code, changes, contextChanges, expected) => {
    expect(codesOf(code, changes, contextChanges)).toEqual(expected);
  });
});

describe('participants', () => {
  it.each<[string, MeetingKindCode, MeetingPlan['invitedGroups'], string[]]>([
    ['wijktafel without the residents (optional)', 'wijktafel', ['college', 'council', 'partners', 'advisor', 'officers'], []],
    ['wijktafel without the college', 'wijktafel', ['council', 'partners', 'advisor', 'officers'], ['college']],
    ['wijktafel without college and professionals', 'wijktafel', ['council', 'advisor', 'officers'], ['college', 'partners']],
    ['wijkwerkoverleg without the aldermen for the subject', 'wijkwerkoverleg', ['council', 'officers', 'partners', 'advisor'], ['subject_aldermen']],
    ['wijkwerkoverleg with the whole college instead of the subject aldermen', 'wijkwerkoverleg', ['college', 'council', 'officers', 'partners', 'advisor'], ['subject_aldermen']],
    ['wijkbezoek without the residents', 'wijkbezoek', ['college', 'council', 'officers', 'partners', 'advisor'], ['residents']],
    ['wijkbezoek without the municipal council members (optional)', 'wijkbezoek', ['college', 'council', 'officers', 'residents', 'partners', 'advisor'], []],
    ['bilateral meeting without the advisor', 'bilateral', ['council'], ['advisor']],
    ['nobody invited to an ad-hoc meeting', 'ad_hoc', [], ['council']],
    ['every group invited to an ad-hoc meeting', 'ad_hoc', [...participantGroups], []],
  ])('%s', (_label, code, invitedGroups, missing) => {
    const problems = problemsOf(code, { invitedGroups });
    expect(problems.map((problem) => `${problem.field}:${problem.code}`)).toEqual(missing.map(() => 'body.invitedGroups:requiredGroupNotInvited'));
    expect(problems.map((problem) => problem.params?.group).sort()).toEqual([...missing].sort());
  });

  it('names the missing group in words', () => {
    const [problem] = problemsOf('wijktafel', { invitedGroups: ['council', 'partners', 'advisor', 'officers'] });
    expect(problem.params).toEqual({ group: 'college', groupNl: 'het college', groupEn: 'the college' });
    expect(fieldMessage(problem, 'nl')).toBe('Nodig ook het college uit; die horen bij dit soort overleg.');
    expect(fieldMessage(problem, 'en')).toBe('Invite the college as well; they belong at this kind of meeting.');
  });
});

describe('dossiers', () => {
  it.each<[string, MeetingKindCode, string[], string[]]>([
    ['wijkwerkoverleg about one dossier', 'wijkwerkoverleg', ['theme-greenery'], []],
    ['wijkwerkoverleg about two dossiers', 'wijkwerkoverleg', ['theme-greenery', 'theme-water'], []],
    ['wijkwerkoverleg about nothing', 'wijkwerkoverleg', [], ['body.dossierThemeIds:dossierRequired']],
    ['wijktafel needs no dossier', 'wijktafel', [], []],
    ['wijkbezoek needs no dossier', 'wijkbezoek', [], []],
  ])('%s', (_label, code, dossierThemeIds, expected) => {
    const changes = { dossierThemeIds, ...(code === 'wijkwerkoverleg' && dossierThemeIds.length === 0 ? { chair: chair(roles.greeneryAlderman) } : {}) };
    expect(codesOf(code, changes)).toEqual(expected);
  });
});

describe('deviating from the rules', () => {
  it.each([...overridableProblemCodes])('%s is a rule an advisor or administrator may set aside with a reason', (code) => {
    expect(isOverridable(code)).toBe(true);
  });

  it.each(['dateInPast', 'endBeforeStart', 'required', 'somethingUnknown'])('%s is a mistake that is never overridden', (code) => {
    expect(isOverridable(code)).toBe(false);
  });

  it('splits a plan’s problems into mistakes and rule deviations', () => {
    const problems = problemsOf('wijkbezoek', { startsAt: at('2026-11-01T09:00:00+01:00'), endsAt: at('2026-11-01T13:00:00+01:00'), isLocationInNeighbourhood: false, chair: chair(roles.councilMemberElsewhere) });
    const { blocking, rules } = splitProblems(problems);
    expect(blocking.map((problem) => problem.code)).toEqual(['dateInPast']);
    expect(rules.map((problem) => problem.code).sort()).toEqual(['chairNotCouncilMember', 'notInNeighbourhood']);
  });
});

describe('messages', () => {
  // Every code the rules raise, gathered from the plans above that break one rule each.
  const raised = [
    ...problemsOf('wijktafel', { chair: null, initiatorSide: 'council', publicPart: null, invitedGroups: [], location: '', neighbourhoodId: null, startsAt: at('2026-01-01T10:00:00+01:00') }),
    ...problemsOf('wijktafel', { endsAt: at('2027-01-20T13:00:00+01:00'), chair: chair(roles.greeneryAlderman) }),
    ...problemsOf('wijktafel', {}, { neighbourhoodPolicyPortfolioId: null }),
    ...problemsOf('wijktafel', { publicPart: publicPart('2027-01-20T10:00:00+01:00', '2027-01-20T09:00:00+01:00', '') }),
    ...problemsOf('wijktafel', { publicPart: publicPart('2027-01-21T10:00:00+01:00', '2027-01-21T11:00:00+01:00') }),
    ...problemsOf('wijkwerkoverleg', { dossierThemeIds: [], chair: chair(roles.advisor), publicPart: publicPart('2027-02-10T20:00:00+01:00', '2027-02-10T20:30:00+01:00') }),
    ...problemsOf('wijkbezoek', { chair: chair(roles.advisor), isLocationInNeighbourhood: false, publicPart: publicPart('2027-05-12T13:00:00+02:00', '2027-05-12T14:00:00+02:00') }),
  ];
  const codes = [...new Set(raised.map((problem) => problem.code))].sort();

  it('covers every code the meeting rules raise', () => {
    expect(codes).toEqual([...new Set([...overridableProblemCodes, 'dateInPast', 'endBeforeStart', 'required'])].sort());
  });

  it.each(codes)('%s has a sentence in Dutch and English with every placeholder filled', (code) => {
    expect(isKnownFieldMessage(code)).toBe(true);
    const problem = raised.find((candidate) => candidate.code === code)!;
    for (const language of ['nl', 'en'] as const) {
      const message = fieldMessage(problem, language);
      expect(message).not.toBe(code);
      expect(message).not.toMatch(/[{}]/);
      expect(message).toMatch(/[.!?]$/);
    }
    // Dutch addresses a person as "je", never "u".
    expect(fieldMessage(problem, 'nl')).not.toMatch(/\b(u|uw)\b/i);
  });
});

describe('minutes', () => {
  it.each<[string, MeetingKindCode | { minutesDueWorkingDays: number | null }, string, string | null]>([
    ['wijkwerkoverleg: ten working days, around Koningsdag', 'wijkwerkoverleg', '2026-04-22', '2026-05-07'],
    ['wijkwerkoverleg on a Friday before Christmas (Christmas and New Year’s Day do not count)', 'wijkwerkoverleg', '2026-12-18', '2027-01-05'],
    ['a municipality that allows five working days', { minutesDueWorkingDays: 5 }, '2026-11-30', '2026-12-07'],
    ['wijktafel: the action plan is its result, no minutes term', 'wijktafel', '2026-04-22', null],
    ['wijkbezoek: no minutes term', 'wijkbezoek', '2026-04-22', null],
  ])('%s', (_label, kindOrCode, heldOn, expected) => {
    expect(minutesDueOn(typeof kindOrCode === 'string' ? kind(kindOrCode) : kindOrCode, heldOn)).toBe(expected);
  });

  it('skips the days the municipality is closed as well', () => {
    expect(minutesDueOn(kind('wijkwerkoverleg'), '2026-04-22', new Set(['2026-05-05']))).toBe('2026-05-08');
  });
});
