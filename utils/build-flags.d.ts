/** True only in the browser-test build (`npm run build:e2e`); set by `define` in wxt.config.ts. */
declare const __SIAR_E2E__: boolean;
