// The module's own permissions and field messages are known as soon as the module loads.
import './meetings.permissions.ts';
import './meeting-frequency.permissions.ts';
import './calendar-feed.permissions.ts';
import './meeting-kind.errors.ts';
import './meetings.errors.ts';
export { registerCalendarFeedRoutes } from './calendar-feed.routes.ts';
export { type CalendarFeedService, createCalendarFeedService } from './calendar-feed.service.ts';
export { calendarFeed } from './calendar-feed.tables.ts';
export { registerMeetingFrequencyRoutes } from './meeting-frequency.routes.ts';
export { createMeetingFrequencyService, type MeetingFrequencyService } from './meeting-frequency.service.ts';
export { registerMeetingKindRoutes } from './meeting-kind.routes.ts';
export { createMeetingKindService, insertDefaultMeetingKinds, type MeetingKindService } from './meeting-kind.service.ts';
export { meetingKind } from './meeting-kind.tables.ts';
export { registerMeetingRoutes } from './meeting.routes.ts';
export { createMeetingService, type MeetingService } from './meeting.service.ts';
export { meeting, meetingTheme } from './meeting.tables.ts';
