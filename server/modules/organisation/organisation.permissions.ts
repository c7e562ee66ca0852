import { definePermissions } from '../../platform/permissions.ts';

/** The organisation's lists out to a spreadsheet and back in: the administrator's, like the lists themselves. */
export const organisationPermissions = definePermissions({
  'organisation.export': { admin: 'any' },
  'organisation.import': { admin: 'any' },
});
