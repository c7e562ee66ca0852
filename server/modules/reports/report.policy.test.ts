import { describe, expect, it } from 'vitest';
import { allowedActionsOf } from './report.policy.ts';
import type { ReportStatus } from './report.workflow.ts';

const handler = { canHandle: true, canRead: true, canTurnIntoRequest: false };
const reader = { canHandle: false, canRead: true, canTurnIntoRequest: false };
const advisor = { canHandle: false, canRead: true, canTurnIntoRequest: true };

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

  it('lets those who may submit requests turn a report into one, once: not when it is already linked to a request', () => {
    expect(allowedActionsOf(advisor, { status: 'reported', requestId: null })).toEqual({ actions: ['turnIntoRequest'], statuses: [] });
    expect(allowedActionsOf(advisor, { status: 'done', requestId: null }).actions).toEqual(['turnIntoRequest']);
    expect(allowedActionsOf(advisor, { status: 'reported', requestId: '0190b2c4-0000-7000-8000-000000000001' }).actions).toEqual([]);
    expect(allowedActionsOf({ ...handler, canTurnIntoRequest: true }, { status: 'merged' }).actions).toEqual(['addNote', 'turnIntoRequest']);
    expect(allowedActionsOf(handler, { status: 'reported', requestId: null }).actions).not.toContain('turnIntoRequest');
  });
});
