import type { Executor } from '../../db/client.ts';
import type { Clock } from '../../platform/clock.ts';
import type { UseCaseContext } from '../../platform/context.ts';
import { dateInAmsterdam } from '../../platform/working-days.ts';
import type { ReportMapQuery } from './report-map.contract.ts';
import { createReportMapRepository } from './report-map.repository.ts';
import { viewerOf } from './report.policy.ts';
import { reportFilterFrom } from './report.service.ts';
import { isClosed } from './report.workflow.ts';

/** Up to this many reports in view the map shows each one; above it, clusters (each point is a stop for the keyboard). */
const maximumPoints = 100;
/** Cells per side of the grid over the view. */
const gridCells = 16;

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
      const clusters = await repository.clusters(context.municipalityId, viewer, filter, view, gridCells);
      const total = clusters.reduce((sum, cluster) => sum + cluster.count, 0);
      if (total <= maximumPoints) {
        const english = context.language === 'en';
        const rows = await repository.points(context.municipalityId, viewer, filter, view, maximumPoints);
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
      const height = (view.north - view.south) / gridCells;
      const width = (view.east - view.west) / gridCells;
      return {
        kind: 'clusters' as const,
        total,
        points: [],
        clusters: clusters.map((cluster) => ({
          latitude: cluster.latitude,
          longitude: cluster.longitude,
          count: cluster.count,
          overdueCount: cluster.overdueCount,
          cell: { west: view.west + cluster.column * width, south: view.south + cluster.row * height, east: view.west + (cluster.column + 1) * width, north: view.south + (cluster.row + 1) * height },
        })),
      };
    },
  };
}

export type ReportMapService = ReturnType<typeof createReportMapService>;
