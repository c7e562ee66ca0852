import { sql, type SQL } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';
import type { AttentionReason } from './action-plan-progress.rules.ts';

export interface AttentionFilter {
  /** Null: every neighbourhood (an administrator); otherwise only these (an advisor's). */
  neighbourhoodIds: string[] | null;
  neighbourhoodId?: string;
  reason?: AttentionReason;
  today: string;
  /** The last day that still counts as "deadline soon". */
  soonUntil: string;
}

export interface AttentionRow {
  action_id: string;
  action_title: string;
  deadline_on: string | null;
  progress_status: string;
  reason: AttentionReason;
  owner_name: string | null;
  plan_id: string;
  plan_title: string;
  neighbourhood_id: string;
  neighbourhood_name: string;
}

export interface SubsidyConditionRow {
  council_id: string;
  council_name: string;
  neighbourhood_id: string;
  neighbourhood_name: string;
  plan_id: string | null;
  plan_title: string | null;
  plan_state: string | null;
  period_starts_on: string | null;
  period_ends_on: string | null;
  first_contributed_at: Date | string | null;
}

/**
 * The reporting queries of monitoring: the advisor's attention list and the subsidy condition. Raw SQL because both
 * are shaped by their indexes; every query filters on the municipality first.
 */
export function createActionPlanMonitoringRepository(db: Executor) {
  /**
   * Why an action needs attention, in the order `attentionOf` (the pure rule) decides it: overdue beats the owner's
   * own status, and an action already at risk or delayed is not also "soon".
   */
  function reasonOf(filter: AttentionFilter): SQL {
    return sql`case when a.deadline_on < ${filter.today}::date then 'overdue'
      when a.progress_status in ('at_risk', 'delayed') then a.progress_status
      else 'deadline_soon' end`;
  }

  function reasonCondition(filter: AttentionFilter): SQL {
    const notOverdue = sql`(a.deadline_on is null or a.deadline_on >= ${filter.today}::date)`;
    switch (filter.reason) {
      case 'overdue':
        return sql`a.deadline_on < ${filter.today}::date`;
      case 'at_risk':
      case 'delayed':
        return sql`a.progress_status = ${filter.reason} and ${notOverdue}`;
      case 'deadline_soon':
        return sql`a.deadline_on >= ${filter.today}::date and a.deadline_on <= ${filter.soonUntil}::date and a.progress_status not in ('at_risk', 'delayed')`;
      default:
        return sql`(a.deadline_on <= ${filter.soonUntil}::date or a.progress_status in ('at_risk', 'delayed'))`;
    }
  }

  /**
   * The open actions of adopted plans and plans in execution. `a.progress_status not in ('done', 'dropped')` is
   * written exactly as the predicate of `action_plan_action_attention_idx`, so the planner can use that index to
   * walk the municipality's open actions by deadline.
   */
  function attentionWhere(municipalityId: string, filter: AttentionFilter): SQL {
    const conditions: SQL[] = [
      sql`a.municipality_id = ${municipalityId}`,
      sql`a.progress_status not in ('done', 'dropped')`,
      sql`p.state in ('adopted', 'in_execution')`,
      reasonCondition(filter),
    ];
    if (filter.neighbourhoodIds !== null) conditions.push(filter.neighbourhoodIds.length ? sql`p.neighbourhood_id in ${filter.neighbourhoodIds}` : sql`false`);
    if (filter.neighbourhoodId) conditions.push(sql`p.neighbourhood_id = ${filter.neighbourhoodId}`);
    return sql.join(conditions, sql` and `);
  }

  const fromPlans = sql`from action_plan_action a
    join action_plan p on p.municipality_id = a.municipality_id and p.id = a.plan_id`;

  return {
    async attentionList(municipalityId: string, filter: AttentionFilter, page: { limit: number; offset: number }) {
      const where = attentionWhere(municipalityId, filter);
      const rows = await queryRows<AttentionRow>(
        db,
        sql`select a.id as action_id, a.title as action_title, a.deadline_on::text as deadline_on, a.progress_status,
            ${reasonOf(filter)} as reason,
            coalesce(d.name, o.name, c.name) as owner_name,
            p.id as plan_id, p.title as plan_title, n.id as neighbourhood_id, n.name as neighbourhood_name
          ${fromPlans}
          join neighbourhood n on n.municipality_id = p.municipality_id and n.id = p.neighbourhood_id
          left join department d on d.municipality_id = a.municipality_id and d.id = a.owner_department_id
          left join partner_organisation o on o.municipality_id = a.municipality_id and o.id = a.owner_partner_organisation_id
          left join council c on c.municipality_id = a.municipality_id and c.id = a.owner_council_id
          where ${where}
          order by a.deadline_on asc nulls last, a.id
          limit ${page.limit} offset ${page.offset}`,
      );
      const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total ${fromPlans} where ${where}`);
      return { rows, total };
    },

    /**
     * Per council: the plan of its neighbourhood whose period overlaps the year (the latest, when two do) and the
     * council's first contribution to that plan, in any state. The lateral joins keep it one row per council.
     */
    async subsidyCondition(municipalityId: string, year: number, page: { limit: number; offset: number }) {
      const yearStartsOn = `${year}-01-01`;
      const yearEndsOn = `${year}-12-31`;
      const rows = await queryRows<SubsidyConditionRow>(
        db,
        sql`select c.id as council_id, c.name as council_name, n.id as neighbourhood_id, n.name as neighbourhood_name,
            p.id as plan_id, p.title as plan_title, p.state as plan_state,
            p.period_starts_on::text as period_starts_on, p.period_ends_on::text as period_ends_on,
            k.first_contributed_at
          from council c
          join neighbourhood n on n.municipality_id = c.municipality_id and n.id = c.neighbourhood_id
          left join lateral (
            select p.id, p.title, p.state, p.period_starts_on, p.period_ends_on from action_plan p
            where p.municipality_id = c.municipality_id and p.neighbourhood_id = c.neighbourhood_id
              and p.period_starts_on <= ${yearEndsOn}::date and p.period_ends_on >= ${yearStartsOn}::date
            order by p.period_starts_on desc, p.created_at desc limit 1
          ) p on true
          left join lateral (
            select min(k.submitted_at) as first_contributed_at from action_plan_contribution k
            where k.municipality_id = c.municipality_id and k.council_id = c.id and k.plan_id = p.id
          ) k on true
          where c.municipality_id = ${municipalityId}
          order by c.name, c.id
          limit ${page.limit} offset ${page.offset}`,
      );
      const [{ total }] = await queryRows<{ total: number }>(db, sql`select count(*)::int as total from council where municipality_id = ${municipalityId}`);
      return { rows, total };
    },
  };
}
