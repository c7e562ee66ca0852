import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import type { Executor } from '../../db/client.ts';
import { offsetOf, pageOf } from '../../platform/pagination.ts';
import type { PublicReportListQuery, PublicReportMapQuery } from './public-report.contract.ts';
import { createPublicReportRepository, type PublicRow } from './public-report.repository.ts';
import { joinCloseClusters } from './report-map.rules.ts';

/** Up to this many reports in view the map shows each one (no more than the grid has cells); above it, clusters. */
const maximumPoints = 300;
const recentDays = 30;

/** The public map and list of reports: anyone may look, nobody's words or contact data are in it. */
export function createPublicReportService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  function present(row: PublicRow, context: UseCaseContext) {
    const english = context.language === 'en';
    const iso = (value: Date | string) => new Date(value).toISOString();
    return {
      reference: row.reference,
      latitude: row.latitude,
      longitude: row.longitude,
      isOpen: !['done', 'cancelled', 'forwarded', 'merged'].includes(row.status),
      status: row.status,
      categoryName: english ? (row.category_name_en ?? row.category_name) : row.category_name,
      mainCategoryName: (english ? (row.main_name_en ?? row.main_name) : row.main_name) ?? '',
      address: row.address,
      reportedAt: iso(row.created_at),
      closedAt: row.closed_at ? iso(row.closed_at) : null,
      photoUrl: row.photo_id ? `/api/v1/municipalities/${context.municipalitySlug}/public-report-photos/${row.photo_id}` : null,
      neighbourhoodName: row.neighbourhood_name,
    };
  }

  const since = () => new Date(clock.now().getTime() - recentDays * 86_400_000);

  return {
    async publicReportMap(context: UseCaseContext, query: PublicReportMapQuery) {
      const repository = createPublicReportRepository(db);
      const box = { west: query.west, south: query.south, east: query.east, north: query.north };
      const clusters = await repository.clustersInBox(context.municipalityId, box, query.show, since(), query.categoryCode, query.cells);
      const total = clusters.reduce((sum, cluster) => sum + cluster.count, 0);
      const pointLimit = Math.min(maximumPoints, query.cells * query.cells);
      if (total <= pointLimit) {
        const rows = await repository.pointsInBox(context.municipalityId, box, query.show, since(), query.categoryCode, pointLimit);
        return { kind: 'points' as const, total, points: rows.map((row) => present(row, context)), clusters: [] };
      }
      const counted = clusters.map((cluster) => ({ latitude: cluster.latitude, longitude: cluster.longitude, count: cluster.count, openCount: cluster.open_count }));
      const cell = { width: (box.east - box.west) / query.cells, height: (box.north - box.south) / query.cells };
      return { kind: 'clusters' as const, total, points: [], clusters: joinCloseClusters(counted, cell, ['openCount']) };
    },

    async publicReportList(context: UseCaseContext, query: PublicReportListQuery) {
      const { rows, total } = await createPublicReportRepository(db).list(context.municipalityId, { neighbourhoodId: query.neighbourhoodId, show: query.show, offset: offsetOf(query), limit: query.pageSize }, since());
      return pageOf(
        rows.map((row) => present(row, context)),
        total,
        query,
      );
    },
  };
}
