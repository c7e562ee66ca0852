import { describe, expect, it } from 'vitest';
import { diffSnapshots, type PlanSnapshot, type SnapshotAction, type SnapshotChallenge } from './action-plan-version.rules.ts';

const action = (id: string, change: Partial<SnapshotAction> = {}): SnapshotAction => ({
  id,
  title: `Actie ${id}`,
  specific: 'Wat precies',
  location: 'Brandevoort',
  indicator: 'Aantal inbraken',
  baseline: 40,
  target: 20,
  unit: 'per jaar',
  ownerName: 'Politie',
  owner: { kind: 'partner', id: 'police' },
  startsOn: '2027-01-01',
  deadlineOn: '2027-12-31',
  budgetEuros: 1000,
  hours: null,
  fundingSource: null,
  isOnTopOfRegularWork: true,
  ...change,
});
const challenge = (id: string, actions: SnapshotAction[], change: Partial<SnapshotChallenge> = {}): SnapshotChallenge => ({
  id,
  title: `Opgave ${id}`,
  description: null,
  themeIds: ['safety', 'green'],
  actions,
  ...change,
});
const plan = (challenges: SnapshotChallenge[], change: Partial<PlanSnapshot> = {}): PlanSnapshot => ({
  title: 'Wijkactieplan Brandevoort 2027',
  periodStartsOn: '2027-01-01',
  periodEndsOn: '2027-12-31',
  challenges,
  ...change,
});

const version1 = plan([challenge('c1', [action('a1'), action('a2')]), challenge('c2', [action('a3')])]);

describe('no change', () => {
  it('the same plan gives nothing', () => {
    expect(diffSnapshots(version1, structuredClone(version1))).toEqual([]);
  });

  it('themes in another order, an owner as a new object, an emptied text that was never filled: nothing', () => {
    const after = plan([
      challenge('c1', [action('a1', { owner: { kind: 'partner', id: 'police' } }), action('a2', { fundingSource: '' })], { themeIds: ['green', 'safety'] }),
      challenge('c2', [action('a3')]),
    ]);
    expect(diffSnapshots(version1, after)).toEqual([]);
  });
});

describe('changes', () => {
  it('the plan’s own fields', () => {
    expect(diffSnapshots(version1, { ...version1, title: 'Wijkactieplan Brandevoort 2027-2028', periodEndsOn: '2028-12-31' })).toEqual([
      {
        kind: 'changed', entity: 'plan', id: null, title: 'Wijkactieplan Brandevoort 2027-2028', challengeTitle: null,
        fields: [
          { field: 'title', before: 'Wijkactieplan Brandevoort 2027', after: 'Wijkactieplan Brandevoort 2027-2028' },
          { field: 'periodEndsOn', before: '2027-12-31', after: '2028-12-31' },
        ],
      },
    ]);
  });

  it('a challenge added, changed and removed', () => {
    const after = plan([
      challenge('c1', [action('a1'), action('a2')], { description: 'Minder inbraken', themeIds: ['safety'] }),
      challenge('c4', []),
    ]);
    const challengeChanges = diffSnapshots(version1, after).filter((change) => change.entity === 'challenge');
    expect(challengeChanges).toEqual([
      {
        kind: 'changed', entity: 'challenge', id: 'c1', title: 'Opgave c1', challengeTitle: null,
        fields: [
          { field: 'description', before: null, after: 'Minder inbraken' },
          { field: 'themeIds', before: ['safety', 'green'], after: ['safety'] },
        ],
      },
      { kind: 'added', entity: 'challenge', id: 'c4', title: 'Opgave c4', challengeTitle: null, fields: [] },
      { kind: 'removed', entity: 'challenge', id: 'c2', title: 'Opgave c2', challengeTitle: null, fields: [] },
    ]);
  });

  it('an action’s fields, with before and after values', () => {
    const after = plan([
      challenge('c1', [action('a1', { target: 15, deadlineOn: '2027-10-01', owner: { kind: 'department', id: 'safety' }, ownerName: 'Team Veiligheid' }), action('a2')]),
      challenge('c2', [action('a3', { isOnTopOfRegularWork: false, title: 'Nieuwe titel' })]),
    ]);
    expect(diffSnapshots(version1, after)).toEqual([
      {
        kind: 'changed', entity: 'action', id: 'a1', title: 'Actie a1', challengeTitle: 'Opgave c1',
        fields: [
          { field: 'target', before: 20, after: 15 },
          { field: 'ownerName', before: 'Politie', after: 'Team Veiligheid' },
          { field: 'owner', before: { kind: 'partner', id: 'police' }, after: { kind: 'department', id: 'safety' } },
          { field: 'deadlineOn', before: '2027-12-31', after: '2027-10-01' },
        ],
      },
      {
        kind: 'changed', entity: 'action', id: 'a3', title: 'Nieuwe titel', challengeTitle: 'Opgave c2',
        fields: [
          { field: 'title', before: 'Actie a3', after: 'Nieuwe titel' },
          { field: 'isOnTopOfRegularWork', before: true, after: false },
        ],
      },
    ]);
  });

  it('null and zero are different values', () => {
    const after = plan([challenge('c1', [action('a1', { hours: 0 }), action('a2')]), challenge('c2', [action('a3')])]);
    expect(diffSnapshots(version1, after)[0]?.fields).toEqual([{ field: 'hours', before: null, after: 0 }]);
  });

  it('an action moved to another challenge, with a field change too', () => {
    const after = plan([challenge('c1', [action('a1')]), challenge('c2', [action('a3'), action('a2', { budgetEuros: 500 })])]);
    expect(diffSnapshots(version1, after)).toEqual([
      {
        kind: 'moved', entity: 'action', id: 'a2', title: 'Actie a2', challengeTitle: 'Opgave c2',
        fields: [
          { field: 'challengeId', before: 'c1', after: 'c2' },
          { field: 'budgetEuros', before: 1000, after: 500 },
        ],
      },
    ]);
  });

  it('a reordering within a challenge is no change', () => {
    const after = plan([challenge('c1', [action('a2'), action('a1')]), challenge('c2', [action('a3')])]);
    expect(diffSnapshots(version1, after)).toEqual([]);
  });
});

describe('order', () => {
  it('plan, then challenges, then actions; each in the new order with removed ones after', () => {
    const after = plan(
      [challenge('c3', [action('a9')]), challenge('c1', [action('a2', { unit: 'per maand' }), action('a1'), action('a3')])],
      { periodStartsOn: '2027-02-01' },
    );
    expect(diffSnapshots(version1, after).map((change) => [change.kind, change.entity, change.id, change.challengeTitle])).toEqual([
      ['changed', 'plan', null, null],
      ['added', 'challenge', 'c3', null],
      ['removed', 'challenge', 'c2', null],
      ['added', 'action', 'a9', 'Opgave c3'],
      ['changed', 'action', 'a2', 'Opgave c1'],
      ['moved', 'action', 'a3', 'Opgave c1'],
    ]);
  });

  it('the actions of a removed challenge are removed with it, under their old challenge', () => {
    const after = plan([challenge('c1', [action('a1')])]);
    expect(diffSnapshots(version1, after).map((change) => [change.kind, change.entity, change.id, change.challengeTitle])).toEqual([
      ['removed', 'challenge', 'c2', null],
      ['removed', 'action', 'a2', 'Opgave c1'],
      ['removed', 'action', 'a3', 'Opgave c2'],
    ]);
  });

  it('from an empty first version everything is added', () => {
    expect(diffSnapshots(plan([]), version1).map((change) => `${change.kind} ${change.entity} ${change.id}`)).toEqual([
      'added challenge c1', 'added challenge c2', 'added action a1', 'added action a2', 'added action a3',
    ]);
  });
});
