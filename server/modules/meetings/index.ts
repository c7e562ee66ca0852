// The module's own permissions and field messages are known as soon as the module loads.
import './meetings.permissions.ts';
import './meeting-kind.errors.ts';
import './meetings.errors.ts';
export { registerMeetingKindRoutes } from './meeting-kind.routes.ts';
export { createMeetingKindService, insertDefaultMeetingKinds, type MeetingKindService } from './meeting-kind.service.ts';
export { meetingKind } from './meeting-kind.tables.ts';
export { registerMeetingRoutes } from './meeting.routes.ts';
export { createMeetingService, type MeetingService } from './meeting.service.ts';
export { meeting, meetingTheme } from './meeting.tables.ts';
export { registerMeetingWorkRoutes } from './meeting-work.routes.ts';
export { createMeetingAgendaService } from './meeting-agenda.service.ts';
export { createMeetingParticipantService } from './meeting-participant.service.ts';
export { createMeetingMinutesService } from './meeting-minutes.service.ts';
export { meetingAgendaItem, meetingContribution } from './meeting-agenda.tables.ts';
export { meetingParticipant } from './meeting-participant.tables.ts';
export { meetingFollowUp, meetingMinutes } from './meeting-minutes.tables.ts';
export { createMeetingReminderJobs } from './meeting-reminders.ts';
