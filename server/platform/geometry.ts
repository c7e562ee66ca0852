import { z } from 'zod';

const position = z.tuple([z.number().min(-180).max(180), z.number().min(-90).max(90)]).rest(z.number());
const ring = z
  .array(position)
  .min(4)
  .refine((points) => points[0][0] === points.at(-1)![0] && points[0][1] === points.at(-1)![1], { message: 'field:invalidGeometry' });

/** A boundary: GeoJSON Polygon or MultiPolygon in WGS84 longitude/latitude (RFC 7946). */
export const boundarySchema = z
  .discriminatedUnion('type', [
    z.object({ type: z.literal('Polygon'), coordinates: z.array(ring).min(1) }),
    z.object({ type: z.literal('MultiPolygon'), coordinates: z.array(z.array(ring).min(1)).min(1) }),
  ], { error: 'field:invalidGeometry' })
  .meta({ id: 'Boundary', description: 'GeoJSON Polygon or MultiPolygon, WGS84 (longitude, latitude)' });

export type Boundary = z.infer<typeof boundarySchema>;
