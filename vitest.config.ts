import { availableParallelism } from 'node:os';
import { defineConfig } from 'vitest/config';

/**
 * Speech test files each keep about two cores busy (an ffmpeg process and a recogniser thread
 * beside the test), so running one file per core starves them on a small machine: one test file
 * per two cores, at least one. CANDOR_TEST_WORKERS overrides it.
 */
const workers =
  Number(process.env.CANDOR_TEST_WORKERS) || Math.max(1, Math.floor(availableParallelism() / 2));

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    reporters: ['default', './test/summary-reporter.ts'],
    // Time-outs for a loaded 2-core machine (the slowest tests set their own, up to 4 minutes):
    // they catch a hang, they are not a speed claim; speed is measured by `npm run bench`.
    testTimeout: 60_000,
    hookTimeout: 120_000,
    teardownTimeout: 60_000,
    pool: 'forks',
    maxWorkers: workers,
  },
});
