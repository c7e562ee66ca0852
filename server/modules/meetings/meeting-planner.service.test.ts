import { describe, expect, it } from 'vitest';
import { amsterdamMoment } from './meeting-planner.service.ts';

describe('a day and a clock time in Helmond as a moment', () => {
  it.each([
    ['winter time (UTC+1)', '2027-01-12', '19:30', '2027-01-12T18:30:00.000Z'],
    ['summer time (UTC+2)', '2027-06-15', '19:30', '2027-06-15T17:30:00.000Z'],
    ['the day after summer time starts', '2027-03-29', '13:00', '2027-03-29T11:00:00.000Z'],
    ['the day after winter time starts', '2027-11-01', '21:30', '2027-11-01T20:30:00.000Z'],
  ])('%s', (_label, date, time, expected) => {
    expect(amsterdamMoment(date, time).toISOString()).toBe(expected);
  });
});
