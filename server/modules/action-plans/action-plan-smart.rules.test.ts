import { describe, expect, it } from 'vitest';
import {
  type AcceptedWarning,
  blockingFindings,
  checkSmart,
  letterOf,
  type SmartCheckAction,
  type SmartCheckPlan,
  type SmartFinding,
  severityOf,
  smartFindingCodes,
} from './action-plan-smart.rules.ts';

// A plan for 2027 with one challenge and one fully SMART action; each case changes one thing.
const police = { kind: 'partner', id: 'police' } as const;
const smartAction: SmartCheckAction = {
  id: 'a1',
  challengeId: 'c1',
  title: 'Buurtpreventie-app',
  specific: 'Start een buurtpreventie-appgroep per straat',
  location: 'Brandevoort-Oost',
  indicator: 'Aantal woninginbraken',
  baseline: 40,
  target: 20,
  unit: 'inbraken per jaar',
  owner: police,
  contactUserId: 'user-7',
  isOnTopOfRegularWork: true,
  budgetEuros: 2500,
  hours: null,
  fundingSource: null,
  startsOn: '2027-02-01',
  deadlineOn: '2027-11-30',
};
const planWith = (actions: Partial<SmartCheckAction>[], overrides: Partial<SmartCheckPlan> = {}): SmartCheckPlan => ({
  periodStartsOn: '2027-01-01',
  periodEndsOn: '2027-12-31',
  challenges: [{ id: 'c1', title: 'Veiliger wonen', themeIds: ['safety'] }],
  actions: actions.map((change, index) => ({ ...smartAction, id: `a${index + 1}`, ...change })),
  participantParties: [police, { kind: 'council', id: 'council-1' }],
  ...overrides,
});
const codes = (findings: SmartFinding[]) => findings.map((found) => found.code);

describe('a fully SMART action', () => {
  it('gives no finding', () => {
    expect(checkSmart(planWith([{}]))).toEqual([]);
  });

  it('hours or a funding source alone are resources too', () => {
    expect(checkSmart(planWith([{ budgetEuros: null, hours: 16 }]))).toEqual([]);
    expect(checkSmart(planWith([{ budgetEuros: null, fundingSource: 'Leefbaarheidsbudget' }]))).toEqual([]);
  });

  it('a start and deadline on the first and last day of the period fit', () => {
    expect(checkSmart(planWith([{ startsOn: '2027-01-01', deadlineOn: '2027-12-31' }]))).toEqual([]);
  });

  it('a start date is optional', () => {
    expect(checkSmart(planWith([{ startsOn: null }]))).toEqual([]);
  });
});

describe('each code fires on what it names', () => {
  it.each<[string, Partial<SmartCheckAction>, Partial<SmartCheckPlan>]>([
    ['specificMissing', { specific: '  ' }, {}],
    ['locationMissing', { location: null }, {}],
    ['indicatorMissing', { indicator: null, baseline: null, target: null, unit: null }, {}],
    ['baselineMissing', { baseline: null }, {}],
    ['targetMissing', { target: null, unit: null }, {}],
    ['unitMissing', { unit: '' }, {}],
    ['targetEqualsBaseline', { target: 40 }, {}],
    ['ownerMissing', { owner: null }, {}],
    ['ownerNotParticipant', { owner: { kind: 'partner', id: 'housing-corporation' } }, {}],
    ['contactMissing', { contactUserId: null }, {}],
    ['notConfirmedOnTop', { isOnTopOfRegularWork: false }, {}],
    ['resourcesMissing', { budgetEuros: null, hours: null, fundingSource: ' ' }, {}],
    ['deadlineMissing', { deadlineOn: null }, {}],
    ['deadlineOutsidePeriod', { deadlineOn: '2028-01-01' }, {}],
    ['startOutsidePeriod', { startsOn: '2026-12-31' }, {}],
    ['deadlineBeforeStart', { startsOn: '2027-06-01', deadlineOn: '2027-05-31' }, {}],
    ['challengeWithoutTheme', {}, { challenges: [{ id: 'c1', title: 'Veiliger wonen', themeIds: [] }] }],
  ])('%s', (code, change, planChange) => {
    expect(codes(checkSmart(planWith([change], planChange)))).toEqual([code]);
  });

  it('planWithoutActions, and the challenge has none either', () => {
    expect(checkSmart(planWith([]))).toEqual([
      { actionId: null, challengeId: null, field: 'actions', code: 'planWithoutActions', severity: 'error', letter: null },
      { actionId: null, challengeId: 'c1', field: 'actions', code: 'challengeWithoutActions', severity: 'warning', letter: null },
    ]);
  });

  it('challengeWithoutActions names the challenge, not an action', () => {
    const plan = planWith([{}], { challenges: [{ id: 'c1', title: 'Veiliger wonen', themeIds: ['safety'] }, { id: 'c2', title: 'Groen', themeIds: ['green'] }] });
    expect(checkSmart(plan)).toEqual([{ actionId: null, challengeId: 'c2', field: 'actions', code: 'challengeWithoutActions', severity: 'warning', letter: null }]);
  });

  it('an action finding carries its field, severity and letter', () => {
    expect(checkSmart(planWith([{ deadlineOn: null }]))).toEqual([
      { actionId: 'a1', challengeId: 'c1', field: 'deadlineOn', code: 'deadlineMissing', severity: 'error', letter: 'T' },
    ]);
  });

  it('without a known list of participants the owner is not checked against it', () => {
    expect(checkSmart(planWith([{ owner: { kind: 'department', id: 'green-spaces' } }], { participantParties: null }))).toEqual([]);
  });

  it('an owner of another kind with the same id is another party', () => {
    expect(codes(checkSmart(planWith([{ owner: { kind: 'department', id: 'police' } }])))).toEqual(['ownerNotParticipant']);
  });

  it('a decreasing target is fine; a zero budget is no budget', () => {
    expect(codes(checkSmart(planWith([{ baseline: 10, target: 0 }])))).toEqual([]);
    expect(codes(checkSmart(planWith([{ budgetEuros: 0 }])))).toEqual(['resourcesMissing']);
  });
});

describe('order and skipping', () => {
  it('an empty action lists its findings in S, M, A, R, T order', () => {
    const empty: Partial<SmartCheckAction> = {
      specific: null, location: null, indicator: null, baseline: null, target: null, unit: null, owner: null, contactUserId: null,
      isOnTopOfRegularWork: false, budgetEuros: null, hours: null, fundingSource: null, startsOn: null, deadlineOn: null,
    };
    const findings = checkSmart(planWith([empty]));
    expect(codes(findings)).toEqual(['specificMissing', 'locationMissing', 'indicatorMissing', 'ownerMissing', 'contactMissing', 'notConfirmedOnTop', 'resourcesMissing', 'deadlineMissing']);
    expect(findings.map((found) => found.letter).join('')).toBe('SSMAAART');
  });

  it('plan level first, then per challenge its own findings and its actions, in the plan’s order', () => {
    const plan = planWith(
      [{ id: 'x', challengeId: 'c2', location: null }, { id: 'y', challengeId: 'c1', contactUserId: null }, { id: 'z', challengeId: 'c2', deadlineOn: null }],
      { challenges: [{ id: 'c1', title: 'Veiliger wonen', themeIds: [] }, { id: 'c2', title: 'Groen', themeIds: ['green'] }] },
    );
    expect(checkSmart(plan).map((found) => [found.challengeId, found.actionId, found.code])).toEqual([
      ['c1', null, 'challengeWithoutTheme'],
      ['c1', 'y', 'contactMissing'],
      ['c2', 'x', 'locationMissing'],
      ['c2', 'z', 'deadlineMissing'],
    ]);
  });

  it('dropped actions are skipped, and do not keep a challenge or the plan from being empty', () => {
    expect(codes(checkSmart(planWith([{ status: 'dropped', specific: null, deadlineOn: null }])))).toEqual(['planWithoutActions', 'challengeWithoutActions']);
    expect(codes(checkSmart(planWith([{}, { status: 'dropped', owner: null }])))).toEqual([]);
  });

  it('an action under a challenge the plan does not list is still checked, at the end', () => {
    expect(checkSmart(planWith([{ challengeId: 'unknown', location: null }])).map((found) => [found.challengeId, found.code])).toEqual([
      ['c1', 'challengeWithoutActions'],
      ['unknown', 'locationMissing'],
    ]);
  });
});

describe('accepting warnings', () => {
  const findings = checkSmart(planWith([{ location: null, deadlineOn: null }]));
  const accept = (change: Partial<AcceptedWarning>): AcceptedWarning => ({ actionId: 'a1', challengeId: 'c1', code: 'locationMissing', reason: 'Geldt voor de hele wijk.', ...change });

  it.each<[string, AcceptedWarning[], string[]]>([
    ['nothing accepted: the warning and the error block', [], ['locationMissing', 'deadlineMissing']],
    ['a warning accepted with a reason no longer blocks', [accept({})], ['deadlineMissing']],
    ['a blank reason does not count', [accept({ reason: '   ' })], ['locationMissing', 'deadlineMissing']],
    ['errors cannot be accepted', [accept({}), accept({ code: 'deadlineMissing' })], ['deadlineMissing']],
    ['an acceptance for another action does not count', [accept({ actionId: 'a2' })], ['locationMissing', 'deadlineMissing']],
    ['an acceptance for another challenge does not count', [accept({ challengeId: 'c2' })], ['locationMissing', 'deadlineMissing']],
    ['an acceptance of another code does not count', [accept({ code: 'contactMissing' })], ['locationMissing', 'deadlineMissing']],
  ])('%s', (_label, accepted, expected) => {
    expect(codes(blockingFindings(findings, accepted))).toEqual(expected);
  });

  it('a challenge level warning is accepted by challenge', () => {
    const challengeFindings = checkSmart(planWith([{}], { challenges: [{ id: 'c1', title: 'Veiliger wonen', themeIds: [] }] }));
    expect(blockingFindings(challengeFindings, [{ actionId: null, challengeId: 'c1', code: 'challengeWithoutTheme', reason: 'Thema volgt na de wijkschouw.' }])).toEqual([]);
  });
});

describe('the catalogue', () => {
  it('lists every code once with a severity and a letter', () => {
    expect(new Set(smartFindingCodes).size).toBe(smartFindingCodes.length);
    expect(smartFindingCodes.filter((code) => severityOf[code] === 'error')).toEqual([
      'planWithoutActions', 'specificMissing', 'indicatorMissing', 'targetMissing', 'unitMissing', 'ownerMissing',
      'startOutsidePeriod', 'deadlineMissing', 'deadlineOutsidePeriod', 'deadlineBeforeStart',
    ]);
    expect(letterOf.resourcesMissing).toBe('R');
    expect(letterOf.challengeWithoutTheme).toBeNull();
  });
});
