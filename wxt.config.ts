import { fileURLToPath } from 'node:url';
import preact from '@preact/preset-vite';
import { defineConfig } from 'wxt';

const shim = (name: string) => fileURLToPath(new URL(`./utils/shims/${name}.ts`, import.meta.url));

// Hosts the worker calls once the officer connects a network; asked for at run time, never at install.
export const NETWORK_HOSTS = [
  'https://api.x.com/*',
  'https://api.twitter.com/*',
  'https://upload.twitter.com/*',
  'https://graph.facebook.com/*',
  'https://graph.threads.net/*',
  'https://api.linkedin.com/*',
  'https://api.telegram.org/*',
  'https://bsky.social/*',
  'https://public.api.bsky.app/*',
  'https://news.google.com/*',
  'https://www.reddit.com/*',
];

export default defineConfig({
  imports: false,
  modules: ['@wxt-dev/webextension-polyfill'],
  manifest: ({ browser }) => ({
    name: '__MSG_extName__',
    short_name: 'Siar',
    description: '__MSG_extDescription__',
    default_locale: 'id',
    permissions: ['activeTab', 'scripting', 'storage', 'unlimitedStorage', 'alarms', 'contextMenus', 'notifications'],
    // Mastodon instances and feed sites are arbitrary, so any https/http origin may be asked for later.
    optional_host_permissions: [...NETWORK_HOSTS, 'https://*/*', 'http://*/*'],
    action: { default_title: '__MSG_actionTitle__' },
    commands: {
      _execute_action: {
        suggested_key: { default: 'Alt+Shift+S' },
        description: '__MSG_commandOpenComposer__',
      },
    },
    ...(browser === 'firefox'
      ? { browser_specific_settings: { gecko: { id: 'siar@humas.go.id', strict_min_version: '115.0' } } }
      : {}),
  }),
  vite: () => ({
    plugins: [preact()],
    resolve: {
      alias: { https: shim('https'), zlib: shim('zlib'), crypto: shim('crypto'), fs: shim('fs') },
    },
  }),
});
