import { defineConfig } from 'vitest/config';

// Browser tests: the built extension in Debian's Chromium, driven by playwright-core, against local fakes.
export default defineConfig({
  test: {
    include: ['tests/e2e/**/*.e2e.ts'],
    testTimeout: 90_000,
    hookTimeout: 60_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
