import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createXFake, X_CREDENTIALS } from '../fakes/x';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import type { ExtensionPage } from './pages/base';
import { OptionsPage } from './pages/options';
import { PopupPage } from './pages/popup';
import { SidePanelPage } from './pages/sidepanel';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { readTable, storageGet, storageSet, waitFor, workerErrors } from './support/worker';

describe.each(['id', 'en'] as const)('every page in %s', (lang) => {
  let siar: SiarBrowser;
  beforeAll(async () => {
    siar = await launchSiar({ lang });
  });
  afterAll(async () => {
    await siar.close();
  });

  it.each([
    ['popup.html', PopupPage, 'popupTagline'],
    ['sidepanel.html', SidePanelPage, 'sidepanelTitle'],
    ['options.html', OptionsPage, 'optionsTitle'],
  ] as const)('%s opens in the officer language with no console error', async (path, Page, subtitleKey) => {
    // The three page classes differ, so their union has no common `this`; each is still an ExtensionPage opener.
    const opener: { openIn(siar: SiarBrowser, path: string): Promise<ExtensionPage> } = Page;
    const view = await opener.openIn(siar, path);
    expect(await view.heading()).toBe(message(lang, 'appName'));
    await expect.poll(() => view.page.locator('.page-header p').textContent()).toBe(message(lang, subtitleKey));
    expect(await view.page.evaluate(() => document.documentElement.lang)).toBe(lang);
    // The page's own stylesheet loaded (the popup and the side panel link their built CSS by hand, see public/).
    expect(await view.page.evaluate(() => getComputedStyle(document.documentElement).getPropertyValue('--accent').trim())).toBe('#0c6e78');
    await view.page.close();
    expect(siar.errors).toEqual([]);
    expect(await workerErrors(siar.worker)).toEqual([]);
  });

  it('registers the quote context menu with its localised title', async () => {
    // contextMenus has no getter: updating an item that does not exist rejects.
    const result = await siar.worker.evaluate(() =>
      chrome.contextMenus.update('siar-quote', {}).then(
        () => 'exists',
        (e: Error) => e.message,
      ),
    );
    expect(result).toBe('exists');
    const manifest = await siar.worker.evaluate(() => chrome.runtime.getManifest());
    expect(manifest.commands?._execute_action?.suggested_key).toBeTruthy();
    expect(manifest.action?.default_popup).toBe('popup.html');
    expect((manifest as { side_panel?: { default_path?: string } }).side_panel?.default_path).toBe('sidepanel.html');
  });
});

describe('worker boundary', () => {
  let siar: SiarBrowser;
  beforeAll(async () => {
    siar = await launchSiar();
  });
  afterAll(async () => {
    await siar.close();
  });

  it.each([
    [{ type: 'no-such-thing', payload: {} }, 'unknown-message'],
    [{ type: 'publish', payload: { text: 5 } }, 'bad-message'],
    ['just a string', 'bad-message'],
    [null, 'bad-message'],
  ])('answers %j with a typed error', async (request, code) => {
    const page = await siar.openPage('options.html');
    const reply = await page.evaluate((m) => chrome.runtime.sendMessage(m), request);
    expect(reply).toMatchObject({ ok: false, error: { code } });
    await page.close();
    expect(await workerErrors(siar.worker)).toEqual([]);
  });

  it('replaces a corrupt stored setting by its default, keeps the bad value aside and warns', async () => {
    await storageSet(siar.worker, { presets: { hashtags: 'not-a-list' } });
    const page = await siar.openPage('options.html');
    const alert = page.getByTestId('settings-warning');
    await expect.poll(() => alert.textContent()).toContain('presets');
    const stored = await storageGet(siar.worker, ['presets', 'quarantine']);
    expect(stored.presets).toEqual({ hashtags: [], signatures: [], utm: {} });
    expect(stored.quarantine).toEqual([expect.objectContaining({ key: 'presets', value: { hashtags: 'not-a-list' } })]);
    await page.close();
  });
});

describe('twitter-api-v2 inside the worker', () => {
  let siar: SiarBrowser;
  let fakes: FakeServer;
  const xFake = createXFake();
  beforeAll(async () => {
    fakes = await startFakeServer([xFake]);
    siar = await launchSiar({ hostRules: fakes.hostRules() });
  });
  afterAll(async () => {
    await siar.close();
    await fakes.close();
  });

  it('posts through OAuth 1.0a to POST /2/tweets on api.x.com and records the link', async () => {
    const { appKey, appSecret, accessToken, accessSecret } = X_CREDENTIALS;
    await storageSet(siar.worker, { accounts: { x: { auth: 'oauth1', appKey, appSecret, accessToken, accessSecret, username: 'humasprov' } } });
    const page = await siar.openPage('options.html');
    const reply = await page.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'publish',
        payload: {
          text: 'Rapat koordinasi Humas hari ini https://example.go.id/berita/1',
          variants: {},
          pageUrl: 'https://example.go.id/berita/1',
          pageTitle: 'Berita',
          targets: ['x'],
        },
      }),
    );
    expect(reply).toMatchObject({ ok: true });
    const deliveries = await waitFor(
      () => readTable<{ state: string; remoteUrl?: string }>(siar.worker, 'deliveries'),
      (rows) => rows[0]?.state === 'sent',
    );
    expect(xFake.tweets).toHaveLength(1);
    expect(xFake.tweets[0]).toMatchObject({ auth: 'oauth1', text: 'Rapat koordinasi Humas hari ini https://example.go.id/berita/1' });
    expect(deliveries[0]).toMatchObject({ state: 'sent', remoteUrl: `https://x.com/humasprov/status/${xFake.tweets[0]!.id}` });
    expect(fakes.log.filter((r) => r.path === '/2/tweets')).toHaveLength(1);
    await page.close();
    expect(siar.errors).toEqual([]);
  });

  it('surfaces a rejected token as needs-auth without retrying', async () => {
    await storageSet(siar.worker, { accounts: { x: { auth: 'oauth2', clientId: 'c', accessToken: 'revoked-token' } } });
    const page = await siar.openPage('options.html');
    await page.evaluate(() =>
      chrome.runtime.sendMessage({
        type: 'publish',
        payload: { text: 'Kedua', variants: {}, pageUrl: 'https://example.go.id/2', pageTitle: 'B', targets: ['x'] },
      }),
    );
    const rows = await waitFor(
      () => readTable<{ state: string; lastError?: { code: string } }>(siar.worker, 'deliveries'),
      (r) => r[1]?.state === 'needs-auth',
    );
    expect(rows[1]).toMatchObject({ state: 'needs-auth', lastError: { code: 'auth' } });
    expect(xFake.tweets).toHaveLength(1);
    await page.close();
  });
});

describe('manifests', () => {
  const read = (dir: string) => JSON.parse(readFileSync(resolve(import.meta.dirname, `../../.output/${dir}/manifest.json`), 'utf8'));

  it('the store build asks for no host permission at install, only optional ones', () => {
    const manifest = read('chrome-mv3');
    expect(manifest.host_permissions ?? []).toEqual([]);
    expect(manifest.optional_host_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(manifest.permissions).toEqual(expect.arrayContaining(['activeTab', 'scripting', 'storage', 'contextMenus']));
    expect(manifest.default_locale).toBe('id');
    expect(manifest.name).toBe('__MSG_extName__');
    expect(manifest.action.default_title).toBe('__MSG_actionTitle__');
    expect(manifest.side_panel.default_path).toBe('sidepanel.html');
  });

  it('the Firefox build has a sidebar, MV2 optional origins and its own shortcut key', () => {
    const manifest = read('firefox-mv2');
    expect(manifest.sidebar_action).toMatchObject({ default_panel: 'sidepanel.html', default_title: '__MSG_sidepanelTitle__' });
    expect(manifest.optional_permissions).toEqual(['https://*/*', 'http://*/*']);
    expect(Object.keys(manifest.commands)).toEqual(['_execute_browser_action']);
    expect(manifest.browser_specific_settings.gecko.id).toBe('siar@humas.go.id');
  });
});
