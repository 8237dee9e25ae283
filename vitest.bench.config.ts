import { defineConfig } from 'vitest/config';

// `npm run bench`: measurements in Chromium, printed as ratios to a floor measured in the same run.
// Not part of `npm test`: timings are reported, never asserted.
export default defineConfig({
  test: {
    include: ['tests/bench/**/*.bench.ts'],
    testTimeout: 600_000,
    hookTimeout: 120_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
