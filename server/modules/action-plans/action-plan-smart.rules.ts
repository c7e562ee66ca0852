// The SMART check before a wijkactieplan goes to the wijktafel: is every action Specific, Measurable, Acceptable
// (someone owns it and takes part), Realistic (resourced) and Time-bound within the plan's period? Errors make an
// action unfit to adopt; warnings point at weak spots the advisor may accept with a reason, which is kept so the
// wijktafel can see why. Pure: the service passes the plan as plain values.

export interface SmartParty {
  kind: 'department' | 'partner' | 'council';
  id: string;
}

export interface SmartCheckAction {
  id: string;
  challengeId: string;
  title: string;
  /** What exactly will be done. */
  specific: string | null;
  /** Where in the neighbourhood. */
  location: string | null;
  indicator: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  owner: SmartParty | null;
  contactUserId: string | null;
  /** The owner confirmed it is effort on top of regular work: the plan is about extra effort, not business as usual. */
  isOnTopOfRegularWork: boolean;
  budgetEuros: number | null;
  hours: number | null;
  fundingSource: string | null;
  startsOn: string | null;
  deadlineOn: string | null;
  /** 'dropped' actions are skipped by the check. */
  status?: string;
}

export interface SmartCheckPlan {
  periodStartsOn: string;
  periodEndsOn: string;
  challenges: { id: string; title: string; themeIds: string[] }[];
  actions: SmartCheckAction[];
  /** The parties taking part in the wijktafel; null when unknown, and then that check is skipped. */
  participantParties: SmartParty[] | null;
}

export type SmartSeverity = 'error' | 'warning';
export type SmartLetter = 'S' | 'M' | 'A' | 'R' | 'T';

export interface SmartFinding {
  actionId: string | null;
  challengeId: string | null;
  field: string;
  code: string;
  severity: SmartSeverity;
  letter: SmartLetter | null;
}

/** Every code, plan level first, then challenge level, then per action in S, M, A, R, T order: the order of findings. */
export const smartFindingCodes = [
  'planWithoutActions',
  'challengeWithoutActions',
  'challengeWithoutTheme',
  'specificMissing',
  'locationMissing',
  'indicatorMissing',
  'baselineMissing',
  'targetMissing',
  'unitMissing',
  'targetEqualsBaseline',
  'ownerMissing',
  'ownerNotParticipant',
  'contactMissing',
  'notConfirmedOnTop',
  'resourcesMissing',
  'startOutsidePeriod',
  'deadlineMissing',
  'deadlineOutsidePeriod',
  'deadlineBeforeStart',
] as const;
export type SmartFindingCode = (typeof smartFindingCodes)[number];

interface CodeRule {
  severity: SmartSeverity;
  letter: SmartLetter | null;
  field: string;
}

const codeRules: Record<SmartFindingCode, CodeRule> = {
  planWithoutActions: { severity: 'error', letter: null, field: 'actions' },
  challengeWithoutActions: { severity: 'warning', letter: null, field: 'actions' },
  challengeWithoutTheme: { severity: 'warning', letter: null, field: 'themeIds' },
  specificMissing: { severity: 'error', letter: 'S', field: 'specific' },
  locationMissing: { severity: 'warning', letter: 'S', field: 'location' },
  indicatorMissing: { severity: 'error', letter: 'M', field: 'indicator' },
  baselineMissing: { severity: 'warning', letter: 'M', field: 'baseline' },
  targetMissing: { severity: 'error', letter: 'M', field: 'target' },
  unitMissing: { severity: 'error', letter: 'M', field: 'unit' },
  targetEqualsBaseline: { severity: 'warning', letter: 'M', field: 'target' },
  ownerMissing: { severity: 'error', letter: 'A', field: 'owner' },
  ownerNotParticipant: { severity: 'warning', letter: 'A', field: 'owner' },
  contactMissing: { severity: 'warning', letter: 'A', field: 'contactUserId' },
  notConfirmedOnTop: { severity: 'warning', letter: 'A', field: 'isOnTopOfRegularWork' },
  resourcesMissing: { severity: 'warning', letter: 'R', field: 'budgetEuros' },
  startOutsidePeriod: { severity: 'error', letter: 'T', field: 'startsOn' },
  deadlineMissing: { severity: 'error', letter: 'T', field: 'deadlineOn' },
  deadlineOutsidePeriod: { severity: 'error', letter: 'T', field: 'deadlineOn' },
  deadlineBeforeStart: { severity: 'error', letter: 'T', field: 'deadlineOn' },
};

/** The severity of each code, for the service and the catalogue of field messages. */
export const severityOf: Record<SmartFindingCode, SmartSeverity> = Object.fromEntries(
  smartFindingCodes.map((code) => [code, codeRules[code].severity]),
) as Record<SmartFindingCode, SmartSeverity>;

/** The SMART letter of each code; null for plan and challenge level codes. */
export const letterOf: Record<SmartFindingCode, SmartLetter | null> = Object.fromEntries(
  smartFindingCodes.map((code) => [code, codeRules[code].letter]),
) as Record<SmartFindingCode, SmartLetter | null>;

const isBlank = (value: string | null): boolean => value === null || value.trim() === '';
const isActive = (action: SmartCheckAction): boolean => action.status !== 'dropped';
const isSameParty = (a: SmartParty, b: SmartParty): boolean => a.kind === b.kind && a.id === b.id;

/** The codes one action triggers, in S, M, A, R, T order. */
function actionCodes(action: SmartCheckAction, plan: SmartCheckPlan): SmartFindingCode[] {
  const { periodStartsOn, periodEndsOn, participantParties } = plan;
  const isOutsidePeriod = (date: string): boolean => date < periodStartsOn || date > periodEndsOn;
  const hasIndicator = !isBlank(action.indicator);
  const hasDeadline = !isBlank(action.deadlineOn);
  const hasStart = !isBlank(action.startsOn);
  // A budget or a number of hours of zero is no resource; a named funding source is, even before the amount is known.
  const hasResources = Boolean(action.budgetEuros) || Boolean(action.hours) || !isBlank(action.fundingSource);
  const fired: Record<SmartFindingCode, boolean> = {
    planWithoutActions: false,
    challengeWithoutActions: false,
    challengeWithoutTheme: false,
    specificMissing: isBlank(action.specific),
    locationMissing: isBlank(action.location),
    indicatorMissing: !hasIndicator,
    baselineMissing: hasIndicator && action.baseline === null,
    targetMissing: hasIndicator && action.target === null,
    unitMissing: action.target !== null && isBlank(action.unit),
    // A target equal to the baseline measures no change: usually a typing error, sometimes "hold the line".
    targetEqualsBaseline: action.target !== null && action.baseline !== null && action.target === action.baseline,
    ownerMissing: action.owner === null,
    ownerNotParticipant: action.owner !== null && participantParties !== null && !participantParties.some((party) => isSameParty(party, action.owner!)),
    contactMissing: isBlank(action.contactUserId),
    notConfirmedOnTop: !action.isOnTopOfRegularWork,
    resourcesMissing: !hasResources,
    startOutsidePeriod: hasStart && isOutsidePeriod(action.startsOn!),
    deadlineMissing: !hasDeadline,
    deadlineOutsidePeriod: hasDeadline && isOutsidePeriod(action.deadlineOn!),
    deadlineBeforeStart: hasDeadline && hasStart && action.deadlineOn! < action.startsOn!,
  };
  return smartFindingCodes.filter((code) => fired[code]);
}

function finding(code: SmartFindingCode, actionId: string | null, challengeId: string | null): SmartFinding {
  const { severity, letter, field } = codeRules[code];
  return { actionId, challengeId, field, code, severity, letter };
}

/**
 * All findings of the plan: plan level first, then per challenge (in the plan's order) its own findings followed by
 * its actions' (in the plan's order). Actions under a challenge the plan does not list come last, so none is lost.
 */
export function checkSmart(plan: SmartCheckPlan): SmartFinding[] {
  const actions = plan.actions.filter(isActive);
  const findings: SmartFinding[] = [];
  if (actions.length === 0) findings.push(finding('planWithoutActions', null, null));

  const ofAction = (action: SmartCheckAction) => actionCodes(action, plan).map((code) => finding(code, action.id, action.challengeId));
  for (const challenge of plan.challenges) {
    const under = actions.filter((action) => action.challengeId === challenge.id);
    if (under.length === 0) findings.push(finding('challengeWithoutActions', null, challenge.id));
    if (challenge.themeIds.length === 0) findings.push(finding('challengeWithoutTheme', null, challenge.id));
    findings.push(...under.flatMap(ofAction));
  }
  const knownChallengeIds = new Set(plan.challenges.map((challenge) => challenge.id));
  findings.push(...actions.filter((action) => !knownChallengeIds.has(action.challengeId)).flatMap(ofAction));
  return findings;
}

export interface AcceptedWarning {
  actionId: string | null;
  challengeId: string | null;
  code: string;
  reason: string;
}

/**
 * The findings that stop adoption. Errors always do; a warning does unless the advisor accepted exactly that warning
 * (same action, challenge and code) with a reason, because an acceptance without a reason tells the wijktafel nothing.
 */
export function blockingFindings(findings: SmartFinding[], accepted: AcceptedWarning[]): SmartFinding[] {
  const isAccepted = (found: SmartFinding): boolean =>
    accepted.some(
      (acceptance) =>
        acceptance.code === found.code && acceptance.actionId === found.actionId && acceptance.challengeId === found.challengeId && acceptance.reason.trim() !== '',
    );
  return findings.filter((found) => found.severity === 'error' || !isAccepted(found));
}
