export { createNotificationService } from './notification.service.ts';
export { registerNotificationRoutes } from './notification.routes.ts';
export { type Notice, readableDate, readableMoment } from './notice.ts';
export { type Notification, notifyUsers, sendDailyDigests } from './notify.ts';
