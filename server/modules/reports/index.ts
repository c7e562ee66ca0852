// The module's own error codes and field messages are known to the error handler as soon as the module loads.
import './reports.errors.ts';
import './reports.permissions.ts';
export { registerReportRoutes } from './report.routes.ts';
export { createPublicReportService } from './public-report.service.ts';
export { registerReportHandlingRoutes } from './report-handling.routes.ts';
export { createReportBulkService } from './report-bulk.service.ts';
export { createReportFiguresService } from './report-figures.service.ts';
export { createReportHandlingService } from './report-handling.service.ts';
export { createReportSatisfactionService } from './report-satisfaction.service.ts';
export { createReportSteps } from './report-steps.ts';
export { registerReportPhotoRoutes } from './report-photo.routes.ts';
export { createReportPhotoService, type ReportPhotoService } from './report-photo.service.ts';
export { createReportService, type ReportService } from './report.service.ts';
export { report, reportCategory, reportPhoto } from './report.tables.ts';
export { loadReportCategories } from './report-category-import.ts';
export { type SubmitReport, submitReportBody } from './report.contract.ts';
export type { PublicReport } from './report.presenter.ts';
export { open311StatusOf } from './report.workflow.ts';
