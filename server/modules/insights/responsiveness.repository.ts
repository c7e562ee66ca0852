import { type SQL, sql } from 'drizzle-orm';
import { type Executor, queryRows } from '../../db/client.ts';

export type Grouping = 'department' | 'neighbourhood' | 'month';

export interface ResponsivenessRow {
  key: string | null;
  label: string | null;
  total: number;
  acknowledged: number;
  answered: number;
  medianDaysToAcknowledge: number | null;
  p90DaysToAcknowledge: number | null;
  medianDaysToAnswer: number | null;
  p90DaysToAnswer: number | null;
  answeredOnTime: number;
  nuDue: number;
  nuCarriedOutInTime: number;
}

const days = (later: SQL, earlier: SQL) => sql`extract(epoch from (${later} - ${earlier})) / 86400.0`;

/** Reporting SQL: one pass over a municipality's requests of a period, grouped in the database. */
export function createResponsivenessRepository(db: Executor) {
  return {
    /**
     * `shortTermWeeks`: a nu is carried out within this many weeks of the answer. A nu counts once it was carried
     * out or its short term has ended; it is in time when carried out by the end of the short term.
     */
    async figures(municipalityId: string, from: string, to: string, grouping: Grouping, shortTermWeeks: number, today: string, language: 'nl' | 'en' = 'nl'): Promise<ResponsivenessRow[]> {
      const group = {
        department: { key: sql`r.lead_department_id::text`, label: language === 'en' ? sql`coalesce(d.name_en, d.name)` : sql`d.name`, join: sql`left join department d on d.id = r.lead_department_id` },
        neighbourhood: { key: sql`r.neighbourhood_id::text`, label: sql`n.name`, join: sql`left join neighbourhood n on n.id = r.neighbourhood_id` },
        month: { key: sql`to_char(r.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM')`, label: sql`to_char(r.created_at at time zone 'Europe/Amsterdam', 'YYYY-MM')`, join: sql`` },
      }[grouping];
      return queryRows<ResponsivenessRow>(
        db,
        sql`
          select ${group.key} as "key", ${group.label} as "label",
            count(*)::int as "total",
            count(r.acknowledged_at)::int as "acknowledged",
            count(r.answered_at)::int as "answered",
            percentile_cont(0.5) within group (order by ${days(sql`r.acknowledged_at`, sql`r.created_at`)}) as "medianDaysToAcknowledge",
            percentile_cont(0.9) within group (order by ${days(sql`r.acknowledged_at`, sql`r.created_at`)}) as "p90DaysToAcknowledge",
            percentile_cont(0.5) within group (order by ${days(sql`r.answered_at`, sql`r.created_at`)}) as "medianDaysToAnswer",
            percentile_cont(0.9) within group (order by ${days(sql`r.answered_at`, sql`r.created_at`)}) as "p90DaysToAnswer",
            count(*) filter (where (r.answered_at at time zone 'Europe/Amsterdam')::date <= r.answer_by)::int as "answeredOnTime",
            count(*) filter (where r.verdict = 'nu' and r.answered_at is not null
              and (r.carried_out_on is not null or (r.answered_at at time zone 'Europe/Amsterdam')::date + ${shortTermWeeks * 7}::int < ${today}::date))::int as "nuDue",
            count(*) filter (where r.verdict = 'nu' and r.carried_out_on is not null
              and r.carried_out_on <= (r.answered_at at time zone 'Europe/Amsterdam')::date + ${shortTermWeeks * 7}::int)::int as "nuCarriedOutInTime"
          from request r ${group.join}
          where r.municipality_id = ${municipalityId}
            and r.created_at >= (${from}::date)::timestamp at time zone 'Europe/Amsterdam'
            and r.created_at < ((${to}::date) + 1)::timestamp at time zone 'Europe/Amsterdam'
          group by 1, 2
          order by 2 nulls last`,
      );
    },

    async verdicts(municipalityId: string, from: string, to: string) {
      return queryRows<{ verdict: string; count: number }>(
        db,
        sql`select verdict, count(*)::int as "count" from request
            where municipality_id = ${municipalityId} and verdict is not null
              and created_at >= (${from}::date)::timestamp at time zone 'Europe/Amsterdam'
              and created_at < ((${to}::date) + 1)::timestamp at time zone 'Europe/Amsterdam'
            group by verdict`,
      );
    },

    /** Ooit answers whose promised progress update is late, whenever they were submitted. */
    async overdueOoitUpdates(municipalityId: string, today: string): Promise<number> {
      const [row] = await queryRows<{ count: number }>(
        db,
        sql`select count(*)::int as "count" from request
            where municipality_id = ${municipalityId} and state = 'answered' and verdict = 'ooit' and next_update_due < ${today}::date`,
      );
      return row.count;
    },
  };
}
