import { defineConfig } from 'vitest/config';

// The Firefox suite: the store zip installed in Debian's firefox-esr, driven over WebDriver BiDi by
// puppeteer-core (tests/firefox/support/firefox.ts). One browser, checks in order, one restart.
export default defineConfig({
  test: {
    include: ['tests/firefox/**/*.firefox.ts'],
    testTimeout: 60_000,
    hookTimeout: 90_000,
    fileParallelism: false,
    pool: 'forks',
  },
});
