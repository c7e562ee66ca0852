import { type Actor, can } from '../../platform/permissions.ts';
import { councilPermissions } from './council.permissions.ts';

/** What a council member may keep up to date for their own council; the rest is the admin's register. */
export const contactFields = new Set(['version', 'contactEmail', 'contactPhone', 'website', 'postalAddress']);

export function canManageCouncils(actor: Actor | undefined): boolean {
  return can(actor, 'registry.manage');
}

export function canUpdateCouncil(actor: Actor | undefined, councilId: string, changedFields: string[]): boolean {
  if (can(actor, 'registry.manage')) return true;
  return can(actor, councilPermissions['council.updateContact'], { councilId }) && changedFields.every((field) => contactFields.has(field));
}

/** Members' names are personal data: municipal staff, partners and council members see them; visitors and residents do not. */
export function canSeeCouncilMembers(actor: Actor | undefined): boolean {
  return can(actor, 'registry.viewInternal');
}
