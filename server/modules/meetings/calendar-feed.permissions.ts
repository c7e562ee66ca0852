import { definePermissions } from '../../platform/permissions.ts';

/**
 * A personal calendar feed is for the people who take part in meetings: council members, advisors, aldermen,
 * officers, administrators, and partners (their feed holds the meetings they are invited to by name). Residents get
 * none: a resident follows a neighbourhood's public feed, which holds everything they may see. Reach 'any': what
 * the feed holds follows from the person's own grants and invitations when it is read, not from this row.
 */
export const calendarFeedPermissions = definePermissions({
  'meeting.subscribeCalendar': { council_member: 'any', advisor: 'any', officer: 'any', alderman: 'any', partner: 'any', admin: 'any' },
});
