export { registerAdministrationRoutes } from './administration.routes.ts';
export { createAdministrationService } from './administration.service.ts';
export { createSecurityEventJobs, type SecurityAlertPolicy, securityAlertTopic, sendSecurityAlerts } from './security-alerts.ts';
