import { definePermissions } from '../../platform/permissions.ts';

/**
 * The frequency overview: municipal staff follow every neighbourhood; a council member their own neighbourhood's
 * rhythm (it is their meetings too). The advisor records the yearly number of wijkwerkoverleggen for the
 * neighbourhoods they serve, after sounding out college and council; an administrator may correct it.
 */
export const meetingFrequencyPermissions = definePermissions({
  'meeting.viewFrequency': { advisor: 'any', officer: 'any', alderman: 'any', admin: 'any', council_member: 'scoped' },
  'meeting.recordYearlyTarget': { advisor: 'scoped', admin: 'any' },
});
