import { describe, expect, it } from 'vitest';
import { allowedActions, type RequestAction, type RequestState, requestActions, requestStates, transition } from './request.workflow.ts';

// Scenario tables in the manner of Signalen's workflow tests: every state × action, allowed or not.
const expected: Record<RequestState, Partial<Record<RequestAction, RequestState>>> = {
  submitted: { acknowledge: 'acknowledged', refer: 'submitted', updateReferral: 'submitted', setFormalInspraak: 'submitted', proposeAnswer: 'submitted', returnAnswer: 'submitted', answer: 'answered', markDuplicate: 'closed' },
  acknowledged: { route: 'routed', refer: 'acknowledged', updateReferral: 'acknowledged', setFormalInspraak: 'acknowledged', proposeAnswer: 'acknowledged', returnAnswer: 'acknowledged', answer: 'answered', markDuplicate: 'closed' },
  routed: { route: 'routed', refer: 'routed', updateReferral: 'routed', setFormalInspraak: 'routed', proposeAnswer: 'routed', returnAnswer: 'routed', answer: 'answered', markDuplicate: 'closed' },
  answered: { refer: 'answered', updateReferral: 'answered', setFormalInspraak: 'answered', postUpdate: 'answered', changeVerdict: 'answered', recordCarriedOut: 'answered', recordAdvicePosition: 'answered', close: 'closed', reopen: 'acknowledged' },
  closed: { reopen: 'acknowledged' },
};

describe('request lifecycle', () => {
  const cases = requestStates.flatMap((state) => requestActions.map((action) => ({ state, action, to: expected[state][action] })));
  it.each(cases)('$state + $action → $to', ({ state, action, to }) => {
    const result = transition(state, action);
    if (to) expect(result).toEqual({ isAllowed: true, to });
    else expect(result).toEqual({ isAllowed: false, reason: 'notAllowedInState', state, action });
  });

  it('walks the happy path: submitted → acknowledged → routed → answered → closed', () => {
    let state: RequestState = 'submitted';
    for (const action of ['acknowledge', 'route', 'answer', 'close'] as const) {
      const result = transition(state, action);
      if (!result.isAllowed) throw new Error(`${action} refused in ${state}`);
      state = result.to;
    }
    expect(state).toBe('closed');
  });

  it('offers exactly the allowed actions per state', () => {
    expect(allowedActions('answered')).toEqual(['refer', 'updateReferral', 'setFormalInspraak', 'postUpdate', 'changeVerdict', 'recordCarriedOut', 'recordAdvicePosition', 'close', 'reopen']);
    expect(allowedActions('closed')).toEqual(['reopen']);
  });
});
