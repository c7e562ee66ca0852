import { z } from 'zod';
import { pageQuery, pageSchema } from '../../platform/pagination.ts';

const latitude = z.coerce.number().min(-90).max(90);
const longitude = z.coerce.number().min(-180).max(180);

/** Open reports, and those closed in the last 30 days ("recent"), on the public map and list. */
export const publicReportStatuses = ['open', 'recent'] as const;

/** A map view: a box of WGS84 edges, as a map reports its bounds. */
export const mapViewFields = { west: longitude, south: latitude, east: longitude, north: latitude };

/** West of east and south of north, or a 400 that names the edge. */
export function withMapViewChecks<T extends z.ZodType<{ west: number; south: number; east: number; north: number }>>(schema: T) {
  return schema
    .refine((query) => query.west < query.east, { path: ['east'], error: 'field:boxEdges' })
    .refine((query) => query.south < query.north, { path: ['north'], error: 'field:boxEdges' });
}

export const publicReportMapQuery = withMapViewChecks(
  z.object({
    ...mapViewFields,
    show: z.enum(['open', 'recent', 'all']).default('all').describe('open: not yet dealt with; recent: dealt with in the last 30 days; all: both'),
    categoryCode: z.string().trim().max(80).optional().describe('A main category or subcategory'),
    cells: z.coerce.number().int().min(2).max(32).default(24).describe('Cells per side of the grid the clusters are counted in: about one per 50 pixels of the map on screen keeps them apart'),
  }),
);
export type PublicReportMapQuery = z.infer<typeof publicReportMapQuery>;

const publicPoint = z.object({
  reference: z.string(),
  latitude: z.number(),
  longitude: z.number(),
  isOpen: z.boolean(),
  status: z.string(),
  categoryName: z.string(),
  mainCategoryName: z.string(),
  address: z.string(),
  reportedAt: z.iso.datetime({ offset: true }),
  closedAt: z.iso.datetime({ offset: true }).nullable(),
  photoUrl: z.string().nullable().describe('A photo the reporter allowed to be published and staff approved'),
});

/** Few enough reports in view: each one; else clusters counted in the database, so a city-wide view stays light. */
export const publicReportMapSchema = z
  .object({
    kind: z.enum(['points', 'clusters']),
    total: z.number().int(),
    points: z.array(publicPoint),
    clusters: z.array(z.object({ latitude: z.number(), longitude: z.number(), count: z.number().int(), openCount: z.number().int() })),
  })
  .meta({ id: 'PublicReportMap' });

export const publicReportListQuery = pageQuery.extend({
  neighbourhoodId: z.uuid().optional(),
  show: z.enum(['open', 'recent', 'all']).default('all'),
});
export type PublicReportListQuery = z.infer<typeof publicReportListQuery>;
export const publicReportListSchema = pageSchema(publicPoint.extend({ neighbourhoodName: z.string() })).meta({ id: 'PublicReportList' });
