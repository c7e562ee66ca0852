import { type Actor, can, hasRole } from '../../platform/permissions.ts';
import { fieldsAnAdvisorMayDescribe } from './neighbourhood.rules.ts';
import { neighbourhoodPermissions } from './neighbourhood.permissions.ts';

export function canManageNeighbourhoods(actor: Actor | undefined): boolean {
  return can(actor, 'registry.manage');
}

/**
 * The agreement on meetings in a development area is made by its advisor and its programme manager, two different
 * people; either records it. Admins may correct it.
 */
export function canRecordDevelopmentAgreement(actor: Actor | undefined, neighbourhood: { id: string; programmeManagerUserId: string | null }): boolean {
  if (!actor) return false;
  if (can(actor, 'registry.manage')) return true;
  if (neighbourhood.programmeManagerUserId === actor.userId) return true;
  return can(actor, neighbourhoodPermissions['neighbourhood.describe'], { neighbourhoodIds: [neighbourhood.id] }) && hasRole(actor, 'advisor');
}

/** Admins change anything; an advisor only the description of a neighbourhood they serve. */
export function canUpdateNeighbourhood(actor: Actor | undefined, neighbourhoodId: string, changedFields: string[]): boolean {
  if (can(actor, 'registry.manage')) return true;
  return can(actor, neighbourhoodPermissions['neighbourhood.describe'], { neighbourhoodIds: [neighbourhoodId] }) && changedFields.every((field) => fieldsAnAdvisorMayDescribe.has(field));
}
