// Runs before `npm start`: builds the web app when web/dist is missing or older than its sources, so a
// fresh clone serves the UI without a separate build step, and an unchanged one starts at once.
import { spawnSync } from 'node:child_process';
import { existsSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const builtIndex = path.join(root, 'web', 'dist', 'index.html');

function newestModification(entry: string): number {
  const stats = statSync(entry);
  if (!stats.isDirectory()) return stats.mtimeMs;
  return Math.max(0, ...readdirSync(entry).map((child) => newestModification(path.join(entry, child))));
}

const sources = [path.join(root, 'web', 'src'), path.join(root, 'web', 'index.html'), path.join(root, 'vite.config.ts')];
const isStale = !existsSync(builtIndex) || Math.max(...sources.map(newestModification)) > statSync(builtIndex).mtimeMs;
const vite = path.join(root, 'node_modules', 'vite', 'bin', 'vite.js');
if (isStale && !existsSync(vite)) {
  // Installed with `npm ci --omit=dev`: there is no Vite to build with, so serve the bundle that was built elsewhere.
  if (existsSync(builtIndex)) {
    process.stdout.write('web/dist is older than web/src, but the build tools are not installed (npm ci --omit=dev); serving the web/dist that is there.\n');
    process.exit(0);
  }
  process.stderr.write('web/dist is missing and the build tools are not installed (npm ci --omit=dev). Run `npm run build:web` where the dev dependencies are installed and copy web/dist here, or set WEB_DIST_DIR.\n');
  process.exit(1);
}
if (isStale) {
  process.stdout.write('Building the web app (web/dist is missing or out of date)…\n');
  // Vite's own entry on this Node (the pinned one under npm scripts), not whatever `node` the shell finds first.
  const result = spawnSync(process.execPath, [vite, 'build', '--logLevel', 'warn'], { cwd: root, stdio: 'inherit' });
  if (result.status !== 0) process.exit(result.status ?? 1);
}
