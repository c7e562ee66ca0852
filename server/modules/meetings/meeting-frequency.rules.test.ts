import { describe, expect, it } from 'vitest';
import './meetings.errors.ts';
import { addYears, calendarDateOf, exceedsTermLimit, type FrequencyInput, type FrequencyKind, type FrequencyStatus, frequencyStatus, type Term, termOf } from './meeting-frequency.rules.ts';
import { defaultMeetingKinds, type MeetingKindCode } from './meeting.rules.ts';

const kinds = new Map(defaultMeetingKinds().map((kind) => [kind.code, kind]));
const kind = (code: MeetingKindCode): FrequencyKind => kinds.get(code)!;

// College terms as the registry holds them; the current one began on 1 June 2026.
const previousTerm: Term = { startsOn: '2022-06-01', endsOn: '2026-05-31' };
const currentTerm: Term = { startsOn: '2026-06-01', endsOn: '2030-05-31' };
const nextTerm: Term = { startsOn: '2030-06-01', endsOn: '2034-05-31' };
const terms = [previousTerm, currentTerm];

type Case = Partial<Omit<FrequencyInput, 'kind'>>;
const statusOf = (code: MeetingKindCode, input: Case): FrequencyStatus =>
  frequencyStatus({ kind: kind(code), meetingDates: [], terms, yearlyTarget: null, developmentAgreement: null, today: '2026-11-30', ...input });

describe('wijktafel: once every two years after the last one', () => {
  it.each<[string, Case, Partial<FrequencyStatus>]>([
    ['never held: due today, not yet overdue', {}, { lastHeldOn: null, nextPlannedOn: null, nextDueOn: '2026-11-30', isOverdue: false }],
    ['never held, one planned', { meetingDates: ['2027-03-01'] }, { lastHeldOn: null, nextPlannedOn: '2027-03-01', nextDueOn: '2026-11-30', isOverdue: false }],
    ['held two years ago to the day', { meetingDates: ['2024-11-30'] }, { lastHeldOn: '2024-11-30', nextDueOn: '2026-11-30', isOverdue: false }],
    ['held two years and a day ago', { meetingDates: ['2024-11-29'] }, { lastHeldOn: '2024-11-29', nextDueOn: '2026-11-29', isOverdue: true }],
    ['held last year, the next planned', { meetingDates: ['2025-05-01', '2027-04-15'] }, { lastHeldOn: '2025-05-01', nextPlannedOn: '2027-04-15', nextDueOn: '2027-05-01', isOverdue: false }],
    ['overdue and planned late: still overdue', { meetingDates: ['2024-09-01', '2027-01-15'] }, { nextPlannedOn: '2027-01-15', nextDueOn: '2026-09-01', isOverdue: true }],
    ['the meetings arrive in any order; the last held counts', { meetingDates: ['2026-02-01', '2020-02-01', '2022-02-01'] }, { lastHeldOn: '2026-02-01', nextDueOn: '2028-02-01' }],
    ['a meeting today counts as held', { meetingDates: ['2026-11-30'] }, { lastHeldOn: '2026-11-30', nextPlannedOn: null, nextDueOn: '2028-11-30' }],
    ['held on 29 February: due on 28 February', { meetingDates: ['2024-02-29'], today: '2026-02-28' }, { nextDueOn: '2026-02-28', isOverdue: false }],
    ['held on New Year’s Eve: due on New Year’s Eve', { meetingDates: ['2024-12-31'], today: '2026-12-31' }, { nextDueOn: '2026-12-31', isOverdue: false }],
    ['held on New Year’s Eve: overdue on New Year’s Day', { meetingDates: ['2024-12-31'], today: '2027-01-01' }, { nextDueOn: '2026-12-31', isOverdue: true }],
    // 23:30 UTC on 31 December is half past midnight on 1 January in Helmond.
    ['a meeting at 00:30 on New Year’s Day, stored in UTC', { meetingDates: ['2024-12-31T23:30:00Z'], today: '2027-01-01' }, { lastHeldOn: '2025-01-01', nextDueOn: '2027-01-01', isOverdue: false }],
    ['a meeting at 23:30 on New Year’s Eve, stored in UTC', { meetingDates: ['2024-12-31T22:30:00Z'], today: '2027-01-01' }, { lastHeldOn: '2024-12-31', nextDueOn: '2026-12-31', isOverdue: true }],
    ['a development area where it was agreed not to hold one', { developmentAgreement: { isExempt: true, reason: 'De wijkvisie heeft een eigen bewonersraad.' } }, { isExempt: true, exemptReason: 'De wijkvisie heeft een eigen bewonersraad.', nextDueOn: null, isOverdue: false }],
    ['a development area, exempt without a reason given', { developmentAgreement: { isExempt: true, reason: '  ' } }, { isExempt: true, exemptReason: null, nextDueOn: null }],
    ['a development area that holds it once a year, met this year', { meetingDates: ['2026-03-01'], developmentAgreement: { isExempt: false, reason: null, expectedPerYear: 1 } }, { isExempt: false, nextDueOn: '2027-12-31', isOverdue: false }],
    ['a development area agreement that changes nothing', { meetingDates: ['2025-05-01'], developmentAgreement: { isExempt: false, reason: null } }, { isExempt: false, nextDueOn: '2027-05-01' }],
  ])('%s', (_label, input, expected) => {
    expect(statusOf('wijktafel', input)).toMatchObject(expected);
  });

  it('explains itself in both languages', () => {
    expect(statusOf('wijktafel', { meetingDates: ['2024-11-20'] }).explanation).toEqual({
      nl: 'Eens per 2 jaar; het laatste was op woensdag 20 november 2024, dus het volgende uiterlijk vrijdag 20 november 2026. Die datum is verstreken.',
      en: 'Once every 2 years; the last one was on Wednesday 20 November 2024, so the next one is due by Friday 20 November 2026. That date has passed.',
    });
    expect(statusOf('wijktafel', { meetingDates: ['2027-03-01'] }).explanation).toEqual({
      nl: 'Eens per 2 jaar, en nog nooit gehouden: nu aan de beurt. Het volgende staat gepland op maandag 1 maart 2027.',
      en: 'Once every 2 years, and never held yet: due now. The next one is planned for Monday 1 March 2027.',
    });
    expect(statusOf('wijktafel', { developmentAgreement: { isExempt: true, reason: 'Eigen traject wijkvisie.' } }).explanation.nl).toBe('In deze ontwikkelingswijk is afgesproken dat dit overleg niet apart plaatsvindt. Reden: Eigen traject wijkvisie.');
  });
});

describe('wijkwerkoverleg: the neighbourhood’s number per calendar year, spread over the year', () => {
  it.each<[string, Case, Partial<FrequencyStatus>]>([
    ['twice a year, none yet in May: the first by 30 June', { yearlyTarget: 2, today: '2026-05-15' }, { nextDueOn: '2026-06-30', isOverdue: false }],
    ['twice a year, none yet on 1 July: overdue', { yearlyTarget: 2, today: '2026-07-01' }, { nextDueOn: '2026-06-30', isOverdue: true }],
    ['twice a year, one held: the second by 31 December', { yearlyTarget: 2, meetingDates: ['2026-03-01'], today: '2026-07-01' }, { lastHeldOn: '2026-03-01', nextDueOn: '2026-12-31', isOverdue: false }],
    ['twice a year, both held: the first of next year by 30 June', { yearlyTarget: 2, meetingDates: ['2026-03-01', '2026-10-01'] }, { nextDueOn: '2027-06-30', isOverdue: false }],
    ['three times a year, none by May: overdue since 30 April', { yearlyTarget: 3, today: '2026-05-01' }, { nextDueOn: '2026-04-30', isOverdue: true }],
    ['three times a year, one held: the second by 31 August', { yearlyTarget: 3, meetingDates: ['2026-02-01'], today: '2026-05-01' }, { nextDueOn: '2026-08-31', isOverdue: false }],
    ['three times a year, two held on one day count twice', { yearlyTarget: 3, meetingDates: ['2026-02-01', '2026-02-01'], today: '2026-05-01' }, { nextDueOn: '2026-12-31' }],
    ['once a year, none yet on New Year’s Eve: due today', { yearlyTarget: 1, today: '2026-12-31' }, { nextDueOn: '2026-12-31', isOverdue: false }],
    ['once a year, held on New Year’s Eve', { yearlyTarget: 1, meetingDates: ['2026-12-31'], today: '2026-12-31' }, { nextDueOn: '2027-12-31', isOverdue: false }],
    ['once a year, last year’s meeting does not count on New Year’s Day', { yearlyTarget: 1, meetingDates: ['2026-06-01'], today: '2027-01-01' }, { lastHeldOn: '2026-06-01', nextDueOn: '2027-12-31', isOverdue: false }],
    ['twice a year, on New Year’s Day after a full year', { yearlyTarget: 2, meetingDates: ['2026-03-01', '2026-10-01'], today: '2027-01-01' }, { nextDueOn: '2027-06-30', isOverdue: false }],
    ['a meeting at 00:30 on New Year’s Day (UTC in the record) counts for the new year', { yearlyTarget: 1, meetingDates: ['2026-12-31T23:30:00Z'], today: '2027-01-01' }, { lastHeldOn: '2027-01-01', nextDueOn: '2028-12-31' }],
    ['a planned meeting is no held meeting', { yearlyTarget: 1, meetingDates: ['2026-12-15'] }, { nextPlannedOn: '2026-12-15', nextDueOn: '2026-12-31', isOverdue: false }],
    ['no number recorded: once a year, the note’s lower bound', { yearlyTarget: null, today: '2026-11-30' }, { nextDueOn: '2026-12-31', isOverdue: false }],
    ['a development area agreement sets the number', { yearlyTarget: 1, today: '2026-05-01', developmentAgreement: { isExempt: false, reason: null, expectedPerYear: 3 } }, { nextDueOn: '2026-04-30', isOverdue: true }],
    ['a development area where it was agreed not to hold one', { yearlyTarget: 3, developmentAgreement: { isExempt: true, reason: 'Loopt mee in het wijkontwikkelingsprogramma.' } }, { isExempt: true, exemptReason: 'Loopt mee in het wijkontwikkelingsprogramma.', nextDueOn: null, isOverdue: false }],
  ])('%s', (_label, input, expected) => {
    expect(statusOf('wijkwerkoverleg', input)).toMatchObject(expected);
  });

  it('says where the number comes from', () => {
    expect(statusOf('wijkwerkoverleg', { yearlyTarget: null }).explanation.nl).toContain('het aantal voor deze wijk is nog niet vastgelegd');
    expect(statusOf('wijkwerkoverleg', { yearlyTarget: 2 }).explanation.en).toBe('Twice a year (as recorded for this neighbourhood); 0 held in 2026. The next one is due by Tuesday 30 June 2026. That date has passed.');
    expect(statusOf('wijkwerkoverleg', { yearlyTarget: 2, developmentAgreement: { isExempt: false, reason: null, expectedPerYear: 1 } }).explanation.nl).toContain('zoals afgesproken voor deze ontwikkelingswijk');
    expect(statusOf('wijkwerkoverleg', { yearlyTarget: 1, meetingDates: ['2026-04-01'] }).explanation.nl).toBe(
      '1 keer per jaar (zoals voor deze wijk vastgelegd); in 2026 1 gehouden. Het doel voor 2026 is gehaald; het volgende is aan de beurt uiterlijk vrijdag 31 december 2027.',
    );
  });
});

describe('wijkbezoek: once per college term', () => {
  it.each<[string, Case, Partial<FrequencyStatus>]>([
    ['none in this term: due by its last day', {}, { lastHeldOn: null, nextDueOn: '2030-05-31', isOverdue: false }],
    ['one in the previous term does not count for this one', { meetingDates: ['2025-09-20'] }, { lastHeldOn: '2025-09-20', nextDueOn: '2030-05-31', isOverdue: false }],
    ['held in this term, the next term not recorded yet', { meetingDates: ['2026-09-12'] }, { lastHeldOn: '2026-09-12', nextDueOn: null, isOverdue: false }],
    ['held in this term, the next term recorded', { meetingDates: ['2026-09-12'], terms: [previousTerm, currentTerm, nextTerm] }, { nextDueOn: '2034-05-31', isOverdue: false }],
    ['planned in this term, not held yet', { meetingDates: ['2027-05-12'] }, { nextPlannedOn: '2027-05-12', nextDueOn: '2030-05-31', isOverdue: false }],
    ['held on the last day of the previous term, first day of the new one', { meetingDates: ['2026-05-31'], today: '2026-06-01' }, { nextDueOn: '2030-05-31' }],
    ['held on the first day of the new term', { meetingDates: ['2026-06-01'], today: '2026-06-01' }, { nextDueOn: null }],
    ['on the last day of the previous term, none held in it', { today: '2026-05-31' }, { nextDueOn: '2026-05-31', isOverdue: false }],
    // 22:30 UTC on 31 May is half past midnight on 1 June in Helmond (summer time): the new term.
    ['a visit at 00:30 on the new term’s first day, stored in UTC', { meetingDates: ['2026-05-31T22:30:00Z'], today: '2026-11-30' }, { lastHeldOn: '2026-06-01', nextDueOn: null }],
    ['terms that share a day: the day belongs to the new term', { meetingDates: ['2026-06-01'], terms: [{ startsOn: '2022-06-01', endsOn: '2026-06-01' }, currentTerm] }, { nextDueOn: null }],
    ['no term recorded that includes today', { terms: [previousTerm] }, { nextDueOn: null, isOverdue: false }],
    ['a development area agreement never decides on the wijkbezoek', { developmentAgreement: { isExempt: true, reason: 'Eigen traject.', expectedPerYear: 2 } }, { isExempt: false, exemptReason: null, nextDueOn: '2030-05-31' }],
  ])('%s', (_label, input, expected) => {
    expect(statusOf('wijkbezoek', input)).toMatchObject(expected);
  });

  it('explains the term and what is missing', () => {
    expect(statusOf('wijkbezoek', {}).explanation).toEqual({
      nl: 'Eens per collegeperiode (maandag 1 juni 2026 tot en met vrijdag 31 mei 2030). In deze periode 0 gehouden; het volgende uiterlijk vrijdag 31 mei 2030.',
      en: 'Once per college term (Monday 1 June 2026 to Friday 31 May 2030). 0 held in this term; the next one is due by Friday 31 May 2030.',
    });
    expect(statusOf('wijkbezoek', { terms: [] }).explanation.nl).toContain('een beheerder kan de periodes invullen');
  });
});

describe('meetings outside the structure', () => {
  it.each<MeetingKindCode>(['bilateral', 'ad_hoc'])('%s is never due, whatever was agreed', (code) => {
    expect(statusOf(code, { meetingDates: ['2026-01-01', '2027-01-01'], developmentAgreement: { isExempt: true, reason: 'x' } })).toEqual({
      lastHeldOn: '2026-01-01',
      nextPlannedOn: '2027-01-01',
      nextDueOn: null,
      isOverdue: false,
      isExempt: false,
      exemptReason: null,
      explanation: { nl: 'Voor dit soort overleg geldt geen vaste frequentie.', en: 'This kind of meeting has no fixed frequency.' },
    });
  });
});

describe('a second wijkbezoek in one term', () => {
  const twicePerTerm: FrequencyKind = { code: 'wijkbezoek', frequencyRule: 'per_council_term', frequencyValue: 2 };
  it.each<[string, FrequencyKind, string[], Term[], string, boolean]>([
    ['the first in this term', kind('wijkbezoek'), [], terms, '2027-05-12', false],
    ['after one in the previous term', kind('wijkbezoek'), ['2025-09-20'], terms, '2027-05-12', false],
    ['after one earlier in this term', kind('wijkbezoek'), ['2026-09-12'], terms, '2027-05-12', true],
    ['before one planned later in this term', kind('wijkbezoek'), ['2029-04-01'], terms, '2027-05-12', true],
    ['on the previous term’s last day, after one in that term', kind('wijkbezoek'), ['2025-09-20'], terms, '2026-05-31', true],
    ['on the new term’s first day, after one in the previous term', kind('wijkbezoek'), ['2025-09-20'], terms, '2026-06-01', false],
    ['at 00:30 on the new term’s first day, stored in UTC', kind('wijkbezoek'), ['2025-09-20'], terms, '2026-05-31T22:30:00Z', false],
    ['at 23:30 on the previous term’s last day, stored in UTC', kind('wijkbezoek'), ['2025-09-20'], terms, '2026-05-31T21:30:00Z', true],
    ['terms sharing a day: that day is the new term', kind('wijkbezoek'), ['2026-06-01'], [{ startsOn: '2022-06-01', endsOn: '2026-06-01' }, currentTerm], '2026-05-20', false],
    ['a day in no recorded term', kind('wijkbezoek'), ['2026-09-12'], [previousTerm], '2027-05-12', false],
    ['a kind held twice per term, once so far', twicePerTerm, ['2026-09-12'], terms, '2027-05-12', false],
    ['a kind held twice per term, twice so far', twicePerTerm, ['2026-09-12', '2028-09-12'], terms, '2029-05-12', true],
    ['a wijktafel has no term limit', kind('wijktafel'), ['2026-09-12', '2027-01-01'], terms, '2027-05-12', false],
    ['a wijkwerkoverleg has no term limit', kind('wijkwerkoverleg'), ['2026-09-12'], terms, '2026-12-12', false],
  ])('%s', (_label, frequencyKind, meetingDates, termList, plannedOn, expected) => {
    expect(exceedsTermLimit(frequencyKind, meetingDates, termList, plannedOn)).toBe(expected);
  });
});

describe('dates without time-zone surprises', () => {
  it.each<[string, string]>([
    ['2026-12-31', '2026-12-31'],
    ['2026-12-31T22:59:59Z', '2026-12-31'],
    ['2026-12-31T23:00:00Z', '2027-01-01'],
    ['2026-06-30T21:59:59Z', '2026-06-30'],
    ['2026-06-30T22:00:00Z', '2026-07-01'],
    ['2026-07-01T00:30:00+02:00', '2026-07-01'],
  ])('%s is %s in Helmond', (value, expected) => {
    expect(calendarDateOf(value)).toBe(expected);
  });

  it.each<[string, number, string]>([
    ['2024-02-29', 2, '2026-02-28'],
    ['2024-02-29', 4, '2028-02-29'],
    ['2026-12-31', 2, '2028-12-31'],
    ['2026-01-01', 1, '2027-01-01'],
  ])('%s plus %i years is %s', (date, years, expected) => {
    expect(addYears(date, years)).toBe(expected);
  });

  it('finds the term of a day, the newer one where two share it', () => {
    const touching = [{ startsOn: '2022-06-01', endsOn: '2026-06-01' }, currentTerm];
    expect(termOf('2026-05-31', touching)).toBe(touching[0]);
    expect(termOf('2026-06-01', touching)).toBe(currentTerm);
    expect(termOf('2030-06-01', terms)).toBeNull();
  });
});
