import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';

// The house rules of ARCHITECTURE.md that a compiler does not check, checked here on the import graph.

const root = path.resolve(import.meta.dirname, '..');

function sourceFiles(directory: string): string[] {
  return readdirSync(directory).flatMap((entry) => {
    const full = path.join(directory, entry);
    if (statSync(full).isDirectory()) return entry === 'node_modules' ? [] : sourceFiles(full);
    return /\.tsx?$/.test(entry) ? [full] : [];
  });
}

function importsOf(file: string): string[] {
  const text = readFileSync(file, 'utf8');
  return [...text.matchAll(/(?:import|export)\s[^'"]*?from\s+['"]([^'"]+)['"]/g)].map((match) => match[1]);
}

const serverFiles = sourceFiles(path.join(root, 'server'));
const moduleOf = (file: string) => /server\/modules\/([^/]+)\//.exec(file)?.[1];

describe('module boundaries', () => {
  it('modules import each other only through index.ts', () => {
    const violations: string[] = [];
    for (const file of serverFiles.filter((candidate) => moduleOf(candidate))) {
      for (const specifier of importsOf(file).filter((item) => item.startsWith('.'))) {
        const target = path.resolve(path.dirname(file), specifier);
        const targetModule = moduleOf(target);
        // Table definitions are shared with drizzle-kit and foreign keys; everything else goes through index.ts.
        if (targetModule && targetModule !== moduleOf(file) && !target.endsWith('/index.ts') && !target.endsWith('.tables.ts')) {
          violations.push(`${path.relative(root, file)} → ${specifier}`);
        }
      }
    }
    expect(violations).toEqual([]);
  });

  it('routes never import a repository, and pure rules, workflows and policies import neither Fastify nor the database', () => {
    const violations: string[] = [];
    for (const file of serverFiles) {
      const imports = importsOf(file);
      if (file.endsWith('.routes.ts') && imports.some((item) => item.includes('.repository'))) violations.push(`${path.relative(root, file)} imports a repository`);
      if (/\.(rules|workflow|policy)\.ts$/.test(file) && imports.some((item) => item === 'fastify' || item.startsWith('drizzle-orm') || item.includes('/db/'))) {
        violations.push(`${path.relative(root, file)} is meant to be pure`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('platform code does not depend on domain modules, except for the table definitions it references', () => {
    const violations = serverFiles
      .filter((file) => file.includes('/server/platform/'))
      .flatMap((file) => importsOf(file).filter((item) => item.includes('/modules/') && !item.endsWith('.tables.ts')).map((item) => `${path.relative(root, file)} → ${item}`));
    expect(violations).toEqual([]);
  });

  it('the web app imports nothing from the server but types', () => {
    const violations: string[] = [];
    for (const file of sourceFiles(path.join(root, 'web', 'src'))) {
      const text = readFileSync(file, 'utf8');
      for (const match of text.matchAll(/^(import|export)\s+(type\s+)?[^'"]*?from\s+['"]([^'"]*\/server\/[^'"]*)['"]/gm)) {
        if (!match[2]) violations.push(`${path.relative(root, file)} → ${match[3]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the server runs on the production dependencies alone (npm ci --omit=dev and a built web app)', () => {
    const manifest = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
    const production = new Set(Object.keys(manifest.dependencies));
    const packageOf = (specifier: string) => (specifier.startsWith('@') ? specifier.split('/').slice(0, 2).join('/') : specifier.split('/')[0]);
    const runtimeFiles = [...serverFiles, path.join(root, 'scripts', 'ensure-web-build.ts')].filter((file) => !/\.test\.ts$/.test(file));
    const violations = runtimeFiles.flatMap((file) =>
      importsOf(file)
        .filter((specifier) => !specifier.startsWith('.') && !specifier.startsWith('node:'))
        // Type-only imports vanish when the types are stripped.
        .filter((specifier) => !new RegExp(`import\\s+type\\s[^;]*?['"]${specifier.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}['"]`).test(readFileSync(file, 'utf8')))
        .filter((specifier) => !production.has(packageOf(specifier)))
        .map((specifier) => `${path.relative(root, file)} → ${specifier}`),
    );
    expect(violations).toEqual([]);
  });
});
