import { describe, expect, it } from 'vitest';
import { nameInSnapshot, readableChanges, referencesIn, referredEntityType } from './audit-reading.rules.ts';

const verkeer = '0190a1b2-0000-7000-8000-000000000001';
const koen = '0190a1b2-0000-7000-8000-000000000002';
const gone = '0190a1b2-0000-7000-8000-000000000003';
const names: Record<string, string> = { [`department:${verkeer}`]: 'Verkeer', [`user:${koen}`]: 'Koen Verhoeven' };
const lookup = (type: string, id: string) => names[`${type}:${id}`];

describe('reading an audit entry', () => {
  it.each([
    ['leadDepartmentId', 'department'],
    ['leadOfficerUserId', 'user'],
    ['userId', 'user'],
    ['duplicateOfRequestId', 'request'],
    ['contributingDepartmentIds', 'department'],
    ['erasureRequestId', undefined],
    ['sessionId', undefined],
  ])('takes %s to refer to a %s', (field, type) => {
    expect(referredEntityType(field)).toBe(type);
  });

  it('collects every id to name, of the actor, the record and its fields', () => {
    const entry = { entityType: 'request', entityId: gone, actorUserId: koen, before: { leadDepartmentId: null }, after: { leadDepartmentId: verkeer, contributingDepartmentIds: [verkeer] } };
    expect(referencesIn(entry)).toEqual([
      ['user', koen],
      ['request', gone],
      ['department', verkeer],
      ['department', verkeer],
    ]);
  });

  it('writes an update as old → new with names, and never shows an id as itself', () => {
    const changes = readableChanges(
      { id: gone, version: 1, leadDepartmentId: null, leadOfficerUserId: gone, isInternal: false, state: 'acknowledged' },
      { id: gone, version: 2, leadDepartmentId: verkeer, leadOfficerUserId: koen, isInternal: true, state: 'routed' },
      lookup,
    );
    expect(changes).toEqual([
      { field: 'leadDepartmentId', before: null, after: { kind: 'reference', name: 'Verkeer' } },
      { field: 'leadOfficerUserId', before: { kind: 'reference', name: null }, after: { kind: 'reference', name: 'Koen Verhoeven' } },
      { field: 'isInternal', before: { kind: 'yesNo', value: false }, after: { kind: 'yesNo', value: true } },
      { field: 'state', before: { kind: 'text', text: 'acknowledged' }, after: { kind: 'text', text: 'routed' } },
    ]);
  });

  it('lists what a created record had: dates, shapes and structures as such, bookkeeping left out', () => {
    const changes = readableChanges(null, { id: gone, municipalityId: gone, name: 'Suytkade', answerBy: '2026-12-04', createdAt: '2026-12-02T13:05:00.000Z', boundary: { type: 'Polygon', coordinates: [] }, settings: { a: 1 }, note: '' }, lookup);
    expect(changes).toEqual([
      { field: 'name', before: null, after: { kind: 'text', text: 'Suytkade' } },
      { field: 'answerBy', before: null, after: { kind: 'day', value: '2026-12-04' } },
      { field: 'boundary', before: null, after: { kind: 'shape' } },
      { field: 'settings', before: null, after: { kind: 'details' } },
    ]);
  });

  it('never fails on odd snapshots', () => {
    for (const odd of [undefined, null, 'text', 42, [], [1, { a: 2 }], { nested: { deeper: [null] } }]) {
      expect(() => readableChanges(odd, odd, lookup)).not.toThrow();
      expect(() => referencesIn({ entityType: 'unknown', entityId: 'not-a-uuid', actorUserId: null, before: odd, after: odd })).not.toThrow();
    }
    expect(nameInSnapshot({ displayName: 'Eva Mulder' }, null)).toBe('Eva Mulder');
  });
});

describe('values that only look like dates', () => {
  it('keeps them as they are, without failing', () => {
    expect(readableChanges(null, { code: '2026-13-45', leap: '2026-02-30', stamp: '2026-12-02T99:99' }, () => undefined)).toEqual([
      { field: 'code', before: null, after: { kind: 'text', text: '2026-13-45' } },
      { field: 'leap', before: null, after: { kind: 'text', text: '2026-02-30' } },
      { field: 'stamp', before: null, after: { kind: 'text', text: '2026-12-02T99:99' } },
    ]);
  });
});

describe('what a reader does not need', () => {
  it('leaves ids of things without a name (a session) to the technical details, and keeps numbers as numbers', () => {
    expect(readableChanges(null, { sessionId: gone, via: 'password', revokedSessions: 2 }, lookup)).toEqual([
      { field: 'via', before: null, after: { kind: 'text', text: 'password' } },
      { field: 'revokedSessions', before: null, after: { kind: 'number', value: 2 } },
    ]);
  });
});
