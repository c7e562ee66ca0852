import { describe, expect, it } from 'vitest';
import { allowedActionsOf } from './report.policy.ts';
import type { ReportStatus } from './report.workflow.ts';

const handler = { canHandle: true, canRead: true };
const reader = { canHandle: false, canRead: true };

describe('what a person may do with a report', () => {
  // Each row: status, the actions a handler gets.
  const scenarios: [ReportStatus, string[]][] = [
    ['reported', ['changeStatus', 'assign', 'setPriority', 'addNote', 'merge', 'split', 'refer', 'linkRequest', 'approvePhoto']],
    ['in_progress', ['changeStatus', 'assign', 'setPriority', 'addNote', 'merge', 'split', 'refer', 'linkRequest', 'approvePhoto']],
    ['done', ['changeStatus', 'assign', 'setPriority', 'addNote', 'refer', 'linkRequest', 'approvePhoto']],
    ['cancelled', ['changeStatus', 'assign', 'setPriority', 'addNote', 'refer', 'linkRequest', 'approvePhoto']],
    ['merged', ['addNote']],
  ];
  it.each(scenarios)('a handler of a %s report may: %j', (status, actions) => {
    expect(allowedActionsOf(handler, { status }).actions).toEqual(actions);
  });

  it('gives someone who only reads the report no actions and no statuses', () => {
    expect(allowedActionsOf(reader, { status: 'reported' })).toEqual({ actions: [], statuses: [] });
  });
});
