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

const root = path.resolve(import.meta.dirname, '..');

export interface RunningServer {
  baseUrl: string;
  stop(): Promise<void>;
}

// Every journey comes from one address: request limits far above what they send (the hooks still run).
const generousRateLimits = { RATE_LIMIT_READS_PER_ADDRESS: '1000000', RATE_LIMIT_READS_PER_USER: '1000000', RATE_LIMIT_WRITES_PER_ADDRESS: '1000000', RATE_LIMIT_WRITES_PER_USER: '1000000', RATE_LIMIT_UPLOADS_PER_USER: '1000000' };

/**
 * The real server (node server/main.ts) on a fresh embedded database with the Helmond demo. `host` is the name the
 * browser uses: passkeys need a host name ("localhost"), not an IP address.
 */
export async function startServer(options: { env?: Record<string, string>; host?: string; commandsBefore?: string[][] } = {}): Promise<RunningServer> {
  const port = await freePort();
  const dataDir = mkdtempSync(path.join(tmpdir(), 'wijkwerk-e2e-'));
  const baseUrl = `http://${options.host ?? '127.0.0.1'}:${port}`;
  let output = '';
  const env = { ...process.env, PORT: String(port), HOST: '127.0.0.1', PUBLIC_URL: baseUrl, DATA_DIR: dataDir, DEMO_PASSWORD: demoPassword, SCHEDULER_INTERVAL_SECONDS: '0', LOG_LEVEL: 'warn', DATABASE_URL: '', ...generousRateLimits, ...options.env };
  // Commands an operator runs on the server before its first start (npm run platform:admin…), on the same database.
  for (const command of options.commandsBefore ?? []) {
    const result = spawnSync(process.execPath, command, { cwd: root, env, encoding: 'utf8' });
    if (result.status !== 0) throw new Error(`${command.join(' ')} failed:\n${result.stdout}${result.stderr}`);
  }
  const server: ChildProcess = spawn(process.execPath, ['server/main.ts'], { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
  server.stdout?.on('data', (chunk) => {
    output += chunk;
  });
  server.stderr?.on('data', (chunk) => {
    output += chunk;
  });
  const deadline = Date.now() + 60_000;
  for (;;) {
    if (server.exitCode !== null) throw new Error(`server exited:\n${output}`);
    try {
      if ((await fetch(`http://127.0.0.1:${port}/readyz`)).ok) break;
    } catch {
      // not listening yet
    }
    if (Date.now() > deadline) throw new Error(`server not ready in 60 s:\n${output}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return {
    baseUrl,
    async stop() {
      if (server.exitCode === null) {
        const exited = new Promise((resolve) => server.once('exit', resolve));
        server.kill('SIGTERM');
        await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 10_000))]);
        if (server.exitCode === null) server.kill('SIGKILL');
      }
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

let shared: RunningServer | undefined;

/** The server most journeys share. Its administrators need no second factor; second-factor.e2e.ts starts its own server where they do. */
export async function setup(project: TestProject) {
  // The journeys test the web app as served, so build it first when its sources are newer (as `npm start` does).
  const build = spawnSync(process.execPath, ['scripts/ensure-web-build.ts'], { cwd: root, stdio: 'inherit' });
  if (build.status !== 0) throw new Error('the web build failed');
  shared = await startServer({ env: { ADMIN_SECOND_FACTOR: 'optional' } });
  project.provide('baseUrl', shared.baseUrl);
  project.provide('demoPassword', demoPassword);
}

export async function teardown() {
  await shared?.stop();
}
