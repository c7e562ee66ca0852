// npm run deps:check — the supply-chain stage of CI:
// 1. known vulnerabilities of high or critical severity in the production dependencies fail the run, unless
//    security/accepted-advisories.json accepts one with a reason and an expiry date (an expired acceptance fails);
// 2. a CycloneDX SBOM of the production dependencies is written to artifacts/sbom.cdx.json.
// When the advisory database cannot be reached (an offline build machine), the check says so and does not
// pretend to have passed: it prints UNCHECKED and exits 0, so a closed network does not block a release.
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const npm = process.platform === 'win32' ? 'npm.cmd' : 'npm';

export interface Acceptance {
  advisory: string;
  package: string;
  reason: string;
  expires: string;
}

function acceptedAdvisories(): Acceptance[] {
  const file = path.join(root, 'security', 'accepted-advisories.json');
  return (JSON.parse(readFileSync(file, 'utf8')) as { accepted: Acceptance[] }).accepted;
}

function writeSbom() {
  const sbom = execFileSync(npm, ['sbom', '--sbom-format', 'cyclonedx', '--omit', 'dev'], { cwd: root, maxBuffer: 64 * 1024 * 1024 });
  mkdirSync(path.join(root, 'artifacts'), { recursive: true });
  writeFileSync(path.join(root, 'artifacts', 'sbom.cdx.json'), sbom);
  const components = (JSON.parse(sbom.toString()) as { components: unknown[] }).components.length;
  process.stdout.write(`SBOM: artifacts/sbom.cdx.json (CycloneDX, ${components} production components)\n`);
}

type AuditReport = {
  vulnerabilities?: Record<string, { severity: string; via: (string | { source: number; url: string; title: string; severity: string })[] }>;
  error?: { summary?: string };
  message?: string;
};

/** What an `npm audit --json` report means for a release: unchecked, passed, or the advisories that block it. */
export function judgeAudit(report: AuditReport, accepted: Acceptance[], today: string): { outcome: 'unchecked' | 'passed' | 'failed'; lines: string[] } {
  if (!report.vulnerabilities) return { outcome: 'unchecked', lines: [`the advisory database could not be reached (${report.error?.summary || report.message || 'no answer'})`] };
  const lines: string[] = [];
  let isBlocked = false;
  for (const [name, vulnerability] of Object.entries(report.vulnerabilities)) {
    for (const advisory of vulnerability.via) {
      if (typeof advisory === 'string' || !['high', 'critical'].includes(advisory.severity)) continue;
      const acceptance = accepted.find((item) => item.advisory === advisory.url && item.package === name);
      if (acceptance && acceptance.expires >= today) {
        lines.push(`accepted until ${acceptance.expires}: ${name} ${advisory.url} (${acceptance.reason})`);
        continue;
      }
      isBlocked = true;
      lines.push(`${advisory.severity}: ${name} — ${advisory.title} ${advisory.url}${acceptance ? ` (acceptance expired ${acceptance.expires})` : ''}`);
    }
  }
  return { outcome: isBlocked ? 'failed' : 'passed', lines };
}

function audit(): number {
  const result = spawnSync(npm, ['audit', '--omit=dev', '--json'], { cwd: root, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
  let report: AuditReport;
  try {
    report = JSON.parse(result.stdout);
  } catch {
    report = { error: { summary: result.stderr.trim().split('\n').at(-1) } };
  }
  const { outcome, lines } = judgeAudit(report, acceptedAdvisories(), new Date().toISOString().slice(0, 10));
  if (outcome === 'unchecked') process.stdout.write(`Vulnerabilities: UNCHECKED — ${lines[0]}.\n`);
  if (outcome === 'passed') process.stdout.write(`Vulnerabilities: none of high or critical severity in production dependencies.\n${lines.map((line) => `  ${line}\n`).join('')}`);
  if (outcome === 'failed') {
    process.stdout.write(`Vulnerabilities of high severity in production dependencies:\n  ${lines.join('\n  ')}\nUpdate the package, or accept the advisory in security/accepted-advisories.json with a reason and an expiry.\n`);
  }
  return outcome === 'failed' ? 1 : 0;
}

// Run as a command, not when a test imports judgeAudit.
if (import.meta.main) {
  writeSbom();
  process.exit(audit());
}
