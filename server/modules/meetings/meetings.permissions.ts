import { definePermissions } from '../../platform/permissions.ts';

/** Meetings: the kinds and their rules are tailored by the municipality's administrators. */
export const meetingsPermissions = definePermissions({
  'meeting.manageKinds': { admin: 'any' },
});

/**
 * Planning: the neighbourhood's advisor and administrators plan any kind; a council member plans what their council
 * may initiate (the wijkbezoek, a wijkwerkoverleg) in their own neighbourhood. Only an advisor or administrator sets
 * a rule of the note aside. Municipal staff read closed parts; so do the members of the neighbourhood's council.
 */
export const meetingPlanningPermissions = definePermissions({
  'meeting.plan': { advisor: 'scoped', council_member: 'scoped', admin: 'any' },
  'meeting.override': { advisor: 'scoped', admin: 'any' },
  'meeting.viewClosed': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any', council_member: 'scoped' },
});

/**
 * The staggered planner: an advisor runs it for their own neighbourhoods, an administrator for all. Periods without
 * meetings hold for the whole municipality (advisors and administrators). Every member of staff records their own
 * unavailable days; advisors and administrators do so for colleagues too (an alderman's secretary calls the advisor).
 */
export const meetingPlannerPermissions = definePermissions({
  'meeting.runPlanner': { advisor: 'scoped', admin: 'any' },
  'meeting.manageBlackouts': { advisor: 'any', admin: 'any' },
  'meeting.manageOwnBlockedDates': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any' },
  'meeting.manageBlockedDates': { advisor: 'any', admin: 'any' },
  'meeting.managePlannerSettings': { admin: 'any' },
});

/**
 * The minutes: the kind says who writes them. On the municipality's side the involved officer (a wijkwerkoverleg's
 * minutes are the responsible officer's), the advisor of the neighbourhood or an administrator; on the council's side
 * its members — `meeting.plan` covers those.
 */
export const meetingMinutesPermissions = definePermissions({
  'meeting.writeMinutes': { officer: 'any', advisor: 'scoped', admin: 'any' },
});
