/**
 * Every kind of timeline event, and whether people outside the municipality and the submitter's side may see
 * it. Decided here, in one place, for every kind: a kind missing from this table does not compile.
 */
export const requestEventVisibility = {
  submitted: 'public',
  acknowledged: 'public',
  routed: 'public',
  referred: 'public',
  referralUpdated: 'public',
  answerProposed: 'staff',
  answerReturned: 'staff',
  answered: 'public',
  verdictChanged: 'public',
  updated: 'public',
  carriedOut: 'public',
  advicePosition: 'public',
  formalInspraakChanged: 'public',
  closed: 'public',
  reopened: 'public',
  markedDuplicate: 'public',
  linked: 'staff',
  unlinked: 'staff',
  // The conversation is between the two sides: a message can carry a resident's details, so the public sees none.
  message: 'bothSides',
  note: 'staff',
  attachmentAdded: 'public',
  attachmentRemoved: 'public',
} as const satisfies Record<string, 'public' | 'bothSides' | 'staff'>;
export type RequestEventKind = keyof typeof requestEventVisibility;
export const requestEventKinds = Object.keys(requestEventVisibility) as RequestEventKind[];
