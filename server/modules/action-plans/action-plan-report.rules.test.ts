import { describe, expect, it } from 'vitest';
import type { ProgressStatus } from './action-plan-progress.rules.ts';
import { addMonths, contributionStatusOf, isDeadlineReminderDue, isReportLate, type ReportPeriod, reportPeriodsUntil } from './action-plan-report.rules.ts';

describe('adding months', () => {
  it.each<[string, number, string]>([
    ['2027-01-15', 1, '2027-02-15'],
    ['2027-01-31', 1, '2027-02-28'],
    ['2028-01-31', 1, '2028-02-29'],
    ['2027-01-31', 2, '2027-03-31'],
    ['2027-03-31', 1, '2027-04-30'],
    ['2027-11-30', 3, '2028-02-29'],
    ['2027-12-31', 12, '2028-12-31'],
    ['2027-08-31', 6, '2028-02-29'],
    ['2027-03-31', -1, '2027-02-28'],
  ])('%s + %i months = %s', (date, months, expected) => {
    expect(addMonths(date, months)).toBe(expected);
  });
});

describe('report periods', () => {
  const quarterly = (today: string) => reportPeriodsUntil('2027-01-01', 3, '2027-12-31', today);

  it('nothing before the first period has ended', () => {
    expect(quarterly('2027-03-31')).toEqual([]);
  });

  it('the first quarter ends the day before the second starts; due ten days later', () => {
    expect(quarterly('2027-04-01')).toEqual([{ number: 1, periodStartsOn: '2027-01-01', periodEndsOn: '2027-03-31', dueOn: '2027-04-10' }]);
  });

  it('a whole year of quarters, and none after the plan ends', () => {
    const expected = [
      { number: 1, periodStartsOn: '2027-01-01', periodEndsOn: '2027-03-31', dueOn: '2027-04-10' },
      { number: 2, periodStartsOn: '2027-04-01', periodEndsOn: '2027-06-30', dueOn: '2027-07-10' },
      { number: 3, periodStartsOn: '2027-07-01', periodEndsOn: '2027-09-30', dueOn: '2027-10-10' },
      { number: 4, periodStartsOn: '2027-10-01', periodEndsOn: '2027-12-31', dueOn: '2028-01-10' },
    ];
    expect(quarterly('2028-01-01')).toEqual(expected);
    expect(quarterly('2030-06-01')).toEqual(expected);
  });

  it('the last period is cut at the end of the plan', () => {
    expect(reportPeriodsUntil('2027-03-15', 6, '2027-12-31', '2028-01-05')).toEqual([
      { number: 1, periodStartsOn: '2027-03-15', periodEndsOn: '2027-09-14', dueOn: '2027-09-24' },
      { number: 2, periodStartsOn: '2027-09-15', periodEndsOn: '2027-12-31', dueOn: '2028-01-10' },
    ]);
  });

  it('a cut period has not ended on the plan’s last day', () => {
    expect(reportPeriodsUntil('2027-03-15', 6, '2027-12-31', '2027-12-31')).toHaveLength(1);
  });

  it('adopted on 31 January, monthly: the month’s last day when it lacks the 31st, without drifting', () => {
    expect(reportPeriodsUntil('2027-01-31', 1, '2027-12-31', '2027-05-01').map((period) => [period.periodStartsOn, period.periodEndsOn])).toEqual([
      ['2027-01-31', '2027-02-27'],
      ['2027-02-28', '2027-03-30'],
      ['2027-03-31', '2027-04-29'],
    ]);
  });

  it('a yearly interval and a grace period of its own', () => {
    expect(reportPeriodsUntil('2027-01-01', 12, '2028-12-31', '2029-01-01', 30)).toEqual([
      { number: 1, periodStartsOn: '2027-01-01', periodEndsOn: '2027-12-31', dueOn: '2028-01-30' },
      { number: 2, periodStartsOn: '2028-01-01', periodEndsOn: '2028-12-31', dueOn: '2029-01-30' },
    ]);
  });

  it('a plan that ends before it was adopted has no periods', () => {
    expect(reportPeriodsUntil('2027-06-01', 3, '2027-05-31', '2028-01-01')).toEqual([]);
  });

  it.each([0, 13, 1.5])('refuses an interval of %s months', (intervalMonths) => {
    expect(() => reportPeriodsUntil('2027-01-01', intervalMonths, '2027-12-31', '2028-01-01')).toThrow(RangeError);
  });
});

describe('late reports', () => {
  const period: ReportPeriod = { number: 1, periodStartsOn: '2027-01-01', periodEndsOn: '2027-03-31', dueOn: '2027-04-10' };
  it.each<[string, string | null, string, boolean]>([
    ['not sent, before the due day', null, '2027-04-05', false],
    ['not sent, on the due day', null, '2027-04-10', false],
    ['not sent, the day after', null, '2027-04-11', true],
    ['sent on the due day', '2027-04-10', '2027-05-01', false],
    ['sent the day after the due day stays late', '2027-04-11', '2027-05-01', true],
    ['sent early', '2027-03-31', '2027-04-20', false],
  ])('%s', (_label, sentOn, today, expected) => {
    expect(isReportLate(period, sentOn, today)).toBe(expected);
  });
});

describe('deadline reminders', () => {
  it.each<[string, string | null, ProgressStatus, string, boolean, number | undefined, boolean]>([
    ['15 days before: not yet', '2027-06-30', 'on_track', '2027-06-15', false, undefined, false],
    ['14 days before: due', '2027-06-30', 'on_track', '2027-06-16', false, undefined, true],
    ['a missed day is made up later', '2027-06-30', 'at_risk', '2027-06-25', false, undefined, true],
    ['on the deadline itself', '2027-06-30', 'delayed', '2027-06-30', false, undefined, true],
    ['after the deadline: no more reminders', '2027-06-30', 'on_track', '2027-07-01', false, undefined, false],
    ['already reminded', '2027-06-30', 'on_track', '2027-06-20', true, undefined, false],
    ['done', '2027-06-30', 'done', '2027-06-20', false, undefined, false],
    ['dropped', '2027-06-30', 'dropped', '2027-06-20', false, undefined, false],
    ['no deadline', null, 'not_started', '2027-06-20', false, undefined, false],
    ['a window of 7 days', '2027-06-30', 'on_track', '2027-06-22', false, 7, false],
    ['a window of 7 days, its first day', '2027-06-30', 'on_track', '2027-06-23', false, 7, true],
    ['across the year end', '2028-01-05', 'not_started', '2027-12-22', false, undefined, true],
  ])('%s', (_label, deadlineOn, status, today, alreadyReminded, daysBefore, expected) => {
    expect(isDeadlineReminderDue(deadlineOn, status, today, alreadyReminded, daysBefore)).toBe(expected);
  });
});

describe('contributions', () => {
  it.each<[string, string | null, string, 'contributed' | 'pending' | 'late']>([
    ['nothing yet, before the due day', null, '2027-02-10', 'pending'],
    ['nothing yet, on the due day', null, '2027-02-14', 'pending'],
    ['nothing after the due day', null, '2027-02-15', 'late'],
    ['sent in time', '2027-02-01T10:00:00Z', '2027-03-01', 'contributed'],
    ['sent after the due day still counts as contributed', '2027-02-20T10:00:00Z', '2027-03-01', 'contributed'],
  ])('%s', (_label, contributedAt, today, expected) => {
    expect(contributionStatusOf({ dueOn: '2027-02-14', contributedAt }, today)).toBe(expected);
  });
});
