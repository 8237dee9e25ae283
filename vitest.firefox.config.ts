import { defineConfig } from 'vitest/config';

// The Firefox suite: the store zip installed in Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core (tests/firefox/support/firefox.ts). One browser, checks in order, one restart.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    // A Firefox start takes ~10 s on a quiet machine and over 90 s on a 2-core one shared with 8 builds.
    testTimeout: 90_000,
    hookTimeout: 240_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
