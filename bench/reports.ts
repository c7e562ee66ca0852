// node bench/reports.ts (or npm run bench -- --only reports) — public-space reports at scale, on PostgreSQL: a scratch
// database with the migrations and the Helmond demo, 400,000 reports generated in SQL (an Amsterdam-sized year),
// then the real server: the public map for a city view and a street view, the back-office queue's first page and
// the back-office map of the whole city, each for an officer and for an administrator, and last Open311 POST requests
// under load.
// Set BENCH_DATABASE_SERVER to use another server than postgres://postgres@127.0.0.1:5432/postgres, and
// BENCH_SCRATCH_NAME for another scratch database (two runs at once must not share one).
import { type ChildProcess, spawn } from 'node:child_process';
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '../server/db/client.ts';
import { seedDemoIfEmpty } from '../server/demo/seed.ts';
import { systemClock } from '../server/platform/clock.ts';
import { recreateScratchDatabase, sampleLatency } from './measure.ts';

const reportCount = Number(process.env.BENCH_REPORTS ?? 400_000);
const seconds = Number(process.env.BENCH_SECONDS ?? 10);
const connections = 32;
const password = 'Bench-wachtwoord-2026';
const targets = { submitPerSecond: 500, submitP99Ms: 100, mapP95Ms: 100, queueP95Ms: 50, backOfficeMapP95Ms: 100 };
const root = path.resolve(import.meta.dirname, '..');
const scratchName = process.env.BENCH_SCRATCH_NAME ?? 'wijkwerk_bench_reports';
const log = (line: string) => process.stdout.write(`${line}\n`);



const databaseUrl = await recreateScratchDatabase(scratchName);
const database = await openPostgres(databaseUrl, 2);
let municipalityId: string;
try {
  await database.migrate();
  municipalityId = (await seedDemoIfEmpty(database.db, systemClock, { password, withActivity: false }))!.municipalityId;
  const started = performance.now();
  // Every subcategory and every neighbourhood, points spread over each neighbourhood's hexagon, a year of dates;
  // one in thirty still open (some long overdue), the rest dealt with, as a year of a large city looks.
  await database.db.execute(sql`
    with categories as (select array_agg(id order by code) as ids, array_agg(department_id order by code) as departments, count(*) as size from report_category where municipality_id = ${municipalityId} and parent_id is not null),
         places as (select array_agg(id order by slug) as ids, array_agg(((boundary->'coordinates'->0->0->>1)::float8 + (boundary->'coordinates'->0->3->>1)::float8) / 2 order by slug) as latitudes,
                           array_agg(((boundary->'coordinates'->0->0->>0)::float8 + (boundary->'coordinates'->0->3->>0)::float8) / 2 order by slug) as longitudes, count(*) as size
                    from neighbourhood where municipality_id = ${municipalityId})
    insert into report (municipality_id, reference, category_id, neighbourhood_id, department_id, latitude, longitude, description, status, handle_by,
                        status_token_hash, created_at, updated_at, closed_at)
    select ${municipalityId}, 'M-2025-' || lpad(n::text, 7, '0'), c.ids[1 + n % c.size], p.ids[1 + (n / 7) % p.size], c.departments[1 + n % c.size],
           p.latitudes[1 + (n / 7) % p.size] + ((n::bigint * 7919) % 1000 - 500) / 100000.0, p.longitudes[1 + (n / 7) % p.size] + ((n::bigint * 104729) % 1000 - 500) / 60000.0,
           'Melding ' || n, case when n % 30 = 0 then (array['reported', 'accepted', 'in_progress', 'planned'])[1 + (n / 30) % 4] else 'done' end,
           (now() - make_interval(days => (n % 365)) + interval '5 days')::date, md5('bench' || n),
           now() - make_interval(days => (n % 365), mins => n % 600), now() - make_interval(days => (n % 365)),
           case when n % 30 = 0 then null else now() - make_interval(days => greatest(0, (n % 365) - 3)) end
    from generate_series(1, ${reportCount}) n, categories c, places p`);
  // As autovacuum would have left a year-old table: statistics gathered and the visibility map set.
  await database.db.execute(sql`vacuum analyze`);
  const [{ count }] = await queryRows<{ count: number }>(database.db, sql`select count(*)::int as count from report`);
  log(`Generated ${count} reports in ${((performance.now() - started) / 1000).toFixed(1)} s.`);
} finally {
  await database.close();
}

const port = 3960 + Math.floor(Math.random() * 30);
const unlimited = { RATE_LIMIT_READS_PER_ADDRESS: '1000000000', RATE_LIMIT_READS_PER_USER: '1000000000', RATE_LIMIT_WRITES_PER_ADDRESS: '1000000000', RATE_LIMIT_WRITES_PER_USER: '1000000000' };
const server: ChildProcess = spawn(process.execPath, ['server/main.ts'], {
  cwd: root,
  env: { ...process.env, DATABASE_URL: databaseUrl, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_SEED: 'off', ADMIN_SECOND_FACTOR: 'optional', SCHEDULER_INTERVAL_SECONDS: '0', ...unlimited },
  stdio: ['ignore', 'ignore', 'inherit'],
});
try {
  const origin = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline && !(await fetch(`${origin}/readyz`).then((response) => response.ok, () => false))) await new Promise((resolve) => setTimeout(resolve, 200));
  const base = `${origin}/api/v1/municipalities/helmond`;
  const logIn = async (email: string) => ((await fetch(`${base}/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email, password }) })).headers.get('set-cookie') ?? '').split(';')[0];

  // The public map: the whole city (clusters) and one street (points).
  const cityUrl = `${base}/public-report-map?west=5.58&south=51.43&east=5.73&north=51.52`;
  const streetUrl = `${base}/public-report-map?west=5.690&south=51.464&east=5.697&north=51.467`;
  await sampleLatency(cityUrl, {}, 10);
  const city = await sampleLatency(cityUrl, {}, 200);
  const street = await sampleLatency(streetUrl, {}, 200);
  log(`Public map, whole city (clusters): p50 ${city.p50} ms, p95 ${city.p95} ms; one street: p50 ${street.p50} ms, p95 ${street.p95} ms (target p95 < ${targets.mapP95Ms} ms).`);

  // The back-office queue's first page: an officer's open reports, and the administrator's whole queue.
  const officer = await logIn('ilse.vermeulen@helmond.example');
  const admin = await logIn('femke.janssen@helmond.example');
  const officerQueue = await sampleLatency(`${base}/reports?status=open`, { cookie: officer }, 200);
  const adminQueue = await sampleLatency(`${base}/reports?status=open`, { cookie: admin }, 200);
  const overdue = await sampleLatency(`${base}/reports?overdue=overdue`, { cookie: officer }, 100);
  // Not the queue as staff open it, but worth knowing: every report of the year, closed ones included, counted.
  const everything = await sampleLatency(`${base}/reports?status=closed`, { cookie: admin }, 50);
  log(
    `Back-office queue, first page (open reports, as the queue opens): officer p95 ${officerQueue.p95} ms, administrator p95 ${adminQueue.p95} ms, officer's overdue p95 ${overdue.p95} ms (target p95 < ${targets.queueP95Ms} ms); all closed reports of the year, counted: p95 ${everything.p95} ms.`,
  );

  // The back-office map of the whole city as the queue opens it (open reports, clusters), and every report of the
  // year on it (the administrator's heaviest view).
  const cityMap = `${base}/report-map?west=5.58&south=51.43&east=5.73&north=51.52`;
  await sampleLatency(`${cityMap}&status=open`, { cookie: officer }, 10);
  const officerMap = await sampleLatency(`${cityMap}&status=open`, { cookie: officer }, 200);
  const adminMap = await sampleLatency(`${cityMap}&status=open`, { cookie: admin }, 200);
  const adminMapYear = await sampleLatency(cityMap, { cookie: admin }, 50);
  log(`Back-office map, whole city (open reports): officer p95 ${officerMap.p95} ms, administrator p95 ${adminMap.p95} ms (target p95 < ${targets.backOfficeMapP95Ms} ms); every report of the year, administrator: p95 ${adminMapYear.p95} ms.`);
  // Last, Open311 POST requests, form-encoded as the specification says, as a visitor in Brouwhuis: the reads
  // above are measured on the year of reports as generated, not on the thousands this load adds at one spot.
  const form = new URLSearchParams({ jurisdiction_id: 'helmond', service_code: 'prullenbak-is-vol', lat: '51.4655', long: '5.6935', description: 'De prullenbak bij het speelveld zit vol.', email: 'bench@mail.example' }).toString();
  const post = { url: `${origin}/open311/v2/requests.json`, method: 'POST' as const, headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: form, connections };
  await autocannon({ ...post, duration: 2 });
  const load = await autocannon({ ...post, duration: seconds });
  const submit = { requestsPerSecond: Math.round(load.requests.average), p50: load.latency.p50, p99: load.latency.p99, non2xx: load.non2xx, errors: load.errors };
  log(`Open311 POST requests: ${submit.requestsPerSecond} req/s, p50 ${submit.p50} ms, p99 ${submit.p99} ms, ${submit.non2xx + submit.errors} errors (target ≥ ${targets.submitPerSecond} req/s, p99 < ${targets.submitP99Ms} ms).`);

  writeFileSync(
    path.join(root, 'bench', 'results', 'latest-reports.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), engine: 'postgres', reports: reportCount, seconds, connections, targets, open311Submit: submit, publicMap: { city, street }, queue: { officer: officerQueue, admin: adminQueue, overdue, allClosed: everything }, backOfficeMap: { officer: officerMap, admin: adminMap, adminYear: adminMapYear } }, null, 2)}\n`,
  );
} finally {
  server.kill('SIGTERM');
}
process.exit(0);
