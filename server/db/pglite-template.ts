import { existsSync, mkdirSync, readFileSync, renameSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { PGlite } from '@electric-sql/pglite';

// A new PGlite database runs initdb first: about 3 s of CPU, most of a first start and of every test file's
// in-memory database. initdb's result is the same every time for one PGlite version, so the first run keeps
// a copy (PGlite's own dump format, the one it uses internally to move initdb's result into place) and later
// new databases start from that copy in about half a second.

const cacheDirectory = path.resolve(import.meta.dirname, '..', '..', 'node_modules', '.cache', 'wijkwerk');

function templatePath(): string {
  // The package exports no package.json; its entry point sits in dist/, one folder below it.
  const entry = createRequire(import.meta.url).resolve('@electric-sql/pglite');
  const { version } = JSON.parse(readFileSync(path.join(path.dirname(entry), '..', 'package.json'), 'utf8')) as { version: string };
  return path.join(cacheDirectory, `pglite-${version}-initdb.tar`);
}

/** The kept copy of a freshly initialised cluster, if there is one. */
export function readClusterTemplate(): Blob | undefined {
  try {
    const file = templatePath();
    return existsSync(file) ? new Blob([readFileSync(file)]) : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Keeps a copy of a cluster initdb has just created, before anything else writes to it. Best effort: a
 * read-only install or a full disk only means the next new database runs initdb again.
 */
export async function saveClusterTemplate(client: PGlite): Promise<void> {
  try {
    const dump = await client.dumpDataDir('none');
    mkdirSync(cacheDirectory, { recursive: true });
    const file = templatePath();
    // Written aside and renamed: parallel test processes may save at the same moment.
    const partial = `${file}.${process.pid}.partial`;
    writeFileSync(partial, Buffer.from(await dump.arrayBuffer()));
    renameSync(partial, file);
  } catch {
    // Nothing lost but time.
  }
}

/** Throws the kept copy away, so that the next new database runs initdb again and keeps a fresh one. */
export function discardClusterTemplate(): void {
  try {
    rmSync(templatePath(), { force: true });
  } catch {
    // Nothing to discard.
  }
}
