import { describe, expect, it } from 'vitest';
import { readableDate, readableMoment } from './readable-date.ts';

describe('readableDate', () => {
  it.each([
    ['2026-12-04', 'nl', 'vrijdag 4 december 2026'],
    ['2026-12-04', 'en', 'Friday 4 December 2026'],
    ['2026-07-13', 'nl', 'maandag 13 juli 2026'],
  ] as const)('reads the calendar day %s in %s as "%s"', (day, language, expected) => {
    expect(readableDate(day, language)).toBe(expected);
  });

  it('reads a moment as its day in Amsterdam, not in UTC', () => {
    // 23:30 UTC on Thursday is 00:30 on Friday in Amsterdam (winter time, UTC+1).
    expect(readableDate(new Date('2026-12-03T23:30:00Z'), 'nl')).toBe('vrijdag 4 december 2026');
    expect(readableDate(new Date('2026-12-03T23:30:00Z'), 'en')).toBe('Friday 4 December 2026');
  });

  it('returns anything that is not a date as it came, never throws', () => {
    expect(readableDate('soon', 'nl')).toBe('soon');
    expect(readableDate('2026-13-45', 'en')).toBe('2026-13-45');
  });
});

describe('readableMoment', () => {
  it('adds the time on the Amsterdam clock, summer and winter', () => {
    expect(readableMoment(new Date('2026-12-02T13:05:00Z'), 'nl')).toBe('woensdag 2 december 2026 om 14:05');
    expect(readableMoment(new Date('2026-12-02T13:05:00Z'), 'en')).toBe('Wednesday 2 December 2026 at 14:05');
    expect(readableMoment(new Date('2026-07-01T07:00:00Z'), 'nl')).toBe('woensdag 1 juli 2026 om 09:00');
  });
});
