import { definePermissions } from '../../platform/permissions.ts';

/** The municipality's own public texts (the accessibility statement) and its look and contact details are the administrator's. */
export const municipalityPermissions = definePermissions({
  'municipality.manageStatements': { admin: 'any' },
  'municipality.manageAppearance': { admin: 'any' },
});
