import { inTransaction } from '../../db/transaction.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError, fieldMessage, renderProblem } from '../../platform/errors.ts';
import { createReportService } from './report.service.ts';
import { createReportRepository } from './report.repository.ts';
import type { BulkReportAction } from './report-handling.contract.ts';
import { createReportHandlingService } from './report-handling.service.ts';
import { createReportSteps, type ReportServiceDependencies } from './report-steps.ts';
import { invalidField } from './reports.errors.ts';

/**
 * One change for a selection of reports, all or nothing: every report goes through the same use case as on its
 * own (with its own checks, history, audit row and message to the reporter) inside one transaction. If one cannot
 * take the change, nothing is changed and the answer names that report and why.
 */
export function createReportBulkService(dependencies: ReportServiceDependencies) {
  return {
    async changeReportsInBulk(context: UseCaseContext, input: BulkReportAction) {
      if (input.action === 'changeStatus' && !input.status) throw invalidField('body.status', 'required');
      if (input.action === 'setPriority' && !input.priority) throw invalidField('body.priority', 'required');
      if (input.action === 'assign' && input.assignedUserId === undefined) throw invalidField('body.assignedUserId', 'required');
      if (new Set(input.reportIds).size !== input.reportIds.length) throw invalidField('body.reportIds', 'duplicateInList');
      return inTransaction(dependencies.db, async (tx) => {
        const scoped = { ...dependencies, db: tx };
        const reports = createReportService(scoped);
        const handling = createReportHandlingService(createReportSteps(scoped), scoped);
        const repository = createReportRepository(tx);
        const references: string[] = [];
        if (input.assignedUserId && !(await repository.userExists(context.municipalityId, input.assignedUserId))) throw invalidField('body.assignedUserId', 'unknownReference');
        for (const [index, reportId] of input.reportIds.entries()) {
          const row = await repository.findById(context.municipalityId, reportId);
          if (!row) throw invalidField('body.reportIds', 'unknownReference');
          try {
            if (input.action === 'changeStatus') await reports.changeStatus(context, reportId, { status: input.status!, message: input.message, version: row.version });
            else if (input.action === 'assign') await handling.assignReport(context, reportId, { assignedUserId: input.assignedUserId ?? null, version: row.version });
            else await handling.setReportPriority(context, reportId, { priority: input.priority!, version: row.version });
          } catch (error) {
            if (!(error instanceof DomainError)) throw error;
            // The selection's own words for why this one cannot: the problem's title, or its first field message.
            const said = error.fields[0] ? fieldMessage(error.fields[0], context.language) : renderProblem(error.code, context.language, { params: error.params }).title;
            // A problem's title has no full stop of its own; the sentence that follows needs one before it.
            const reason = /[.!?]$/.test(said) ? said : `${said}.`;
            throw new DomainError('VALIDATION_FAILED', { fields: [{ field: `body.reportIds.${index}`, code: 'bulkRefused', params: { reference: row.reference, reason } }] });
          }
          references.push(row.reference);
        }
        return { changed: references.length, references };
      });
    },
  };
}
