export { registerRequestRoutes } from './request.routes.ts';
export { registerRequestAttachmentRoutes } from './request-attachment.routes.ts';
export { createRequestAttachmentService } from './request-attachment.service.ts';
export { createRequestService, type RequestService } from './request.service.ts';
export { createRequestExportService } from './request-export.ts';
export { registerRequestExportRoutes } from './request-export.routes.ts';
export { deadlinesFor } from './request.rules.ts';
export { request, requestEvent, requestTheme } from './request.tables.ts';
export { createRequestReminderJobs } from './request-reminders.ts';
