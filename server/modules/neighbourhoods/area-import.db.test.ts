import { readFileSync } from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp, tenantPath } from '../../../test/harness.ts';
import { importAreas } from './area-import.service.ts';

let t: TestApp;
const features = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-areas.geojson'), 'utf8')).features;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

describe('importing wijken and buurten', () => {
  it('creates and updates by CBS code, reports rejected features, and shows progress', async () => {
    const progress: number[] = [];
    const report = await importAreas({ db: t.database.db, clock: t.clock }, { id: t.municipalityId, cbsCode: 'GM0794' }, features, (done) => progress.push(done));
    // Suytkade, Hoogeind and Schooten (created for its buurt) are new; three buurten are new; Binnenstad/Centrum gets its official boundary.
    expect(report).toMatchObject({ created: 6, updated: 2, unchanged: 0 });
    expect(report.rejected.map((rejection) => rejection.index)).toEqual([7, 8, 9]);
    expect(progress.at(-1)).toBe(features.length);

    const list = (await t.request({ url: `${tenantPath}/neighbourhoods?search=Suytkade` })).json();
    const suytkade = (await t.request({ url: `${tenantPath}/neighbourhoods/${list.items[0].id}` })).json();
    expect(suytkade).toMatchObject({ cbsCode: 'WK079412', isBoundaryOfficial: true });
    expect(suytkade.areas.map((area: { name: string }) => area.name)).toEqual(['Suytkade-Noord', 'Suytkade-Zuid']);
    const binnenstad = (await t.request({ url: `${tenantPath}/neighbourhoods?search=WK079401` })).json().items[0];
    expect((await t.request({ url: `${tenantPath}/neighbourhoods/${binnenstad.id}` })).json().isBoundaryOfficial).toBe(true);
  });

  it('changes nothing the second time, and audits what it did', async () => {
    const report = await importAreas({ db: t.database.db, clock: t.clock }, { id: t.municipalityId, cbsCode: 'GM0794' }, features);
    expect(report).toMatchObject({ created: 0, updated: 0, unchanged: 7 });
    const admin = await t.logIn('admin');
    const audit = (await t.request({ url: `${tenantPath}/audit-log?action=area.import`, as: admin })).json();
    expect(audit.items.length).toBe(4);
  });
});
