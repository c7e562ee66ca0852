import { addDays, type CalendarDate } from '../../platform/working-days.ts';

// Monitoring an adopted wijkactieplan: which actions need attention, how far each indicator has moved, and the
// roll-up per challenge and for the whole plan that the council sees in its progress report. Pure: today is passed in.

export const progressStatuses = ['not_started', 'on_track', 'at_risk', 'delayed', 'done', 'dropped'] as const;
export type ProgressStatus = (typeof progressStatuses)[number];

export interface ProgressAction {
  id: string;
  challengeId: string;
  status: ProgressStatus;
  startsOn: CalendarDate | null;
  deadlineOn: CalendarDate | null;
  baseline: number | null;
  target: number | null;
  currentValue: number | null;
}

/** Finished actions, done or dropped, need no more attention and can no longer be late. */
export function isFinished(status: ProgressStatus): boolean {
  return status === 'done' || status === 'dropped';
}

/** Past its deadline and not finished; the deadline day itself still counts as on time. */
export function isOverdue(action: ProgressAction, today: CalendarDate): boolean {
  return action.deadlineOn !== null && action.deadlineOn < today && !isFinished(action.status);
}

export type AttentionReason = 'overdue' | 'at_risk' | 'delayed' | 'deadline_soon';

/**
 * Why an action shows on the attention list, or null. Overdue wins over what the owner reported, because a missed
 * deadline is a fact and the status an opinion; an action already flagged at risk or delayed is not also "soon".
 */
export function attentionOf(action: ProgressAction, today: CalendarDate, soonDays = 14): AttentionReason | null {
  if (isFinished(action.status)) return null;
  if (isOverdue(action, today)) return 'overdue';
  if (action.status === 'at_risk' || action.status === 'delayed') return action.status;
  if (action.deadlineOn !== null && action.deadlineOn <= addDays(today, soonDays)) return 'deadline_soon';
  return null;
}

/**
 * The fraction of the way from baseline to target, 0..1. Works for decreasing targets too (40 burglaries down to 10:
 * at 25 it is halfway). Overshooting counts as 1 and moving the wrong way as 0, so one action cannot distort the mean.
 */
export function indicatorProgress(baseline: number | null, target: number | null, current: number | null): number | null {
  if (baseline === null || target === null || current === null || target === baseline) return null;
  const fraction = (current - baseline) / (target - baseline);
  return Math.min(1, Math.max(0, fraction));
}

export interface Rollup {
  total: number;
  /** The total minus dropped actions: a dropped action is no longer part of what was promised. */
  counted: number;
  byStatus: Record<ProgressStatus, number>;
  overdue: number;
  /** Done as a percentage of counted, rounded; null when nothing is counted. */
  percentDone: number | null;
  /** The mean indicator progress of counted actions that have one, as a rounded percentage; null when none has. */
  indicatorPercent: number | null;
}

function rollUpGroup(actions: ProgressAction[], today: CalendarDate): Rollup {
  const byStatus = Object.fromEntries(progressStatuses.map((status) => [status, 0])) as Record<ProgressStatus, number>;
  for (const action of actions) byStatus[action.status]++;
  const counted = actions.filter((action) => action.status !== 'dropped');
  const indicators = counted
    .map((action) => indicatorProgress(action.baseline, action.target, action.currentValue))
    .filter((progress): progress is number => progress !== null);
  const mean = indicators.length === 0 ? null : indicators.reduce((sum, progress) => sum + progress, 0) / indicators.length;
  return {
    total: actions.length,
    counted: counted.length,
    byStatus,
    overdue: actions.filter((action) => isOverdue(action, today)).length,
    percentDone: counted.length === 0 ? null : Math.round((byStatus.done / counted.length) * 100),
    indicatorPercent: mean === null ? null : Math.round(mean * 100),
  };
}

/** The roll-up for the whole plan and per challenge; every challenge with an action gets an entry. */
export function rollUp(actions: ProgressAction[], today: CalendarDate): { plan: Rollup; challenges: Record<string, Rollup> } {
  const byChallenge = new Map<string, ProgressAction[]>();
  for (const action of actions) byChallenge.set(action.challengeId, [...(byChallenge.get(action.challengeId) ?? []), action]);
  const challenges: Record<string, Rollup> = {};
  for (const [challengeId, group] of byChallenge) challenges[challengeId] = rollUpGroup(group, today);
  return { plan: rollUpGroup(actions, today), challenges };
}

export interface ProgressUpdate {
  status: ProgressStatus;
  reason: string | null;
  currentValue: number | null;
}

/**
 * Field problems in a progress update. Dropping an action breaks a promise made at the wijktafel, so the council is
 * owed a reason. A 'done' update keeps whatever current value it carries: the service stores it as given.
 */
export function checkProgressUpdate(update: ProgressUpdate): { field: string; code: string }[] {
  const problems: { field: string; code: string }[] = [];
  if (update.status === 'dropped' && (update.reason === null || update.reason.trim() === '')) problems.push({ field: 'reason', code: 'dropReasonRequired' });
  return problems;
}
