import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { writeGeoPackage } from '../../../test/geopackage.ts';
import { geometryOf, readGeoPackage } from './geopackage.ts';

const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-gpkg-'));
afterAll(() => rmSync(folder, { recursive: true, force: true }));
const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-wijken-rd-new.geojson'), 'utf8'));
const layerOf = (prefix: string) => sample.features.filter((feature: { id: string }) => feature.id.startsWith(prefix)).map((feature: { properties: Record<string, string>; geometry: unknown }) => ({ properties: feature.properties, geometry: feature.geometry }));

describe('reading a GeoPackage as CBS publishes the wijk- en buurtkaart', () => {
  it('reads its wijken and buurten layers (wijken first, not gemeenten) with their properties, boundaries and RD New', () => {
    const file = path.join(folder, 'wijkenbuurten.gpkg');
    writeGeoPackage(file, { gemeenten: [{ properties: { gemeentecode: 'GM0794' }, geometry: sample.features[0].geometry }], buurten: layerOf('BU'), wijken: layerOf('WK') });
    const contents = readGeoPackage(file);
    expect(contents.layers).toEqual(['wijken', 'buurten']);
    expect(contents.crs).toEqual({ crs: 'rdNew' });
    expect(contents.features.map((feature) => feature.properties.buurtcode ?? feature.properties.wijkcode)).toEqual(['WK079401', 'WK079412', 'WK079413', 'BU07941201', 'BU07941202', 'BU07941401']);
    expect(contents.features[0].geometry).toEqual(sample.features[0].geometry);
  });

  it('names a coordinate system it does not read', () => {
    const file = path.join(folder, 'mercator.gpkg');
    writeGeoPackage(file, { wijken: layerOf('WK') }, 3857);
    expect(readGeoPackage(file).crs).toEqual({ unsupported: 'EPSG:3857' });
  });

  it('reads a polygon with heights (Z) by its x and y, and names a point as a point', () => {
    const withZ = Buffer.alloc(8 + 9 + 4 + 4 * 24);
    withZ.set([0x47, 0x50, 0, 1]);
    withZ.writeUInt8(1, 8);
    withZ.writeUInt32LE(1003, 9);
    withZ.writeUInt32LE(1, 13);
    withZ.writeUInt32LE(4, 17);
    for (const [index, point] of [[0, 0, 5], [1, 0, 5], [1, 1, 5], [0, 0, 5]].entries()) {
      for (const [axis, value] of point.entries()) withZ.writeDoubleLE(value, 21 + index * 24 + axis * 8);
    }
    expect(geometryOf(withZ)).toEqual({ type: 'Polygon', coordinates: [[[0, 0], [1, 0], [1, 1], [0, 0]]] });
    const point = Buffer.alloc(8 + 21);
    point.set([0x47, 0x50, 0, 1]);
    point.writeUInt8(1, 8);
    point.writeUInt32LE(1, 9);
    expect(geometryOf(point)).toEqual({ type: 'Point', coordinates: undefined });
  });
});
