import { definePermissions } from '../../platform/permissions.ts';

/** Whether the responsiveness figures are public is the administrator's choice. */
export const insightsPermissions = definePermissions({
  'insights.manage': { admin: 'any' },
});
