// npm run import:areas -- FILE.geojson|FILE.gpkg [--municipality helmond] [--dry-run]
// Imports wijken and buurten from the CBS wijk- en buurtkaart, as GeoPackage (its wijken and buurten layers) or as
// a GeoJSON FeatureCollection, in RD New as CBS and PDOK publish it or in WGS84, into one municipality.
// Exit code: 0 everything imported, 2 the file or some of its features refused (see the report), 1 nothing could be
// done (no file, no database, no such municipality).
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import type { DatabaseHandle } from '../../db/client.ts';
import { declaredCrs } from './area-import.rules.ts';
import { readGeoPackage } from './geopackage.ts';
import type { ImportReport } from './area-import.service.ts';

const usage = 'Usage: npm run import:areas -- FILE.geojson|FILE.gpkg [--municipality helmond] [--dry-run]';
const write = (line: string) => process.stdout.write(`${line}\n`);
function fail(message: string, exitCode = 1): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

let values: { municipality: string; 'dry-run': boolean };
let positionals: string[];
try {
  ({ values, positionals } = parseArgs({ allowPositionals: true, options: { municipality: { type: 'string', default: 'helmond' }, 'dry-run': { type: 'boolean', default: false } } }));
} catch (error) {
  fail(`${(error as Error).message}\n${usage}`);
}
const file = positionals[0];
if (!file || positionals.length > 1) fail(usage);
const isDryRun = values['dry-run'];

let content: Buffer;
try {
  content = readFileSync(file);
} catch (error) {
  fail(`Cannot read ${file}: ${(error as Error).message}`);
}
let features: unknown[];
let declared: ReturnType<typeof declaredCrs>;
if (content.subarray(0, 16).toString('latin1') === 'SQLite format 3\0') {
  // A GeoPackage, as CBS publishes the wijk- en buurtkaart: its wijken and buurten layers.
  try {
    const geoPackage = readGeoPackage(file);
    ({ features } = geoPackage);
    declared = 'unsupported' in geoPackage.crs ? geoPackage.crs : { crs: geoPackage.crs.crs };
    write(`GeoPackage layers: ${geoPackage.layers.join(', ') || 'none'}.`);
  } catch (error) {
    fail(`${file} is not a GeoPackage with feature layers: ${(error as Error).message}`, 2);
  }
} else {
  let collection: { type?: string; crs?: unknown; features?: unknown[] } = {};
  try {
    collection = JSON.parse(content.toString('utf8'));
  } catch (error) {
    fail(`${file} is neither GeoJSON nor a GeoPackage: ${(error as Error).message}`, 2);
  }
  if (collection?.type !== 'FeatureCollection' || !Array.isArray(collection.features)) fail(`${file} is not a GeoJSON FeatureCollection.`, 2);
  features = collection.features;
  declared = declaredCrs(collection.crs);
}
if ('unsupported' in declared) fail(`${file} is in the coordinate system ${declared.unsupported}. Export it in RD New (EPSG:28992), as CBS and PDOK publish it, or in WGS84 (EPSG:4326).`, 2);

// Loaded only once the file is known to be good: the database drivers and the modules' routes take
// seconds to load, and a mistyped file name should be answered at once.
const [{ default: cliProgress }, { loadConfig }, { openDatabase }, { systemClock }, { createMunicipalityRepository }, { importAreas }] = await Promise.all([
  import('cli-progress'),
  import('../../config.ts'),
  import('../../db/client.ts'),
  import('../../platform/clock.ts'),
  import('../municipalities/index.ts'),
  import('./area-import.service.ts'),
]);

let database: DatabaseHandle | undefined;
let report: ImportReport;
try {
  const config = loadConfig();
  database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
  await database.migrate();
  const municipality = await createMunicipalityRepository(database.db).findBySlug(values.municipality);
  if (!municipality) throw new Error(`No municipality "${values.municipality}". Start the server once (it loads the demo) or pass --municipality.`);

  write(`Importing ${features.length} features into ${municipality.name} (${municipality.cbsCode ?? 'no CBS code'})${isDryRun ? ' — dry run, nothing is saved' : ''}…`);
  // A bar on a terminal; a line per tenth in logs and CI, where a redrawn bar is noise.
  const bar = process.stdout.isTTY ? new cliProgress.SingleBar({ format: '  {bar} {percentage}% | {value}/{total} features' }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(features.length, 0);
  let lastTenth = -1;
  report = await importAreas({ db: database.db, clock: systemClock }, municipality, features, {
    dryRun: isDryRun,
    crs: declared.crs,
    onProgress(done, total) {
      bar?.update(done);
      const tenth = Math.floor((done / Math.max(total, 1)) * 10);
      if (!bar && tenth !== lastTenth) {
        lastTenth = tenth;
        write(`  ${done}/${total} features`);
      }
    },
  });
  bar?.stop();
} catch (error) {
  await database?.close();
  // One transaction: nothing of a stopped import was saved; the import is an upsert, so running it again is safe.
  fail(`Import stopped: ${(error as Error).message}`);
}
await database.close();

write(
  isDryRun
    ? `Dry run: would create ${report.created}, update ${report.updated}, leave ${report.unchanged} unchanged; ${report.rejected.length} rejected; ${report.otherMunicipalities} of other municipalities skipped. Nothing was saved.`
    : report.rejected.length > 0
      ? `Nothing was saved: ${report.rejected.length} features are rejected (below). Correct the file and run the import again. It would create ${report.created}, update ${report.updated} and leave ${report.unchanged} unchanged.`
      : `Created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}; ${report.otherMunicipalities} features of other municipalities skipped.`,
);
if (report.rejected.length > 0) {
  const codeWidth = Math.max(4, ...report.rejected.map((rejection) => (rejection.code ?? '—').length));
  write('\nRejected features (feature = position in the file, from 0):');
  write(`  ${'feature'.padStart(7)}  ${'code'.padEnd(codeWidth)}  reason`);
  for (const rejection of report.rejected) write(`  ${String(rejection.index).padStart(7)}  ${(rejection.code ?? '—').padEnd(codeWidth)}  ${rejection.reason}`);
  process.exit(2);
}
process.exit(0);
