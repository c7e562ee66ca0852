import { describe, expect, it } from 'vitest';
import { parseFeature, parseFeatures } from './area-import.rules.ts';

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
    [feature({ wijkcode: 'WK079401', wijknaam: 'RD' }, polygon([[174000, 384000], [175000, 384000], [175000, 385000], [174000, 384000]])), 'looks like RD New (EPSG:28992); convert to WGS84'],
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
