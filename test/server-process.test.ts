import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';

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

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() => (typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port'))));
    });
  });
}

async function startServer(environment: Record<string, string> = {}): Promise<RunningServer> {
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
  const deadline = Date.now() + 60_000;
  while (!output.includes('Wijkwerk is running at')) {
    if (child.exitCode !== null) throw new Error(`the server exited during start-up:\n${output}`);
    if (Date.now() > deadline) throw new Error(`the server did not start in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  return { child, port, output: () => output, exited };
}

async function within<T>(work: Promise<T>, milliseconds: number): Promise<T | 'timed out'> {
  return Promise.race([work, new Promise<'timed out'>((resolve) => setTimeout(() => resolve('timed out'), milliseconds))]);
}

describe('the server process', () => {
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
});
