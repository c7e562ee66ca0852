import { describe, expect, it } from 'vitest';
import { parseFeature } from './area-import.rules.ts';

const square = { type: 'Polygon', coordinates: [[[5.6, 51.4], [5.61, 51.4], [5.61, 51.41], [5.6, 51.4]]] };
const feature = (properties: Record<string, string>, geometry: unknown = square) => ({ type: 'Feature', properties, geometry });

describe('reading a CBS feature', () => {
  it('reads a wijk, with lower- or upper-case property names', () => {
    expect(parseFeature(feature({ wijkcode: 'WK079401', wijknaam: 'Binnenstad' }), 'GM0794')).toMatchObject({ kind: 'neighbourhood', code: 'WK079401', name: 'Binnenstad' });
    expect(parseFeature(feature({ WIJKCODE: 'WK079402', WIJKNAAM: 'Oost' }), 'GM0794')).toMatchObject({ kind: 'neighbourhood', code: 'WK079402' });
  });

  it('reads a buurt and finds its wijk from the buurtcode when no wijkcode is given', () => {
    expect(parseFeature(feature({ buurtcode: 'BU07940305', buurtnaam: 'Noord' }), 'GM0794')).toMatchObject({ kind: 'area', code: 'BU07940305', neighbourhoodCode: 'WK079403' });
  });

  it.each([
    [feature({ wijknaam: 'Zonder code' }), 'no wijkcode or buurtcode'],
    [feature({ gemeentecode: 'GM0772', wijkcode: 'WK077201', wijknaam: 'Strijp' }), 'belongs to GM0772'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Punt' }, { type: 'Point', coordinates: [5.6, 51.4] }), 'geometry is Point'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'RD' }, { type: 'Polygon', coordinates: [[[174000, 384000], [175000, 384000], [175000, 385000], [174000, 384000]]] }), 'RD New'],
    [feature({ wijkcode: 'WK079401', wijknaam: 'Open ring' }, { type: 'Polygon', coordinates: [[[5.6, 51.4], [5.61, 51.4], [5.61, 51.41], [5.62, 51.42]]] }), 'invalid polygon'],
    [feature({ wijkcode: 'WK7', wijknaam: 'Kort' }), 'WK followed by six digits'],
    [feature({ wijkcode: 'WK079401' }), 'no wijknaam'],
    [{ type: 'Geometry' }, 'not a GeoJSON Feature'],
  ])('rejects %# with a reason', (input, reason) => {
    const parsed = parseFeature(input, 'GM0794');
    expect(parsed.kind).toBe('rejected');
    expect(parsed.kind === 'rejected' && parsed.reason).toContain(reason);
  });
});
