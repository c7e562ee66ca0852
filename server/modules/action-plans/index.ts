// The module's own permissions and field messages are known as soon as the module loads.
import './action-plans.permissions.ts';
import './action-plans.errors.ts';
export { registerActionPlanContentRoutes } from './action-plan-content.routes.ts';
export { createActionPlanContentService } from './action-plan-content.service.ts';
export { actionPlanAction, actionPlanChallenge, actionPlanChallengeTheme, actionPlanPoint, actionProgress } from './action-plan-content.tables.ts';
export { createActionPlanContributionService } from './action-plan-contribution.service.ts';
export { actionPlanContribution, actionPlanInvitation } from './action-plan-contribution.tables.ts';
export { registerActionPlanRoutes } from './action-plan.routes.ts';
export { createActionPlanService, type ActionPlanService } from './action-plan.service.ts';
export { actionPlan, actionPlanMethod, actionPlanReport, actionPlanVersion } from './action-plan.tables.ts';
export { createActionProgressService } from './action-progress.service.ts';
export { registerActionPlanDocumentRoutes } from './action-plan-documents.routes.ts';
export { createActionPlanDocumentService } from './action-plan-documents.service.ts';
export { registerActionPlanMonitoringRoutes } from './action-plan-monitoring.routes.ts';
export { createActionPlanMonitoringService } from './action-plan-monitoring.service.ts';
export { createActionPlanReportService } from './action-plan-reports.service.ts';
export { createActionPlanReminderJobs, createActionPlanReportJobs } from './action-plan-reminders.ts';
