// The life of a wijkactieplan: drafted by the advisor, filled in by the parties (collecting), checked (ready),
// adopted at a wijktafel, carried out, and closed at the end of its period. Pure: the service checks a transition
// here before it writes the state, the audit row and the outbox row in one transaction.

export const actionPlanStates = ['draft', 'collecting', 'ready', 'adopted', 'in_execution', 'closed'] as const;
export type ActionPlanState = (typeof actionPlanStates)[number];

export const actionPlanTransitions = ['startCollecting', 'markReady', 'reopenCollecting', 'adopt', 'startExecution', 'close'] as const;
export type ActionPlanTransition = (typeof actionPlanTransitions)[number];

/** The allowed-transition table: from each state, the transitions it allows and where they lead. */
const transitionTable: Record<ActionPlanState, Partial<Record<ActionPlanTransition, ActionPlanState>>> = {
  draft: { startCollecting: 'collecting' },
  collecting: { markReady: 'ready' },
  // A plan found not ready at the check goes back to the parties rather than being adopted half-finished.
  ready: { reopenCollecting: 'collecting', adopt: 'adopted' },
  // An adopted plan may be closed without ever starting, e.g. when the neighbourhood is merged into another.
  adopted: { startExecution: 'in_execution', close: 'closed' },
  in_execution: { close: 'closed' },
  closed: {},
};

/** The state a transition leads to, or null when the transition is not allowed from this state. */
export function nextState(state: ActionPlanState, transition: ActionPlanTransition): ActionPlanState | null {
  return transitionTable[state][transition] ?? null;
}

/** The transitions allowed from a state, in the order of `actionPlanTransitions` (for `allowedActions`). */
export function transitionsFrom(state: ActionPlanState): ActionPlanTransition[] {
  return actionPlanTransitions.filter((transition) => transitionTable[state][transition] !== undefined);
}

const statesBeforeAdoption: ReadonlySet<ActionPlanState> = new Set(['draft', 'collecting', 'ready']);
const adoptedStates: ReadonlySet<ActionPlanState> = new Set(['adopted', 'in_execution']);

/**
 * Challenges and actions can be edited freely until adoption. After adoption the wijktafel's decision stands: a change
 * goes through a revision (a new version, adopted in its turn), so the adopted text stays what was agreed.
 */
export function isContentEditable(state: ActionPlanState, hasOpenRevision: boolean): boolean {
  if (statesBeforeAdoption.has(state)) return true;
  return adoptedStates.has(state) && hasOpenRevision;
}

/** Partners and departments send in their contributions only while the plan is being collected. */
export function acceptsContributions(state: ActionPlanState): boolean {
  return state === 'collecting';
}

/** Progress is reported on what was agreed: from adoption until the plan is closed. */
export function acceptsProgress(state: ActionPlanState): boolean {
  return adoptedStates.has(state);
}

/** One revision at a time, so two drafts of the next version can never compete. */
export function mayOpenRevision(state: ActionPlanState, hasOpenRevision: boolean): boolean {
  return adoptedStates.has(state) && !hasOpenRevision;
}
