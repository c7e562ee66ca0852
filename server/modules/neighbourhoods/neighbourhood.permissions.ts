import { definePermissions } from '../../platform/permissions.ts';

/** Neighbourhoods: an advisor describes the neighbourhoods they serve. */
export const neighbourhoodPermissions = definePermissions({
  'neighbourhood.describe': { advisor: 'scoped', admin: 'any' },
});
