import { definePermissions } from '../../platform/permissions.ts';

/**
 * A personal calendar feed is for the people who take part in meetings: council members, advisors, aldermen,
 * officers and administrators. Residents and partners get none: a resident follows a neighbourhood's public feed,
 * which holds everything they may see, and a partner organisation's part in meetings is not recorded per person.
 * Reach 'any': what the feed holds follows from the person's own grants when it is read, not from this row.
 */
export const calendarFeedPermissions = definePermissions({
  'meeting.subscribeCalendar': { council_member: 'any', advisor: 'any', officer: 'any', alderman: 'any', admin: 'any' },
});
