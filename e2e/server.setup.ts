import { type ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../test/free-port.ts';

export const demoPassword = 'E2e-demo-wachtwoord-2026';

declare module 'vitest' {
  export interface ProvidedContext {
    baseUrl: string;
    demoPassword: string;
  }
}


// Every journey comes from one address: request limits far above what they send (the hooks still run).
const generousRateLimits = { RATE_LIMIT_READS_PER_ADDRESS: '1000000', RATE_LIMIT_READS_PER_USER: '1000000', RATE_LIMIT_WRITES_PER_ADDRESS: '1000000', RATE_LIMIT_WRITES_PER_USER: '1000000', RATE_LIMIT_UPLOADS_PER_USER: '1000000' };

let server: ChildProcess | undefined;
let dataDir: string | undefined;

/** Starts the real server (node server/main.ts) on a fresh embedded database with the Helmond demo. */
export async function setup(project: TestProject) {
  const root = path.resolve(import.meta.dirname, '..');
  // The journeys test the web app as served, so build it first when its sources are newer (as `npm start` does).
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web build failed');
  const port = await freePort();
  dataDir = mkdtempSync(path.join(tmpdir(), 'wijkwerk-e2e-'));
  let output = '';
  server = spawn(process.execPath, ['server/main.ts'], {
    cwd: root,
    env: { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: `http://127.0.0.1:${port}`, DATA_DIR: dataDir, DEMO_PASSWORD: demoPassword, SCHEDULER_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', ...generousRateLimits },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      if ((await fetch(`${baseUrl}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  project.provide('baseUrl', baseUrl);
  project.provide('demoPassword', demoPassword);
}

export async function teardown() {
  if (server && server.exitCode === null) {
    const exited = new Promise((resolve) => server?.once('exit', resolve));
    server.kill('SIGTERM');
    await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
    if (server.exitCode === null) server.kill('SIGKILL');
  }
  if (dataDir) rmSync(dataDir, { recursive: true, force: true });
}
