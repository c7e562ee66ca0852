import { describe, expect, it } from 'vitest';
import { checkAdvicePosition, decidingBodyOf, checkVerdictChange } from './request.rules.ts';
import { deadlinePolicyFor, requestSettingsSchema, resolveRequestSettings } from './request-settings.rules.ts';

const motivation = 'Het college kiest voor een stedelijke aanpak; het advies past daar niet in.';

describe('a municipality’s request settings', () => {
  it('fills in the defaults for what was never set', () => {
    const settings = resolveRequestSettings(undefined);
    expect(settings).toMatchObject({ shortTermWeeks: 8, defaultUpdateEveryWeeks: 6, requiresAnswerReview: false, frontLineTeams: [], weightByScale: { city_wide: 'limited', street: 'large' } });
    expect(deadlinePolicyFor(settings, 'question')).toEqual({ acknowledgeWithinWorkingDays: 5, answerWithinWorkingDays: 20 });
  });

  it('uses the deadline set for a kind, and the default for the others', () => {
    const settings = resolveRequestSettings({ deadlines: { question: { acknowledgeWithinWorkingDays: 2, answerWithinWorkingDays: 10 } } });
    expect(deadlinePolicyFor(settings, 'question')).toEqual({ acknowledgeWithinWorkingDays: 2, answerWithinWorkingDays: 10 });
    expect(deadlinePolicyFor(settings, 'initiative')).toEqual({ acknowledgeWithinWorkingDays: 5, answerWithinWorkingDays: 20 });
  });

  it('refuses duplicate team codes and an answer deadline shorter than the acknowledgement deadline', () => {
    const result = requestSettingsSchema.safeParse({
      frontLineTeams: [
        { code: 'jpt', name: 'Jeugd Preventie Team' },
        { code: 'jpt', name: 'Nog een JPT' },
      ],
      deadlines: { advice_solicited: { acknowledgeWithinWorkingDays: 10, answerWithinWorkingDays: 5 } },
    });
    expect(result.success).toBe(false);
    expect(result.error?.issues.map((issue) => issue.path.join('.'))).toEqual(['frontLineTeams.1.code', 'deadlines.advice_solicited.answerWithinWorkingDays']);
  });

  it('falls back to the defaults when what is stored no longer fits the rules', () => {
    expect(resolveRequestSettings({ shortTermWeeks: -3 }).shortTermWeeks).toBe(8);
  });
});

describe('the position on advice', () => {
  it('needs nothing more to follow advice', () => {
    expect(checkAdvicePosition('advice_unsolicited', false, { position: 'follows', motivation: '' })).toEqual([]);
  });
  it('needs a motivation to follow partly or deviate; outside formal inspraak the department decides', () => {
    expect(checkAdvicePosition('advice_unsolicited', false, { position: 'follows_partly', motivation: 'kort' }).map((problem) => problem.code)).toEqual(['motivationTooThin']);
    expect(checkAdvicePosition('advice_unsolicited', false, { position: 'deviates', motivation })).toEqual([]);
    expect(decidingBodyOf(false, { position: 'deviates', motivation })).toBe('department');
    expect(checkAdvicePosition('advice_unsolicited', false, { position: 'deviates', motivation, decidingBody: 'department' })).toEqual([]);
    // Solicited advice is not formal inspraak by itself: the flag decides, not the kind.
    expect(checkAdvicePosition('advice_solicited', false, { position: 'deviates', motivation, decidingBody: 'college' }).map((problem) => problem.code)).toEqual(['departmentDecides']);
  });
  it('leaves deviating in a formal inspraak procedure to the college or the municipal council', () => {
    expect(checkAdvicePosition('advice_unsolicited', true, { position: 'deviates', motivation }).map((problem) => problem.code)).toEqual(['decidingBodyRequired']);
    expect(checkAdvicePosition('advice_solicited', true, { position: 'deviates', motivation, decidingBody: 'department' }).map((problem) => problem.code)).toEqual(['formalInspraakBody']);
    expect(checkAdvicePosition('advice_solicited', true, { position: 'deviates', motivation, decidingBody: 'municipalCouncil' })).toEqual([]);
    expect(checkAdvicePosition('advice_unsolicited', true, { position: 'deviates', motivation, decidingBody: 'college' })).toEqual([]);
  });
  it('is only for advice', () => {
    expect(checkAdvicePosition('question', false, { position: 'follows', motivation: '' }).map((problem) => problem.code)).toEqual(['notAdvice']);
  });
});

describe('changing a verdict', () => {
  const nooit = { verdict: 'nooit' as const, motivation, reasons: ['too_expensive' as const] };
  it('turns an ooit into a nu or a nooit, checked like any answer', () => {
    expect(checkVerdictChange('ooit', nooit, '2026-06-15')).toEqual([]);
    expect(checkVerdictChange('ooit', { ...nooit, reasons: [] }, '2026-06-15').map((problem) => problem.code)).toEqual(['reasonRequired']);
  });
  it('refuses to change a nu or a nooit, and an ooit into another ooit', () => {
    expect(checkVerdictChange('nu', nooit, '2026-06-15').map((problem) => problem.code)).toEqual(['onlyOoitChanges']);
    expect(checkVerdictChange('ooit', { verdict: 'ooit', motivation, conditions: [{ kind: 'budget', text: 'Begroting 2027' }], decisionDueOn: '2026-12-01', updateEveryWeeks: 6 }, '2026-06-15').map((problem) => problem.code)).toEqual(['verdictUnchanged']);
  });
});
