import pg from 'pg';

/** The PostgreSQL server the benchmarks use: BENCH_DATABASE_SERVER, or the local one. */
export const benchDatabaseServer = process.env.BENCH_DATABASE_SERVER ?? 'postgres://postgres@127.0.0.1:5432/postgres';

/** Drops and creates a scratch database of this name on the bench server; returns its connection string. */
export async function recreateScratchDatabase(name: string): Promise<string> {
  const admin = new pg.Client({ connectionString: benchDatabaseServer });
  await admin.connect();
  await admin.query(`drop database if exists ${name} with (force)`);
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(benchDatabaseServer);
  url.pathname = `/${name}`;
  return url.toString();
}

/** Sequential requests, one at a time, for an exact latency percentile (autocannon reports p90/p97.5, not p95). */
export async function sampleLatency(url: string, headers: Record<string, string>, samples: number) {
  const durations: number[] = [];
  for (let index = 0; index < samples; index++) {
    const started = performance.now();
    const response = await fetch(url, { headers });
    await response.arrayBuffer();
    if (!response.ok) throw new Error(`${url} answered ${response.status}`);
    durations.push(performance.now() - started);
  }
  durations.sort((a, b) => a - b);
  const at = (fraction: number) => Number(durations[Math.min(durations.length - 1, Math.floor(durations.length * fraction))].toFixed(1));
  return { p50: at(0.5), p95: at(0.95), p99: at(0.99) };
}
