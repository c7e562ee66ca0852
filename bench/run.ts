// npm run bench [-- --pglite] [-- --seconds 10] [-- --only feed|plans]
// Starts the real server on a generated dataset and measures, with autocannon, the public neighbourhood
// list, one authenticated endpoint, and a bare Fastify route serving the same bytes (the ceiling), and a
// neighbourhood's public meeting calendar with a year of meetings in every neighbourhood. First, in process, the
// staggered planner for every Dutch wijk (bench/planner.ts, also runnable on its own).
// --only feed: generates no requests and measures the meeting calendar alone (a minute instead of several).
// --only plans: the action plans' two targets alone (bench/action-plan-pdf.ts and bench/action-plan-attention.ts).
// --only reports: public-space reports alone (bench/reports.ts: Open311 submissions, the public map, the queue at 400k).
// --only areas: a province's wijk- en buurtkaart through npm run import:areas (bench/area-import.ts), PGlite and PostgreSQL.
import { type ChildProcess, execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import autocannon from 'autocannon';
import { sql } from 'drizzle-orm';
import pg from 'pg';
import { type DatabaseHandle, openPglite, openPostgres } from '../server/db/client.ts';
import { seedDemoIfEmpty } from '../server/demo/seed.ts';
import { systemClock } from '../server/platform/clock.ts';
import { generateDataset } from './generate.ts';
import { describePlannerMeasurement, measurePlanner } from './planner.ts';
import { findNeighbourhoodId, generateMeetings } from './generate-meetings.ts';
import { generateRequests } from './generate-requests.ts';
import { sampleLatency } from './measure.ts';

const { values: options } = parseArgs({ options: { requests: { type: 'string', default: '100000' }, pglite: { type: 'boolean', default: false }, seconds: { type: 'string', default: '10' }, connections: { type: 'string', default: '32' }, only: { type: 'string' } } });
if (options.only !== undefined && !['feed', 'plans', 'reports', 'areas'].includes(options.only)) throw new Error(`--only knows four parts: feed, plans, reports and areas (not ${options.only})`);
const onlyFeed = options.only === 'feed';
const root = path.resolve(import.meta.dirname, '..');
const seconds = Number(options.seconds);
const connections = Number(options.connections);
const password = 'Bench-wachtwoord-2026';
const serverUrl = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';
const log = (line: string) => process.stdout.write(`${line}\n`);

function ensurePostgres() {
  try {
    execFileSync('pg_isready', ['-h', '127.0.0.1', '-p', '5432', '-q']);
  } catch {
    log('Starting PostgreSQL…');
    const cluster = execFileSync('ls', ['/etc/postgresql']).toString().trim().split('\n')[0];
    execFileSync('pg_ctlcluster', ['--skip-systemctl-redirect', cluster, 'main', 'start']);
  }
}

async function prepareDatabase(): Promise<{ database: DatabaseHandle; env: Record<string, string>; cleanup(): void }> {
  if (options.pglite) {
    const dataDir = mkdtempSync(path.join(tmpdir(), 'wijkwerk-bench-'));
    const database = await openPglite(path.join(dataDir, 'pglite'));
    return { database, env: { DATA_DIR: dataDir, DATABASE_URL: '' }, cleanup: () => rmSync(dataDir, { recursive: true, force: true }) };
  }
  ensurePostgres();
  const admin = new pg.Client({ connectionString: serverUrl });
  await admin.connect();
  await admin.query('drop database if exists wijkwerk_bench with (force)');
  await admin.query('create database wijkwerk_bench');
  await admin.end();
  const url = new URL(serverUrl);
  url.pathname = '/wijkwerk_bench';
  return { database: await openPostgres(url.toString(), 4), env: { DATABASE_URL: url.toString() }, cleanup: () => {} };
}

function startProcess(script: string, env: Record<string, string>): Promise<ChildProcess> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, [script], { cwd: root, env: { ...process.env, ...env }, stdio: ['ignore', 'pipe', 'inherit'] });
    child.once('exit', (code) => reject(new Error(`${script} exited with ${code}`)));
    child.stdout?.on('data', () => {});
    resolve(child);
  });
}

async function waitFor(url: string) {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not yet listening
    }
    await new Promise((resolve) => setTimeout(resolve, 200));
  }
  throw new Error(`${url} did not come up`);
}

interface Measurement {
  name: string;
  requestsPerSecond: number;
  p50: number;
  p99: number;
  errors: number;
  non2xx: number;
}

async function measure(name: string, url: string, headers: Record<string, string> = {}): Promise<Measurement> {
  await autocannon({ url, connections, duration: 2, headers }); // warm-up: JIT, caches, pool
  const result = await autocannon({ url, connections, duration: seconds, headers });
  return { name, requestsPerSecond: Math.round(result.requests.average), p50: result.latency.p50, p99: result.latency.p99, errors: result.errors, non2xx: result.non2xx };
}


/**
 * The action plans' targets, each in its own process with its own data: a plan of 200 actions as PDF (< 2 s), and the
 * advisor's attention list over 3,400 plans × 50 actions on PostgreSQL (p95 < 100 ms).
 */
function measureActionPlans() {
  ensurePostgres();
  for (const script of ['bench/action-plan-pdf.ts', 'bench/action-plan-attention.ts']) execFileSync(process.execPath, [path.join(root, script)], { stdio: 'inherit', cwd: root });
}
if (options.only === 'plans') {
  measureActionPlans();
  process.exit(0);
}

/** Public-space reports at 400,000 a year, in their own process and scratch database (bench/reports.ts). */
function measureReports() {
  ensurePostgres();
  execFileSync(process.execPath, [path.join(root, 'bench/reports.ts')], { stdio: 'inherit', cwd: root });
}
if (options.only === 'reports') {
  measureReports();
  process.exit(0);
}

/** A province's wijk- en buurtkaart through `npm run import:areas`, on the embedded database and on PostgreSQL (< 60 s). */
function measureAreaImport() {
  execFileSync(process.execPath, [path.join(root, 'bench/area-import.ts')], { stdio: 'inherit', cwd: root });
  ensurePostgres();
  execFileSync(process.execPath, [path.join(root, 'bench/area-import.ts'), '--postgres'], { stdio: 'inherit', cwd: root });
}
if (options.only === 'areas') {
  measureAreaImport();
  process.exit(0);
}

// In-process first, before the server and load generator compete for the cores.
const planner = measurePlanner();
log(describePlannerMeasurement(planner));
if (!onlyFeed) {
  measureActionPlans();
  measureReports();
  measureAreaImport();
}

/** `--only feed` stops after its part; the servers are stopped and the database cleaned up as after a full run. */
class FinishedEarly extends Error {}

const prepared = await prepareDatabase();
log(`Database: ${prepared.database.engine}. Migrating and generating data…`);
await prepared.database.migrate();
const seeded = await seedDemoIfEmpty(prepared.database.db, systemClock, { password, withActivity: false });
const generated = await generateDataset(prepared.database.db, { municipalities: 50, neighbourhoodsEach: 30, areasEach: 4, usersEach: 20 });
const requestCount = onlyFeed ? 0 : await generateRequests(prepared.database.db, Number(options.requests), seeded!.municipalityId);
const meetings = await generateMeetings(prepared.database.db);
const feedNeighbourhoodId = await findNeighbourhoodId(prepared.database.db, 'brandevoort');
log(`Generated ${generated.municipalities} extra municipalities with ${generated.neighbourhoods} neighbourhoods, ${requestCount} requests and ${meetings.meetings} meetings (${meetings.perNeighbourhood} a year in every neighbourhood).`);
// Fresh statistics, as autovacuum would have them in production a while after a bulk load; without them the
// planner guesses one row per table and the measurements say more about the guess than about the queries.
await prepared.database.db.execute(sql`analyze`);
await prepared.database.close();

// Every request comes from one address here: limits far above the load, so the limiter's cost is measured, not its 429s.
const unlimited = { RATE_LIMIT_READS_PER_ADDRESS: '1000000000', RATE_LIMIT_READS_PER_USER: '1000000000', RATE_LIMIT_WRITES_PER_ADDRESS: '1000000000', RATE_LIMIT_WRITES_PER_USER: '1000000000' };
const appPort = 3900 + Math.floor(Math.random() * 50);
const ceilingPort = appPort + 50;
const children: ChildProcess[] = [];
try {
  children.push(await startProcess('server/main.ts', { ...prepared.env, PORT: String(appPort), HOST: '127.0.0.1', LOG_LEVEL: 'warn', DEMO_SEED: 'off', SCHEDULER_INTERVAL_SECONDS: '0', ...unlimited }));
  const base = `http://127.0.0.1:${appPort}/api/v1/municipalities/helmond`;
  await waitFor(`http://127.0.0.1:${appPort}/readyz`);

  // A neighbourhood's public meeting calendar, as calendar apps poll it: autocannon under load for throughput, and
  // one request at a time for the exact p95 the target is about (autocannon reports p90 and p97.5, not p95).
  const feedUrl = `${base}/neighbourhoods/${feedNeighbourhoodId}/meeting-calendar`;
  const feedLoad = await measure('public meeting calendar', feedUrl);
  await sampleLatency(feedUrl, {}, 20);
  const feed = await sampleLatency(feedUrl, {}, 300);
  const feedTargetMs = 20;
  log(`Public meeting calendar (a year of meetings in every neighbourhood): p50 ${feed.p50} ms, p95 ${feed.p95} ms, p99 ${feed.p99} ms one at a time (target p95 < ${feedTargetMs} ms: ${feed.p95 < feedTargetMs ? 'met' : 'NOT met'}); under ${connections} connections ${feedLoad.requestsPerSecond} req/s, p50 ${feedLoad.p50} ms, p99 ${feedLoad.p99} ms, ${feedLoad.errors + feedLoad.non2xx} errors.`);
  const feedResult = { ...feed, targetP95Ms: feedTargetMs, met: feed.p95 < feedTargetMs, underLoad: feedLoad, meetings };
  if (onlyFeed) {
    writeFileSync(path.join(root, 'bench', 'results', 'latest-feed.json'), `${JSON.stringify({ measuredAt: new Date().toISOString(), engine: prepared.database.engine, seconds, connections, dataset: generated, meetingCalendar: feedResult }, null, 2)}\n`);
    throw new FinishedEarly();
  }

  const listUrl = `${base}/neighbourhoods`;
  const listBody = await (await fetch(listUrl)).text();
  const bodyFile = path.join(mkdtempSync(path.join(tmpdir(), 'wijkwerk-ceiling-')), 'body.json');
  writeFileSync(bodyFile, listBody);
  children.push(await startProcess('bench/ceiling-server.ts', { PORT: String(ceilingPort), CEILING_BODY_FILE: bodyFile }));
  await waitFor(`http://127.0.0.1:${ceilingPort}/api/v1/municipalities/helmond/neighbourhoods`);

  const login = await fetch(`${base}/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'femke.janssen@helmond.example', password }) });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];

  log(`Measuring ${seconds} s each, ${connections} connections…`);
  const ceiling = await measure('ceiling: bare Fastify, same bytes', `http://127.0.0.1:${ceilingPort}/api/v1/municipalities/helmond/neighbourhoods`);
  const publicList = await measure('public neighbourhood list', listUrl);
  const authenticated = await measure('authenticated: current session', `${base}/sessions/current`, { cookie });

  const advisorLogin = await fetch(`${base}/sessions`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ email: 'sanne.kuipers@helmond.example', password }) });
  const advisorCookie = (advisorLogin.headers.get('set-cookie') ?? '').split(';')[0];
  const someNeighbourhood = ((await (await fetch(`${base}/neighbourhoods?search=Brandevoort`)).json()) as { items: { id: string }[] }).items[0].id;
  const filteredUrl = `${base}/requests?neighbourhoodId=${someNeighbourhood}&state=routed`;
  await sampleLatency(filteredUrl, { cookie: advisorCookie }, 20);
  const filteredList = await sampleLatency(filteredUrl, { cookie: advisorCookie }, 300);
  log(`Filtered request list (neighbourhood + status, first page, staff): p50 ${filteredList.p50} ms, p95 ${filteredList.p95} ms, p99 ${filteredList.p99} ms (target p95 < 50 ms).`);

  // The advisor's inbox: their neighbourhoods and city-wide requests, open only, nearest deadline first.
  const inboxUrl = `${base}/requests?mine=true&isOpen=true&sort=deadline&pageSize=20`;
  await sampleLatency(inboxUrl, { cookie: advisorCookie }, 20);
  const inbox = await sampleLatency(inboxUrl, { cookie: advisorCookie }, 300);
  log(`Advisor inbox (mine + open, nearest deadline first): p50 ${inbox.p50} ms, p95 ${inbox.p95} ms, p99 ${inbox.p99} ms (target p95 < 50 ms).`);

  const year = new Date().getUTCFullYear();
  const figuresUrl = `${base}/responsiveness?from=${year - 1}-01-01&to=${year}-12-31&groupBy=department`;
  await sampleLatency(figuresUrl, { cookie: advisorCookie }, 5);
  const figures = await sampleLatency(figuresUrl, { cookie: advisorCookie }, 50);
  log(`Responsiveness figures (Helmond: ~30k requests over a year, per department): p50 ${figures.p50} ms, p95 ${figures.p95} ms (target < 300 ms).`);

  const rows = [ceiling, publicList, authenticated].map((row) => ({ ...row, ratioToCeiling: Number((row.requestsPerSecond / ceiling.requestsPerSecond).toFixed(3)) }));
  log('');
  log(`${'endpoint'.padEnd(36)} ${'req/s'.padStart(8)} ${'p50 ms'.padStart(7)} ${'p99 ms'.padStart(7)} ${'ratio'.padStart(6)} errors`);
  for (const row of rows) {
    log(`${row.name.padEnd(36)} ${String(row.requestsPerSecond).padStart(8)} ${String(row.p50).padStart(7)} ${String(row.p99).padStart(7)} ${row.ratioToCeiling.toFixed(2).padStart(6)} ${row.errors + row.non2xx}`);
  }
  const target = 0.5;
  const publicRatio = rows[1].ratioToCeiling;
  log(`\nPublic list at ${(publicRatio * 100).toFixed(0)} % of the ceiling (target ≥ ${target * 100} % on PostgreSQL): ${publicRatio >= target ? 'met' : 'NOT met'}.`);
  writeFileSync(
    path.join(root, 'bench', 'results', 'latest.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), engine: prepared.database.engine, seconds, connections, dataset: { ...generated, requests: requestCount }, results: rows, staggeredPlanner: planner, filteredRequestList: { ...filteredList, targetP95Ms: 50 }, advisorInbox: { ...inbox, targetP95Ms: 50 }, responsivenessFigures: { ...figures, targetMs: 300 }, meetingCalendar: feedResult, target: { publicListRatio: target, met: publicRatio >= target } }, null, 2)}\n`,
  );
} catch (error) {
  if (!(error instanceof FinishedEarly)) throw error;
} finally {
  for (const child of children) child.kill('SIGTERM');
  prepared.cleanup();
}
process.exit(0);
