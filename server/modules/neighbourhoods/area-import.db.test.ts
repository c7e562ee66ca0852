import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';
import { importAreas } from './area-import.service.ts';

let t: TestApp;
const features = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-areas.geojson'), 'utf8')).features;
/** The sample without its two broken features (7: RD New numbers declared as WGS84, 9: a point). */
const good = features.filter((_: unknown, index: number) => index !== 7 && index !== 9);
const helmond = () => ({ id: t.municipalityId, cbsCode: 'GM0794' });

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

async function neighbourhoodsMatching(search: string) {
  return (await t.request({ url: `${tenantPath}/neighbourhoods?search=${search}` })).json().items as { id: string }[];
}

describe('importing wijken and buurten', () => {
  it('counts what it would do in a dry run, and saves nothing', async () => {
    const report = await importAreas({ db: t.database.db, clock: t.clock }, helmond(), features, { dryRun: true });
    expect(report).toMatchObject({ created: 6, updated: 2, unchanged: 0, otherMunicipalities: 1 });
    expect(report.rejected).toHaveLength(2);
    expect(await neighbourhoodsMatching('Suytkade')).toEqual([]);
  });

  it('saves nothing of a file with rejected features, and names each with its reason', async () => {
    const report = await importAreas({ db: t.database.db, clock: t.clock }, helmond(), features);
    expect(report.rejected).toEqual([
      { index: 7, code: 'WK079415', problem: 'rdNew', reason: expect.stringContaining('RD New') },
      { index: 9, code: 'WK079416', problem: 'notAPolygon', params: { geometryType: 'Point' }, reason: expect.stringContaining('geometry is Point') },
    ]);
    expect(await neighbourhoodsMatching('Suytkade')).toEqual([]);
  });

  it('creates and updates by CBS code, skips other municipalities’ features, and shows progress', async () => {
    const progress: number[] = [];
    const report = await importAreas({ db: t.database.db, clock: t.clock }, helmond(), good, { onProgress: (done) => progress.push(done) });
    // Suytkade, Hoogeind and Schooten (created for its buurt) are new; three buurten are new; Binnenstad/Centrum gets its official boundary.
    expect(report).toMatchObject({ created: 6, updated: 2, unchanged: 0, otherMunicipalities: 1, rejected: [] });
    expect(progress.at(-1)).toBe(good.length);

    const [suytkadeItem] = await neighbourhoodsMatching('Suytkade');
    const suytkade = (await t.request({ url: `${tenantPath}/neighbourhoods/${suytkadeItem.id}` })).json();
    expect(suytkade).toMatchObject({ cbsCode: 'WK079412', isBoundaryOfficial: true });
    expect(suytkade.areas.map((area: { name: string }) => area.name)).toEqual(['Suytkade-Noord', 'Suytkade-Zuid']);
    const [binnenstad] = await neighbourhoodsMatching('WK079401');
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/${binnenstad.id}` })).json().isBoundaryOfficial).toBe(true);
    // The buurt without a wijk feature brought its wijk along, named from the buurt's wijknaam.
    const [schooten] = await neighbourhoodsMatching('WK079414');
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/${schooten.id}` })).json()).toMatchObject({ name: 'Schooten en omgeving', boundary: null });
  });

  it('changes nothing the second time, and audits what it did', async () => {
    const report = await importAreas({ db: t.database.db, clock: t.clock }, helmond(), good);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    const admin = await t.logIn('admin');
    const areaAudit = (await t.request({ url: `${tenantPath}/audit-log?action=area.import`, as: admin })).json();
    expect(areaAudit.items).toHaveLength(4);
    expect(areaAudit.items[0]).toMatchObject({ actorLabel: 'system', entityType: 'area' });
    const neighbourhoodAudit = (await t.request({ url: `${tenantPath}/audit-log?action=neighbourhood.import`, as: admin })).json();
    expect(neighbourhoodAudit.items).toHaveLength(4);
  });

  it('updates the name and boundary of a wijk it imported before', async () => {
    const renamed = { ...features[1], properties: { ...features[1].properties, wijknaam: 'Suytkade en Hurk' } };
    const report = await importAreas({ db: t.database.db, clock: t.clock }, helmond(), [renamed]);
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0, rejected: [] });
    expect(await neighbourhoodsMatching('Suytkade en Hurk')).toHaveLength(1);
  });

  it('imports into the municipality it is given, and only its own features', async () => {
    const report = await importAreas({ db: t.database.db, clock: t.clock }, { id: t.other.municipality.id, cbsCode: 'GM0772' }, features);
    // Eindhoven's Strijp (WK077201) gets its boundary; every Helmond feature, the broken ones too, is another's.
    expect(report).toMatchObject({ created: 0, updated: 1, unchanged: 0, otherMunicipalities: 9, rejected: [] });
    expect(await neighbourhoodsMatching('Strijp')).toEqual([]);
    const strijp = (await t.request({ url: `/api/v1/municipalities/eindhoven/neighbourhoods/${t.other.neighbourhood.id}` })).json();
    expect(strijp.boundary).toMatchObject({ type: 'Polygon' });
  });
});
