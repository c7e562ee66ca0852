import { definePermissions } from '../../platform/permissions.ts';

/** Councils: a member keeps their own council's contact details up to date. */
export const councilPermissions = definePermissions({
  'council.updateContact': { council_member: 'scoped', admin: 'any' },
});
