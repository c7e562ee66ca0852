// The module's own error codes and permissions are known as soon as the module loads.
import './privacy.errors.ts';
import './privacy.permissions.ts';
export { privacySettingsSchema, type PrivacySettings } from './privacy.contract.ts';
export { defaultPrivacySettings } from './privacy.rules.ts';
export { registerPrivacyRoutes } from './privacy.routes.ts';
export { createPrivacyService, type PrivacyService } from './privacy.service.ts';
export { erasureRequest } from './privacy.tables.ts';
export { createRetentionJobs } from './retention.jobs.ts';
