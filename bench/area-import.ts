// npm run bench -- --only areas   (or: node bench/area-import.ts [--postgres])
// The target: the wijk- en buurtkaart of a whole province imports in under a minute. Generates a GeoPackage
// shaped like CBS's (wijken and buurten layers, RD New, forty statistics columns, boundaries of 250 points) for a
// province of 60 municipalities, and runs `npm run import:areas` for one of them as an operator would: a dry run,
// the import, and next year's map again (nothing changed). On PGlite by default, on PostgreSQL with --postgres.
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { openPglite, openPostgres } from '../server/db/client.ts';
import { municipality } from '../server/modules/municipalities/index.ts';
import { writeGeoPackage } from '../test/geopackage.ts';

const { values: options } = parseArgs({ options: { postgres: { type: 'boolean', default: false }, municipalities: { type: 'string', default: '60' } } });
const root = path.resolve(import.meta.dirname, '..');
const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-bench-areas-'));
const municipalityCount = Number(options.municipalities);
const wijkenPerMunicipality = 12;
const buurtenPerWijk = 5;
const pointsPerBoundary = 250;
const statistics = Array.from({ length: 40 }, (_, index) => `statistiek_${index + 1}`);

/** A boundary of `pointsPerBoundary` points around a centre, in RD New metres, wobbling like a real one. */
function boundary(x: number, y: number, radius: number) {
  const ring = Array.from({ length: pointsPerBoundary }, (_, index) => {
    const angle = (index / pointsPerBoundary) * 2 * Math.PI;
    const wobble = radius * (0.85 + 0.15 * Math.sin(angle * 7));
    return [Math.round((x + wobble * Math.cos(angle)) * 1000) / 1000, Math.round((y + wobble * Math.sin(angle)) * 1000) / 1000];
  });
  return { type: 'MultiPolygon', coordinates: [[[...ring, ring[0]]]] };
}

const wijken: { properties: Record<string, string>; geometry: { type: string; coordinates: unknown } }[] = [];
const buurten: typeof wijken = [];
for (let m = 0; m < municipalityCount; m++) {
  // GM0794 (Helmond) is the one imported; the others are its province.
  const gemeentecode = m === 0 ? 'GM0794' : `GM${String(1000 + m).padStart(4, '0')}`;
  const number = gemeentecode.slice(2);
  const [mx, my] = [120_000 + (m % 10) * 9000, 370_000 + Math.floor(m / 10) * 9000];
  for (let w = 0; w < wijkenPerMunicipality; w++) {
    const wijkcode = `WK${number}${String(w + 1).padStart(2, '0')}`;
    const [wx, wy] = [mx + (w % 4) * 2000, my + Math.floor(w / 4) * 2000];
    const stats = Object.fromEntries(statistics.map((name, index) => [name, String((m * 31 + w * 7 + index) % 1000)]));
    wijken.push({ properties: { gemeentecode, gemeentenaam: `Gemeente ${number}`, wijkcode, wijknaam: `Wijk ${number}-${w + 1}`, water: 'NEE', ...stats }, geometry: boundary(wx, wy, 900) });
    for (let b = 0; b < buurtenPerWijk; b++) {
      buurten.push({
        properties: { gemeentecode, gemeentenaam: `Gemeente ${number}`, wijkcode, buurtcode: `BU${number}${String(w + 1).padStart(2, '0')}${String(b + 1).padStart(2, '0')}`, buurtnaam: `Buurt ${number}-${w + 1}-${b + 1}`, water: 'NEE', ...stats },
        geometry: boundary(wx - 600 + b * 300, wy, 140),
      });
    }
  }
}
const file = path.join(folder, 'wijkenbuurten-provincie.gpkg');
writeGeoPackage(file, { wijken, buurten });
const features = wijken.length + buurten.length;
process.stdout.write(`Province map: ${municipalityCount} municipalities, ${features} features (${wijkenPerMunicipality * (1 + buurtenPerWijk)} of them Helmond's), ${(statSync(file).size / 1024 / 1024).toFixed(1)} MB\n`);

// A database with just the municipality, as after `npm run municipality:create`.
const env: NodeJS.ProcessEnv = { ...process.env, LOG_LEVEL: 'silent' };
let dropDatabase: (() => Promise<void>) | undefined;
if (options.postgres) {
  const server = process.env.DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/postgres';
  const name = `wijkwerk_bench_areas_${process.pid}`;
  const admin = new pg.Client({ connectionString: server });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(server);
  url.pathname = `/${name}`;
  env.DATABASE_URL = url.href;
  const database = await openPostgres(url.href, 1);
  await database.migrate();
  await database.db.insert(municipality).values({ slug: 'helmond', name: 'Helmond', cbsCode: 'GM0794' });
  await database.close();
  dropDatabase = async () => {
    const client = new pg.Client({ connectionString: server });
    await client.connect();
    await client.query(`drop database if exists ${name} with (force)`);
    await client.end();
  };
} else {
  const dataDir = path.join(folder, 'data');
  mkdirSync(dataDir);
  env.DATA_DIR = dataDir;
  env.DATABASE_URL = '';
  const database = await openPglite(path.join(dataDir, 'pglite'));
  await database.migrate();
  await database.db.insert(municipality).values({ slug: 'helmond', name: 'Helmond', cbsCode: 'GM0794' });
  await database.close();
}

const results: Record<string, number> = {};
function run(label: string, args: string[]) {
  const started = performance.now();
  const result = spawnSync(process.execPath, [path.join(root, 'server/modules/neighbourhoods/import-areas-command.ts'), file, '--municipality', 'helmond', ...args], { env, encoding: 'utf8', cwd: root });
  const seconds = (performance.now() - started) / 1000;
  if (result.status !== 0) throw new Error(`${label} failed (${result.status}):\n${result.stdout}${result.stderr}`);
  results[label] = Math.round(seconds * 10) / 10;
  process.stdout.write(`${label.padEnd(34)} ${seconds.toFixed(1)} s   ${result.stdout.trim().split('\n').at(-1)}\n`);
}
try {
  run('dry run', ['--dry-run']);
  run('import', []);
  run("next year's map, nothing changed", []);
} finally {
  await dropDatabase?.();
  rmSync(folder, { recursive: true, force: true });
}
const slowest = Math.max(...Object.values(results));
process.stdout.write(`Whole province on ${options.postgres ? 'PostgreSQL' : 'PGlite'}: slowest run ${slowest.toFixed(1)} s (target < 60 s) ${slowest < 60 ? 'OK' : 'TOO SLOW'}\n`);
mkdirSync(path.join(import.meta.dirname, 'results'), { recursive: true });
writeFileSync(path.join(import.meta.dirname, 'results', `latest-areas-${options.postgres ? 'postgres' : 'pglite'}.json`), `${JSON.stringify({ features, municipalities: municipalityCount, seconds: results }, null, 2)}\n`);
