import { definePermissions } from '../../platform/permissions.ts';

/** Meetings: the kinds and their rules are tailored by the municipality's administrators. */
export const meetingsPermissions = definePermissions({
  'meeting.manageKinds': { admin: 'any' },
});
