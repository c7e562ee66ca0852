import { describe, expect, it } from 'vitest';
import { agreementForFrequency, badgeOf } from './meeting-frequency-overview.rules.ts';
import type { FrequencyStatus } from './meeting-frequency.rules.ts';

const status = (overrides: Partial<FrequencyStatus>): FrequencyStatus => ({
  lastHeldOn: null,
  nextPlannedOn: null,
  nextDueOn: null,
  isOverdue: false,
  isExempt: false,
  exemptReason: null,
  explanation: { nl: '', en: '' },
  ...overrides,
});

describe('the development-area agreement in the overview', () => {
  const agreement = { decision: 'suspended' as const, form: '', reason: 'Het wijkvisietraject heeft eigen bewonersavonden.', agreedOn: '2026-03-01' };

  it.each([
    ['not a development area', false, agreement, null],
    ['no agreement recorded', true, null, null],
    ['regular: as everywhere', true, { ...agreement, decision: 'regular' as const }, null],
    ['suspended: exempt with the reason', true, agreement, { isExempt: true, reason: agreement.reason }],
    ['adapted: exempt, the form leads the reason', true, { ...agreement, decision: 'adapted' as const, form: 'Als onderdeel van de programmaraad' }, { isExempt: true, reason: `Als onderdeel van de programmaraad — ${agreement.reason}` }],
  ])('%s', (_case, isDevelopmentArea, recorded, expected) => {
    expect(agreementForFrequency(isDevelopmentArea, recorded)).toEqual(expected);
  });
});

describe('the badge of a row', () => {
  const today = '2026-12-02';
  it.each([
    ['exempt wins', status({ isExempt: true, isOverdue: false }), 'exempt'],
    ['past the due day', status({ nextDueOn: '2026-11-30', isOverdue: true }), 'overdue'],
    ['nothing due', status({}), 'ok'],
    ['due within 90 days, nothing planned', status({ nextDueOn: '2026-12-31' }), 'dueSoon'],
    ['due within 90 days, planned in time', status({ nextDueOn: '2026-12-31', nextPlannedOn: '2026-12-20' }), 'ok'],
    ['due within 90 days, planned too late', status({ nextDueOn: '2026-12-31', nextPlannedOn: '2027-01-20' }), 'dueSoon'],
    ['due today (never held)', status({ nextDueOn: today }), 'dueSoon'],
    ['due in a year', status({ nextDueOn: '2027-12-31' }), 'ok'],
  ])('%s', (_case, input, expected) => {
    expect(badgeOf(input, today)).toBe(expected);
  });
});
