import { type Actor, can } from '../../platform/permissions.ts';
import { fieldsAnAdvisorMayDescribe } from './neighbourhood.rules.ts';

export function canManageNeighbourhoods(actor: Actor | undefined): boolean {
  return can(actor, 'registry.manage');
}

/** Admins change anything; an advisor only the description of a neighbourhood they serve. */
export function canUpdateNeighbourhood(actor: Actor | undefined, neighbourhoodId: string, changedFields: string[]): boolean {
  if (can(actor, 'registry.manage')) return true;
  return can(actor, 'neighbourhood.describe', { neighbourhoodIds: [neighbourhoodId] }) && changedFields.every((field) => fieldsAnAdvisorMayDescribe.has(field));
}
