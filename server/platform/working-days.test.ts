import { describe, expect, it } from 'vitest';
import { addWeeks, addWorkingDays, dateInAmsterdam, isWorkingDay, workingDaysBetween } from './working-days.ts';

describe('working days', () => {
  it.each([
    ['2026-04-27', 'Koningsdag (a Monday in 2026)'],
    ['2026-05-14', 'Hemelvaartsdag'],
    ['2026-05-25', 'Tweede pinksterdag'],
    ['2026-12-25', 'Kerstmis'],
    ['2026-12-26', 'Tweede kerstdag (a Saturday)'],
    ['2027-01-01', 'Nieuwjaar'],
    ['2026-04-06', 'Tweede paasdag'],
    ['2026-11-28', 'a Saturday'],
  ])('%s is no working day: %s', (date) => {
    expect(isWorkingDay(date)).toBe(false);
  });

  it('counts an ordinary weekday, and a day the municipality closes extra', () => {
    expect(isWorkingDay('2026-11-27')).toBe(true);
    expect(isWorkingDay('2030-05-06')).toBe(true);
    expect(isWorkingDay('2030-05-06', new Set(['2030-05-06']))).toBe(false);
  });

  it.each([
    // start (exclusive), working days, deadline
    ['2026-11-23', 5, '2026-11-30', 'a plain week: Monday + 5 = next Monday'],
    ['2026-04-22', 5, '2026-04-30', 'across Koningsdag'],
    ['2026-05-11', 5, '2026-05-19', 'across Hemelvaartsdag'],
    ['2026-05-20', 5, '2026-05-28', 'across Tweede pinksterdag'],
    ['2026-12-21', 5, '2026-12-29', 'across Christmas (25th Friday, 26th Saturday)'],
    ['2026-12-24', 20, '2027-01-25', 'twenty working days across Christmas and New Year'],
    ['2026-11-28', 1, '2026-11-30', 'submitted on a Saturday'],
  ])('from %s, %i working days is %s (%s)', (start, days, expected) => {
    expect(addWorkingDays(start, days)).toBe(expected);
    expect(workingDaysBetween(start, expected)).toBe(days);
  });

  it('counts backwards as negative and knows the Dutch date of a moment', () => {
    expect(workingDaysBetween('2026-11-30', '2026-11-23')).toBe(-5);
    // 23:30 UTC on 31 December is already New Year's Day in Amsterdam.
    expect(dateInAmsterdam(new Date('2026-12-31T23:30:00Z'))).toBe('2027-01-01');
    expect(addWeeks('2026-11-28', 8)).toBe('2027-01-23');
  });
});
