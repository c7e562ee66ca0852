import Holidays from 'date-holidays';

/**
 * Working-day arithmetic for deadlines ("acknowledge within 5 working days"): weekends and Dutch public
 * holidays (Nieuwjaar, Pasen, Koningsdag, Hemelvaart, Pinksteren, Kerstmis…) do not count. A
 * municipality may close on more days (e.g. Bevrijdingsdag in lustrum years): pass them as extra.
 * Dates are calendar dates in Europe/Amsterdam, written YYYY-MM-DD.
 */
export type CalendarDate = string;

const holidays = new Holidays('NL');
const holidaysByYear = new Map<number, Set<CalendarDate>>();

function publicHolidays(year: number): Set<CalendarDate> {
  let dates = holidaysByYear.get(year);
  if (!dates) {
    dates = new Set(
      holidays
        .getHolidays(year)
        .filter((holiday) => holiday.type === 'public')
        .map((holiday) => holiday.date.slice(0, 10)),
    );
    holidaysByYear.set(year, dates);
  }
  return dates;
}

const amsterdamDate = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Amsterdam', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar date in the Netherlands at this moment. */
export function dateInAmsterdam(moment: Date): CalendarDate {
  return amsterdamDate.format(moment);
}

function shift(date: CalendarDate, days: number): CalendarDate {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

export function isWorkingDay(date: CalendarDate, extraClosedDates: ReadonlySet<CalendarDate> = new Set()): boolean {
  const weekday = new Date(`${date}T12:00:00Z`).getUTCDay();
  if (weekday === 0 || weekday === 6) return false;
  return !publicHolidays(Number(date.slice(0, 4))).has(date) && !extraClosedDates.has(date);
}

/** The date `count` working days after `start` (the start day itself does not count). */
export function addWorkingDays(start: CalendarDate, count: number, extraClosedDates: ReadonlySet<CalendarDate> = new Set()): CalendarDate {
  let date = start;
  let remaining = count;
  while (remaining > 0) {
    date = shift(date, 1);
    if (isWorkingDay(date, extraClosedDates)) remaining--;
  }
  return date;
}

/** Working days from `start` (exclusive) up to and including `end`; negative when `end` is earlier. */
export function workingDaysBetween(start: CalendarDate, end: CalendarDate, extraClosedDates: ReadonlySet<CalendarDate> = new Set()): number {
  if (end < start) return -workingDaysBetween(end, start, extraClosedDates);
  let count = 0;
  for (let date = shift(start, 1); date <= end; date = shift(date, 1)) if (isWorkingDay(date, extraClosedDates)) count++;
  return count;
}

/** The date `weeks` calendar weeks after `start`. */
export function addWeeks(start: CalendarDate, weeks: number): CalendarDate {
  return shift(start, weeks * 7);
}

/** The date `days` calendar days after `start`. */
export function addDays(start: CalendarDate, days: number): CalendarDate {
  return shift(start, days);
}
