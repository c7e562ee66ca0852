import { defineConfig } from 'vitest/config';
import type { Reporter } from 'vitest/node';

/** Ends the run with one plain line: how many journeys passed and failed. */
const countLine: Reporter = {
  onTestRunEnd(testModules, unhandledErrors) {
    const states = testModules.flatMap((module) => [...module.children.allTests()].map((test) => test.result().state));
    const count = (state: string) => states.filter((each) => each === state).length;
    const errors = unhandledErrors.length > 0 ? `, ${unhandledErrors.length} errors outside the journeys` : '';
    process.stdout.write(`\nBrowser journeys: ${count('passed')} passed, ${count('failed')} failed, ${count('skipped') + count('pending')} skipped${errors}\n`);
  },
};

// Browser journeys: one real server (built web app, fresh database), one headless Chromium.
export default defineConfig({
  test: {
    include: ['e2e/**/*.e2e.ts'],
    globalSetup: ['e2e/server.setup.ts'],
    pool: 'forks',
    maxWorkers: 1,
    fileParallelism: false,
    testTimeout: 60_000,
    hookTimeout: 120_000,
    reporters: ['default', countLine],
  },
});
