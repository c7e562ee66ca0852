import { describe, expect, it } from 'vitest';
import { canMerge, canMoveTo, isClosed, open311StatusOf, type ReportStatus, reportStatuses, statusesAfter } from './report.workflow.ts';

describe('the status workflow of a report', () => {
  // Each row: from, to, allowed. The happy path and the moves the back office must not make.
  const scenarios: [ReportStatus, ReportStatus, boolean][] = [
    ['reported', 'accepted', true],
    ['reported', 'done', true],
    ['reported', 'reopened', false],
    ['accepted', 'in_progress', true],
    ['accepted', 'reported', false],
    ['in_progress', 'planned', true],
    ['planned', 'in_progress', true],
    ['planned', 'done', true],
    ['in_progress', 'accepted', false],
    ['done', 'reopened', true],
    ['done', 'in_progress', false],
    ['done', 'cancelled', false],
    ['cancelled', 'reopened', true],
    ['cancelled', 'done', false],
    ['forwarded', 'done', true],
    ['forwarded', 'reopened', true],
    ['forwarded', 'planned', false],
    ['reopened', 'accepted', true],
    ['reopened', 'done', true],
    ['merged', 'reopened', false],
    ['merged', 'accepted', false],
  ];
  it.each(scenarios)('%s → %s allowed: %s', (from, to, allowed) => {
    expect(canMoveTo(from, to)).toBe(allowed);
  });

  it('never moves a report to merged or back to reported by a status change', () => {
    for (const from of reportStatuses) {
      expect(statusesAfter(from)).not.toContain('merged');
      expect(statusesAfter(from)).not.toContain('reported');
    }
  });

  it('maps done, cancelled, forwarded and merged to Open311 closed, the rest to open', () => {
    expect(reportStatuses.filter((status) => open311StatusOf(status) === 'closed')).toEqual(['done', 'cancelled', 'forwarded', 'merged']);
    expect(isClosed('reopened')).toBe(false);
  });

  it('merges only an open duplicate into an open original', () => {
    expect(canMerge('reported', 'in_progress')).toBe(true);
    expect(canMerge('done', 'reported')).toBe(false);
    expect(canMerge('reported', 'merged')).toBe(false);
  });
});
