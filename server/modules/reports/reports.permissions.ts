import { definePermissions } from '../../platform/permissions.ts';

/**
 * Who may do what with public-space reports. Reporting needs no account (the route is public). 'scoped' rows
 * are checked again against the report in report.policy.ts: officers handle their department's reports,
 * advisors read their neighbourhoods'.
 */
export const reportsPermissions = definePermissions({
  'report.read': { officer: 'scoped', advisor: 'scoped', alderman: 'any', admin: 'any' },
  'report.handle': { officer: 'scoped', admin: 'any' },
  'report.configure': { admin: 'any' },
});
