import preact from '@preact/preset-vite';
import { defineConfig } from 'vitest/config';
import { WxtVitest } from 'wxt/testing/vitest-plugin';

export default defineConfig({
  // WxtVitest does not apply wxt.config.ts's `vite` section, so the Preact plugin is added here too.
  plugins: [WxtVitest(), preact()],
  define: { __SIAR_E2E__: 'false' },
  test: {
    include: ['tests/unit/**/*.test.{ts,tsx}'],
    setupFiles: ['fake-indexeddb/auto'],
    environment: 'node',
    // Property and agreement tests run thousands of cases; on a loaded 2-core machine 5 s is too short
    // and a timeout would be a timing assertion. The limit only catches a hang.
    testTimeout: 60_000,
  },
});
