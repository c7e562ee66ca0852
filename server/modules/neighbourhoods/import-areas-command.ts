// npm run import:areas -- FILE.geojson [--municipality helmond] [--dry-run]
// Imports wijken and buurten from a CBS-style GeoJSON FeatureCollection into one municipality.
// Exit code: 0 everything imported, 2 some features rejected (see the report), 1 nothing could be done.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import cliProgress from 'cli-progress';
import { loadConfig } from '../../config.ts';
import { openDatabase } from '../../db/client.ts';
import { systemClock } from '../../platform/clock.ts';
import { createMunicipalityRepository } from '../municipalities/index.ts';
import { parseFeature } from './area-import.rules.ts';
import { type ImportReport, importAreas } from './area-import.service.ts';

const write = (line: string) => process.stdout.write(`${line}\n`);
function fail(message: string): never {
  process.stderr.write(`${message}\n`);
  process.exit(1);
}

const { values, positionals } = parseArgs({ allowPositionals: true, options: { municipality: { type: 'string', default: 'helmond' }, 'dry-run': { type: 'boolean', default: false } } });
const file = positionals[0];
if (!file) fail('Usage: npm run import:areas -- FILE.geojson [--municipality helmond] [--dry-run]');

let collection: { type?: string; features?: unknown[] };
try {
  collection = JSON.parse(readFileSync(file, 'utf8'));
} catch (error) {
  fail(`Cannot read ${file} as JSON: ${(error as Error).message}`);
}
if (collection.type !== 'FeatureCollection' || !Array.isArray(collection.features)) fail(`${file} is not a GeoJSON FeatureCollection.`);
const features = collection.features;

const config = loadConfig();
const database = await openDatabase({ databaseUrl: config.DATABASE_URL, dataDir: config.DATA_DIR });
await database.migrate();
const municipality = await createMunicipalityRepository(database.db).findBySlug(values.municipality);
if (!municipality) {
  await database.close();
  fail(`No municipality "${values.municipality}". Start the server once (it loads the demo) or pass --municipality.`);
}

write(`Importing ${features.length} features into ${municipality.name} (${municipality.cbsCode ?? 'no CBS code'})${values['dry-run'] ? ' — dry run, nothing is saved' : ''}…`);
let report: ImportReport;
if (values['dry-run']) {
  report = { created: 0, updated: 0, unchanged: 0, rejected: [] };
  features.forEach((feature, index) => {
    const parsed = parseFeature(feature, municipality.cbsCode);
    if (parsed.kind === 'rejected') report.rejected.push({ index, code: parsed.code, reason: parsed.reason });
  });
} else {
  // A bar on a terminal; plain lines in logs and CI, where a redrawn bar is noise.
  const bar = process.stdout.isTTY ? new cliProgress.SingleBar({ format: '  {bar} {percentage}% | {value}/{total} features' }, cliProgress.Presets.shades_classic) : undefined;
  bar?.start(features.length, 0);
  let lastLine = -1;
  report = await importAreas({ db: database.db, clock: systemClock }, municipality, features, (done, total) => {
    bar?.update(done);
    const decile = Math.floor((done / Math.max(total, 1)) * 10);
    if (!bar && decile !== lastLine) {
      lastLine = decile;
      write(`  ${done}/${total} features`);
    }
  });
  bar?.stop();
}
await database.close();

write(`Created ${report.created}, updated ${report.updated}, unchanged ${report.unchanged}, rejected ${report.rejected.length}.`);
if (report.rejected.length > 0) {
  write('\nRejected features:');
  write(`  ${'#'.padStart(5)}  ${'code'.padEnd(12)}  reason`);
  for (const rejection of report.rejected) write(`  ${String(rejection.index).padStart(5)}  ${(rejection.code ?? '—').padEnd(12)}  ${rejection.reason}`);
  process.exit(2);
}
process.exit(0);
