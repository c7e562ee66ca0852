import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { connect, createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import pg from 'pg';
import { afterEach, describe, expect, it } from 'vitest';
import { sql } from 'drizzle-orm';
import { openPostgres, queryRows } from '../server/db/client.ts';
import { grantRuntimeAccess } from '../server/db/runtime-role.ts';
import { freePort } from './free-port.ts';

// The real server as `npm start` runs it (node server/main.ts), on a fresh embedded database, for what only a
// whole process shows: start-up output, signals, and a log reader that goes away.

const root = path.resolve(import.meta.dirname, '..');
const shutdownTimeoutSeconds = 3;

interface RunningServer {
  child: ChildProcess;
  port: number;
  output: () => string;
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: () => number }>;
}

const started: { child: ChildProcess; dataDir: string }[] = [];
afterEach(() => {
  for (const { child, dataDir } of started.splice(0)) {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
    rmSync(dataDir, { recursive: true, force: true });
  }
});


async function waitForOutput(server: Omit<RunningServer, 'exited'>, pattern: RegExp, milliseconds: number) {
  const deadline = Date.now() + milliseconds;
  while (!pattern.test(server.output())) {
    if (server.child.exitCode !== null) throw new Error(`the server exited:\n${server.output()}`);
    if (Date.now() > deadline) throw new Error(`no ${pattern} in ${milliseconds} ms:\n${server.output()}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

async function startServer(environment: Record<string, string> = {}, options: { waitUntilRunning?: boolean } = {}): Promise<RunningServer> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wijkwerk-process-'));
  const port = await freePort();
  const child = spawn(process.execPath, ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      PUBLIC_URL: '',
      DEMO_SEED: 'off',
      SCHEDULER_INTERVAL_SECONDS: '0',
      LOG_LEVEL: 'info',
      SHUTDOWN_TIMEOUT_SECONDS: String(shutdownTimeoutSeconds),
      WEB_DIST_DIR: '/nonexistent',
      ...environment,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  started.push({ child, dataDir });
  let output = '';
  child.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  child.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  let signalledAt = 0;
  const originalKill = child.kill.bind(child);
  child.kill = (signal) => {
    signalledAt = performance.now();
    return originalKill(signal);
  };
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null; afterMs: () => number }>((resolve) =>
    child.once('exit', (code, signal) => {
      const at = performance.now();
      resolve({ code, signal, afterMs: () => at - signalledAt });
    }),
  );
  const server = { child, port, output: () => output, exited };
  if (options.waitUntilRunning !== false) await waitForOutput(server, /Wijkwerk is running at/, 60_000);
  return server;
}

async function within<T>(work: Promise<T>, milliseconds: number): Promise<T | 'timed out'> {
  return Promise.race([work, new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), milliseconds))]);
}

// Each test starts a whole server: on a machine busy with other work that alone can take most of a minute.
describe('the server process', { timeout: 120_000 }, () => {
  it('says what it is doing while it starts, and where it runs: the port it was given', async () => {
    const server = await startServer();
    const output = server.output();
    expect(output).toContain('migrating the database…');
    expect(output).toMatch(/migrating the database: done in \d+\.\d s/);
    expect(output).toMatch(new RegExp(`Wijkwerk is running at http://localhost:${server.port} \\(database: pglite\\), started in \\d+\\.\\d s`));
    expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    const exit = await within(server.exited, 10_000);
    expect(exit).toMatchObject({ code: 0 });
  });

  it('exits within the shutdown deadline when nobody reads its log any more', async () => {
    const server = await startServer();
    server.child.stdout?.destroy();
    server.child.stderr?.destroy();
    // Requests log lines into the closed pipe: they must still be answered.
    for (let index = 0; index < 20; index++) expect((await fetch(`http://127.0.0.1:${server.port}/healthz`)).status).toBe(200);
    server.child.kill('SIGTERM');
    const exit = await within(server.exited, (shutdownTimeoutSeconds + 2) * 1000);
    expect(exit).not.toBe('timed out');
    expect(exit).toMatchObject({ code: 0 });
  });

  it('keeps answering and exits in time when its log reader stops reading', async () => {
    const server = await startServer();
    // A paused reader leaves the pipe full after 64 KiB; every request logs two lines of ~300 bytes.
    server.child.stdout?.pause();
    const answered = await within(
      (async () => {
        for (let index = 0; index < 600; index++) {
          const response = await fetch(`http://127.0.0.1:${server.port}/healthz?padding=${'x'.repeat(200)}`);
          if (response.status !== 200) return response.status;
        }
        return 200;
      })(),
      20_000,
    );
    expect(answered).toBe(200);
    server.child.kill('SIGTERM');
    const exit = await within(server.exited, (shutdownTimeoutSeconds + 2) * 1000);
    expect(exit).not.toBe('timed out');
    if (exit !== 'timed out') expect(exit.afterMs()).toBeLessThan((shutdownTimeoutSeconds + 1) * 1000);
  });

  it('waits for a PostgreSQL server that refuses connections, one plain log line per attempt, and stops on SIGTERM', async () => {
    const closedPort = await freePort();
    const server = await startServer({ DATABASE_URL: `postgres://postgres@127.0.0.1:${closedPort}/wijkwerk` }, { waitUntilRunning: false });
    await waitForOutput(server, /not reachable[^\n]*\n[^\n]*not reachable/, 15_000);
    const lines = server.output().trim().split('\n');
    const waiting = lines.map((line) => JSON.parse(line)).filter((line) => /not reachable/.test(line.msg));
    expect(waiting[0]).toMatchObject({ level: 40, attempt: 1, retryInSeconds: 1, msg: `the database is not reachable (connect ECONNREFUSED 127.0.0.1:${closedPort}); trying again in 1 s` });
    expect(waiting[1]).toMatchObject({ attempt: 2, retryInSeconds: 2 });
    // No stack trace: every line is one JSON log line.
    expect(lines.filter((line) => !line.startsWith('{'))).toEqual([]);
    server.child.kill('SIGTERM');
    expect(await within(server.exited, 5000)).toMatchObject({ code: 0 });
  });

  it.skipIf(!process.env.DATABASE_URL)('starts as soon as PostgreSQL becomes reachable', async () => {
    const serverUrl = new URL(process.env.DATABASE_URL!);
    const name = `wijkwerk_process_${Date.now()}`;
    const admin = new pg.Client({ connectionString: serverUrl.toString() });
    await admin.connect();
    await admin.query(`create database ${name}`);
    // A port that refuses until the test starts forwarding it to the real server.
    const port = await freePort();
    const forwarder = createServer((client) => {
      const upstream = connect(Number(serverUrl.port || 5432), serverUrl.hostname);
      client.pipe(upstream).pipe(client);
      client.on('error', () => upstream.destroy());
      upstream.on('error', () => client.destroy());
    });
    try {
      const databaseUrl = new URL(serverUrl);
      databaseUrl.port = String(port);
      databaseUrl.pathname = `/${name}`;
      const server = await startServer({ DATABASE_URL: databaseUrl.toString() }, { waitUntilRunning: false });
      await waitForOutput(server, /not reachable/, 15_000);
      await new Promise<void>((resolve) => forwarder.listen(port, '127.0.0.1', resolve));
      await waitForOutput(server, /Wijkwerk is running at/, 30_000);
      expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await within(server.exited, 10_000)).toMatchObject({ code: 0 });
    } finally {
      forwarder.close();
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.end();
    }
  });

  it.skipIf(!process.env.DATABASE_URL)('migrates as the migration role and serves as a runtime role that owns nothing', async () => {
    const serverUrl = new URL(process.env.DATABASE_URL!);
    const suffix = randomBytes(4).toString('hex');
    const [name, owner, runtime] = [`wijkwerk_roles_${suffix}`, `wijkwerk_owner_${suffix}`, `wijkwerk_app_${suffix}`];
    const urlAs = (role: string) => {
      const url = new URL(serverUrl);
      url.username = role;
      url.password = '';
      url.pathname = `/${name}`;
      return url.toString();
    };
    const admin = new pg.Client({ connectionString: serverUrl.toString() });
    await admin.connect();
    try {
      await admin.query(`create role ${owner} login`);
      await admin.query(`create role ${runtime} login`);
      await admin.query(`create database ${name} owner ${owner}`);
      const server = await startServer({ DATABASE_URL: urlAs(runtime), MIGRATION_DATABASE_URL: urlAs(owner) });
      const migrating = await openPostgres(urlAs(owner), 1);
      try {
        const [tables] = await queryRows<{ owners: string[] }>(migrating.db, sql`select array_agg(distinct tableowner::text) as owners from pg_tables where schemaname = 'public'`);
        expect(tables.owners).toEqual([owner]);
        await grantRuntimeAccess(migrating.db, runtime);
      } finally {
        await migrating.close();
      }
      expect((await fetch(`http://127.0.0.1:${server.port}/readyz`)).status).toBe(200);
      server.child.kill('SIGTERM');
      expect(await within(server.exited, 10_000)).toMatchObject({ code: 0 });
    } finally {
      await admin.query(`drop database if exists ${name} with (force)`);
      await admin.query(`drop role if exists ${runtime}`);
      await admin.query(`drop role if exists ${owner}`);
      await admin.end();
    }
  });

  it('cuts connections that are still open halfway to the deadline, and still closes the database and exits cleanly', async () => {
    const server = await startServer({ HTTP_HEADERS_TIMEOUT_SECONDS: '60', HTTP_REQUEST_TIMEOUT_SECONDS: '60' });
    // A client in the middle of its request, which it never finishes.
    const client = connect(server.port, '127.0.0.1');
    client.on('error', () => {});
    await new Promise((resolve) => client.once('connect', resolve));
    client.write('POST /api/v1/municipalities/helmond/sessions HTTP/1.1\r\nHost: wijkwerk\r\nContent-Length: 100\r\n\r\n{');
    await new Promise((resolve) => setTimeout(resolve, 200));
    server.child.kill('SIGTERM');
    const exit = await within(server.exited, (shutdownTimeoutSeconds + 2) * 1000);
    expect(exit).toMatchObject({ code: 0 });
    if (exit !== 'timed out') expect(exit.afterMs()).toBeLessThan(shutdownTimeoutSeconds * 1000);
    expect(server.output()).toContain('closing the connections that are still open');
    client.destroy();
  });

  it('is killed at the deadline by the watchdog thread when its main thread is stuck', async () => {
    // A busy main thread never runs a timer: only the watchdog thread can end it.
    const child = spawn(process.execPath, ['--input-type=module', '-e', "const { enforceExitDeadline } = await import('./server/platform/shutdown-deadline.ts'); enforceExitDeadline(800, () => {}); setTimeout(() => { for (;;) {} }, 10);"], { cwd: root, stdio: 'ignore' });
    const startedAt = performance.now();
    const exit = await within(new Promise<{ signal: NodeJS.Signals | null; afterMs: number }>((resolve) => child.once('exit', (_code, signal) => resolve({ signal, afterMs: performance.now() - startedAt }))), 5000);
    if (exit === 'timed out') child.kill('SIGKILL');
    expect(exit).toMatchObject({ signal: 'SIGKILL' });
    if (exit !== 'timed out') expect(exit.afterMs).toBeLessThan(2500);
  });

  it('stops when `npm start` is told to stop: the signal reaches the server, not just npm', async () => {
    // npm passes SIGTERM to the shell running the script; without `exec` that shell died and left the server running.
    const dataDir = mkdtempSync(path.join(tmpdir(), 'wijkwerk-process-'));
    const port = await freePort();
    const npm = spawn('npm', ['start', '--ignore-scripts', '--silent'], {
      cwd: root,
      env: { ...process.env, DATABASE_URL: '', DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1', DEMO_SEED: 'off', SCHEDULER_INTERVAL_SECONDS: '0', LOG_LEVEL: 'info', WEB_DIST_DIR: '/nonexistent', SHUTDOWN_TIMEOUT_SECONDS: String(shutdownTimeoutSeconds) },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    started.push({ child: npm, dataDir });
    let output = '';
    npm.stdout?.on('data', (chunk) => {
      output += chunk;
    });
    await waitForOutput({ child: npm, port, output: () => output }, /Wijkwerk is running at/, 60_000);
    const serverPid = (JSON.parse(output.split('\n').find((line) => line.includes('Wijkwerk is running at'))!) as { pid: number }).pid;
    const isAlive = () => {
      try {
        process.kill(serverPid, 0);
        return true;
      } catch {
        return false;
      }
    };
    expect(isAlive()).toBe(true);
    npm.kill('SIGTERM');
    const deadline = Date.now() + (shutdownTimeoutSeconds + 2) * 1000;
    while (isAlive() && Date.now() < deadline) await new Promise((resolve) => setTimeout(resolve, 50));
    const survived = isAlive();
    if (survived) process.kill(serverPid, 'SIGKILL');
    expect(survived).toBe(false);
  });
});
