import { definePermissions } from '../../platform/permissions.ts';

/**
 * Who may do what with requests, as rows of the one permission matrix. 'scoped' rows are checked again against
 * the request itself in request.policy.ts: its neighbourhood, its departments, its council.
 */
export const requestPermissions = definePermissions({
  'request.submit': { resident: 'any', council_member: 'scoped', partner: 'scoped', advisor: 'any' },
  'request.viewInternal': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any' },
  'request.triage': { advisor: 'scoped', admin: 'any' },
  'request.answer': { officer: 'scoped', advisor: 'scoped' },
  'request.configure': { admin: 'any' },
  'adviceRequest.create': { advisor: 'any', officer: 'any', admin: 'any' },
});
