import { DatabaseSync } from 'node:sqlite';
import type { SourceCrs } from './area-import.rules.ts';

/** What a GeoPackage holds for the import: its features as GeoJSON, and the coordinate system it names. */
export interface GeoPackageContents {
  features: { type: 'Feature'; properties: Record<string, unknown>; geometry: { type: string; coordinates: unknown } | null }[];
  /** RD New or WGS84 by the layers' srs_id; `unsupported` names any other. */
  crs: { crs: SourceCrs } | { unsupported: string };
  layers: string[];
}

const srsIds: Record<number, SourceCrs> = { 28992: 'rdNew', 4326: 'wgs84' };

/**
 * Reads the feature layers of a GeoPackage (an SQLite file, OGC 12-128r18), as CBS publishes its wijk- en
 * buurtkaart: by default its `wijken` and `buurten` layers when it has them (not `gemeenten`), else every feature
 * layer. Throws when the file is no GeoPackage.
 */
export function readGeoPackage(file: string, wantedLayers?: string[]): GeoPackageContents {
  const database = new DatabaseSync(file, { readOnly: true });
  try {
    const columns = database.prepare(`select table_name as "table", column_name as "column", srs_id as "srsId" from gpkg_geometry_columns`).all() as { table: string; column: string; srsId: number }[];
    const cbsLayers = columns.filter((layer) => ['wijken', 'buurten'].includes(layer.table.toLowerCase()));
    const chosen = wantedLayers ? columns.filter((layer) => wantedLayers.includes(layer.table)) : cbsLayers.length > 0 ? cbsLayers : columns;
    // Wijken before buurten, as the import saves them.
    chosen.sort((first, second) => (first.table.toLowerCase() === 'wijken' ? -1 : second.table.toLowerCase() === 'wijken' ? 1 : 0));
    const systems = [...new Set(chosen.map((layer) => layer.srsId))];
    const unknown = systems.find((srsId) => !srsIds[srsId]);
    const crs = unknown !== undefined || systems.length !== 1 ? { unsupported: systems.map((srsId) => `EPSG:${srsId}`).join(', ') } : { crs: srsIds[systems[0]] };
    const features: GeoPackageContents['features'] = [];
    for (const layer of chosen) {
      // Identifiers from gpkg_geometry_columns, quoted: the file's own names, never input from elsewhere.
      for (const row of database.prepare(`select * from "${layer.table.replaceAll('"', '""')}"`).iterate() as Iterable<Record<string, unknown>>) {
        const { [layer.column]: blob, ...properties } = row;
        features.push({ type: 'Feature', properties, geometry: blob instanceof Uint8Array ? geometryOf(blob) : null });
      }
    }
    return { features, crs, layers: chosen.map((layer) => layer.table) };
  } finally {
    database.close();
  }
}

/**
 * A GeoPackage geometry: a header ("GP", version, flags, srs_id, an envelope whose size the flags give), then
 * the geometry as well-known binary. Only what a boundary can be is read (Polygon, MultiPolygon, with or without Z
 * or M); anything else comes back with its type and no coordinates, for the import to reject by name.
 */
export function geometryOf(blob: Uint8Array): { type: string; coordinates: unknown } | null {
  if (blob[0] !== 0x47 || blob[1] !== 0x50) return null;
  const flags = blob[3];
  const envelopeBytes = [0, 32, 48, 48, 64][(flags >> 1) & 0b111] ?? 0;
  if ((flags >> 4) & 1) return null; // an empty geometry
  return readWkb(new DataView(blob.buffer, blob.byteOffset + 8 + envelopeBytes, blob.byteLength - 8 - envelopeBytes));
}

const wkbTypes: Record<number, string> = { 1: 'Point', 2: 'LineString', 3: 'Polygon', 4: 'MultiPoint', 5: 'MultiLineString', 6: 'MultiPolygon', 7: 'GeometryCollection' };

function readWkb(view: DataView): { type: string; coordinates: unknown } | null {
  let offset = 0;
  const readGeometry = (): { type: string; coordinates: unknown } => {
    const little = view.getUint8(offset) === 1;
    const code = view.getUint32(offset + 1, little);
    offset += 5;
    // ISO codes add 1000 for Z, 2000 for M, 3000 for both; EWKB-style codes set a high bit for each.
    const hasZ = (code >= 1000 && code < 2000) || (code >= 3000 && code < 4000) || (code & 0x80000000) !== 0;
    const hasM = (code >= 2000 && code < 4000) || (code & 0x40000000) !== 0;
    const base = (code & 0x0fffffff) % 1000;
    const dimensions = 2 + (hasZ ? 1 : 0) + (hasM ? 1 : 0);
    const type = wkbTypes[base] ?? `WKB type ${code}`;
    const readPoint = () => {
      const point = [view.getFloat64(offset, little), view.getFloat64(offset + 8, little)];
      offset += 8 * dimensions;
      return point;
    };
    const readRing = () => {
      const count = view.getUint32(offset, little);
      offset += 4;
      return Array.from({ length: count }, readPoint);
    };
    const readPolygon = () => {
      const rings = view.getUint32(offset, little);
      offset += 4;
      return Array.from({ length: rings }, readRing);
    };
    if (type === 'Polygon') return { type, coordinates: readPolygon() };
    if (type === 'MultiPolygon') {
      const count = view.getUint32(offset, little);
      offset += 4;
      return { type, coordinates: Array.from({ length: count }, () => readGeometry().coordinates) };
    }
    return { type, coordinates: undefined };
  };
  try {
    return readGeometry();
  } catch {
    return null;
  }
}
