import { describe, expect, it } from 'vitest';
import {
  type AttentionReason,
  attentionOf,
  checkProgressUpdate,
  indicatorProgress,
  isOverdue,
  type ProgressAction,
  type ProgressStatus,
  rollUp,
} from './action-plan-progress.rules.ts';

const today = '2027-06-15';
const action = (change: Partial<ProgressAction> = {}): ProgressAction => ({
  id: 'a1',
  challengeId: 'c1',
  status: 'on_track',
  startsOn: '2027-01-01',
  deadlineOn: '2027-12-31',
  baseline: null,
  target: null,
  currentValue: null,
  ...change,
});

describe('overdue and attention', () => {
  it.each<[string, Partial<ProgressAction>, boolean, AttentionReason | null]>([
    ['on track, deadline far away', {}, false, null],
    ['deadline yesterday', { deadlineOn: '2027-06-14' }, true, 'overdue'],
    ['deadline today: not overdue yet, but soon', { deadlineOn: '2027-06-15' }, false, 'deadline_soon'],
    ['deadline in exactly 14 days: soon', { deadlineOn: '2027-06-29' }, false, 'deadline_soon'],
    ['deadline in 15 days: not yet', { deadlineOn: '2027-06-30' }, false, null],
    ['overdue wins over at risk', { status: 'at_risk', deadlineOn: '2027-06-01' }, true, 'overdue'],
    ['overdue wins over delayed', { status: 'delayed', deadlineOn: '2027-06-01' }, true, 'overdue'],
    ['at risk, deadline soon: at risk', { status: 'at_risk', deadlineOn: '2027-06-20' }, false, 'at_risk'],
    ['delayed, deadline far away', { status: 'delayed' }, false, 'delayed'],
    ['done after the deadline is not overdue', { status: 'done', deadlineOn: '2027-06-01' }, false, null],
    ['dropped after the deadline is not overdue', { status: 'dropped', deadlineOn: '2027-06-01' }, false, null],
    ['done, deadline soon: nothing to do', { status: 'done', deadlineOn: '2027-06-20' }, false, null],
    ['not started, no deadline', { status: 'not_started', deadlineOn: null }, false, null],
  ])('%s', (_label, change, overdue, attention) => {
    expect(isOverdue(action(change), today)).toBe(overdue);
    expect(attentionOf(action(change), today)).toBe(attention);
  });

  it('the soon window is configurable', () => {
    expect(attentionOf(action({ deadlineOn: '2027-07-15' }), today, 30)).toBe('deadline_soon');
    expect(attentionOf(action({ deadlineOn: '2027-06-17' }), today, 1)).toBeNull();
  });

  it('the window crosses a month and a year end', () => {
    expect(attentionOf(action({ deadlineOn: '2028-01-04' }), '2027-12-21')).toBe('deadline_soon');
  });
});

describe('indicator progress', () => {
  it.each<[string, number | null, number | null, number | null, number | null]>([
    ['increasing, halfway', 10, 30, 20, 0.5],
    ['decreasing target: 40 → 10, at 25 halfway', 40, 10, 25, 0.5],
    ['decreasing target reached', 40, 10, 10, 1],
    ['overshoot is clamped to 1', 40, 10, 5, 1],
    ['the wrong way is clamped to 0', 40, 10, 50, 0],
    ['at the baseline', 10, 30, 10, 0],
    ['no baseline', null, 30, 20, null],
    ['no target', 10, null, 20, null],
    ['no current value', 10, 30, null, null],
    ['target equals baseline', 10, 10, 10, null],
  ])('%s', (_label, baseline, target, current, expected) => {
    expect(indicatorProgress(baseline, target, current)).toBe(expected);
  });
});

describe('roll-up', () => {
  const actions: ProgressAction[] = [
    action({ id: 'a1', challengeId: 'safety', status: 'done', baseline: 40, target: 10, currentValue: 25 }),
    action({ id: 'a2', challengeId: 'safety', status: 'on_track', deadlineOn: '2027-06-01', baseline: 0, target: 10, currentValue: 10 }),
    action({ id: 'a3', challengeId: 'safety', status: 'dropped', deadlineOn: '2027-06-01', baseline: 0, target: 10, currentValue: 0 }),
    action({ id: 'a4', challengeId: 'green', status: 'at_risk', deadlineOn: '2027-05-01' }),
    action({ id: 'a5', challengeId: 'green', status: 'not_started' }),
    action({ id: 'a6', challengeId: 'green', status: 'delayed' }),
    action({ id: 'a7', challengeId: 'green', status: 'done' }),
  ];
  const statuses = (counts: Partial<Record<ProgressStatus, number>>) => ({ not_started: 0, on_track: 0, at_risk: 0, delayed: 0, done: 0, dropped: 0, ...counts });

  it('the plan: dropped left out of counted and percentages, overdue counted', () => {
    expect(rollUp(actions, today).plan).toEqual({
      total: 7,
      counted: 6,
      byStatus: statuses({ done: 2, on_track: 1, dropped: 1, at_risk: 1, not_started: 1, delayed: 1 }),
      overdue: 2,
      percentDone: 33,
      // a1 halfway, a2 reached; a3 is dropped and does not pull the mean down.
      indicatorPercent: 75,
    });
  });

  it('per challenge', () => {
    const { challenges } = rollUp(actions, today);
    expect(Object.keys(challenges)).toEqual(['safety', 'green']);
    expect(challenges.safety).toMatchObject({ total: 3, counted: 2, overdue: 1, percentDone: 50, indicatorPercent: 75 });
    expect(challenges.green).toMatchObject({ total: 4, counted: 4, overdue: 1, percentDone: 25, indicatorPercent: null });
  });

  it('a challenge whose actions are all dropped has no percentages', () => {
    const { challenges } = rollUp([action({ challengeId: 'c9', status: 'dropped' })], today);
    expect(challenges.c9).toMatchObject({ total: 1, counted: 0, percentDone: null, indicatorPercent: null, overdue: 0 });
  });

  it('an empty plan', () => {
    expect(rollUp([], today)).toEqual({
      plan: { total: 0, counted: 0, byStatus: statuses({}), overdue: 0, percentDone: null, indicatorPercent: null },
      challenges: {},
    });
  });
});

describe('posting progress', () => {
  it.each<[string, { status: ProgressStatus; reason: string | null; currentValue: number | null }, { field: string; code: string }[]]>([
    ['dropped without a reason', { status: 'dropped', reason: null, currentValue: null }, [{ field: 'reason', code: 'dropReasonRequired' }]],
    ['dropped with a blank reason', { status: 'dropped', reason: '  ', currentValue: null }, [{ field: 'reason', code: 'dropReasonRequired' }]],
    ['dropped with a reason', { status: 'dropped', reason: 'Subsidie vervallen.', currentValue: null }, []],
    ['done with a current value', { status: 'done', reason: null, currentValue: 12 }, []],
    ['done without a current value', { status: 'done', reason: null, currentValue: null }, []],
    ['on track without a reason', { status: 'on_track', reason: null, currentValue: 3 }, []],
  ])('%s', (_label, update, expected) => {
    expect(checkProgressUpdate(update)).toEqual(expected);
  });
});
