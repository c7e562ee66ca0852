import { boundarySchema } from '../../platform/geometry.ts';
import type { BoundaryGeometry } from './neighbourhood.tables.ts';

/** One feature of a CBS "wijk- en buurtkaart" GeoJSON, read as a neighbourhood (wijk) or an area (buurt). */
export type ParsedFeature =
  | { kind: 'neighbourhood'; code: string; name: string; boundary: BoundaryGeometry }
  | { kind: 'area'; code: string; name: string; neighbourhoodCode: string; neighbourhoodName: string | null; boundary: BoundaryGeometry }
  | { kind: 'rejected'; code: string | null; reason: string };

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** RD New (EPSG:28992) coordinates are metres in the hundreds of thousands; WGS84 stays within ±180. */
function looksLikeRdNew(coordinates: unknown): boolean {
  const first = JSON.stringify(coordinates).match(/-?\d+(\.\d+)?/g)?.slice(0, 2).map(Number) ?? [];
  return first.length === 2 && first[0] > 1000 && first[1] > 1000;
}

/**
 * Reads the properties CBS uses (wijkcode/wijknaam, buurtcode/buurtnaam, gemeentecode; upper-case
 * variants too) and checks the geometry. Returns why a feature cannot be imported instead of throwing.
 */
export function parseFeature(feature: unknown, expectedMunicipalityCode: string | null): ParsedFeature {
  if (!feature || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
    return { kind: 'rejected', code: null, reason: 'not a GeoJSON Feature' };
  }
  const raw = ((feature as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
  const property = (name: string) => text(raw[name] ?? raw[name.toUpperCase()] ?? raw[name.toLowerCase()]);
  const areaCode = property('buurtcode');
  const neighbourhoodCode = property('wijkcode');
  const code = areaCode ?? neighbourhoodCode;
  const municipalityCode = property('gemeentecode');
  if (!code) return { kind: 'rejected', code: null, reason: 'no wijkcode or buurtcode property' };
  if (expectedMunicipalityCode && municipalityCode && municipalityCode !== expectedMunicipalityCode) {
    return { kind: 'rejected', code, reason: `belongs to ${municipalityCode}, not ${expectedMunicipalityCode}` };
  }
  const geometry = (feature as { geometry?: { type?: string; coordinates?: unknown } }).geometry;
  if (!geometry) return { kind: 'rejected', code, reason: 'no geometry' };
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return { kind: 'rejected', code, reason: `geometry is ${geometry.type}, expected Polygon or MultiPolygon` };
  if (looksLikeRdNew(geometry.coordinates)) return { kind: 'rejected', code, reason: 'coordinates look like RD New (EPSG:28992); convert to WGS84 (EPSG:4326) first' };
  const boundary = boundarySchema.safeParse(geometry);
  if (!boundary.success) return { kind: 'rejected', code, reason: 'invalid polygon: rings need at least 4 positions, closed, within longitude/latitude range' };

  if (areaCode) {
    if (!/^BU\d{8}$/.test(areaCode)) return { kind: 'rejected', code, reason: 'buurtcode must be BU followed by eight digits' };
    const parentCode = neighbourhoodCode ?? `WK${areaCode.slice(2, 8)}`;
    const name = property('buurtnaam');
    if (!name) return { kind: 'rejected', code, reason: 'no buurtnaam' };
    return { kind: 'area', code: areaCode, name, neighbourhoodCode: parentCode, neighbourhoodName: property('wijknaam'), boundary: boundary.data as BoundaryGeometry };
  }
  if (!/^WK\d{6}$/.test(code)) return { kind: 'rejected', code, reason: 'wijkcode must be WK followed by six digits' };
  const name = property('wijknaam');
  if (!name) return { kind: 'rejected', code, reason: 'no wijknaam' };
  return { kind: 'neighbourhood', code, name, boundary: boundary.data as BoundaryGeometry };
}
