import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { writeGeoPackage } from '../../../test/geopackage.ts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openPglite } from '../../db/client.ts';
import { municipality } from '../municipalities/index.ts';

// The command as an administrator runs it, in its own process, against an embedded database folder:
// what is checked here is the command line (arguments, output, exit codes); area-import.db.test.ts
// checks the import itself on both engines.
const command = path.resolve(import.meta.dirname, 'import-areas-command.ts');
const fixture = path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-areas.geojson');
let folder: string;

function importAreas(...args: string[]) {
  const result = spawnSync(process.execPath, [command, ...args], {
    encoding: 'utf8',
    env: { ...process.env, DATA_DIR: path.join(folder, 'data'), DATABASE_URL: '', LOG_LEVEL: 'silent' },
    // A guard against the PGlite hang once seen on reopening a data folder.
    timeout: 120_000,
  });
  return { exitCode: result.status, output: result.stdout, errors: result.stderr };
}

beforeAll(async () => {
  folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-import-'));
  const database = await openPglite(path.join(folder, 'data', 'pglite'));
  await database.migrate();
  await database.db.insert(municipality).values({ slug: 'helmond', name: 'Helmond', cbsCode: 'GM0794' });
  await database.close();
});
afterAll(() => {
  if (folder) rmSync(folder, { recursive: true, force: true });
});

describe('npm run import:areas', () => {
  it('stops with exit code 1 when the file is missing, and 2 when it is not GeoJSON', () => {
    expect(importAreas()).toMatchObject({ exitCode: 1, errors: expect.stringContaining('Usage: npm run import:areas') });
    expect(importAreas(path.join(folder, 'missing.geojson'))).toMatchObject({ exitCode: 1, errors: expect.stringContaining('Cannot read') });
    const notGeoJson = path.join(folder, 'points.json');
    writeFileSync(notGeoJson, JSON.stringify({ type: 'Feature', properties: {}, geometry: null }));
    expect(importAreas(notGeoJson)).toMatchObject({ exitCode: 2, errors: expect.stringContaining('is not a GeoJSON FeatureCollection') });
  });

  it('counts in a dry run; a file with rejected features saves nothing and lists them (exit code 2)', () => {
    const dryRun = importAreas(fixture, '--dry-run');
    expect(dryRun.exitCode).toBe(2);
    expect(dryRun.output).toContain('Dry run: would create 8, update 0, leave 0 unchanged; 2 rejected; 1 of other municipalities skipped. Nothing was saved.');

    const run = importAreas(fixture);
    expect(run.exitCode).toBe(2);
    expect(run.output).toContain('10/10 features');
    expect(run.output).toContain('Nothing was saved: 2 features are rejected (below).');
    expect(run.output).toMatch(/ {7}7 {2}WK079415 {2}.*RD New/);
    expect(run.output).toMatch(/ {7}9 {2}WK079416 {2}geometry is Point/);
  }, 240_000);

  it('imports the map in RD New as CBS and PDOK publish it, and refuses another coordinate system with exit code 2', () => {
    const rdNew = path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-wijken-rd-new.geojson');
    expect(importAreas(rdNew, '--dry-run')).toMatchObject({ exitCode: 0, output: expect.stringContaining('0 rejected; 0 of other municipalities skipped. Nothing was saved.') });
    const mercator = path.join(folder, 'mercator.geojson');
    writeFileSync(mercator, JSON.stringify({ ...JSON.parse(readFileSync(rdNew, 'utf8')), crs: { type: 'name', properties: { name: 'urn:ogc:def:crs:EPSG::3857' } } }));
    expect(importAreas(mercator)).toMatchObject({ exitCode: 2, errors: expect.stringContaining('in the coordinate system urn:ogc:def:crs:EPSG::3857') });
  }, 120_000);

  it('imports the GeoPackage CBS publishes: its wijken and buurten layers, in RD New', () => {
    const sample = JSON.parse(readFileSync(path.resolve(import.meta.dirname, '../../../test/fixtures/helmond-wijken-rd-new.geojson'), 'utf8'));
    const layer = (prefix: string) => sample.features.filter((feature: { id: string }) => feature.id.startsWith(prefix)).map((feature: { properties: Record<string, string>; geometry: unknown }) => ({ properties: feature.properties, geometry: feature.geometry }));
    const geoPackage = path.join(folder, 'wijkenbuurten_2024.gpkg');
    writeGeoPackage(geoPackage, { wijken: layer('WK'), buurten: layer('BU') });
    const run = importAreas(geoPackage, '--dry-run');
    expect(run).toMatchObject({ exitCode: 0, output: expect.stringContaining('GeoPackage layers: wijken, buurten.') });
    expect(run.output).toContain('0 rejected; 0 of other municipalities skipped. Nothing was saved.');
    const notAPackage = path.join(folder, 'broken.gpkg');
    writeFileSync(notAPackage, Buffer.concat([Buffer.from('SQLite format 3\0'), Buffer.alloc(100)]));
    expect(importAreas(notAPackage)).toMatchObject({ exitCode: 2, errors: expect.stringContaining('is not a GeoPackage with feature layers') });
  }, 120_000);

  it('exits with 0 when every feature of the municipality went in', () => {
    const collection = JSON.parse(readFileSync(fixture, 'utf8'));
    const goodOnly = path.join(folder, 'good.geojson');
    writeFileSync(goodOnly, JSON.stringify({ ...collection, features: collection.features.slice(0, 7) }));
    expect(importAreas(goodOnly)).toMatchObject({ exitCode: 0, output: expect.stringContaining('Created 8, updated 0, unchanged 0; 0 features of other municipalities skipped.') });
  }, 120_000);
});
