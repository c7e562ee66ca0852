import { describe, expect, it } from 'vitest';
import { checkSupportStatement, checkVerdict, deadlinesFor, nextUpdateDue, type Verdict, weightOf } from './request.rules.ts';

const today = '2026-11-30';
const motivation = 'De lantaarnpaal staat op een plek waar vaak wordt geparkeerd; we plaatsen hem twee meter verder.';
const codes = (verdict: Verdict) => checkVerdict(verdict, today).map((problem) => `${problem.field}:${problem.code}`);

describe('the answer protocol: nu, ooit, nooit', () => {
  it.each<[string, Verdict, string[]]>([
    ['a nu within eight weeks', { verdict: 'nu', motivation, action: 'Lantaarnpaal verplaatsen', plannedOn: '2027-01-15' }, []],
    ['a nu on the last day of the short term', { verdict: 'nu', motivation, action: 'Lantaarnpaal verplaatsen', plannedOn: '2027-01-25' }, []],
    ['a nu one day beyond the short term', { verdict: 'nu', motivation, action: 'Lantaarnpaal verplaatsen', plannedOn: '2027-01-26' }, ['body.plannedOn:beyondShortTerm']],
    ['a nu in the past', { verdict: 'nu', motivation, action: 'Lantaarnpaal verplaatsen', plannedOn: '2026-11-01' }, ['body.plannedOn:dateInPast']],
    ['an ooit with a condition and a decision date', { verdict: 'ooit', motivation, conditions: [{ kind: 'budget', text: 'Geld in de begroting 2028' }], decisionDueOn: '2027-06-01', updateEveryWeeks: 6 }, []],
    ['an ooit without a condition', { verdict: 'ooit', motivation, conditions: [], decisionDueOn: '2027-06-01', updateEveryWeeks: 6 }, ['body.conditions:conditionRequired']],
    ['an ooit without a future decision date', { verdict: 'ooit', motivation, conditions: [{ kind: 'decision', text: 'Raadsbesluit over parkeren' }], decisionDueOn: today, updateEveryWeeks: 6 }, ['body.decisionDueOn:dateNotInFuture']],
    ['an ooit with a silly update cadence', { verdict: 'ooit', motivation, conditions: [{ kind: 'capacity', text: 'Ploeg groen vrij in het voorjaar' }], decisionDueOn: '2027-06-01', updateEveryWeeks: 52 }, ['body.updateEveryWeeks:updateCadence']],
    ['a nooit with a reason', { verdict: 'nooit', motivation, reasons: ['general_interest_or_safety'] }, []],
    ['a nooit without a reason', { verdict: 'nooit', motivation, reasons: [] }, ['body.reasons:reasonRequired']],
    ['any verdict with a thin motivation', { verdict: 'nooit', motivation: 'Nee.', reasons: ['too_expensive'] }, ['body.motivation:motivationTooThin']],
    ['a motivation of one key held down', { verdict: 'nooit', motivation: 'a'.repeat(80), reasons: ['too_expensive'] }, ['body.motivation:motivationTooThin']],
  ])('%s', (_label, verdict, expected) => {
    expect(codes(verdict)).toEqual(expected);
  });

  it('takes the short term from the municipality', () => {
    const verdict: Verdict = { verdict: 'nu', motivation, action: 'Lantaarnpaal verplaatsen', plannedOn: '2027-02-15' };
    expect(checkVerdict(verdict, today, { shortTermWeeks: 12, minimumMotivationLength: 40 })).toEqual([]);
  });
});

describe('support statement for advice', () => {
  const broad = { origins: [{ kind: 'open_meeting' as const }], breadth: 'broad' as const, dissent: '' };
  it('is required for advice from a council, not for a question or for a resident', () => {
    expect(checkSupportStatement('advice_unsolicited', true, undefined)).toEqual([{ field: 'body.supportStatement', code: 'supportStatementRequired' }]);
    expect(checkSupportStatement('question', true, undefined)).toEqual([]);
    expect(checkSupportStatement('advice_solicited', false, undefined)).toEqual([]);
    expect(checkSupportStatement('advice_solicited', true, broad)).toEqual([]);
  });

  it('asks for respondents, signatures and the dissent when support is not broad', () => {
    const problems = checkSupportStatement('advice_solicited', true, { origins: [{ kind: 'survey' }, { kind: 'petition', count: 0 }], breadth: 'divided', dissent: '' });
    expect(problems.map((problem) => problem.code)).toEqual(['respondentsRequired', 'signaturesRequired', 'dissentRequired']);
  });
});

describe('weight and deadlines', () => {
  it('gives neighbourhood matters more weight than city-wide policy, unless the municipality rules otherwise', () => {
    expect(weightOf('street')).toBe('large');
    expect(weightOf('city_wide')).toBe('limited');
    expect(weightOf('area', { street: 'large', area: 'limited', neighbourhood: 'limited', city_wide: 'limited' })).toBe('limited');
  });

  it('sets acknowledge and answer deadlines in working days around Koningsdag and Hemelvaart', () => {
    expect(deadlinesFor('2026-04-22')).toEqual({ acknowledgeBy: '2026-04-30', answerBy: '2026-05-22' });
    expect(deadlinesFor('2026-04-22', { acknowledgeWithinWorkingDays: 3, answerWithinWorkingDays: 10 })).toEqual({ acknowledgeBy: '2026-04-28', answerBy: '2026-05-07' });
  });

  it('plans the next ooit update', () => {
    expect(nextUpdateDue('2026-11-30', 6)).toBe('2027-01-11');
  });
});
