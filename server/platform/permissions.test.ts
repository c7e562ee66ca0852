import { describe, expect, it } from 'vitest';
import { type Actor, can, type Permission, permissionMatrix, permissions, type Role, type RoleGrant, roles, scopeTypeOfRole } from './permissions.ts';

const councilA = '00000000-0000-4000-8000-00000000000a';
const councilB = '00000000-0000-4000-8000-00000000000b';
const wijkX = '00000000-0000-4000-8000-0000000000f1';
const wijkY = '00000000-0000-4000-8000-0000000000f2';

function actorWith(...grants: RoleGrant[]): Actor {
  return { userId: 'u', municipalityId: 'm', displayName: 'Test', email: 't@example.org', grants, authenticatedBy: 'session' };
}

function grantFor(role: Role, scopeId: string | null = null): RoleGrant {
  return { role, scopeType: scopeTypeOfRole[role], scopeId };
}

/** The whole matrix as the municipality agreed it: role × action → allowed. */
const expected: Record<Permission, Role[]> = {
  'home.view': ['resident', 'council_member', 'advisor', 'officer', 'alderman', 'partner', 'admin'],
  'registry.viewInternal': ['council_member', 'advisor', 'officer', 'alderman', 'partner', 'admin'],
  'registry.manage': ['admin'],
  'neighbourhood.describe': ['advisor', 'admin'],
  'council.updateContact': ['council_member', 'admin'],
  'users.manage': ['admin'],
  'apiTokens.manage': ['admin'],
  'audit.read': ['admin'],
  'outbox.read': ['admin'],
  'request.submit': ['resident', 'council_member', 'advisor', 'partner'],
  'request.viewInternal': ['advisor', 'officer', 'alderman', 'admin'],
  'request.triage': ['advisor', 'admin'],
  'request.answer': ['advisor', 'officer'],
};

describe('permission matrix', () => {
  it('covers every permission', () => {
    expect(Object.keys(expected).sort()).toEqual([...permissions].sort());
  });

  const cases = permissions.flatMap((permission) => roles.map((role) => ({ permission, role, allowed: expected[permission].includes(role) })));
  it.each(cases)('$role → $permission: $allowed', ({ permission, role, allowed }) => {
    expect(can(actorWith(grantFor(role, scopeTypeOfRole[role] === 'municipality' ? null : councilA)), permission)).toBe(allowed);
  });

  it('denies everything to nobody and to an actor without grants', () => {
    for (const permission of permissions) {
      expect(can(undefined, permission)).toBe(false);
      expect(can(actorWith(), permission)).toBe(false);
    }
  });

  it('denies a role the matrix does not know', () => {
    const stranger = actorWith({ role: 'superuser' as Role, scopeType: 'municipality', scopeId: null });
    for (const permission of permissions) expect(can(stranger, permission)).toBe(false);
  });

  it('lets a council member update the contact details of their own council only', () => {
    const member = actorWith(grantFor('council_member', councilA));
    expect(can(member, 'council.updateContact', { councilId: councilA })).toBe(true);
    expect(can(member, 'council.updateContact', { councilId: councilB })).toBe(false);
    expect(can(member, 'council.updateContact', {})).toBe(false);
  });

  it('lets an advisor describe the neighbourhoods they serve only', () => {
    const advisor = actorWith(grantFor('advisor', wijkX));
    expect(can(advisor, 'neighbourhood.describe', { neighbourhoodIds: [wijkX] })).toBe(true);
    expect(can(advisor, 'neighbourhood.describe', { neighbourhoodIds: [wijkY] })).toBe(false);
  });

  it('lets an officer answer for their own department only, and an advisor for their own neighbourhoods', () => {
    const officer = actorWith({ role: 'officer', scopeType: 'department', scopeId: councilA });
    expect(can(officer, 'request.answer', { departmentId: councilA })).toBe(true);
    expect(can(officer, 'request.answer', { departmentId: councilB })).toBe(false);
    const advisor = actorWith(grantFor('advisor', wijkX));
    expect(can(advisor, 'request.triage', { neighbourhoodIds: [wijkX] })).toBe(true);
    expect(can(advisor, 'request.triage', { neighbourhoodIds: [wijkY] })).toBe(false);
  });

  it('lets an admin act anywhere in the municipality, whatever the target', () => {
    const admin = actorWith(grantFor('admin'));
    expect(can(admin, 'council.updateContact', { councilId: councilB })).toBe(true);
    expect(can(admin, 'neighbourhood.describe', { neighbourhoodIds: [wijkY] })).toBe(true);
  });

  it('combines roles: a resident who is also a council member may update their council', () => {
    const both = actorWith(grantFor('resident'), grantFor('council_member', councilB));
    expect(can(both, 'council.updateContact', { councilId: councilB })).toBe(true);
    expect(can(both, 'registry.manage')).toBe(false);
  });

  it('has no permission that nobody holds', () => {
    for (const permission of permissions) expect(Object.keys(permissionMatrix[permission]).length).toBeGreaterThan(0);
  });
});
