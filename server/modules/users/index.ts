// The module's own error codes and field messages are known to the error handler as soon as the module loads.
import './user.errors.ts';
import './user-import.errors.ts';
import './user.permissions.ts';
export { hashPassword, verifyPassword } from './password.ts';
export { generateToken, hashToken } from './token.ts';
export { checkPasswordStrength } from './password.rules.ts';
export type { LoginThrottlePolicy } from './login-throttle.rules.ts';
export { createLoginFailureCleanupJob, createSessionService, type SessionPolicy, type SessionService } from './session.service.ts';
export { createUserRepository, findDigestSubscribers, findNotificationPreferences, findNotificationRecipients, findRoleHolderIds, findScopeMembers, findUserSummaries, holdsRole, removeGrantsOnScope, updateNotificationPreferences } from './user.repository.ts';
export { registerUserRoutes } from './user.routes.ts';
export { createRegistrationCleanupJob, createRegistrationService, type RegistrationService } from './registration.service.ts';
export { registerRegistrationRoutes } from './registration.routes.ts';
export { createPasswordLinkService, type PasswordLinkService } from './password-link.service.ts';
export { createSecondFactorService, type SecondFactorService } from './second-factor.service.ts';
export { registerSecondFactorRoutes } from './second-factor.routes.ts';
export { totpCodeAt } from './totp.ts';
export { createUserService, type UserService } from './user.service.ts';
export { createUserImportService, type UserImportService } from './user-import.service.ts';
export { registerUserImportRoutes } from './user-import.routes.ts';
export { roleAssignment, userAccount } from './user.tables.ts';

export { createApiTokenExpiryReminderJob } from './api-token-reminders.ts';
export { createSignOnAttemptCleanupJob, createSingleSignOnService, type SingleSignOnService } from './single-sign-on.service.ts';
export { registerSingleSignOnRoutes } from './single-sign-on.routes.ts';
