import { z } from 'zod';
import { mapViewFields, withMapViewChecks } from './public-report.contract.ts';
import { reportFilterFields } from './report.contract.ts';
import { reportPriorities, reportStatuses } from './report.workflow.ts';

/** The queue's filters on a map view; without a status the map, like the list, holds every status. */
export const reportMapQuery = withMapViewChecks(
  z.object({
    ...mapViewFields,
    cells: z.coerce.number().int().min(2).max(32).default(16).describe('Cells per side of the grid the clusters are counted in: about one per 50 pixels of the map on screen keeps them apart'),
    ...reportFilterFields,
  }),
);
export type ReportMapQuery = z.infer<typeof reportMapQuery>;

const reportMapPoint = z.object({
  id: z.uuid(),
  reference: z.string(),
  status: z.enum(reportStatuses),
  priority: z.enum(reportPriorities),
  categoryName: z.string(),
  mainCategoryName: z.string(),
  address: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  handleBy: z.iso.date().nullable(),
  isOverdue: z.boolean().describe('Still open after its deadline'),
});

const reportMapCluster = z.object({
  latitude: z.number().describe('The mean position of its reports'),
  longitude: z.number(),
  count: z.number().int(),
  overdueCount: z.number().int().describe('How many of them are still open after their deadline'),
  bounds: z.object({ west: z.number(), south: z.number(), east: z.number(), north: z.number() }).describe('The smallest box around its reports: zooming in to it shows them apart'),
});

/**
 * Few enough reports in view (at most 100, and no more than the grid has cells): each one; else clusters counted in
 * the database per cell of a grid over the view, those that would lie on top of each other joined.
 */
export const reportMapSchema = z
  .object({
    kind: z.enum(['points', 'clusters']),
    total: z.number().int().describe('Reports in view that match the filters'),
    points: z.array(reportMapPoint),
    clusters: z.array(reportMapCluster),
  })
  .meta({ id: 'ReportMap' });
