import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { ReportServiceDependencies } from './report-steps.ts';

/**
 * Signals for policy: how many reports per neighbourhood, main category and ISO week, counted in the database. The
 * raw material for the dashboards; no report, word or person in it.
 */
export function createReportFiguresService(dependencies: Pick<ReportServiceDependencies, 'db'>) {
  const { db } = dependencies;
  return {
    async reportSignals(context: UseCaseContext, query: { from: string; to: string; neighbourhoodId?: string }) {
      const english = context.language === 'en';
      const rows = await queryRows<{ neighbourhood_id: string; neighbourhood_name: string; category_code: string; category_name: string; category_name_en: string | null; week: string; count: number }>(
        db,
        sql`select r.neighbourhood_id, n.name as neighbourhood_name, coalesce(m.code, c.code) as category_code, coalesce(m.name, c.name) as category_name,
                   coalesce(m.name_en, c.name_en) as category_name_en,
                   to_char((r.created_at at time zone 'Europe/Amsterdam')::date, 'IYYY-"W"IW') as week, count(*)::int as count
            from report r
            join neighbourhood n on n.municipality_id = r.municipality_id and n.id = r.neighbourhood_id
            join report_category c on c.municipality_id = r.municipality_id and c.id = r.category_id
            left join report_category m on m.municipality_id = c.municipality_id and m.id = c.parent_id
            where r.municipality_id = ${context.municipalityId}
              and r.created_at >= ${`${query.from}T00:00:00+01:00`}::timestamptz and r.created_at < (${query.to}::date + 1)::timestamp at time zone 'Europe/Amsterdam'
              and r.status <> 'merged'
              ${query.neighbourhoodId ? sql`and r.neighbourhood_id = ${query.neighbourhoodId}` : sql``}
            group by 1, 2, 3, 4, 5, 6
            order by 6, 2, 4`,
      );
      return {
        from: query.from,
        to: query.to,
        items: rows.map((row) => ({ neighbourhoodId: row.neighbourhood_id, neighbourhoodName: row.neighbourhood_name, categoryCode: row.category_code, categoryName: english ? (row.category_name_en ?? row.category_name) : row.category_name, week: row.week, count: row.count })),
      };
    },
  };
}
