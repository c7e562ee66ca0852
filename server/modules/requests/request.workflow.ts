/**
 * The lifecycle of a request (vraag, verzoek, advies, initiatief): pure, no database.
 * submitted → acknowledged → routed → answered → closed; a closed or answered request can be reopened.
 */
export const requestStates = ['submitted', 'acknowledged', 'routed', 'answered', 'closed'] as const;
export type RequestState = (typeof requestStates)[number];

export const requestActions = [
  'acknowledge',
  'route',
  'refer',
  'updateReferral',
  'setFormalInspraak',
  'proposeAnswer',
  'returnAnswer',
  'answer',
  'postUpdate',
  'changeVerdict',
  'recordCarriedOut',
  'recordAdvicePosition',
  'close',
  'reopen',
  'markDuplicate',
] as const;
export type RequestAction = (typeof requestActions)[number];

/** From which states each action is allowed, and where it leads ('same': the state does not change). */
const transitions: Record<RequestAction, { from: readonly RequestState[]; to: RequestState | 'same' }> = {
  acknowledge: { from: ['submitted'], to: 'acknowledged' },
  // Routing again (to another department) is allowed until the request is answered.
  route: { from: ['acknowledged', 'routed'], to: 'routed' },
  // A front-line team can be brought in at any point before the request is closed.
  refer: { from: ['submitted', 'acknowledged', 'routed', 'answered'], to: 'same' },
  // The team picks the referral up and feeds back while the request is open.
  updateReferral: { from: ['submitted', 'acknowledged', 'routed', 'answered'], to: 'same' },
  // Whether advice is part of a formal inspraak procedure is known before the position on it is recorded.
  setFormalInspraak: { from: ['submitted', 'acknowledged', 'routed', 'answered'], to: 'same' },
  // With four-eyes review an officer proposes; the advisor approves (that is "answer") or returns it.
  proposeAnswer: { from: ['submitted', 'acknowledged', 'routed'], to: 'same' },
  returnAnswer: { from: ['submitted', 'acknowledged', 'routed'], to: 'same' },
  // The advisor may answer at once, even straight from the inbox; the officer answers what was routed.
  answer: { from: ['submitted', 'acknowledged', 'routed'], to: 'answered' },
  // Progress updates and a changed verdict (ooit → nu or nooit) keep the request answered, with history.
  postUpdate: { from: ['answered'], to: 'same' },
  changeVerdict: { from: ['answered'], to: 'same' },
  // A nu is a promise to act within the short term; carrying it out is recorded on the answered request.
  recordCarriedOut: { from: ['answered'], to: 'same' },
  // The municipality's position on advice follows the answer; it may be revised while the request is answered.
  recordAdvicePosition: { from: ['answered'], to: 'same' },
  close: { from: ['answered'], to: 'closed' },
  reopen: { from: ['answered', 'closed'], to: 'acknowledged' },
  markDuplicate: { from: ['submitted', 'acknowledged', 'routed'], to: 'closed' },
};

export type TransitionResult = { isAllowed: true; to: RequestState } | { isAllowed: false; reason: 'notAllowedInState'; state: RequestState; action: RequestAction };

export function transition(state: RequestState, action: RequestAction): TransitionResult {
  const rule = transitions[action];
  if (!rule.from.includes(state)) return { isAllowed: false, reason: 'notAllowedInState', state, action };
  return { isAllowed: true, to: rule.to === 'same' ? state : rule.to };
}

/** The actions open to someone looking at a request in this state (for buttons and the API's links). */
export function allowedActions(state: RequestState): RequestAction[] {
  return requestActions.filter((action) => transitions[action].from.includes(state));
}
