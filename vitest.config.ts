import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['server/**/*.test.ts', 'test/**/*.test.ts'],
    // Migrates and seeds once; each test file gets a copy of that database (test/database.ts).
    globalSetup: ['test/global-setup.ts'],
    pool: 'forks',
    // Test files share a worker's loaded modules (the server holds no module-level state beyond caches);
    // importing Fastify, zod and the contracts afresh per file took about half of the run.
    isolate: false,
    // Two cores: two files at a time, each with its own database.
    maxWorkers: 2,
    testTimeout: 30_000,
    hookTimeout: 60_000,
    teardownTimeout: 10_000,
  },
});
