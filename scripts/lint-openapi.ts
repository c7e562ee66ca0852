// Lints the OpenAPI document the app serves against the NL GOV API Design Rules (Spectral ruleset kept in
// ../shared/data). Exit code is Spectral's: non-zero on any error.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildApp } from '../server/app.ts';
import { defaultConfig } from '../server/config.ts';
import { openPglite } from '../server/db/client.ts';

const repositoryRoot = path.resolve(import.meta.dirname, '..');
const ruleset = process.env.NLGOV_RULESET ?? path.resolve(repositoryRoot, '..', 'shared', 'data', 'nl-api-design-rules.spectral.yaml');
if (!existsSync(ruleset)) {
  process.stderr.write(`Ruleset not found at ${ruleset} (set NLGOV_RULESET to its path).\n`);
  process.exit(1);
}

const database = await openPglite();
await database.migrate();
// The served document, as integrators see it, with the production-like https address.
const app = await buildApp({ config: defaultConfig({ PUBLIC_URL: 'https://wijkwerk.example.org', WEB_DIST_DIR: '/nonexistent' }), database });
const response = await app.inject({ url: '/api/v1/openapi.json' });
await app.close();
await database.close();
if (response.statusCode !== 200) {
  process.stderr.write(`GET /api/v1/openapi.json answered ${response.statusCode}: ${response.body}\n`);
  process.exit(1);
}

const folder = mkdtempSync(path.join(tmpdir(), 'wijkwerk-openapi-'));
const file = path.join(folder, 'openapi.json');
writeFileSync(file, response.body);
const spectral = path.join(repositoryRoot, 'node_modules', '.bin', 'spectral');
// Warnings are printed too; only errors fail the run.
const result = spawnSync(spectral, ['lint', '-r', ruleset, file, '--fail-severity', 'error'], { stdio: 'inherit' });
rmSync(folder, { recursive: true, force: true });
if (result.error) process.stderr.write(`Could not run Spectral (${spectral}): ${result.error.message}\n`);
process.exit(result.status ?? 1);
