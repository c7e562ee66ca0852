/**
 * The life of a report (melding): pure, no database. reported → accepted → in progress → planned → done, or
 * cancelled, or forwarded to an external party; a closed report can be reopened; a duplicate is merged into its
 * original and ends there.
 */
export const reportStatuses = ['reported', 'accepted', 'in_progress', 'planned', 'done', 'cancelled', 'forwarded', 'reopened', 'merged'] as const;
export type ReportStatus = (typeof reportStatuses)[number];

export const reportPriorities = ['low', 'normal', 'high'] as const;
export type ReportPriority = (typeof reportPriorities)[number];

/** The statuses staff can set by hand; merged is the result of merging, never set directly. */
export const settableStatuses = ['accepted', 'in_progress', 'planned', 'done', 'cancelled', 'forwarded', 'reopened'] as const satisfies readonly ReportStatus[];
export type SettableStatus = (typeof settableStatuses)[number];

const handling = ['accepted', 'in_progress', 'planned', 'done', 'cancelled', 'forwarded'] as const;

/** From each status, where it may go next. */
const nextStatuses: Record<ReportStatus, readonly ReportStatus[]> = {
  reported: handling,
  accepted: ['in_progress', 'planned', 'done', 'cancelled', 'forwarded'],
  in_progress: ['planned', 'done', 'cancelled', 'forwarded'],
  planned: ['in_progress', 'done', 'cancelled', 'forwarded'],
  // The external party may report back that it is done; else the municipality takes it back by reopening.
  forwarded: ['done', 'reopened'],
  done: ['reopened'],
  cancelled: ['reopened'],
  reopened: handling,
  merged: [],
};

/** Done, cancelled, forwarded and merged: out of the municipality's hands (Open311 "closed"). */
export const closedStatuses: readonly ReportStatus[] = ['done', 'cancelled', 'forwarded', 'merged'];

export function isClosed(status: ReportStatus): boolean {
  return closedStatuses.includes(status);
}

export function canMoveTo(from: ReportStatus, to: ReportStatus): boolean {
  return nextStatuses[from].includes(to);
}

/** The statuses a report may be given next, in the order the back office lists them. */
export function statusesAfter(from: ReportStatus): ReportStatus[] {
  return [...nextStatuses[from]];
}

/** Only an open report can be merged into another, and only into an open one that is not itself merged. */
export function canMerge(duplicate: ReportStatus, original: ReportStatus): boolean {
  return !isClosed(duplicate) && !isClosed(original);
}

/** Open311 GeoReport v2 knows two statuses. */
export function open311StatusOf(status: ReportStatus): 'open' | 'closed' {
  return isClosed(status) ? 'closed' : 'open';
}
