import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { declaredCrs, type ParsedFeature, parseFeature, parseFeatures } from './area-import.rules.ts';

const square = { type: 'Polygon', coordinates: [[[5.6, 51.4], [5.61, 51.4], [5.61, 51.41], [5.6, 51.4]]] };
const feature = (properties: Record<string, string>, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });
const polygon = (ring: number[][]) => ({ type: 'Polygon', coordinates: [ring] });

describe('reading a CBS feature', () => {
  it('reads a wijk, with lower- or upper-case property names', () => {
    expect(parseFeature(feature({ wijkcode: 'WK079401', wijknaam: 'Binnenstad' }), 'GM0794')).toMatchObject({ kind: 'neighbourhood', code: 'WK079401', name: 'Binnenstad' });
    expect(parseFeature(feature({ WIJKCODE: 'WK079402', WIJKNAAM: 'Oost' }), 'GM0794')).toMatchObject({ kind: 'neighbourhood', code: 'WK079402' });
  });

  it('reads a buurt and links it to its wijk by wijkcode, or by its own code when no wijkcode is given', () => {
    expect(parseFeature(feature({ wijkcode: 'WK079412', buurtcode: 'BU07941201', buurtnaam: 'Suytkade-Noord' }), 'GM0794')).toMatchObject({ kind: 'area', neighbourhoodCode: 'WK079412' });
    expect(parseFeature(feature({ buurtcode: 'BU07940305', buurtnaam: 'Noord' }), 'GM0794')).toMatchObject({ kind: 'area', code: 'BU07940305', neighbourhoodCode: 'WK079403' });
  });

  it('accepts a MultiPolygon, and any gemeentecode when the municipality has none', () => {
    const multi = { type: 'MultiPolygon', coordinates: [square.coordinates] };
    expect(parseFeature(feature({ gemeentecode: 'GM0772', wijkcode: 'WK077201', wijknaam: 'Strijp' }, multi), null)).toMatchObject({ kind: 'neighbourhood', boundary: multi });
  });

  it.each([
    [feature({ wijknaam: 'Zonder code' }), 'no wijkcode or buurtcode'],
    [feature({ gemeentecode: 'GM0772', wijkcode: 'WK077201', wijknaam: 'Strijp' }), 'belongs to GM0772'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Punt' }, { type: 'Point', coordinates: [5.6, 51.4] }), 'geometry is Point'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Leeg' }, null), 'no geometry'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'RD' }, polygon([[174000, 384000], [175000, 384000], [175000, 385000], [174000, 384000]])), 'looks like RD New (EPSG:28992) in a file read as WGS84'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Ver weg' }, polygon([[5.6, 95], [5.61, 95], [5.61, 96], [5.6, 95]])), 'outside the longitude/latitude range'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Omgedraaid' }, polygon([[51.4, 5.6], [51.4, 5.61], [51.41, 5.61], [51.4, 5.6]])), 'latitude, longitude'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Tekst' }, polygon([['5.6', '51.4']] as never)), 'nested arrays of [longitude, latitude] numbers'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Open ring' }, polygon([[5.6, 51.4], [5.61, 51.4], [5.61, 51.41], [5.62, 51.42]])), 'invalid polygon'],
    [feature({ wijkcode: 'WK7', wijknaam: 'Kort' }), 'WK followed by six digits'],
    [feature({ buurtcode: 'BU0794', buurtnaam: 'Kort' }), 'BU followed by eight digits'],
    [feature({ wijkcode: 'WK079401' }), 'no wijknaam'],
    [feature({ buurtcode: 'BU07940101' }), 'no buurtnaam'],
    [{ type: 'Geometry' }, 'not a GeoJSON Feature'],
  ])('rejects %# with a reason', (input, reason) => {
    const parsed = parseFeature(input, 'GM0794');
    expect(parsed.kind).toBe('rejected');
    expect(parsed.kind === 'rejected' && parsed.reason).toContain(reason);
  });
});

describe('reading a whole file', () => {
  it('rejects a code that appears twice, naming the feature it repeats', () => {
    const parsed = parseFeatures(
      [feature({ wijkcode: 'WK079401', wijknaam: 'Binnenstad' }), feature({ wijkcode: 'WK079402', wijknaam: 'Oost' }), feature({ wijkcode: 'WK079401', wijknaam: 'Centrum' })],
      'GM0794',
    );
    expect(parsed.map(({ result }) => result.kind)).toEqual(['neighbourhood', 'neighbourhood', 'rejected']);
    expect(parsed[2]).toEqual({ index: 2, result: { kind: 'rejected', code: 'WK079401', problem: 'duplicateCode', params: { first: 0 }, reason: 'same code as feature 0' } });
  });
});

describe('a map in RD New, as CBS and PDOK publish it', () => {
  const rdSample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-wijken-rd-new.geojson'), 'utf8'));
  const wgs84Fixture = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-areas.geojson'), 'utf8'));

  it('reads the declared coordinate system: RD New and WGS84 by their usual names, anything else by name', () => {
    expect(declaredCrs(rdSample.crs)).toEqual({ crs: 'rdNew' });
    expect(declaredCrs({ type: 'name', properties: { name: 'EPSG:28992' } })).toEqual({ crs: 'rdNew' });
    expect(declaredCrs({ type: 'name', properties: { name: 'urn:ogc:def:crs:OGC:1.3:CRS84' } })).toEqual({ crs: 'wgs84' });
    expect(declaredCrs(undefined)).toEqual({ crs: undefined });
    expect(declaredCrs({ type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } })).toEqual({ unsupported: 'urn:ogc:def:crs:EPSG::3857' });
  });

  it('reprojects each boundary to WGS84 longitude/latitude, within a metre of where it was drawn', () => {
    const parsed = parseFeatures(rdSample.features, 'GM0794', 'rdNew');
    expect(parsed.map(({ result }) => result.kind)).toEqual(['neighbourhood', 'neighbourhood', 'neighbourhood', 'area', 'area', 'area']);
    const centre = parsed[0].result as Extract<ParsedFeature, { kind: 'neighbourhood' }>;
    expect(centre.boundary.type).toBe('MultiPolygon');
    const [longitude, latitude] = (centre.boundary.coordinates as number[][][][])[0][0][0];
    const [drawnLongitude, drawnLatitude] = wgs84Fixture.features[0].geometry.coordinates[0][0];
    // A metre is about 0.000014° of longitude and 0.000009° of latitude here.
    expect(Math.abs(longitude - drawnLongitude)).toBeLessThan(0.000014);
    expect(Math.abs(latitude - drawnLatitude)).toBeLessThan(0.000009);
  });

  it('takes a file without a declaration as RD New when every feature has RD New numbers, else as WGS84', () => {
    expect(parseFeatures(rdSample.features, 'GM0794').every(({ result }) => result.kind !== 'rejected')).toBe(true);
    const mixed = parseFeatures([wgs84Fixture.features[0], rdSample.features[1]], 'GM0794');
    expect(mixed.map(({ result }) => result.kind)).toEqual(['neighbourhood', 'rejected']);
    expect(mixed[1].result).toMatchObject({ problem: 'rdNew' });
  });

  it('rejects a boundary outside the Netherlands, in either system', () => {
    const paris = polygon([[2.35, 48.85], [2.36, 48.85], [2.36, 48.86], [2.35, 48.85]]);
    expect(parseFeature(feature({ wijkcode: 'WK079401', wijknaam: 'Parijs' }, paris), 'GM0794')).toMatchObject({ kind: 'rejected', problem: 'outsideNetherlands' });
    // RD New's numbers reach beyond the country: x 280 000 lies in Germany.
    const germany = polygon([[290000, 400000], [291000, 400000], [291000, 401000], [290000, 400000]]);
    expect(parseFeature(feature({ wijkcode: 'WK079401', wijknaam: 'Duitsland' }, germany), 'GM0794', 'rdNew')).toMatchObject({ kind: 'rejected', problem: 'outsideNetherlands' });
  });
});
