import { definePermissions } from '../../platform/permissions.ts';

/** Retention settings, the privacy statement and carrying out erasure requests are the administrator's. */
export const privacyPermissions = definePermissions({
  'privacy.manage': { admin: 'any' },
});
