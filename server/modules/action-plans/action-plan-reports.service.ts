import { eq } from 'drizzle-orm';
import type { Executor } from '../../db/client.ts';
import { inTransaction } from '../../db/transaction.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import { municipality } from '../municipalities/municipality.tables.ts';
import { loadPlanAccess } from './action-plan-access.ts';
import { createActionPlanContentRepository } from './action-plan-content.repository.ts';
import { type ProgressReportAction, renderProgressReportPdf } from './action-plan-document.ts';
import { notifyProgressReport, planLink } from './action-plan-messages.ts';
import { isOverdue, type ProgressAction, rollUp } from './action-plan-progress.rules.ts';
import { createActionPlanReportRepository, type ReportRow } from './action-plan-report.repository.ts';
import { isReportLate, reportPeriodsUntil } from './action-plan-report.rules.ts';
import { createActionPlanRepository, type PlanRow } from './action-plan.repository.ts';
import type { ProgressReportContent } from './action-plan.tables.ts';

/** A report number from a path; anything else finds nothing (like a version number). */
export function reportNumberOf(value: string): number {
  if (!/^[1-9]\d{0,5}$/.test(value)) throw new DomainError('NOT_FOUND');
  return Number(value);
}

/** The plan's progress as it stands today: the roll-up, every action per challenge, and what was achieved. */
async function reportContentOf(tx: Executor, plan: PlanRow, today: string): Promise<ProgressReportContent> {
  const content = createActionPlanContentRepository(tx);
  const [challenges, actions] = await Promise.all([content.challenges(plan.municipalityId, plan.id), content.actions(plan.municipalityId, plan.id)]);
  const progress: ProgressAction[] = actions.map(({ action }) => ({
    id: action.id,
    challengeId: action.challengeId,
    status: action.progressStatus,
    startsOn: action.startsOn,
    deadlineOn: action.deadlineOn,
    baseline: action.baseline,
    target: action.target,
    currentValue: action.currentValue,
  }));
  const { plan: rollup } = rollUp(progress, today);
  const overdueIds = new Set(progress.filter((item) => isOverdue(item, today)).map((item) => item.id));
  return {
    versionNumber: plan.currentVersionNumber ?? 0,
    rollup: { total: rollup.total, counted: rollup.counted, done: rollup.byStatus.done, overdue: rollup.overdue, atRisk: rollup.byStatus.at_risk, delayed: rollup.byStatus.delayed, dropped: rollup.byStatus.dropped, percentDone: rollup.percentDone },
    challenges: challenges.map(({ challenge }) => ({
      title: challenge.title,
      actions: actions
        .filter(({ action }) => action.challengeId === challenge.id)
        .map(({ action, ownerName }) => ({
          actionId: action.id,
          title: action.title,
          ownerName,
          deadlineOn: action.deadlineOn,
          status: action.progressStatus,
          currentValue: action.currentValue,
          target: action.target,
          unit: action.unit,
          note: action.progressNote,
          isOverdue: overdueIds.has(action.id),
        })),
    })),
    successes: actions.filter(({ action }) => action.progressStatus === 'done').map(({ action }) => ({ actionId: action.id, title: action.title, doneOn: action.doneOn })),
  };
}

/**
 * Makes and sends every report whose period has ended and that does not exist yet (point 7). All reports made in one
 * call hold today's state: a plan adopted long before reporting began catches up with what is known now, rather than
 * with a past nobody recorded. Sending is making: the council's people hear at once, so `sentAt` is now.
 */
export async function generateDueReports(tx: Executor, clock: Clock, publicUrl: string, target: { plan: PlanRow; municipalitySlug: string }): Promise<ReportRow[]> {
  const { plan } = target;
  if (plan.adoptedOn === null || (plan.state !== 'adopted' && plan.state !== 'in_execution')) return [];
  const today = dateInAmsterdam(clock.now());
  const reports = createActionPlanReportRepository(tx);
  const existing = new Set((await reports.listReports(plan.municipalityId, plan.id)).map((row) => row.number));
  const due = reportPeriodsUntil(plan.adoptedOn, plan.reportIntervalMonths, plan.periodEndsOn, today).filter((period) => !existing.has(period.number));
  if (due.length === 0) return [];
  const content = await reportContentOf(tx, plan, today);
  const councils = await createActionPlanRepository(tx).councilsOfNeighbourhood(plan.municipalityId, plan.neighbourhoodId);
  const made: ReportRow[] = [];
  for (const period of due) {
    const now = clock.now();
    const row = await reports.insertReport({ municipalityId: plan.municipalityId, planId: plan.id, ...period, content, generatedAt: now, sentAt: now, sentOn: today });
    if (!row) continue;
    await notifyProgressReport(tx, clock, plan, councils.map((item) => item.id), period, planLink(publicUrl, target.municipalitySlug, plan.id));
    made.push(row);
  }
  return made;
}

function summaryOf(row: ReportRow, today: string) {
  return { number: row.number, periodStartsOn: row.periodStartsOn, periodEndsOn: row.periodEndsOn, dueOn: row.dueOn, sentOn: row.sentOn, isLate: isReportLate(row, row.sentOn, today) };
}

/** Progress reports to the council: read by whoever may read the plan, made by the scheduler or the advisor. */
export function createActionPlanReportService(dependencies: { db: Executor; clock: Clock; publicUrl: string }) {
  const { db, clock, publicUrl } = dependencies;
  const today = () => dateInAmsterdam(clock.now());

  async function listOf(tx: Executor, context: UseCaseContext, planId: string) {
    const rows = await createActionPlanReportRepository(tx).listReports(context.municipalityId, planId);
    return { items: rows.map((row) => summaryOf(row, today())) };
  }

  async function findReport(context: UseCaseContext, planId: string, numberInPath: string) {
    const number = reportNumberOf(numberInPath);
    const access = await loadPlanAccess(db, context, planId);
    const row = await createActionPlanReportRepository(db).findReport(context.municipalityId, planId, number);
    if (!row) throw new DomainError('NOT_FOUND');
    return { access, row };
  }

  return {
    async listReports(context: UseCaseContext, planId: string) {
      await loadPlanAccess(db, context, planId);
      return listOf(db, context, planId);
    },

    async getReport(context: UseCaseContext, planId: string, numberInPath: string) {
      const { row } = await findReport(context, planId, numberInPath);
      return { ...summaryOf(row, today()), planId, generatedAt: row.generatedAt.toISOString(), content: row.content };
    },

    async reportPdf(context: UseCaseContext, planId: string, numberInPath: string) {
      const { access, row } = await findReport(context, planId, numberInPath);
      const [place] = await db.select({ name: municipality.name }).from(municipality).where(eq(municipality.id, context.municipalityId));
      const body = await renderProgressReportPdf({
        language: context.language,
        municipalityName: place?.name ?? '',
        neighbourhoodName: access.record.neighbourhood.name,
        planTitle: access.record.plan.title,
        versionNumber: row.content.versionNumber,
        reportNumber: row.number,
        periodStartsOn: row.periodStartsOn,
        periodEndsOn: row.periodEndsOn,
        generatedOn: dateInAmsterdam(row.generatedAt),
        rollup: row.content.rollup,
        challenges: row.content.challenges.map((challenge) => ({ title: challenge.title, actions: challenge.actions as ProgressReportAction[] })),
        successes: row.content.successes,
      });
      return { body, mediaType: 'application/pdf', fileName: `voortgang-${access.record.neighbourhood.slug}-${row.number}.pdf` };
    },

    /** The advisor makes the due reports now instead of waiting for the night's run; each one sent is audited. */
    async generateReportsNow(context: UseCaseContext, planId: string) {
      return inTransaction(db, async (tx) => {
        const access = await loadPlanAccess(tx, context, planId);
        if (!access.mayManage) throw new DomainError('FORBIDDEN');
        const made = await generateDueReports(tx, clock, publicUrl, { plan: access.record.plan, municipalitySlug: context.municipalitySlug ?? '' });
        for (const row of made) {
          await recordAudit(tx, clock, context, { action: 'actionPlan.sendProgressReport', entityType: 'action_plan', entityId: planId, after: { number: row.number, periodStartsOn: row.periodStartsOn, periodEndsOn: row.periodEndsOn } });
        }
        return listOf(tx, context, planId);
      });
    },
  };
}

export type ActionPlanReportService = ReturnType<typeof createActionPlanReportService>;
