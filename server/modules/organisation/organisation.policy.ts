import { type Actor, can } from '../../platform/permissions.ts';

/** Departments, partners, themes, portfolios and terms are the admin's register. */
export function canManageOrganisation(actor: Actor | undefined): boolean {
  return can(actor, 'registry.manage');
}
