import { describe, expect, it } from 'vitest';
import { auditSnapshot } from './audit-log.ts';

describe('what an audit row keeps', () => {
  it('keeps only the fields a change changed, with the id', () => {
    const before = { id: 'r1', title: 'Kapotte lantaarnpaal', state: 'submitted', version: 1, updatedAt: new Date('2026-06-15T10:00:00Z') };
    const after = { ...before, state: 'acknowledged', version: 2, updatedAt: new Date('2026-06-16T10:00:00Z') };
    expect(auditSnapshot(before, after)).toEqual({
      before: { id: 'r1', state: 'submitted', version: 1, updatedAt: '2026-06-15T10:00:00.000Z' },
      after: { id: 'r1', state: 'acknowledged', version: 2, updatedAt: '2026-06-16T10:00:00.000Z' },
    });
  });

  it('keeps no secrets and none of a resident’s own words, only how long they were', () => {
    const created = { id: 'r1', title: 'Overlast', body: 'Mijn buurman op nummer 12 (Piet) zet elke nacht de muziek hard.', supportStatement: { dissent: 'Niet iedereen is het eens.' }, passwordHash: '$argon2id$…' };
    const { before, after } = auditSnapshot(null, created);
    expect(before).toBeNull();
    expect(after).toEqual({ id: 'r1', title: 'Overlast', body: '(63 characters, not kept here)', supportStatement: { dissent: '(26 characters, not kept here)' } });
    expect(JSON.stringify(after)).not.toContain('Piet');
  });
});
