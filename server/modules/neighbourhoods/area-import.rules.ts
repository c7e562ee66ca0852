import { boundarySchema } from '../../platform/geometry.ts';
import type { BoundaryGeometry } from './neighbourhood.tables.ts';

/** One feature of a CBS "wijk- en buurtkaart" GeoJSON, read as a neighbourhood (wijk) or an area (buurt). */
export type ParsedFeature =
  | { kind: 'neighbourhood'; code: string; name: string; boundary: BoundaryGeometry }
  | { kind: 'area'; code: string; name: string; neighbourhoodCode: string; neighbourhoodName: string | null; boundary: BoundaryGeometry }
  | Rejection;

/** Why a feature was skipped: a stable `problem` code (with `params`) for translations, and the reason in English. */
export type RejectionProblem =
  | 'notAFeature'
  | 'noCode'
  | 'otherMunicipality'
  | 'noGeometry'
  | 'notAPolygon'
  | 'invalidCoordinates'
  | 'rdNew'
  | 'outsideWgs84'
  | 'swappedCoordinates'
  | 'invalidPolygon'
  | 'invalidBuurtcode'
  | 'invalidWijkcode'
  | 'noBuurtnaam'
  | 'noWijknaam'
  | 'duplicateCode';
export interface Rejection {
  kind: 'rejected';
  code: string | null;
  problem: RejectionProblem;
  params?: Record<string, string | number>;
  reason: string;
}

function reject(code: string | null, problem: RejectionProblem, reason: string, params?: Record<string, string | number>): Rejection {
  return params ? { kind: 'rejected', code, problem, params, reason } : { kind: 'rejected', code, problem, reason };
}

function text(value: unknown): string | null {
  return typeof value === 'string' && value.trim() !== '' ? value.trim() : null;
}

/** Every [x, y] of a Polygon or MultiPolygon, or null when the nesting or the numbers are wrong. */
function positionsOf(geometry: { type: string; coordinates?: unknown }): [number, number][] | null {
  const depth = geometry.type === 'Polygon' ? 2 : 3;
  const positions: [number, number][] = [];
  const walk = (value: unknown, level: number): boolean => {
    if (!Array.isArray(value)) return false;
    if (level === 0) {
      if (value.length < 2 || !value.every((number) => typeof number === 'number' && Number.isFinite(number))) return false;
      positions.push([value[0], value[1]]);
      return true;
    }
    return value.every((inner) => walk(inner, level - 1));
  };
  return walk(geometry.coordinates, depth) && positions.length > 0 ? positions : null;
}

/**
 * Why these coordinates are not WGS84 longitude/latitude, or null when they are. CBS publishes its maps in
 * RD New (metres, x 0–300 000, y 300 000–625 000), and a hand-made file often has latitude first.
 */
function coordinateProblem(positions: [number, number][]): { problem: RejectionProblem; reason: string } | null {
  const isWithinRange = positions.every(([longitude, latitude]) => Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90);
  if (!isWithinRange) {
    const looksLikeRdNew = positions.every(([x, y]) => x >= -10_000 && x <= 300_000 && y >= 280_000 && y <= 650_000);
    return looksLikeRdNew
      ? { problem: 'rdNew', reason: 'looks like RD New (EPSG:28992); convert to WGS84 (EPSG:4326) first' }
      : { problem: 'outsideWgs84', reason: 'coordinates outside the longitude/latitude range of WGS84 (EPSG:4326)' };
  }
  // Within the Netherlands, latitude 50.7–53.6 and longitude 3.3–7.3: swapped pairs land off Somalia.
  const looksSwapped = positions.every(([x, y]) => x >= 50 && x <= 54 && y >= 3 && y <= 8);
  return looksSwapped ? { problem: 'swappedCoordinates', reason: 'looks like latitude, longitude; GeoJSON needs longitude, latitude' } : null;
}

/**
 * Reads the properties CBS uses (wijkcode/wijknaam, buurtcode/buurtnaam, gemeentecode; upper-case
 * variants too) and checks the geometry. Returns why a feature cannot be imported instead of throwing.
 */
export function parseFeature(feature: unknown, expectedMunicipalityCode: string | null): ParsedFeature {
  if (!feature || typeof feature !== 'object' || (feature as { type?: unknown }).type !== 'Feature') {
    return reject(null, 'notAFeature', 'not a GeoJSON Feature');
  }
  const raw = ((feature as { properties?: unknown }).properties ?? {}) as Record<string, unknown>;
  const property = (name: string) => text(raw[name] ?? raw[name.toUpperCase()] ?? raw[name.toLowerCase()]);
  const areaCode = property('buurtcode');
  const neighbourhoodCode = property('wijkcode');
  const code = areaCode ?? neighbourhoodCode;
  const municipalityCode = property('gemeentecode');
  if (!code) return reject(null, 'noCode', 'no wijkcode or buurtcode property');
  if (expectedMunicipalityCode && municipalityCode && municipalityCode !== expectedMunicipalityCode) {
    return reject(code, 'otherMunicipality', `belongs to ${municipalityCode}, not ${expectedMunicipalityCode}`, { municipalityCode, expected: expectedMunicipalityCode });
  }
  const geometry = (feature as { geometry?: { type?: string; coordinates?: unknown } | null }).geometry;
  if (!geometry || typeof geometry.type !== 'string') return reject(code, 'noGeometry', 'no geometry');
  if (geometry.type !== 'Polygon' && geometry.type !== 'MultiPolygon') return reject(code, 'notAPolygon', `geometry is ${geometry.type}, expected Polygon or MultiPolygon`, { geometryType: geometry.type });
  const positions = positionsOf({ type: geometry.type, coordinates: geometry.coordinates });
  if (!positions) return reject(code, 'invalidCoordinates', `invalid ${geometry.type}: coordinates must be nested arrays of [longitude, latitude] numbers`);
  const problem = coordinateProblem(positions);
  if (problem) return reject(code, problem.problem, problem.reason);
  const boundary = boundarySchema.safeParse(geometry);
  if (!boundary.success) return reject(code, 'invalidPolygon', 'invalid polygon: every ring needs at least 4 positions and must end where it starts');

  if (areaCode) {
    if (!/^BU\d{8}$/.test(areaCode)) return reject(code, 'invalidBuurtcode', 'buurtcode must be BU followed by eight digits');
    const parentCode = neighbourhoodCode ?? `WK${areaCode.slice(2, 8)}`;
    if (!/^WK\d{6}$/.test(parentCode)) return reject(code, 'invalidWijkcode', 'wijkcode must be WK followed by six digits');
    const name = property('buurtnaam');
    if (!name) return reject(code, 'noBuurtnaam', 'no buurtnaam');
    return { kind: 'area', code: areaCode, name, neighbourhoodCode: parentCode, neighbourhoodName: property('wijknaam'), boundary: boundary.data as BoundaryGeometry };
  }
  if (!/^WK\d{6}$/.test(code)) return reject(code, 'invalidWijkcode', 'wijkcode must be WK followed by six digits');
  const name = property('wijknaam');
  if (!name) return reject(code, 'noWijknaam', 'no wijknaam');
  return { kind: 'neighbourhood', code, name, boundary: boundary.data as BoundaryGeometry };
}

/**
 * Reads every feature of a file. A code that appears twice is rejected the second time: importing both
 * would let the later feature silently overwrite the earlier one.
 */
export function parseFeatures(features: unknown[], expectedMunicipalityCode: string | null): { index: number; result: ParsedFeature }[] {
  const firstIndexOfCode = new Map<string, number>();
  return features.map((feature, index) => {
    const result = parseFeature(feature, expectedMunicipalityCode);
    if (result.kind === 'rejected') return { index, result };
    const first = firstIndexOfCode.get(result.code);
    if (first !== undefined) return { index, result: reject(result.code, 'duplicateCode', `same code as feature ${first}`, { first }) };
    firstIndexOfCode.set(result.code, index);
    return { index, result };
  });
}
