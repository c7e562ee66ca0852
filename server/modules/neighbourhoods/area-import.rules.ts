import proj4 from 'proj4';
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
  | 'outsideNetherlands'
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

/** The coordinate systems a map may come in: WGS84 longitude/latitude, or RD New, in which CBS and PDOK publish. */
export type SourceCrs = 'wgs84' | 'rdNew';

/**
 * RD New (EPSG:28992, Amersfoort / RD New) with its datum shift to WGS84, as the EPSG registry defines it: accurate to
 * about a metre, well within what a neighbourhood's boundary needs.
 */
const rdNewDefinition =
  '+proj=sterea +lat_0=52.15616055555555 +lon_0=5.38763888888889 +k=0.9999079 +x_0=155000 +y_0=463000 +ellps=bessel +towgs84=565.417,50.3319,465.552,-0.398957,0.343988,-1.8774,4.0725 +units=m +no_defs';
const fromRdNew = proj4(rdNewDefinition, 'WGS84');

const crsNames: Record<string, SourceCrs> = {
  'urn:ogc:def:crs:epsg::28992': 'rdNew',
  'epsg:28992': 'rdNew',
  'http://www.opengis.net/def/crs/epsg/0/28992': 'rdNew',
  'urn:ogc:def:crs:ogc:1.3:crs84': 'wgs84',
  'urn:ogc:def:crs:epsg::4326': 'wgs84',
  'epsg:4326': 'wgs84',
  'http://www.opengis.net/def/crs/ogc/1.3/crs84': 'wgs84',
  'http://www.opengis.net/def/crs/epsg/0/4326': 'wgs84',
};

/**
 * The coordinate system a FeatureCollection declares in its `crs` member (as PDOK's services and ogr2ogr write it):
 * undefined when it declares none (the coordinates then tell), `unsupported` with the name for any other system.
 */
export function declaredCrs(crs: unknown): { crs: SourceCrs | undefined } | { unsupported: string } {
  if (crs === undefined || crs === null) return { crs: undefined };
  const name = (crs as { properties?: { name?: unknown } }).properties?.name;
  if (typeof name !== 'string') return { unsupported: JSON.stringify(crs).slice(0, 100) };
  const known = crsNames[name.trim().toLowerCase()];
  return known ? { crs: known } : { unsupported: name.slice(0, 100) };
}

const looksLikeRdNew = (positions: [number, number][]) => positions.every(([x, y]) => x >= -10_000 && x <= 300_000 && y >= 280_000 && y <= 650_000);

/** The same geometry in WGS84 longitude/latitude, to seven decimals (about a centimetre). */
function fromRdNewGeometry(geometry: { type: string; coordinates: unknown }): { type: string; coordinates: unknown } {
  const round = (value: number) => Math.round(value * 1e7) / 1e7;
  const walk = (value: unknown): unknown => {
    if (Array.isArray(value) && typeof value[0] === 'number') {
      const [longitude, latitude] = fromRdNew.forward([value[0] as number, value[1] as number]);
      return [round(longitude), round(latitude)];
    }
    return Array.isArray(value) ? value.map(walk) : value;
  };
  return { type: geometry.type, coordinates: walk(geometry.coordinates) };
}

/**
 * Within the box around the Netherlands with its coast and islands (3.36–7.23° east, 50.75–53.56° north, with a
 * little room): a boundary outside it is no Dutch neighbourhood, but a wrong export or system.
 */
const isInTheNetherlands = (positions: [number, number][]) => positions.every(([longitude, latitude]) => longitude >= 3.2 && longitude <= 7.25 && latitude >= 50.7 && latitude <= 53.7);

/**
 * Why these coordinates are not WGS84 longitude/latitude, or null when they are. CBS publishes its maps in
 * RD New (metres, x 0–300 000, y 300 000–625 000), and a hand-made file often has latitude first.
 */
function coordinateProblem(positions: [number, number][]): { problem: RejectionProblem; reason: string } | null {
  const isWithinRange = positions.every(([longitude, latitude]) => Math.abs(longitude) <= 180 && Math.abs(latitude) <= 90);
  if (!isWithinRange) {
    return looksLikeRdNew(positions)
      ? { problem: 'rdNew', reason: 'looks like RD New (EPSG:28992) in a file read as WGS84; declare the file as EPSG:28992 or convert it' }
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
export function parseFeature(feature: unknown, expectedMunicipalityCode: string | null, crs: SourceCrs = 'wgs84'): ParsedFeature {
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
  const given = positionsOf({ type: geometry.type, coordinates: geometry.coordinates });
  if (!given) return reject(code, 'invalidCoordinates', `invalid ${geometry.type}: coordinates must be nested arrays of [longitude, latitude] numbers`);
  // RD New metres are reprojected to WGS84 longitude/latitude before anything else is checked.
  const isRdNew = crs === 'rdNew';
  const wgs84 = isRdNew ? fromRdNewGeometry({ type: geometry.type, coordinates: geometry.coordinates }) : geometry;
  const positions = isRdNew ? positionsOf({ type: geometry.type, coordinates: wgs84.coordinates })! : given;
  const problem = coordinateProblem(positions);
  if (problem) return reject(code, problem.problem, problem.reason);
  if (!isInTheNetherlands(positions)) return reject(code, 'outsideNetherlands', 'lies (partly) outside the Netherlands');
  const boundary = boundarySchema.safeParse(wgs84);
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
 * A file that declares no coordinate system is WGS84, as GeoJSON (RFC 7946) says, unless every feature's numbers
 * can only be RD New metres: an export that lost its declaration. A file with both kinds is WGS84, and its RD New
 * features are rejected with the reason.
 */
function crsOfNumbers(features: unknown[]): SourceCrs {
  const positions = features.map((feature) => {
    const geometry = (feature as { geometry?: { type?: unknown; coordinates?: unknown } | null } | null)?.geometry;
    return geometry && typeof geometry.type === 'string' ? positionsOf({ type: geometry.type, coordinates: geometry.coordinates }) : null;
  });
  const readable = positions.filter((found): found is [number, number][] => found !== null);
  return readable.length > 0 && readable.every(looksLikeRdNew) ? 'rdNew' : 'wgs84';
}

/**
 * Reads every feature of a file. A code that appears twice is rejected the second time: importing both
 * would let the later feature silently overwrite the earlier one.
 */
export function parseFeatures(features: unknown[], expectedMunicipalityCode: string | null, crs?: SourceCrs): { index: number; result: ParsedFeature }[] {
  const firstIndexOfCode = new Map<string, number>();
  const fileCrs = crs ?? crsOfNumbers(features);
  return features.map((feature, index) => {
    const result = parseFeature(feature, expectedMunicipalityCode, fileCrs);
    if (result.kind === 'rejected') return { index, result };
    const first = firstIndexOfCode.get(result.code);
    if (first !== undefined) return { index, result: reject(result.code, 'duplicateCode', `same code as feature ${first}`, { first }) };
    firstIndexOfCode.set(result.code, index);
    return { index, result };
  });
}
