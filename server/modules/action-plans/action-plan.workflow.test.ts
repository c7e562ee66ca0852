import { describe, expect, it } from 'vitest';
import {
  type ActionPlanState,
  type ActionPlanTransition,
  acceptsContributions,
  acceptsProgress,
  actionPlanStates,
  actionPlanTransitions,
  isContentEditable,
  mayOpenRevision,
  nextState,
  transitionsFrom,
} from './action-plan.workflow.ts';

// Every transition that is allowed, with where it leads; everything else must be refused.
const allowed: [ActionPlanState, ActionPlanTransition, ActionPlanState][] = [
  ['draft', 'startCollecting', 'collecting'],
  ['collecting', 'markReady', 'ready'],
  ['ready', 'reopenCollecting', 'collecting'],
  ['ready', 'adopt', 'adopted'],
  ['adopted', 'startExecution', 'in_execution'],
  ['adopted', 'close', 'closed'],
  ['in_execution', 'close', 'closed'],
];

describe('transitions', () => {
  it.each(allowed)('%s --%s--> %s', (state, transition, expected) => {
    expect(nextState(state, transition)).toBe(expected);
  });

  const refused = actionPlanStates.flatMap((state) =>
    actionPlanTransitions.filter((transition) => !allowed.some(([from, via]) => from === state && via === transition)).map((transition) => [state, transition] as const),
  );
  it.each(refused)('%s refuses %s', (state, transition) => {
    expect(nextState(state, transition)).toBeNull();
  });

  it.each<[ActionPlanState, ActionPlanTransition[]]>([
    ['draft', ['startCollecting']],
    ['collecting', ['markReady']],
    ['ready', ['reopenCollecting', 'adopt']],
    ['adopted', ['startExecution', 'close']],
    ['in_execution', ['close']],
    ['closed', []],
  ])('from %s: %j', (state, expected) => {
    expect(transitionsFrom(state)).toEqual(expected);
  });
});

describe('scenarios', () => {
  const walk = (start: ActionPlanState, steps: ActionPlanTransition[]): ActionPlanState | null =>
    steps.reduce<ActionPlanState | null>((state, step) => (state === null ? null : nextState(state, step)), start);

  it('the usual life: collected, checked, adopted, carried out and closed', () => {
    expect(walk('draft', ['startCollecting', 'markReady', 'adopt', 'startExecution', 'close'])).toBe('closed');
  });

  it('found not ready at the check: back to collecting, then adopted', () => {
    expect(walk('draft', ['startCollecting', 'markReady', 'reopenCollecting', 'markReady', 'adopt'])).toBe('adopted');
  });

  it('a plan cannot be adopted straight from collecting', () => {
    expect(walk('draft', ['startCollecting', 'adopt'])).toBeNull();
  });

  it('a closed plan cannot be reopened or executed again', () => {
    expect(walk('in_execution', ['close', 'startExecution'])).toBeNull();
    expect(walk('closed', ['reopenCollecting'])).toBeNull();
  });

  it('an adopted plan does not go back to collecting', () => {
    expect(walk('adopted', ['reopenCollecting'])).toBeNull();
  });
});

describe('what each state allows', () => {
  it.each<[ActionPlanState, boolean, { editable: boolean; contributions: boolean; progress: boolean; revision: boolean }]>([
    ['draft', false, { editable: true, contributions: false, progress: false, revision: false }],
    ['collecting', false, { editable: true, contributions: true, progress: false, revision: false }],
    ['ready', false, { editable: true, contributions: false, progress: false, revision: false }],
    ['adopted', false, { editable: false, contributions: false, progress: true, revision: true }],
    ['adopted', true, { editable: true, contributions: false, progress: true, revision: false }],
    ['in_execution', false, { editable: false, contributions: false, progress: true, revision: true }],
    ['in_execution', true, { editable: true, contributions: false, progress: true, revision: false }],
    ['closed', false, { editable: false, contributions: false, progress: false, revision: false }],
    ['closed', true, { editable: false, contributions: false, progress: false, revision: false }],
  ])('%s, revision open: %s', (state, hasOpenRevision, expected) => {
    expect({
      editable: isContentEditable(state, hasOpenRevision),
      contributions: acceptsContributions(state),
      progress: acceptsProgress(state),
      revision: mayOpenRevision(state, hasOpenRevision),
    }).toEqual(expected);
  });
});
