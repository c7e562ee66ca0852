// The module's own permissions and field messages are known as soon as the module loads.
import './meetings.permissions.ts';
import './meeting-kind.errors.ts';
import './meetings.errors.ts';
import './meeting-planner.errors.ts';
export { registerMeetingKindRoutes } from './meeting-kind.routes.ts';
export { createMeetingKindService, insertDefaultMeetingKinds, type MeetingKindService } from './meeting-kind.service.ts';
export { meetingKind } from './meeting-kind.tables.ts';
export { registerMeetingRoutes } from './meeting.routes.ts';
export { createMeetingService, type MeetingService } from './meeting.service.ts';
export { meeting, meetingTheme } from './meeting.tables.ts';
export { registerMeetingPlannerRoutes } from './meeting-planner.routes.ts';
export { createMeetingPlannerService, type MeetingPlannerService } from './meeting-planner.service.ts';
export { blackoutPeriod, blockedPeriod, meetingPlannerSetting } from './meeting-planner.tables.ts';
