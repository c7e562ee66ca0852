import { definePermissions } from '../../platform/permissions.ts';

/** The municipality's own public texts (the accessibility statement) are the administrator's. */
export const municipalityPermissions = definePermissions({
  'municipality.manageStatements': { admin: 'any' },
});
