import { describe, expect, it } from 'vitest';
// The requests module's rows, so the matrix below is the whole one.
import '../modules/councils/council.permissions.ts';
import '../modules/insights/insights.permissions.ts';
import '../modules/action-plans/action-plans.permissions.ts';
import '../modules/meetings/meetings.permissions.ts';
import '../modules/meetings/meeting-frequency.permissions.ts';
import '../modules/meetings/calendar-feed.permissions.ts';
import '../modules/municipalities/municipality.permissions.ts';
import '../modules/neighbourhoods/neighbourhood.permissions.ts';
import '../modules/organisation/organisation.permissions.ts';
import '../modules/privacy/privacy.permissions.ts';
import '../modules/reports/reports.permissions.ts';
import '../modules/requests/request.permissions.ts';
import '../modules/users/user.permissions.ts';
import { type Actor, can, hasRole, knownPermissions, type Permission, type PermissionTarget, type Role, type RoleGrant, roles, scopeIdsOf, scopeTypeOfRole } from './permissions.ts';

const permissions = knownPermissions();

// The permission matrix as the municipality agreed it, written out independently of permissions.ts:
// 'any' = everywhere in the municipality, 'own' = only within the role's own scope (their council,
// neighbourhoods, department, portfolio or organisation), '-' = never. Deny by default: a role missing
// from a row is '-'.
type Reach = 'any' | 'own' | '-';
const matrix: Record<Permission, Partial<Record<Role, Reach>>> = {
  'home.view': { resident: 'any', council_member: 'any', advisor: 'any', officer: 'any', alderman: 'any', partner: 'any', admin: 'any' },
  'registry.viewInternal': { council_member: 'any', advisor: 'any', officer: 'any', alderman: 'any', partner: 'any', admin: 'any' },
  'registry.manage': { admin: 'any' },
  'neighbourhood.describe': { advisor: 'own', admin: 'any' },
  'council.updateContact': { council_member: 'own', admin: 'any' },
  'users.manage': { admin: 'any' },
  'apiTokens.manage': { admin: 'any' },
  'singleSignOn.manage': { admin: 'any' },
  'users.import': { admin: 'any' },
  'organisation.export': { admin: 'any' },
  'organisation.import': { admin: 'any' },
  'audit.read': { admin: 'any' },
  'outbox.read': { admin: 'any' },
  'securityEvents.read': { admin: 'any' },
  'request.submit': { resident: 'any', council_member: 'own', advisor: 'any', partner: 'own' },
  'request.viewInternal': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any' },
  'request.triage': { advisor: 'own', admin: 'any' },
  'request.answer': { advisor: 'own', officer: 'own' },
  'request.configure': { admin: 'any' },
  'adviceRequest.create': { advisor: 'any', officer: 'any', admin: 'any' },
  'privacy.manage': { admin: 'any' },
  'report.read': { officer: 'own', advisor: 'own', alderman: 'any', admin: 'any' },
  'report.handle': { officer: 'own', admin: 'any' },
  'report.configure': { admin: 'any' },
  'insights.manage': { admin: 'any' },
  'meeting.manageKinds': { admin: 'any' },
  'meeting.plan': { advisor: 'own', council_member: 'own', admin: 'any' },
  'meeting.override': { advisor: 'own', admin: 'any' },
  'meeting.viewClosed': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any', council_member: 'own' },
  'meeting.runPlanner': { advisor: 'own', admin: 'any' },
  'meeting.manageBlackouts': { advisor: 'any', admin: 'any' },
  'meeting.manageOwnBlockedDates': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any' },
  'meeting.manageBlockedDates': { advisor: 'any', admin: 'any' },
  'actionPlan.manageMethod': { advisor: 'any', admin: 'any' },
  'actionPlan.manage': { advisor: 'own', admin: 'any' },
  'actionPlan.view': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any', council_member: 'own', partner: 'own' },
  'actionPlan.contribute': { council_member: 'own', partner: 'own', officer: 'own' },
  'actionPlan.postProgress': { council_member: 'own', partner: 'own', officer: 'own', advisor: 'own', admin: 'any' },
  'actionPlan.viewAttention': { advisor: 'own', admin: 'any' },
  'actionPlan.viewSubsidyCondition': { advisor: 'any', admin: 'any' },
  'meeting.managePlannerSettings': { admin: 'any' },
  'meeting.viewFrequency': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any', council_member: 'own' },
  'meeting.recordYearlyTarget': { advisor: 'own', admin: 'any' },
  'meeting.subscribeCalendar': { council_member: 'any', advisor: 'any', officer: 'any', alderman: 'any', partner: 'any', admin: 'any' },
  'meeting.writeMinutes': { officer: 'any', advisor: 'own', admin: 'any' },
  'municipality.manageStatements': { admin: 'any' },
  'municipality.manageAppearance': { admin: 'any' },
};

const reachOf = (permission: Permission, role: Role): Reach => matrix[permission][role] ?? '-';

// Two scopes of every kind: the actor's own (A) and someone else's (B).
const own = { council: 'c0000000-0000-4000-8000-00000000000a', neighbourhood: 'a0000000-0000-4000-8000-00000000000a', department: 'd0000000-0000-4000-8000-00000000000a', portfolio: 'f0000000-0000-4000-8000-00000000000a', partner_organisation: 'b0000000-0000-4000-8000-00000000000a' };
const other = { council: 'c0000000-0000-4000-8000-00000000000b', neighbourhood: 'a0000000-0000-4000-8000-00000000000b', department: 'd0000000-0000-4000-8000-00000000000b', portfolio: 'f0000000-0000-4000-8000-00000000000b', partner_organisation: 'b0000000-0000-4000-8000-00000000000b' };
type Scopes = typeof own;

function actorWith(...grants: RoleGrant[]): Actor {
  return { userId: 'u', municipalityId: 'm', displayName: 'Test', email: 't@example.org', grants, authenticatedBy: 'session' };
}

/** A grant of the role on the actor's own scope (municipality-wide roles have none). */
function grantFor(role: Role, scopes: Scopes = own): RoleGrant {
  const scopeType = scopeTypeOfRole[role];
  return { role, scopeType, scopeId: scopeType === 'municipality' ? null : scopes[scopeType] };
}

/** A record in the given scopes, as a use case would describe it to can(). */
function targetIn(scopes: Scopes): PermissionTarget {
  return { councilId: scopes.council, neighbourhoodIds: [scopes.neighbourhood], departmentId: scopes.department, portfolioId: scopes.portfolio, partnerOrganisationId: scopes.partner_organisation };
}

const cells = permissions.flatMap((permission) => roles.map((role) => ({ role, permission, reach: reachOf(permission, role) })));

describe('permission matrix: role × action', () => {
  it('lists exactly the permissions the application knows', () => {
    expect(Object.keys(matrix).sort()).toEqual([...permissions].sort());
  });

  it.each(cells)('$role may $permission at the route ($reach)', ({ role, permission, reach }) => {
    // Without a record, a scoped role gets through the route; the use case then checks the record.
    expect(can(actorWith(grantFor(role)), permission)).toBe(reach !== '-');
  });

  it.each(cells)('$role may $permission on a record in their own scope ($reach)', ({ role, permission, reach }) => {
    expect(can(actorWith(grantFor(role)), permission, targetIn(own))).toBe(reach !== '-');
  });

  it.each(cells)('$role may $permission on a record in someone else’s scope only with reach "any" ($reach)', ({ role, permission, reach }) => {
    expect(can(actorWith(grantFor(role)), permission, targetIn(other))).toBe(reach === 'any');
  });
});

describe('scoped roles', () => {
  const councilA = own.council;
  const councilB = other.council;
  const wijkX = own.neighbourhood;
  const wijkY = other.neighbourhood;

  type ScopedCase = { permission: Permission; target: PermissionTarget; allowed: boolean };
  it.each<ScopedCase & { who: string }>([
    { who: 'member of council A', permission: 'council.updateContact', target: { councilId: councilA }, allowed: true },
    { who: 'member of council A', permission: 'council.updateContact', target: { councilId: councilB }, allowed: false },
    { who: 'member of council A', permission: 'council.updateContact', target: {}, allowed: false },
    { who: 'member of council A', permission: 'request.submit', target: { councilId: councilA }, allowed: true },
    { who: 'member of council A', permission: 'request.submit', target: { councilId: councilB }, allowed: false },
    { who: 'member of council A', permission: 'request.submit', target: { neighbourhoodIds: [wijkX] }, allowed: false },
  ])('$who → $permission $target: $allowed', ({ permission, target, allowed }) => {
    expect(can(actorWith({ role: 'council_member', scopeType: 'council', scopeId: councilA }), permission, target)).toBe(allowed);
  });

  it.each<ScopedCase>([
    { permission: 'neighbourhood.describe', target: { neighbourhoodIds: [wijkX] }, allowed: true },
    { permission: 'neighbourhood.describe', target: { neighbourhoodIds: [wijkY] }, allowed: false },
    { permission: 'request.triage', target: { neighbourhoodIds: [wijkX] }, allowed: true },
    { permission: 'request.triage', target: { neighbourhoodIds: [wijkY] }, allowed: false },
    { permission: 'request.answer', target: { neighbourhoodIds: [wijkY, wijkX] }, allowed: true },
    { permission: 'request.answer', target: { neighbourhoodIds: [] }, allowed: false },
    { permission: 'request.triage', target: { councilId: councilA }, allowed: false },
  ])('advisor of neighbourhood X → $permission $target: $allowed', ({ permission, target, allowed }) => {
    expect(can(actorWith({ role: 'advisor', scopeType: 'neighbourhood', scopeId: wijkX }), permission, target)).toBe(allowed);
  });

  it('lets an advisor of several neighbourhoods act in each of them and in no other', () => {
    const advisor = actorWith(grantFor('advisor'), { role: 'advisor', scopeType: 'neighbourhood', scopeId: wijkY });
    expect(can(advisor, 'request.triage', { neighbourhoodIds: [wijkX] })).toBe(true);
    expect(can(advisor, 'request.triage', { neighbourhoodIds: [wijkY] })).toBe(true);
    expect(can(advisor, 'request.triage', { neighbourhoodIds: ['a0000000-0000-4000-8000-00000000000c'] })).toBe(false);
    expect(scopeIdsOf(advisor, 'advisor')).toEqual([wijkX, wijkY]);
  });

  it('lets an officer answer for their own department only, and a partner submit for their own organisation only', () => {
    const officer = actorWith(grantFor('officer'));
    expect(can(officer, 'request.answer', { departmentId: own.department })).toBe(true);
    expect(can(officer, 'request.answer', { departmentId: other.department })).toBe(false);
    const partner = actorWith(grantFor('partner'));
    expect(can(partner, 'request.submit', { partnerOrganisationId: own.partner_organisation })).toBe(true);
    expect(can(partner, 'request.submit', { partnerOrganisationId: other.partner_organisation })).toBe(false);
  });

  it('lets an admin act anywhere in the municipality, whatever the target', () => {
    const admin = actorWith(grantFor('admin'));
    expect(can(admin, 'council.updateContact', { councilId: councilB })).toBe(true);
    expect(can(admin, 'neighbourhood.describe', { neighbourhoodIds: [wijkY] })).toBe(true);
    expect(can(admin, 'request.answer', { departmentId: other.department })).toBe(false);
  });

  it('adds roles up: a resident who is also a member of council B may update council B, and nothing more', () => {
    const both = actorWith(grantFor('resident'), grantFor('council_member', other));
    expect(hasRole(both, 'council_member')).toBe(true);
    expect(can(both, 'council.updateContact', { councilId: councilB })).toBe(true);
    expect(can(both, 'council.updateContact', { councilId: councilA })).toBe(false);
    expect(can(both, 'registry.manage')).toBe(false);
  });
});

describe('deny by default', () => {
  it('allows nothing to nobody and nothing to an actor without grants', () => {
    for (const permission of permissions) {
      expect(can(undefined, permission), permission).toBe(false);
      expect(can(actorWith(), permission), permission).toBe(false);
      expect(can(actorWith(), permission, targetIn(own)), permission).toBe(false);
    }
  });

  // Roles come from the database; a value that is no role must give nothing, also when it happens to be
  // the name of something every JavaScript object has.
  it.each(['superuser', 'root', 'Admin', 'constructor', 'toString', '__proto__', 'hasOwnProperty', 'valueOf', ''])('allows nothing to the unknown role "%s"', (role) => {
    const stranger = actorWith({ role: role as Role, scopeType: 'municipality', scopeId: null });
    for (const permission of permissions) {
      expect(can(stranger, permission), permission).toBe(false);
      expect(can(stranger, permission, targetIn(own)), permission).toBe(false);
    }
  });

  it('allows nothing on a grant whose kind of scope does not fit its role', () => {
    const everywhereMember = actorWith({ role: 'council_member', scopeType: 'municipality', scopeId: null });
    const councilAdmin = actorWith({ role: 'admin', scopeType: 'council', scopeId: own.council });
    for (const permission of permissions) {
      expect(can(everywhereMember, permission, targetIn(own)), permission).toBe(false);
      expect(can(councilAdmin, permission), permission).toBe(false);
    }
  });

  it('allows a scoped role nothing on a record when its grant names no scope', () => {
    const advisorWithoutWijk = actorWith({ role: 'advisor', scopeType: 'neighbourhood', scopeId: null });
    expect(can(advisorWithoutWijk, 'request.triage', targetIn(own))).toBe(false);
    expect(can(advisorWithoutWijk, 'neighbourhood.describe', { neighbourhoodIds: [] })).toBe(false);
  });

  it('has no permission that nobody holds', () => {
    for (const permission of permissions) expect(roles.some((role) => reachOf(permission, role) !== '-'), permission).toBe(true);
  });
});
