import type { FieldProblem } from '../../platform/errors.ts';
import { addWorkingDays, type CalendarDate } from '../../platform/working-days.ts';

// The meeting structure of §3.2 (wijktafel, wijkwerkoverleg, wijkbezoek, plus bilateral and ad-hoc contacts) and the
// checks a planned meeting must pass. Pure: the service gathers the chair's roles, the portfolios and the councils.

export const meetingKindCodes = ['wijktafel', 'wijkwerkoverleg', 'wijkbezoek', 'bilateral', 'ad_hoc'] as const;
export type MeetingKindCode = (typeof meetingKindCodes)[number];
/** Who owns agenda, logistics and minutes (the note's "initiatiefnemer"). */
export const initiatorSides = ['municipality', 'council'] as const;
export type InitiatorSide = (typeof initiatorSides)[number];
export const chairRules = ['neighbourhood_policy_alderman', 'subject_alderman', 'council', 'free'] as const;
export type ChairRule = (typeof chairRules)[number];
export const participantGroups = ['college', 'subject_aldermen', 'council', 'advisor', 'officers', 'partners', 'municipal_council_members', 'residents'] as const;
export type ParticipantGroup = (typeof participantGroups)[number];
export const meetingCharacters = ['closed', 'closed_with_public_closing', 'closed_optional_public_part', 'public'] as const;
export type MeetingCharacter = (typeof meetingCharacters)[number];
export const frequencyRules = ['every_years', 'yearly_target', 'per_council_term', 'none'] as const;
export type FrequencyRule = (typeof frequencyRules)[number];

export interface MeetingKindRules {
  code: MeetingKindCode;
  initiators: InitiatorSide[];
  chairRule: ChairRule;
  requiredParticipants: ParticipantGroup[];
  optionalParticipants: ParticipantGroup[];
  character: MeetingCharacter;
  frequencyRule: FrequencyRule;
  /** every_years: the number of years; per_council_term: how many per term; yearly_target: null (set per neighbourhood). */
  frequencyValue: number | null;
  /** Bilateral and ad-hoc contacts exist beside the structure and are not counted in it. */
  countsTowardStructure: boolean;
  takesPlaceInNeighbourhood: boolean;
  /** A wijkwerkoverleg is a deep-dive into one or more dossiers. */
  needsDossiers: boolean;
  /** Minutes by the responsible officer within this many working days. */
  minutesDueWorkingDays: number | null;
}

export interface MeetingKindTexts {
  nameNl: string;
  nameEn: string;
  purposeNl: string;
  purposeEn: string;
  expectedResultNl: string;
  expectedResultEn: string;
}

/** The note's table (§3.2) as each municipality starts with it; the tables store a copy it may adjust. */
export function defaultMeetingKinds(): (MeetingKindRules & MeetingKindTexts)[] {
  return [
    {
      code: 'wijktafel',
      nameNl: 'Wijktafel',
      nameEn: 'Neighbourhood table (wijktafel)',
      purposeNl: 'Vooruitkijken: de belangrijkste opgaven van de wijk benoemen en de extra inzet van wijkorgaan, partners en gemeente daarop afstemmen.',
      purposeEn: 'Looking ahead: naming the neighbourhood’s main challenges and agreeing the extra effort of the council, partners and municipality.',
      expectedResultNl: 'Het wijkactieplan: de opgaven van de wijk en de afspraken over de extra inzet van wijkorgaan, partners en gemeente.',
      expectedResultEn: 'The neighbourhood action plan: the neighbourhood’s challenges and the agreements on the extra effort of the council, partners and municipality.',
      initiators: ['municipality'],
      chairRule: 'neighbourhood_policy_alderman',
      requiredParticipants: ['college', 'council', 'partners', 'advisor', 'officers'],
      // Residents join the public closing part.
      optionalParticipants: ['residents'],
      character: 'closed_with_public_closing',
      frequencyRule: 'every_years',
      frequencyValue: 2,
      countsTowardStructure: true,
      takesPlaceInNeighbourhood: false,
      needsDossiers: false,
      minutesDueWorkingDays: null,
    },
    {
      code: 'wijkwerkoverleg',
      nameNl: 'Wijkwerkoverleg',
      nameEn: 'Neighbourhood work meeting (wijkwerkoverleg)',
      purposeNl: 'Eén of meer actuele dossiers die de wijk bezighouden grondig en open met het wijkorgaan bespreken.',
      purposeEn: 'Discussing one or more current dossiers that concern the neighbourhood thoroughly and openly with the council.',
      expectedResultNl: 'Meer inzicht in en duidelijkheid over de dossiers; het verslag maakt de betrokken vakambtenaar.',
      expectedResultEn: 'More insight into and clarity about the dossiers; the officer involved writes the minutes.',
      initiators: ['council', 'municipality'],
      chairRule: 'subject_alderman',
      requiredParticipants: ['subject_aldermen', 'council', 'officers', 'partners', 'advisor'],
      // Residents join an optional public part before or after.
      optionalParticipants: ['residents'],
      character: 'closed_optional_public_part',
      frequencyRule: 'yearly_target',
      frequencyValue: null,
      countsTowardStructure: true,
      takesPlaceInNeighbourhood: false,
      needsDossiers: true,
      minutesDueWorkingDays: 10,
    },
    {
      code: 'wijkbezoek',
      nameNl: 'Wijkbezoek',
      nameEn: 'Neighbourhood visit (wijkbezoek)',
      purposeNl: 'Ontmoeten, informeren en uitwisselen: laagdrempelig contact tussen het college en de wijk.',
      purposeEn: 'Meeting, informing and exchanging: low-threshold contact between the college and the neighbourhood.',
      expectedResultNl: 'De wijk leren kennen door de ogen van wijkbewoners, vrijwilligers en professionals.',
      expectedResultEn: 'Getting to know the neighbourhood through the eyes of residents, volunteers and professionals.',
      initiators: ['council'],
      chairRule: 'council',
      requiredParticipants: ['college', 'council', 'residents', 'officers', 'partners', 'advisor'],
      // The note: "eventueel ook raadsleden".
      optionalParticipants: ['municipal_council_members'],
      character: 'public',
      frequencyRule: 'per_council_term',
      frequencyValue: 1,
      countsTowardStructure: true,
      takesPlaceInNeighbourhood: true,
      needsDossiers: false,
      minutesDueWorkingDays: null,
    },
    {
      code: 'bilateral',
      nameNl: 'Bilateraal overleg',
      nameEn: 'Bilateral meeting',
      purposeNl: 'Rechtstreeks contact tussen het wijkorgaan en de adviseur wijkgericht werken, naast de vaste overleggen.',
      purposeEn: 'Direct contact between the council and the neighbourhood advisor, beside the fixed meetings.',
      expectedResultNl: 'Korte lijnen: vragen en signalen komen snel op de goede plek.',
      expectedResultEn: 'Short lines: questions and signals quickly reach the right place.',
      initiators: ['council', 'municipality'],
      chairRule: 'free',
      requiredParticipants: ['council', 'advisor'],
      optionalParticipants: ['officers'],
      character: 'closed',
      frequencyRule: 'none',
      frequencyValue: null,
      countsTowardStructure: false,
      takesPlaceInNeighbourhood: false,
      needsDossiers: false,
      minutesDueWorkingDays: null,
    },
    {
      code: 'ad_hoc',
      nameNl: 'Ad-hocoverleg',
      nameEn: 'Ad-hoc meeting',
      purposeNl: 'Overleg van het wijkorgaan met de vakwethouder(s) wanneer de situatie daarom vraagt.',
      purposeEn: 'A meeting of the council with the alderman or aldermen for the subject when the situation calls for it.',
      expectedResultNl: 'Afstemming over het onderwerp dat niet kan wachten tot het volgende vaste overleg.',
      expectedResultEn: 'Agreement on a subject that cannot wait for the next fixed meeting.',
      initiators: ['council', 'municipality'],
      chairRule: 'free',
      requiredParticipants: ['council'],
      optionalParticipants: ['subject_aldermen', 'college', 'advisor', 'officers', 'partners'],
      character: 'closed',
      frequencyRule: 'none',
      frequencyValue: null,
      countsTowardStructure: false,
      takesPlaceInNeighbourhood: false,
      needsDossiers: false,
      minutesDueWorkingDays: null,
    },
  ];
}

export interface RoleGrantOfChair {
  role: string;
  scopeId: string | null;
}

export interface MeetingPlan {
  startsAt: Date;
  endsAt: Date;
  initiatorSide: InitiatorSide;
  neighbourhoodId: string | null;
  location: string;
  isLocationInNeighbourhood: boolean;
  publicPart: { startsAt: Date; endsAt: Date; location: string } | null;
  chair: { userId: string; roles: RoleGrantOfChair[] } | null;
  invitedGroups: ParticipantGroup[];
  dossierThemeIds: string[];
}

export interface PlanContext {
  now: Date;
  /** The portfolio marked as neighbourhood policy (wijkbeleid); null while the municipality has not marked one. */
  neighbourhoodPolicyPortfolioId: string | null;
  portfolios: { id: string; themeIds: string[] }[];
  councilIdsOfNeighbourhood: string[];
}

/**
 * A public part may follow or precede the closed meeting after a short break (residents arriving, coffee, a walk to
 * the location the note mentions): up to this many minutes between the two still counts as "directly".
 */
export const publicPartMaximumPauseMinutes = 60;

/**
 * The codes that are the note's rules of play. An advisor or administrator may deviate from one with a recorded
 * reason (a wijktafel in the community centre just across the border, an alderman standing in for another).
 * Every other code is a plain mistake (an end before the start, a date in the past, an empty field) and is never
 * overridden.
 */
export const overridableProblemCodes = [
  'initiatorNotAllowed',
  'chairRequired',
  'chairNotNeighbourhoodPolicyAlderman',
  'noNeighbourhoodPolicyPortfolio',
  'chairNotSubjectAlderman',
  'chairNotCouncilMember',
  'requiredGroupNotInvited',
  'publicPartNotAllowed',
  'publicClosingPartRequired',
  'publicPartNotAtEnd',
  'publicPartNotBeforeOrAfter',
  'dossierRequired',
  'notInNeighbourhood',
] as const;
export type OverridableProblemCode = (typeof overridableProblemCodes)[number];

const overridable: ReadonlySet<string> = new Set(overridableProblemCodes);

export function isOverridable(code: string): boolean {
  return overridable.has(code);
}

/** Mistakes block; rule problems may be overridden with a reason. An empty `blocking` and `rules` means: plan it. */
export function splitProblems(problems: FieldProblem[]): { blocking: FieldProblem[]; rules: FieldProblem[] } {
  return { blocking: problems.filter((problem) => !isOverridable(problem.code)), rules: problems.filter((problem) => isOverridable(problem.code)) };
}

/** What is wrong with a planned meeting of this kind, per field; empty when it can be planned. */
export function checkMeetingPlan(kind: MeetingKindRules, plan: MeetingPlan, context: PlanContext): FieldProblem[] {
  return [...checkTimes(plan, context), ...checkPlace(kind, plan), ...checkPublicPart(kind, plan, context), ...checkInitiator(kind, plan), ...checkChair(kind, plan, context), ...checkParticipants(kind, plan), ...checkDossiers(kind, plan)];
}

function checkTimes(plan: MeetingPlan, context: PlanContext): FieldProblem[] {
  const problems: FieldProblem[] = [];
  if (plan.startsAt.getTime() <= context.now.getTime()) problems.push({ field: 'body.startsAt', code: 'dateInPast' });
  if (plan.endsAt.getTime() <= plan.startsAt.getTime()) problems.push({ field: 'body.endsAt', code: 'endBeforeStart' });
  return problems;
}

function checkPlace(kind: MeetingKindRules, plan: MeetingPlan): FieldProblem[] {
  const problems: FieldProblem[] = [];
  // The structure is kept per neighbourhood: a meeting that counts toward it belongs to one.
  if (kind.countsTowardStructure && !plan.neighbourhoodId) problems.push({ field: 'body.neighbourhoodId', code: 'required' });
  if (!plan.location.trim()) problems.push({ field: 'body.location', code: 'required' });
  else if (kind.takesPlaceInNeighbourhood && !plan.isLocationInNeighbourhood) problems.push({ field: 'body.location', code: 'notInNeighbourhood' });
  return problems;
}

const minute = 60_000;

/**
 * Where a public part may lie, by the meeting's character:
 * - closed, public: no separate public part (a public meeting is public as a whole);
 * - closed_with_public_closing: required, at the end: it starts after the meeting starts (there is a closed part
 *   first), no later than the pause after the meeting ends, and ends no earlier than the meeting does — so either
 *   the last stretch of the meeting's own time or directly after it;
 * - closed_optional_public_part: optional, at the end as above or, mirrored, at the start (the note's coffee hour or
 *   site visit before, drinks after) — never in the middle of the closed part.
 */
function checkPublicPart(kind: MeetingKindRules, plan: MeetingPlan, context: PlanContext): FieldProblem[] {
  const part = plan.publicPart;
  const hasPublicPart = kind.character === 'closed_with_public_closing' || kind.character === 'closed_optional_public_part';
  if (!part) return kind.character === 'closed_with_public_closing' ? [{ field: 'body.publicPart', code: 'publicClosingPartRequired' }] : [];
  if (!hasPublicPart) return [{ field: 'body.publicPart', code: 'publicPartNotAllowed' }];
  const problems: FieldProblem[] = [];
  if (!part.location.trim()) problems.push({ field: 'body.publicPart.location', code: 'required' });
  const partStart = part.startsAt.getTime();
  const partEnd = part.endsAt.getTime();
  if (partStart <= context.now.getTime()) problems.push({ field: 'body.publicPart.startsAt', code: 'dateInPast' });
  if (partEnd <= partStart) {
    problems.push({ field: 'body.publicPart.endsAt', code: 'endBeforeStart' });
    return problems;
  }
  const start = plan.startsAt.getTime();
  const end = plan.endsAt.getTime();
  // Placement means nothing against a meeting whose own times are wrong; that problem is reported already.
  if (end <= start) return problems;
  const pause = publicPartMaximumPauseMinutes * minute;
  const isAtEnd = partStart > start && partStart <= end + pause && partEnd >= end;
  const isAtStart = partEnd < end && partEnd >= start - pause && partStart <= start;
  const minutes = publicPartMaximumPauseMinutes;
  if (kind.character === 'closed_with_public_closing' && !isAtEnd) problems.push({ field: 'body.publicPart.startsAt', code: 'publicPartNotAtEnd', params: { minutes } });
  if (kind.character === 'closed_optional_public_part' && !isAtEnd && !isAtStart) problems.push({ field: 'body.publicPart.startsAt', code: 'publicPartNotBeforeOrAfter', params: { minutes } });
  return problems;
}

/** Group and side names for messages, so a person reads "het college", not a code. */
const groupWords: Record<ParticipantGroup, { nl: string; en: string }> = {
  college: { nl: 'het college', en: 'the college' },
  subject_aldermen: { nl: 'de vakwethouder(s)', en: 'the alderman or aldermen for the subject' },
  council: { nl: 'het wijkorgaan', en: 'the neighbourhood council' },
  advisor: { nl: 'de adviseur wijkgericht werken', en: 'the neighbourhood advisor' },
  officers: { nl: 'de vakambtenaren', en: 'the officers' },
  partners: { nl: 'de professionals (partners)', en: 'the professionals (partners)' },
  municipal_council_members: { nl: 'de raadsleden', en: 'the municipal council members' },
  residents: { nl: 'de wijkbewoners', en: 'the residents' },
};
const sideWords: Record<InitiatorSide, { nl: string; en: string }> = {
  municipality: { nl: 'de gemeente', en: 'the municipality' },
  council: { nl: 'het wijkorgaan', en: 'the neighbourhood council' },
};

function checkInitiator(kind: MeetingKindRules, plan: MeetingPlan): FieldProblem[] {
  if (kind.initiators.includes(plan.initiatorSide)) return [];
  const params = { allowedNl: kind.initiators.map((side) => sideWords[side].nl).join(' of '), allowedEn: kind.initiators.map((side) => sideWords[side].en).join(' or ') };
  return [{ field: 'body.initiatorSide', code: 'initiatorNotAllowed', params }];
}

function checkChair(kind: MeetingKindRules, plan: MeetingPlan, context: PlanContext): FieldProblem[] {
  if (kind.chairRule === 'free') return [];
  const chairField = 'body.chairUserId';
  if (!plan.chair) return [{ field: chairField, code: 'chairRequired' }];
  const roles = plan.chair.roles;
  const holds = (role: string, scopeIds: readonly string[]) => roles.some((grant) => grant.role === role && grant.scopeId !== null && scopeIds.includes(grant.scopeId));
  switch (kind.chairRule) {
    case 'neighbourhood_policy_alderman':
      if (!context.neighbourhoodPolicyPortfolioId) return [{ field: chairField, code: 'noNeighbourhoodPolicyPortfolio' }];
      return holds('alderman', [context.neighbourhoodPolicyPortfolioId]) ? [] : [{ field: chairField, code: 'chairNotNeighbourhoodPolicyAlderman' }];
    case 'subject_alderman': {
      // Without dossier themes the subject is not known yet (dossierRequired says so); any alderman may then chair.
      const themes = new Set(plan.dossierThemeIds);
      const portfolioIds = context.portfolios.filter((portfolio) => themes.size === 0 || portfolio.themeIds.some((theme) => themes.has(theme))).map((portfolio) => portfolio.id);
      const isAlderman = themes.size === 0 ? roles.some((grant) => grant.role === 'alderman') : holds('alderman', portfolioIds);
      return isAlderman ? [] : [{ field: chairField, code: 'chairNotSubjectAlderman' }];
    }
    case 'council':
      return holds('council_member', context.councilIdsOfNeighbourhood) ? [] : [{ field: chairField, code: 'chairNotCouncilMember' }];
  }
}

function checkParticipants(kind: MeetingKindRules, plan: MeetingPlan): FieldProblem[] {
  const invited = new Set(plan.invitedGroups);
  return kind.requiredParticipants.filter((group) => !invited.has(group)).map((group) => ({ field: 'body.invitedGroups', code: 'requiredGroupNotInvited', params: { group, groupNl: groupWords[group].nl, groupEn: groupWords[group].en } }));
}

function checkDossiers(kind: MeetingKindRules, plan: MeetingPlan): FieldProblem[] {
  return kind.needsDossiers && plan.dossierThemeIds.length === 0 ? [{ field: 'body.dossierThemeIds', code: 'dossierRequired' }] : [];
}

/** The day the minutes are due (a wijkwerkoverleg: the responsible officer, within N working days); null when the kind sets no term. */
export function minutesDueOn(kind: Pick<MeetingKindRules, 'minutesDueWorkingDays'>, heldOn: CalendarDate, extraClosedDates?: ReadonlySet<CalendarDate>): CalendarDate | null {
  return kind.minutesDueWorkingDays === null ? null : addWorkingDays(heldOn, kind.minutesDueWorkingDays, extraClosedDates);
}

/**
 * Which side writes the minutes (§3.2): the initiator, except for the wijkwerkoverleg, whose minutes the responsible
 * officer writes whoever took the initiative.
 */
export function minutesWriterSide(kindCode: string, initiatorSide: InitiatorSide): InitiatorSide {
  return kindCode === 'wijkwerkoverleg' ? 'municipality' : initiatorSide;
}
