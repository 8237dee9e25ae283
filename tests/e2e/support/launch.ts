import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { chromium, type BrowserContext, type Page, type Worker } from 'playwright-core';

// The browser-test build (npm run build:e2e): identical code, but the optional host permissions are
// granted at install, because headless Chromium cannot click "Allow" on a permission prompt.
export const EXTENSION_DIR = resolve(import.meta.dirname, '../../../.output', process.env.SIAR_E2E_DIR ?? 'e2e-chrome-mv3');
export const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export interface SiarBrowser {
  context: BrowserContext;
  worker: Worker;
  extensionId: string;
  userDataDir: string;
  /** Console errors and uncaught exceptions from every page and the worker, for "no errors" checks. */
  errors: string[];
  url(path: string): string;
  openPage(path: string): Promise<Page>;
  /** Stops the browser; the profile folder is kept when `keepProfile` (to restart on the same data). */
  close(options?: { keepProfile?: boolean }): Promise<void>;
}

export interface LaunchOptions {
  lang?: 'id' | 'en';
  hostRules?: string[];
  /** Reuse a profile folder (restarting the browser on the same IndexedDB and storage). */
  userDataDir?: string;
}

const ours = (url: string) => url.startsWith('chrome-extension://');

/** Collects errors of Siar's own pages and worker (test web pages may log what they like). */
function watchErrors(target: Page | Worker, errors: string[]) {
  target.on('console', (message) => {
    const where = message.location().url || target.url();
    if (message.type() === 'error' && ours(where)) errors.push(`${where}: ${message.text()}`);
  });
  if ('goto' in target) {
    target.on('pageerror', (error) => {
      if (ours(target.url())) errors.push(`${target.url()}: uncaught ${error.message}`);
    });
  }
}

/** Starts Debian's Chromium with the built extension loaded, routing `hostRules` to local fakes. */
export async function launchSiar(options: LaunchOptions = {}): Promise<SiarBrowser> {
  const userDataDir = options.userDataDir ?? mkdtempSync(join(tmpdir(), 'siar-profile-'));
  const args = [
    `--disable-extensions-except=${EXTENSION_DIR}`,
    `--load-extension=${EXTENSION_DIR}`,
    '--no-sandbox',
    '--disable-gpu',
    '--disable-quic',
    '--no-first-run',
    '--disable-background-networking',
    '--disable-component-update',
    '--disable-sync',
    '--ignore-certificate-errors',
    `--lang=${options.lang ?? 'id'}`,
  ];
  if (options.hostRules?.length) args.push(`--host-resolver-rules=${options.hostRules.join(', ')}`);
  const context = await chromium.launchPersistentContext(userDataDir, {
    executablePath: CHROMIUM,
    headless: true,
    args,
    // On Linux the UI language follows LANGUAGE (--lang alone is ignored); the locale packs come from
    // Debian's chromium-l10n, which .ci/run installs.
    env: { ...process.env, LANGUAGE: options.lang ?? 'id' },
  });
  const errors: string[] = [];
  context.on('page', (page) => watchErrors(page, errors));
  context.on('serviceworker', (worker) => watchErrors(worker, errors));
  const worker = context.serviceWorkers()[0] ?? (await context.waitForEvent('serviceworker'));
  watchErrors(worker, errors);
  const extensionId = new URL(worker.url()).host;
  const url = (path: string) => `chrome-extension://${extensionId}/${path.replace(/^\//, '')}`;
  return {
    context,
    worker,
    extensionId,
    userDataDir,
    errors,
    url,
    async openPage(path) {
      const page = await context.newPage();
      await page.goto(url(path));
      return page;
    },
    async close({ keepProfile = false } = {}) {
      await context.close();
      if (!keepProfile) rmSync(userDataDir, { recursive: true, force: true });
    },
  };
}
