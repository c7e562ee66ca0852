import { addWorkingDays, type CalendarDate } from '../../platform/working-days.ts';

export const dayKinds = ['working', 'calendar'] as const;
export type DayKind = (typeof dayKinds)[number];

/** An extra question a category asks (an Open311 attribute). */
export interface ReportQuestion {
  code: string;
  question: string;
  questionEn?: string;
  kind: 'text' | 'singlevaluelist';
  isRequired: boolean;
  options?: { key: string; name: string; nameEn?: string }[];
}

export interface HandlingTerm {
  handlingDays: number | null;
  dayKind: DayKind;
}

function addCalendarDays(date: CalendarDate, days: number): CalendarDate {
  const next = new Date(`${date}T12:00:00Z`);
  next.setUTCDate(next.getUTCDate() + days);
  return next.toISOString().slice(0, 10);
}

/**
 * The date a report must be handled by: the category's term counted from the day it came in, in working days
 * (weekends and Dutch public holidays skipped) or calendar days as the category says. No term, no deadline.
 */
export function handleByFor(reportedOn: CalendarDate, term: HandlingTerm, extraClosedDates?: ReadonlySet<CalendarDate>): CalendarDate | null {
  if (term.handlingDays === null) return null;
  return term.dayKind === 'working' ? addWorkingDays(reportedOn, term.handlingDays, extraClosedDates) : addCalendarDays(reportedOn, term.handlingDays);
}

/** How far past its deadline an open report is, as a multiple of its term ("three times overdue" ≥ 3). */
export function overdueFactor(reportedOn: CalendarDate, handleBy: CalendarDate | null, today: CalendarDate): number {
  if (!handleBy || today <= handleBy) return 0;
  const term = Math.max(1, daysBetween(reportedOn, handleBy));
  return daysBetween(reportedOn, today) / term;
}

function daysBetween(from: CalendarDate, to: CalendarDate): number {
  return Math.round((Date.parse(`${to}T12:00:00Z`) - Date.parse(`${from}T12:00:00Z`)) / 86_400_000);
}

/** The answers to a category's questions: every required one given, a list answer one of its options. */
export function checkAnswers(questions: readonly ReportQuestion[], answers: Record<string, string>): { field: string; code: string }[] {
  const problems: { field: string; code: string }[] = [];
  const known = new Set(questions.map((question) => question.code));
  for (const code of Object.keys(answers)) if (!known.has(code)) problems.push({ field: `body.answers.${code}`, code: 'unknownQuestion' });
  for (const question of questions) {
    const answer = answers[question.code]?.trim() ?? '';
    if (!answer) {
      if (question.isRequired) problems.push({ field: `body.answers.${question.code}`, code: 'required' });
    } else if (question.kind === 'singlevaluelist' && !question.options?.some((option) => option.key === answer)) {
      problems.push({ field: `body.answers.${question.code}`, code: 'notAnOption' });
    }
  }
  return problems;
}
