import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const shim = (name: string) => fileURLToPath(new URL(`./utils/shims/${name}.ts`, import.meta.url));

// `npm run build:e2e` makes the browser-test build: the same code, with the optional host permissions
// granted at install, because headless Chromium cannot click "Allow" on a permission prompt.
const grantHostsAtInstall = process.env.SIAR_BUILD === 'e2e';
// Network APIs (utils/networks/hosts.ts), Mastodon instances and feed sites: asked for per origin at run time.
const OPTIONAL_ORIGINS = ['https://*/*', 'http://*/*'];

export default defineConfig({
  // SIAR_E2E_DIR lets parallel test runs keep separate browser-test builds.
  outDirTemplate: grantHostsAtInstall ? (process.env.SIAR_E2E_DIR ?? 'e2e-{{browser}}-mv{{manifestVersion}}') : '{{browser}}-mv{{manifestVersion}}',
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser, manifestVersion }) => ({
    name: '__MSG_extName__',
    short_name: 'Siar',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    // The popup is public/popup.html running the classic script entrypoints/popup.tsx builds, not an
    // HTML entrypoint, so WXT does not add it here by itself (MV2 builds get it as browser_action).
    action: { default_title: '__MSG_actionTitle__', default_popup: 'popup.html' },
    // Likewise the side panel: public/sidepanel.html runs entrypoints/sidepanel-app.tsx (Firefox: a sidebar).
    ...(manifestVersion === 2
      ? { sidebar_action: { default_panel: 'sidepanel.html', default_title: '__MSG_sidepanelTitle__', open_at_install: false } }
      : { side_panel: { default_path: 'sidepanel.html' } }),
    permissions: [
      'activeTab',
      'scripting',
      'storage',
      'unlimitedStorage',
      'alarms',
      'contextMenus',
      'notifications',
      'identity',
      ...(manifestVersion === 2 ? [] : ['sidePanel']),
    ],
    // MV2 (Firefox) has no optional_host_permissions: origins go in optional_permissions there.
    ...(manifestVersion === 2 ? { optional_permissions: OPTIONAL_ORIGINS } : { optional_host_permissions: OPTIONAL_ORIGINS }),
    ...(grantHostsAtInstall ? { host_permissions: OPTIONAL_ORIGINS } : {}),
    commands: {
      [manifestVersion === 2 ? '_execute_browser_action' : '_execute_action']: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenComposer__',
      },
    },
    ...(browser === 'firefox'
      ? {
          browser_specific_settings: {
            // Siar has no server: nothing is collected or sent to its makers. `data_collection_permissions`
            // is the newest key used: Firefox 140 reads it, Firefox for Android 142 (addons-linter's
            // compatibility data; `npm run lint:firefox` fails when a key is newer than these minimums).
            gecko: { id: 'siar@humas.go.id', strict_min_version: '140.0', data_collection_permissions: { required: ['none'] } },
            gecko_android: { strict_min_version: '142.0' },
          },
        }
      : {}),
  }),
  hooks: {
    // The benchmark's floors, shipped only in the browser-test build: an empty extension page, and one
    // that loads a script doing nothing (MV3 forbids inline scripts, so any page with behaviour pays that).
    'build:publicAssets': (_wxt, assets) => {
      if (!grantHostsAtInstall) return;
      assets.push(
        { relativeDest: 'bench-blank.html', contents: '<!doctype html><title>blank</title>' },
        { relativeDest: 'bench-blank-script.html', contents: '<!doctype html><title>blank</title><script src="/bench-blank.js" defer></script>' },
        { relativeDest: 'bench-blank.js', contents: 'document.title = "blank";' },
      );
    },
  },
  vite: () => ({
    plugins: [preact()],
    // SIAR_SOURCEMAP=1: source maps, to see which modules make up a chunk when measuring page start-up.
    build: { sourcemap: process.env.SIAR_SOURCEMAP === '1' },
    define: { __SIAR_E2E__: JSON.stringify(grantHostsAtInstall) },
    resolve: {
      alias: [
        ...['https', 'zlib', 'crypto', 'fs'].map((name) => ({ find: name, replacement: shim(name) })),
        { find: /^twitter-text$/, replacement: shim('twitter-text') },
        { find: /^core-js\/modules\/.*/, replacement: shim('empty') },
      ],
    },
  }),
});
