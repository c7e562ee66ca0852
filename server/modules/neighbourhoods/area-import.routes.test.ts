import { sql } from 'drizzle-orm';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fingerprintDatabase } from '../../../test/database.ts';
import { createTestApp, type Session, type TestApp, tenantPath } from '../../../test/harness.ts';
import { queryRows } from '../../db/client.ts';
import { writeGeoPackage } from '../../../test/geopackage.ts';

let t: TestApp;
let admin: Session;
const fileText = readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-areas.geojson'), 'utf8');
const rdText = readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-wijken-rd-new.geojson'), 'utf8');
const url = `${tenantPath}/neighbourhood-imports`;
/** The sample without its two broken features (7: RD New numbers declared as WGS84, 9: a point). */
const goodText = JSON.stringify({ ...JSON.parse(fileText), features: JSON.parse(fileText).features.filter((_: unknown, index: number) => index !== 7 && index !== 9) });

beforeAll(async () => {
  t = await createTestApp();
  admin = await t.logIn('admin');
});
afterAll(async () => t?.close());

const upload = (options: { as?: Session; query?: string; body?: string; contentType?: string }) =>
  t.request({ method: 'POST', url: `${url}${options.query ?? ''}`, as: options.as, payload: options.body ?? fileText, headers: { 'content-type': options.contentType ?? 'application/geo+json' } });

async function neighbourhoodsMatching(search: string) {
  return (await t.request({ url: `${tenantPath}/neighbourhoods?search=${search}` })).json().items as { id: string }[];
}

describe('importing wijken and buurten from the web app', () => {
  it('refuses everyone but administrators, and changes nothing', async () => {
    const others = { advisor: await t.logIn('advisor'), officer: await t.logIn('officer'), councilMember: await t.logIn('councilMember'), resident: await t.logIn('resident') };
    const before = await fingerprintDatabase(t.database.db);
    expect((await upload({})).statusCode).toBe(401);
    for (const [person, session] of Object.entries(others)) expect((await upload({ as: session })).statusCode, person).toBe(403);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('answers a file that is not a GeoJSON FeatureCollection with 400 naming the problem', async () => {
    const notACollection = await upload({ as: admin, body: JSON.stringify({ type: 'Feature', features: [], geometry: null, properties: {} }) });
    expect(notACollection.statusCode).toBe(400);
    expect(notACollection.headers['content-type']).toContain('application/problem+json');
    expect(notACollection.json().errors).toEqual([{ field: 'body.type', code: 'notAFeatureCollection', message: expect.stringContaining('geen GeoJSON FeatureCollection (het type is “Feature”)') }]);

    const noList = await upload({ as: admin, body: JSON.stringify({ type: 'Feature', geometry: null, properties: {} }) });
    expect(noList.statusCode).toBe(400);
    expect(noList.json().errors.map((error: { field: string }) => error.field)).toContain('body.features');

    const empty = await upload({ as: admin, body: JSON.stringify({ type: 'FeatureCollection', features: [] }), contentType: 'application/json' });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'body.features', code: 'noFeatures', message: expect.stringContaining('geen wijken of buurten') }]);

    const before = await fingerprintDatabase(t.database.db);
    const mercator = await upload({ as: admin, body: JSON.stringify({ ...JSON.parse(rdText), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } }) });
    expect(mercator.statusCode).toBe(400);
    expect(mercator.json().errors).toEqual([{ field: 'body.crs', code: 'unsupportedCrs', message: expect.stringContaining('“urn:ogc:def:crs:EPSG::3857”. Wijkwerk leest RD New (EPSG:28992)') }]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);

    const broken = await upload({ as: admin, body: '{"type": "FeatureCollection", "features": [' });
    expect(broken.statusCode).toBe(400);
    expect(broken.json().code).toBe('MALFORMED_JSON');
  });

  it('previews the import in a dry run and saves nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await upload({ as: admin, query: '?dryRun=true' });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isDryRun: true, created: 6, updated: 2, unchanged: 0, otherMunicipalities: 1 });
    expect(response.json().rejected).toEqual([
      { index: 7, code: 'WK079415', problem: 'rdNew', reason: expect.stringContaining('RD New') },
      { index: 9, code: 'WK079416', problem: 'notAPolygon', params: { geometryType: 'Point' }, reason: expect.stringContaining('geometry is Point') },
    ]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
    expect(await neighbourhoodsMatching('Suytkade')).toEqual([]);
  });

  it('refuses a file with rejected features as a whole, naming each feature and why, and saves nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await upload({ as: admin });
    expect(response.statusCode).toBe(422);
    expect(response.headers['content-type']).toContain('application/problem+json');
    expect(response.json().detail).toMatch(/^Er is niets opgeslagen: 2 onderdelen/);
    expect(response.json().errors).toEqual([
      { field: 'body.features[7]', code: 'areaRdNew', message: expect.stringContaining('lijken RD New') },
      { field: 'body.features[9]', code: 'areaNotAPolygon', message: 'De vorm is een Point; alleen Polygon en MultiPolygon kunnen een wijk of buurt zijn.' },
    ]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('imports, reports the same counts, and writes the changes to the audit log in the administrator’s name', async () => {
    const response = await upload({ as: admin, body: goodText });
    expect(response.statusCode).toBe(200);
    expect(response.json()).toMatchObject({ isDryRun: false, created: 6, updated: 2, unchanged: 0, otherMunicipalities: 1, rejected: [] });
    expect(await neighbourhoodsMatching('Suytkade')).toHaveLength(1);

    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=neighbourhood.importFile`, as: admin })).json().items;
    expect(audit).toHaveLength(1);
    expect(audit[0]).toMatchObject({ actorName: 'Femke Janssen', entityName: 'Helmond', after: { created: 6, updated: 2, unchanged: 0, otherMunicipalities: 1, rejected: 0 } });
    const perRecord = (await t.request({ url: `${tenantPath}/audit-log?action=neighbourhood.import`, as: admin })).json().items;
    expect(perRecord.length).toBeGreaterThan(0);
    expect(perRecord.every((entry: { actorName: string | null }) => entry.actorName === 'Femke Janssen')).toBe(true);

    // Again: everything is already there.
    expect((await upload({ as: admin, body: goodText })).json()).toMatchObject({ created: 0, updated: 0, rejected: [] });
  });

  it('imports the map in RD New as PDOK publishes it, reprojected, keeping the wijken it already has', async () => {
    const boundaryOf = async () => (await queryRows<{ id: string; boundary: { coordinates: unknown } }>(t.database.db, sql`select id, boundary from neighbourhood where cbs_code = 'WK079412'`))[0];
    const before = await boundaryOf();
    const response = await upload({ as: admin, body: rdText });
    expect(response.statusCode, response.body).toBe(200);
    expect(response.json()).toMatchObject({ rejected: [] });
    expect(response.json().created + response.json().updated + response.json().unchanged).toBe(6);
    // The same wijk, its boundary now from the RD New file: within a metre of the WGS84 one.
    const after = await boundaryOf();
    expect(after.id).toBe(before.id);
    const [longitude, latitude] = (after.boundary.coordinates as number[][][][])[0][0][0];
    const [wgsLongitude, wgsLatitude] = (before.boundary.coordinates as number[][][])[0][0];
    expect(Math.abs(longitude - wgsLongitude)).toBeLessThan(0.000014);
    expect(Math.abs(latitude - wgsLatitude)).toBeLessThan(0.000009);
  });
});

describe('importing the GeoPackage CBS publishes from the web app', () => {
  const geoPackageUrl = `${tenantPath}/neighbourhood-imports/geopackage`;
  let geoPackage: Buffer;

  beforeAll(() => {
    // The RD New sample as a GeoPackage with the wijken and buurten layers CBS's has, plus another municipality's wijk.
    const sample = JSON.parse(rdText);
    const layer = (prefix: string) => sample.features.filter((feature: { id: string }) => feature.id.startsWith(prefix)).map((feature: { properties: Record<string, string>; geometry: unknown }) => ({ properties: feature.properties, geometry: feature.geometry }));
    const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-gpkg-'));
    const file = path.join(folder, 'wijkenbuurten.gpkg');
    const eindhovenWijk = { ...layer('WK')[0], properties: { ...layer('WK')[0].properties, wijkcode: 'WK077299', wijknaam: 'Ergens in Eindhoven', gemeentecode: 'GM0772' } };
    writeGeoPackage(file, { wijken: [...layer('WK'), eindhovenWijk], buurten: layer('BU') });
    geoPackage = readFileSync(file);
    rmSync(folder, { recursive: true, force: true });
  });

  const send = (options: { as?: Session; query?: string; body?: Buffer; contentType?: string }) =>
    t.request({ method: 'POST', url: `${geoPackageUrl}${options.query ?? ''}`, as: options.as, payload: options.body ?? geoPackage, headers: { 'content-type': options.contentType ?? 'application/geopackage+sqlite3' } });

  it('refuses everyone but administrators, and changes nothing', async () => {
    const advisor = await t.logIn('advisor');
    const before = await fingerprintDatabase(t.database.db);
    expect((await send({})).statusCode).toBe(401);
    expect((await send({ as: advisor })).statusCode).toBe(403);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('answers a file that is no GeoPackage with 400 in words, and saves nothing', async () => {
    const before = await fingerprintDatabase(t.database.db);
    const response = await send({ as: admin, body: Buffer.from('dit is geen kaart'), contentType: 'application/octet-stream' });
    expect(response.statusCode).toBe(400);
    expect(response.json().errors).toEqual([{ field: 'body', code: 'notAGeoPackage', message: expect.stringContaining('geen GeoPackage') }]);
    expect(await fingerprintDatabase(t.database.db)).toEqual(before);
  });

  it('previews and imports its layers in RD New, skipping another municipality’s wijk', async () => {
    const preview = await send({ as: admin, query: '?dryRun=true' });
    expect(preview.statusCode, preview.body).toBe(200);
    expect(preview.json()).toMatchObject({ isDryRun: true, otherMunicipalities: 1, rejected: [] });
    const imported = await send({ as: admin });
    expect(imported.statusCode).toBe(200);
    expect(imported.json()).toMatchObject({ isDryRun: false, otherMunicipalities: 1, rejected: [] });
    expect(imported.json().created + imported.json().updated + imported.json().unchanged).toBe(6);
    expect(await neighbourhoodsMatching('Ergens in Eindhoven')).toEqual([]);
  });
});
