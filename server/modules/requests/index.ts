export { registerRequestRoutes } from './request.routes.ts';
export { createRequestService, type RequestService } from './request.service.ts';
export { deadlinesFor } from './request.rules.ts';
export { request, requestEvent, requestTheme } from './request.tables.ts';
export { createRequestReminderJobs } from './request-reminders.ts';
