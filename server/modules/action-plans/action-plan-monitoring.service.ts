import type { Executor } from '../../db/client.ts';
import { recordAudit } from '../../platform/audit-log.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { DomainError } from '../../platform/errors.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import { can, scopeIdsOf } from '../../platform/permissions.ts';
import { addDays, dateInAmsterdam } from '../../platform/working-days.ts';
import type { AttentionQuery, SubsidyConditionQuery } from './action-plan-monitoring.contract.ts';
import { createActionPlanMonitoringRepository, type SubsidyConditionRow } from './action-plan-monitoring.repository.ts';
import type { ProgressStatus } from './action-plan-progress.rules.ts';
import { type SubsidyConditionExportRow, subsidyConditionCsv, subsidyConditionXlsx } from './action-plan-subsidy-export.ts';
import type { ActionPlanState } from './action-plan.workflow.ts';
import { actionPlanPermissions as permissions } from './action-plans.permissions.ts';

/** How far ahead a deadline counts as "soon" on the attention list. */
const soonDays = 14;
/** An export is bounded like every list; a municipality has a few dozen councils, not thousands. */
const exportLimit = 5_000;

const mediaTypes = { csv: 'text/csv; charset=utf-8', xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet' } as const;

function presentSubsidyRow(row: SubsidyConditionRow) {
  const firstContributedAt = row.first_contributed_at === null ? null : new Date(row.first_contributed_at);
  return {
    council: { id: row.council_id, name: row.council_name },
    neighbourhood: { id: row.neighbourhood_id, name: row.neighbourhood_name },
    plan:
      row.plan_id === null
        ? null
        : { id: row.plan_id, title: row.plan_title as string, state: row.plan_state as ActionPlanState, periodStartsOn: row.period_starts_on as string, periodEndsOn: row.period_ends_on as string },
    hasContributed: firstContributedAt !== null,
    firstContributedAt: firstContributedAt?.toISOString() ?? null,
  };
}

/** Monitoring across plans: which actions need the advisor now, and which councils met the subsidy condition. */
export function createActionPlanMonitoringService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  return {
    /**
     * An administrator sees the whole municipality; an advisor their own neighbourhoods. Asking for a neighbourhood
     * outside them finds nothing rather than an error, as a filter does.
     */
    async attentionList(context: UseCaseContext, query: AttentionQuery) {
      // The target no advisor is scoped to tells an administrator ('any') apart from an advisor ('scoped').
      const seesAll = can(context.actor, permissions['actionPlan.viewAttention'], { neighbourhoodIds: [] });
      const today = dateInAmsterdam(clock.now());
      const { rows, total } = await createActionPlanMonitoringRepository(db).attentionList(
        context.municipalityId,
        { neighbourhoodIds: seesAll ? null : scopeIdsOf(context.actor, 'advisor'), neighbourhoodId: query.neighbourhoodId, reason: query.reason, today, soonUntil: addDays(today, soonDays) },
        { limit: query.pageSize, offset: offsetOf(query) },
      );
      const items = rows.map((row) => ({
        action: { id: row.action_id, title: row.action_title, deadlineOn: row.deadline_on, status: row.progress_status as ProgressStatus },
        reason: row.reason,
        ownerName: row.owner_name,
        plan: { id: row.plan_id, title: row.plan_title },
        neighbourhood: { id: row.neighbourhood_id, name: row.neighbourhood_name },
      }));
      return pageOf(items, total, query);
    },

    async subsidyCondition(context: UseCaseContext, query: SubsidyConditionQuery) {
      if (!can(context.actor, permissions['actionPlan.viewSubsidyCondition'])) throw new DomainError('FORBIDDEN');
      const { rows, total } = await createActionPlanMonitoringRepository(db).subsidyCondition(context.municipalityId, query.year, { limit: query.pageSize, offset: offsetOf(query) });
      return { ...pageOf(rows.map(presentSubsidyRow), total, query), year: query.year };
    },

    /** The whole year as CSV or Excel, recorded in the audit log like the action export. */
    async subsidyConditionExport(context: UseCaseContext, year: number, format: 'csv' | 'xlsx') {
      if (!can(context.actor, permissions['actionPlan.viewSubsidyCondition'])) throw new DomainError('FORBIDDEN');
      const { rows } = await createActionPlanMonitoringRepository(db).subsidyCondition(context.municipalityId, year, { limit: exportLimit, offset: 0 });
      const exported: SubsidyConditionExportRow[] = rows.map(presentSubsidyRow).map((row) => ({
        councilName: row.council.name,
        neighbourhoodName: row.neighbourhood.name,
        planTitle: row.plan?.title ?? null,
        periodStartsOn: row.plan?.periodStartsOn ?? null,
        periodEndsOn: row.plan?.periodEndsOn ?? null,
        hasContributed: row.hasContributed,
        firstContributedOn: row.firstContributedAt === null ? null : dateInAmsterdam(new Date(row.firstContributedAt)),
      }));
      const body = format === 'csv' ? Buffer.from(subsidyConditionCsv(exported, context.language), 'utf8') : await subsidyConditionXlsx(exported, context.language, year);
      await recordAudit(db, clock, context, { action: 'actionPlan.exportSubsidyCondition', entityType: 'municipality', entityId: context.municipalityId, after: { year, format, councils: exported.length } });
      return { body, mediaType: mediaTypes[format], fileName: `subsidievoorwaarde-wijkactieplan-${year}.${format}` };
    },
  };
}

export type ActionPlanMonitoringService = ReturnType<typeof createActionPlanMonitoringService>;
