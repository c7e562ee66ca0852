import { addDays, type CalendarDate } from '../../platform/working-days.ts';
import { isFinished, type ProgressStatus } from './action-plan-progress.rules.ts';

// The rhythm of an adopted wijkactieplan: progress reports to the neighbourhood council at an interval the
// municipality chooses, reminders to owners before an action's deadline, and who has sent in a contribution while
// the plan was collected. Pure: today is passed in, so the scheduler's daily run and the tests agree to the day.

export interface ReportPeriod {
  /** 1 for the first period after adoption. */
  number: number;
  periodStartsOn: CalendarDate;
  periodEndsOn: CalendarDate;
  /** The last day on which the report is on time. */
  dueOn: CalendarDate;
}

function lastDayOfMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/**
 * The same day `months` later; a day the target month lacks becomes its last day (31 January + 1 month is
 * 28 or 29 February), as people count "a month after".
 */
export function addMonths(date: CalendarDate, months: number): CalendarDate {
  const [year, month, day] = date.split('-').map(Number) as [number, number, number];
  const monthIndex = year * 12 + (month - 1) + months;
  const targetYear = Math.floor(monthIndex / 12);
  const targetMonth = (monthIndex % 12) + 1;
  const targetDay = Math.min(day, lastDayOfMonth(targetYear, targetMonth));
  return `${String(targetYear).padStart(4, '0')}-${String(targetMonth).padStart(2, '0')}-${String(targetDay).padStart(2, '0')}`;
}

/**
 * The report periods that have ended by today (today is after their last day), oldest first. Each period starts
 * `intervalMonths` after adoption counted from the adoption day itself rather than from the previous period, so a
 * plan adopted on 31 January keeps reporting from the 31st (or the month's last day) instead of drifting to the 28th.
 * The last period is cut at the end of the plan, and nothing is reported after it.
 */
export function reportPeriodsUntil(adoptedOn: CalendarDate, intervalMonths: number, planEndsOn: CalendarDate, today: CalendarDate, graceDays = 10): ReportPeriod[] {
  // The contract limits the interval; a value outside it here is a programming error, not a user's.
  if (!Number.isInteger(intervalMonths) || intervalMonths < 1 || intervalMonths > 12) throw new RangeError(`intervalMonths must be a whole number from 1 to 12, not ${intervalMonths}`);
  const periods: ReportPeriod[] = [];
  for (let number = 1; ; number++) {
    const periodStartsOn = addMonths(adoptedOn, (number - 1) * intervalMonths);
    if (periodStartsOn > planEndsOn) break;
    const dayBeforeNext = addDays(addMonths(adoptedOn, number * intervalMonths), -1);
    const periodEndsOn = dayBeforeNext < planEndsOn ? dayBeforeNext : planEndsOn;
    if (today <= periodEndsOn) break;
    periods.push({ number, periodStartsOn, periodEndsOn, dueOn: addDays(periodEndsOn, graceDays) });
  }
  return periods;
}

/** A report is late when it was not sent by its due day: still unsent after it, or sent after it. */
export function isReportLate(period: ReportPeriod, sentOn: CalendarDate | null, today: CalendarDate): boolean {
  return sentOn === null ? today > period.dueOn : sentOn > period.dueOn;
}

/**
 * Whether to remind an action's owner of its deadline today. Once only, from `daysBefore` days before the deadline up
 * to the deadline itself: a scheduler that missed a day (or the first run after a deploy) still sends it, late rather
 * than never. Finished actions need no reminder.
 */
export function isDeadlineReminderDue(deadlineOn: CalendarDate | null, status: ProgressStatus, today: CalendarDate, alreadyReminded: boolean, daysBefore = 14): boolean {
  if (deadlineOn === null || alreadyReminded || isFinished(status)) return false;
  return addDays(deadlineOn, -daysBefore) <= today && today <= deadlineOn;
}

export type ContributionStatus = 'contributed' | 'pending' | 'late';

/** Where an invited party stands: a contribution sent counts whenever it came; without one, late after the due day. */
export function contributionStatusOf(invitation: { dueOn: CalendarDate; contributedAt: string | null }, today: CalendarDate): ContributionStatus {
  if (invitation.contributedAt !== null) return 'contributed';
  return today > invitation.dueOn ? 'late' : 'pending';
}
