import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import type { ReportMapQuery } from './report-map.contract.ts';
import { createReportMapRepository } from './report-map.repository.ts';
import { joinCloseClusters } from './report-map.rules.ts';
import { viewerOf } from './report.policy.ts';
import { reportFilterFrom } from './report.service.ts';
import { isClosed } from './report.workflow.ts';

/**
 * Up to this many reports in view the map shows each one; above it, clusters. Each point is a stop for the keyboard,
 * and a small map (a coarse grid) has room for fewer: no more points than the grid has cells.
 */
const maximumPoints = 100;

/**
 * The back-office map: the queue's reports (the same filters, the same reach per person) in a map view, as points
 * when few, else as clusters counted in the database.
 */
export function createReportMapService(dependencies: { db: Executor; clock: Clock }) {
  const { db, clock } = dependencies;

  return {
    async reportMap(context: UseCaseContext, query: ReportMapQuery) {
      const today = dateInAmsterdam(clock.now());
      const repository = createReportMapRepository(db);
      const viewer = viewerOf(context.actor);
      const filter = reportFilterFrom(context, query, today);
      const view = { west: query.west, south: query.south, east: query.east, north: query.north };
      const clusters = await repository.clusters(context.municipalityId, viewer, filter, view, query.cells);
      const total = clusters.reduce((sum, cluster) => sum + cluster.count, 0);
      const pointLimit = Math.min(maximumPoints, query.cells * query.cells);
      if (total <= pointLimit) {
        const english = context.language === 'en';
        const rows = await repository.points(context.municipalityId, viewer, filter, view, pointLimit);
        const points = rows.map((row) => ({
          id: row.id,
          reference: row.reference,
          status: row.status,
          priority: row.priority,
          categoryName: english ? (row.categoryNameEn ?? row.categoryName) : row.categoryName,
          mainCategoryName: (english ? (row.mainCategoryNameEn ?? row.mainCategoryName) : row.mainCategoryName) ?? '',
          address: row.address,
          latitude: row.latitude,
          longitude: row.longitude,
          handleBy: row.handleBy,
          isOverdue: !isClosed(row.status) && row.handleBy !== null && row.handleBy < today,
        }));
        return { kind: 'points' as const, total, points, clusters: [] };
      }
      const counted = clusters.map((cluster) => ({
        latitude: cluster.latitude,
        longitude: cluster.longitude,
        count: cluster.count,
        overdueCount: cluster.overdueCount,
        bounds: { west: cluster.west, south: cluster.south, east: cluster.east, north: cluster.north },
      }));
      const cell = { width: (view.east - view.west) / query.cells, height: (view.north - view.south) / query.cells };
      return { kind: 'clusters' as const, total, points: [], clusters: joinCloseClusters(counted, cell, ['overdueCount']) };
    },
  };
}

export type ReportMapService = ReturnType<typeof createReportMapService>;
