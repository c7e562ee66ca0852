import { and, eq, gte, lt, sql } from 'drizzle-orm';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { department } from '../organisation/organisation.tables.ts';
import { createReportRepository } from './report.repository.ts';
import { reportCategory, reportSatisfaction } from './report.tables.ts';
import type { SatisfactionInput } from './report-handling.contract.ts';
import { hashOf, type ReportServiceDependencies, type ReportSteps } from './report-steps.ts';
import { invalidField } from './reports.errors.ts';

/**
 * After done, the reporter says whether they are satisfied. An unhappy answer with a reason the municipality marked
 * as reopening (not solved, badly done) opens the report again; every answer counts in the figures per category and
 * department.
 */
export function createReportSatisfactionService(steps: ReportSteps, dependencies: ReportServiceDependencies) {
  const { db, clock } = dependencies;

  return {
    async answerSatisfaction(context: UseCaseContext, token: string, input: SatisfactionInput) {
      return inTransaction(db, async (tx) => {
        const repository = createReportRepository(tx);
        const found = await repository.findByTokenHash(context.municipalityId, hashOf(token));
        if (!found) throw new DomainError('NOT_FOUND');
        const report = found.report;
        if (report.status !== 'done') throw new DomainError('REPORT_NOT_DONE');
        const settings = await steps.settingsOf(tx, context.municipalityId);
        if (input.isSatisfied && input.reasonCode) throw invalidField('body.reasonCode', 'reasonOnlyWhenUnhappy');
        const reason = input.reasonCode ? settings.satisfactionReasons.find((candidate) => candidate.code === input.reasonCode) : undefined;
        if (input.reasonCode && !reason) throw invalidField('body.reasonCode', 'unknownReason');
        const reopens = !input.isSatisfied && reason?.reopens === true;
        const now = clock.now();
        await tx.insert(reportSatisfaction).values({
          municipalityId: report.municipalityId,
          reportId: report.id,
          isSatisfied: input.isSatisfied,
          reasonCode: reason?.code ?? null,
          comment: input.comment,
          didReopen: reopens,
          categoryId: report.categoryId,
          departmentId: report.departmentId,
          answeredAt: now,
        });
        if (reopens) {
          const after = await repository.update(report.municipalityId, report.id, report.version, { status: 'reopened', closedAt: null, updatedAt: now });
          if (!after) throw new DomainError('VERSION_CONFLICT', { params: { current: report.version } });
        }
        // The reporter's words may name people: the history keeps them for staff only.
        await repository.addEvent({
          municipalityId: report.municipalityId,
          reportId: report.id,
          kind: 'satisfaction',
          fromStatus: reopens ? 'done' : null,
          toStatus: reopens ? 'reopened' : null,
          messageToReporter: reopens ? (context.language === 'en' ? 'You were not satisfied, so we have reopened your report.' : 'U was niet tevreden; daarom is uw melding heropend.') : null,
          internalNote: input.comment || null,
          details: { isSatisfied: input.isSatisfied, reasonCode: reason?.code ?? null },
          createdAt: now,
        });
        await recordAudit(tx, clock, context, { action: 'report.answerSatisfaction', entityType: 'report', entityId: report.id, after: { isSatisfied: input.isSatisfied, reasonCode: reason?.code ?? null, didReopen: reopens } });
        return { reference: report.reference, isReopened: reopens };
      });
    },

    /** The reasons a reporter chooses from, in their language. */
    async satisfactionReasons(context: UseCaseContext) {
      const settings = await steps.settingsOf(db, context.municipalityId);
      return { items: settings.satisfactionReasons.map((reason) => ({ code: reason.code, name: reason[context.language], reopens: reason.reopens })) };
    },

    /** Satisfaction per category and per department over a period: answers, satisfied, reopened. No one's words. */
    async satisfactionFigures(context: UseCaseContext, period: { from: string; to: string }) {
      const inPeriod = and(eq(reportSatisfaction.municipalityId, context.municipalityId), gte(reportSatisfaction.answeredAt, new Date(`${period.from}T00:00:00Z`)), lt(reportSatisfaction.answeredAt, new Date(`${period.to}T23:59:59Z`)));
      const counts = { answers: sql<number>`count(*)::int`, satisfied: sql<number>`count(*) filter (where ${reportSatisfaction.isSatisfied})::int`, reopened: sql<number>`count(*) filter (where ${reportSatisfaction.didReopen})::int` };
      const english = context.language === 'en';
      const byCategory = await db
        .select({ code: reportCategory.code, name: reportCategory.name, nameEn: reportCategory.nameEn, ...counts })
        .from(reportSatisfaction)
        .innerJoin(reportCategory, and(eq(reportCategory.municipalityId, reportSatisfaction.municipalityId), eq(reportCategory.id, reportSatisfaction.categoryId)))
        .where(inPeriod)
        .groupBy(reportCategory.code, reportCategory.name, reportCategory.nameEn)
        .orderBy(sql`count(*) desc`);
      const byDepartment = await db
        .select({ code: department.code, name: department.name, nameEn: department.nameEn, ...counts })
        .from(reportSatisfaction)
        .leftJoin(department, and(eq(department.municipalityId, reportSatisfaction.municipalityId), eq(department.id, reportSatisfaction.departmentId)))
        .where(inPeriod)
        .groupBy(department.code, department.name, department.nameEn)
        .orderBy(sql`count(*) desc`);
      const present = (row: { code: string | null; name: string | null; nameEn: string | null; answers: number; satisfied: number; reopened: number }) => ({
        code: row.code,
        name: (english ? (row.nameEn ?? row.name) : row.name) ?? null,
        answers: row.answers,
        satisfied: row.satisfied,
        reopened: row.reopened,
        percentSatisfied: row.answers > 0 ? Math.round((100 * row.satisfied) / row.answers) : null,
      });
      return { from: period.from, to: period.to, byCategory: byCategory.map(present), byDepartment: byDepartment.map(present) };
    },
  };
}
