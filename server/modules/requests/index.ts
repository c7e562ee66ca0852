// The module's own error codes and field messages are known to the error handler as soon as the module loads.
import './request.errors.ts';
import './request.permissions.ts';
export { registerAdviceRequestRoutes } from './advice-request.routes.ts';
export { createAdviceRequestService } from './advice-request.service.ts';
export { adviceRequest } from './advice-request.tables.ts';
export { registerRequestRoutes } from './request.routes.ts';
export { registerRequestAttachmentRoutes } from './request-attachment.routes.ts';
export { createRequestAttachmentService } from './request-attachment.service.ts';
export { createRequestService, type RequestService } from './request.service.ts';
export { createRequestExportService } from './request-export.ts';
export { registerRequestExportRoutes } from './request-export.routes.ts';
export { deadlinesFor } from './request.rules.ts';
export { request, requestEvent, requestTheme } from './request.tables.ts';
export { createRequestReminderJobs } from './request-reminders.ts';
export { allocateRequestReference } from './request-reference.ts';
export { readRequestSettings } from './request-settings.service.ts';
