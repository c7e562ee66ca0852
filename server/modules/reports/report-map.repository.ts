import { and, asc, eq, sql } from 'drizzle-orm';
import { alias } from 'drizzle-orm/pg-core';
import type { Executor } from '../../db/client.ts';
import { type ReportFilter, type ReportViewer, reportFilterOf } from './report.repository.ts';
import { report, reportCategory } from './report.tables.ts';

export interface MapView {
  west: number;
  south: number;
  east: number;
  north: number;
}

const mainCategory = alias(reportCategory, 'main_category');

/**
 * The back-office map in SQL: the queue's conditions (municipality, the viewer's reach, the filters) and a box on the
 * position, so the position indexes and the queue's partial indexes both serve it.
 */
export function createReportMapRepository(db: Executor) {
  function matching(municipalityId: string, viewer: ReportViewer, filter: ReportFilter, view: MapView) {
    return and(
      reportFilterOf(municipalityId, viewer, filter),
      sql`${report.latitude} between ${view.south} and ${view.north}`,
      sql`${report.longitude} between ${view.west} and ${view.east}`,
    );
  }
  const categoryJoin = and(eq(reportCategory.municipalityId, report.municipalityId), eq(reportCategory.id, report.categoryId));

  return {
    /**
     * A grid of `cells` × `cells` over the view; each cell with reports becomes one cluster at their mean position,
     * with their extent and how many are overdue. The counts add up to the reports in view, so one pass decides
     * clusters or points.
     */
    async clusters(municipalityId: string, viewer: ReportViewer, filter: ReportFilter, view: MapView, cells: number) {
      const height = (view.north - view.south) / cells;
      const width = (view.east - view.west) / cells;
      // A report on the north or east edge belongs to the last cell, not to one outside the grid.
      const row = sql<number>`least(${cells - 1}, floor((${report.latitude} - ${view.south}) / ${height}))::int`;
      const column = sql<number>`least(${cells - 1}, floor((${report.longitude} - ${view.west}) / ${width}))::int`;
      return db
        .select({
          row,
          column,
          latitude: sql<number>`avg(${report.latitude})::float8`,
          longitude: sql<number>`avg(${report.longitude})::float8`,
          west: sql<number>`min(${report.longitude})::float8`,
          south: sql<number>`min(${report.latitude})::float8`,
          east: sql<number>`max(${report.longitude})::float8`,
          north: sql<number>`max(${report.latitude})::float8`,
          count: sql<number>`count(*)::int`,
          overdueCount: sql<number>`(count(*) filter (where ${report.closedAt} is null and ${report.handleBy} < ${filter.today}::date))::int`,
        })
        .from(report)
        .innerJoin(reportCategory, categoryJoin)
        .where(matching(municipalityId, viewer, filter, view))
        .groupBy(sql`1`, sql`2`);
    },

    /** The reports in view one by one, the most urgent first (as the queue orders them). */
    async points(municipalityId: string, viewer: ReportViewer, filter: ReportFilter, view: MapView, limit: number) {
      return db
        .select({
          id: report.id,
          reference: report.reference,
          status: report.status,
          priority: report.priority,
          address: report.address,
          latitude: report.latitude,
          longitude: report.longitude,
          handleBy: report.handleBy,
          closedAt: report.closedAt,
          categoryName: reportCategory.name,
          categoryNameEn: reportCategory.nameEn,
          mainCategoryName: mainCategory.name,
          mainCategoryNameEn: mainCategory.nameEn,
        })
        .from(report)
        .innerJoin(reportCategory, categoryJoin)
        .leftJoin(mainCategory, and(eq(mainCategory.municipalityId, reportCategory.municipalityId), eq(mainCategory.id, reportCategory.parentId)))
        .where(matching(municipalityId, viewer, filter, view))
        .orderBy(sql`${report.handleBy} asc nulls last`, asc(report.createdAt), asc(report.id))
        .limit(limit);
    },
  };
}
