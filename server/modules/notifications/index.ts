export { createNotificationService } from './notification.service.ts';
export { registerNotificationRoutes } from './notification.routes.ts';
