// What changed between two adopted versions of a wijkactieplan, so the wijktafel adopting a revision sees exactly
// what it is asked to agree to, and the council can follow the plan's history. Challenges and actions are matched by
// id, never by title: a renamed action is the same action with a new title. Pure: the service passes both snapshots.

export interface SnapshotAction {
  id: string;
  title: string;
  specific: string | null;
  location: string | null;
  indicator: string | null;
  baseline: number | null;
  target: number | null;
  unit: string | null;
  ownerName: string | null;
  owner: { kind: string; id: string } | null;
  startsOn: string | null;
  deadlineOn: string | null;
  budgetEuros: number | null;
  hours: number | null;
  fundingSource: string | null;
  isOnTopOfRegularWork: boolean;
}

export interface SnapshotChallenge {
  id: string;
  title: string;
  description: string | null;
  themeIds: string[];
  actions: SnapshotAction[];
}

export interface PlanSnapshot {
  title: string;
  periodStartsOn: string;
  periodEndsOn: string;
  challenges: SnapshotChallenge[];
}

export interface FieldChange {
  field: string;
  before: unknown;
  after: unknown;
}

export interface PlanChange {
  kind: 'added' | 'removed' | 'changed' | 'moved';
  entity: 'plan' | 'challenge' | 'action';
  /** Null for the plan itself. */
  id: string | null;
  title: string;
  /** The challenge an action is under (in the new version; in the old one for a removed action); null otherwise. */
  challengeTitle: string | null;
  fields: FieldChange[];
}

const planFields = ['title', 'periodStartsOn', 'periodEndsOn'] as const;
const challengeFields = ['title', 'description', 'themeIds'] as const;
const actionFields = [
  'title', 'specific', 'location', 'indicator', 'baseline', 'target', 'unit', 'ownerName', 'owner',
  'startsOn', 'deadlineOn', 'budgetEuros', 'hours', 'fundingSource', 'isOnTopOfRegularWork',
] as const;

/** An emptied text field and one never filled in look the same to a reader: neither is a change. */
const normalised = (value: unknown): unknown => (typeof value === 'string' && value.trim() === '' ? null : value);

function isSameValue(field: string, before: unknown, after: unknown): boolean {
  const a = normalised(before);
  const b = normalised(after);
  if (a === null || b === null || typeof a !== 'object' || typeof b !== 'object') return a === b;
  // Themes are a set: putting them in another order changes nothing.
  if (field === 'themeIds') {
    const beforeSet = new Set(a as string[]);
    const afterSet = new Set(b as string[]);
    return beforeSet.size === afterSet.size && [...afterSet].every((themeId) => beforeSet.has(themeId));
  }
  const beforeOwner = a as { kind: string; id: string };
  const afterOwner = b as { kind: string; id: string };
  return beforeOwner.kind === afterOwner.kind && beforeOwner.id === afterOwner.id;
}

function changedFields<T extends object>(fields: readonly (keyof T & string)[], before: T, after: T): FieldChange[] {
  return fields.filter((field) => !isSameValue(field, before[field], after[field])).map((field) => ({ field, before: before[field], after: after[field] }));
}

interface PlacedAction {
  action: SnapshotAction;
  challenge: SnapshotChallenge;
}

const placedActions = (snapshot: PlanSnapshot): PlacedAction[] =>
  snapshot.challenges.flatMap((challenge) => challenge.actions.map((action) => ({ action, challenge })));

/**
 * The changes from `before` to `after`: the plan's own fields, then challenges, then actions, each in the order of
 * the new version with removed ones after them in the order of the old. An action under another challenge is 'moved'
 * (with a `challengeId` field change first, and any other field changes after it).
 */
export function diffSnapshots(before: PlanSnapshot, after: PlanSnapshot): PlanChange[] {
  const changes: PlanChange[] = [];

  const planChanges = changedFields(planFields, before, after);
  if (planChanges.length > 0) changes.push({ kind: 'changed', entity: 'plan', id: null, title: after.title, challengeTitle: null, fields: planChanges });

  const beforeChallenges = new Map(before.challenges.map((challenge) => [challenge.id, challenge]));
  const afterChallengeIds = new Set(after.challenges.map((challenge) => challenge.id));
  for (const challenge of after.challenges) {
    const previous = beforeChallenges.get(challenge.id);
    const base = { entity: 'challenge', id: challenge.id, title: challenge.title, challengeTitle: null } as const;
    if (!previous) {
      changes.push({ ...base, kind: 'added', fields: [] });
      continue;
    }
    const fields = changedFields(challengeFields, previous, challenge);
    if (fields.length > 0) changes.push({ ...base, kind: 'changed', fields });
  }
  for (const challenge of before.challenges) {
    if (!afterChallengeIds.has(challenge.id)) changes.push({ kind: 'removed', entity: 'challenge', id: challenge.id, title: challenge.title, challengeTitle: null, fields: [] });
  }

  const beforeActions = new Map(placedActions(before).map((placed) => [placed.action.id, placed]));
  const afterActions = placedActions(after);
  const afterActionIds = new Set(afterActions.map((placed) => placed.action.id));
  for (const { action, challenge } of afterActions) {
    const previous = beforeActions.get(action.id);
    const base = { entity: 'action', id: action.id, title: action.title, challengeTitle: challenge.title } as const;
    if (!previous) {
      changes.push({ ...base, kind: 'added', fields: [] });
      continue;
    }
    const fields = changedFields(actionFields, previous.action, action);
    if (previous.challenge.id !== challenge.id) {
      changes.push({ ...base, kind: 'moved', fields: [{ field: 'challengeId', before: previous.challenge.id, after: challenge.id }, ...fields] });
    } else if (fields.length > 0) {
      changes.push({ ...base, kind: 'changed', fields });
    }
  }
  for (const { action, challenge } of placedActions(before)) {
    if (!afterActionIds.has(action.id)) changes.push({ kind: 'removed', entity: 'action', id: action.id, title: action.title, challengeTitle: challenge.title, fields: [] });
  }
  return changes;
}
