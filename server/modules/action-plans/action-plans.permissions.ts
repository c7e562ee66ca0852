import { definePermissions } from '../../platform/permissions.ts';

/**
 * Action plans (§3.2, §3.3, §4.1). The municipality's way of working is set by its advisors and administrators. The
 * neighbourhood's advisor makes the plan come about and monitors it (an administrator may stand in). Municipal staff
 * read every plan; a council member the plans of their council's neighbourhood; a partner the plans their
 * organisation is invited to or owns an action in. The parties contribute when invited, and the owner of an action
 * reports its progress (a department's officers, a partner's people, the council's members).
 */
export const actionPlanPermissions = definePermissions({
  'actionPlan.manageMethod': { advisor: 'any', admin: 'any' },
  'actionPlan.manage': { advisor: 'scoped', admin: 'any' },
  'actionPlan.view': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any', council_member: 'scoped', partner: 'scoped' },
  'actionPlan.contribute': { council_member: 'scoped', partner: 'scoped', officer: 'scoped' },
  'actionPlan.postProgress': { council_member: 'scoped', partner: 'scoped', officer: 'scoped', advisor: 'scoped', admin: 'any' },
  'actionPlan.viewAttention': { advisor: 'scoped', admin: 'any' },
  'actionPlan.viewSubsidyCondition': { advisor: 'any', admin: 'any' },
});
