import { definePermissions } from '../../platform/permissions.ts';

/** Accounts, roles and API tokens are the administrator's. */
export const userPermissions = definePermissions({
  'users.manage': { admin: 'any' },
  'apiTokens.manage': { admin: 'any' },
  /** Which identity provider staff log in with: the administrator's, as it decides who gets in. */
  'singleSignOn.manage': { admin: 'any' },
  'users.import': { admin: 'any' },
});
