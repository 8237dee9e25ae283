import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { MentionRow } from '../../utils/db';
import { message } from '../e2e/support/locales';
import { mention, seedInPage, watch } from '../e2e/support/mentions';
import type { Ext } from './pages/base';
import { ArticleTab, ContentMenu, ExtensionViews } from './pages/browser-ui';
import { PopupPage, OptionsPage, ReportPage, SetupPage, SidebarPage } from './pages/pages';
import { ADDON_VERSION, GECKO_ID, SiarFirefox } from './support/firefox';
import { ARTICLE, startArticleServer } from './support/web';

// Siar's store zip in Debian's Firefox ESR, in Indonesian, checked in order in one browser that is
// restarted once (the menu check needs a restart; each Firefox start costs several seconds).

let firefox: SiarFirefox;
let article: Awaited<ReturnType<typeof startArticleServer>>;
let probe: OptionsPage;

beforeAll(async () => {
  article = await startArticleServer();
  firefox = await SiarFirefox.start();
  // An extension page kept open in the first tab: it sends messages and reads the popup and sidebar views.
  probe = await OptionsPage.openIn(firefox, '/options.html');
});
afterAll(async () => {
  await firefox?.close();
  await article?.close();
});

const MENTIONS: MentionRow[] = [
  mention(1, { title: 'Banjir rob genangi pelabuhan Sunda Kelapa', outlet: 'Kompas', publishedAt: Date.now() - 60_000 }),
  mention(2, { title: 'Pemprov siapkan pompa air tambahan', outlet: 'Antara', publishedAt: Date.now() - 120_000 }),
];

/**
 * The id of the active tab (the web page the test just brought to the front): the composer is
 * opened for it. Without the `tabs` permission the extension cannot look tabs up by URL.
 */
async function activeTabId(): Promise<number> {
  return probe.page.evaluate(async () => {
    const [tab] = await (globalThis as unknown as { browser: Ext }).browser.tabs.query({ active: true, currentWindow: true });
    return tab!.id!;
  });
}

describe('Siar in Firefox ESR', () => {
  it('installs as a permanent add-on in an Indonesian Firefox', async () => {
    const addon = await firefox.chrome<{ active: boolean; version: string; temporary: boolean; type: string }>(
      `AddonManager.getAddonByID(${JSON.stringify(GECKO_ID)}).then((a) => ({ active: a.isActive, version: a.version, temporary: a.temporarilyInstalled, type: a.type }))`,
    );
    expect(addon).toEqual({ active: true, version: ADDON_VERSION, temporary: false, type: 'extension' });
    // firefox-esr-l10n-id gives the browser's own UI in Indonesian; the add-on follows it.
    expect(await firefox.chrome<string>('Services.locale.appLocaleAsBCP47')).toBe('id');
    expect(await probe.page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.i18n.getUILanguage())).toBe('id');
  });

  it('the background page answers a message', async () => {
    const reply = await probe.page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.runtime.sendMessage({ type: 'ping', payload: {} }));
    expect(reply).toEqual({ ok: true, data: { version: ADDON_VERSION } });
    // A bad message gets the protocol's refusal, not silence or a crash.
    const bad = await probe.page.evaluate(() =>
      (globalThis as unknown as { browser: Ext }).browser.runtime.sendMessage({ type: 'no-such-message', payload: {} }),
    );
    expect(bad).toMatchObject({ ok: false, error: { code: 'unknown-message' } });
  });

  it('the extension origin has a private file system: the device key can live in a file the lock deletes', async () => {
    // utils/secrets/device-key.ts keeps the key in OPFS where it exists, else in storage.local (which the
    // lock cannot shred). Measured here in the extension's own origin, which the background page shares.
    const result = await probe.page.evaluate(async () => {
      const root = await navigator.storage.getDirectory();
      const handle = await root.getFileHandle('siar-opfs-probe', { create: true });
      const writable = await (handle as unknown as { createWritable(): Promise<{ write(d: string): Promise<void>; close(): Promise<void> }> }).createWritable();
      await writable.write('kunci');
      await writable.close();
      const text = await (await handle.getFile()).text();
      await root.removeEntry('siar-opfs-probe');
      const gone = await root.getFileHandle('siar-opfs-probe').then(
        () => false,
        (error: Error) => error.name === 'NotFoundError',
      );
      return { text, gone };
    });
    expect(result).toEqual({ text: 'kunci', gone: true });
  });

  it('options, composer, side panel, report and setup render in Indonesian', async () => {
    expect(await probe.title()).toBe(message('id', 'optionsTitle'));
    const web = await ArticleTab.open(firefox, article.url);
    const composer = await PopupPage.openIn(firefox, `/popup.html?tabId=${await activeTabId()}`);
    expect(await composer.title()).toBe(message('id', 'actionTitle'));
    expect(await composer.text('[data-testid="open-sidepanel"]')).toBe(message('id', 'openSidePanel'));
    const panel = await SidebarPage.openIn(firefox, '/sidepanel.html');
    expect(await panel.title()).toBe(message('id', 'sidepanelTitle'));
    const report = await ReportPage.openIn(firefox, '/report.html');
    expect(await report.text('h1')).toBe(message('id', 'reportTitle'));
    const setup = await SetupPage.openIn(firefox, '/setup.html');
    expect(await setup.title()).toBe(message('id', 'setupTitle'));
    await Promise.all([composer.close(), panel.close(), report.close(), setup.close(), web.page.close()]);
  });

  it('composer counters follow the text as the officer types', async () => {
    const web = await ArticleTab.open(firefox, article.url);
    const composer = await PopupPage.openIn(firefox, `/popup.html?tabId=${await activeTabId()}`);
    await composer.setText('Banjir surut');
    await composer.waitFor(() => document.querySelector('[data-testid="count-x"]')?.textContent === '12');
    // X counts every URL as 23 characters (https://docs.x.com/resources/fundamentals/counting-characters).
    await composer.setText('Banjir surut https://example.go.id/berita/banjir-surut-di-jakarta-utara-hari-ini');
    await composer.waitFor(() => document.querySelector('[data-testid="count-x"]')?.textContent === String(13 + 23));
    expect(await composer.count('bluesky')).toBe('Banjir surut https://example.go.id/berita/banjir-surut-di-jakarta-utara-hari-ini'.length);
    await Promise.all([composer.close(), web.page.close()]);
  });

  it('a mention written to IndexedDB shows in the side panel, and starring it persists', async () => {
    await probe.page.evaluate(seedInPage, { mentions: MENTIONS, watches: [watch(1, 'Banjir Jakarta', '#1f77b4')] });
    const panel = await SidebarPage.openIn(firefox, '/sidepanel.html');
    expect(await panel.rows()).toEqual([
      { id: 1, title: MENTIONS[0]!.title, outlet: 'Kompas', starred: false },
      { id: 2, title: MENTIONS[1]!.title, outlet: 'Antara', starred: false },
    ]);
    await panel.star(2);
    await panel.waitFor(() => document.querySelector('[data-mention-id="2"] [data-testid="mention-star"]')?.getAttribute('aria-pressed') === 'true');
    await panel.reload();
    expect((await panel.rows()).map((row) => row.starred)).toEqual([false, true]);
    const stored = await panel.page.evaluate(
      () =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open('siar');
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const get = open.result.transaction('mentions').objectStore('mentions').get(2);
            get.onsuccess = () => {
              resolve((get.result as MentionRow).starred);
              open.result.close();
            };
          };
        }),
    );
    expect(stored).toBe(1);
    await panel.close();
  });

  it('the composer\'s "Pantauan" link opens the sidebar with the mentions', async () => {
    const web = await ArticleTab.open(firefox, article.url);
    const composer = await PopupPage.openIn(firefox, `/popup.html?tabId=${await activeTabId()}`);
    const views = new ExtensionViews(probe);
    expect(await views.sidebarOpen()).toBe(false);
    await composer.openMonitoring();
    const sidebar = await views.sidebar();
    expect(sidebar.url).toMatch(/\/sidepanel\.html$/);
    // The width the layout checks below cover.
    expect(sidebar.width).toBeGreaterThanOrEqual(240);
    expect(sidebar.width).toBeLessThanOrEqual(320);
    expect(sidebar.titles).toEqual(MENTIONS.map((m) => m.title));
    expect(await views.sidebarOpen()).toBe(true);
    await Promise.all([composer.close(), web.page.close()]);
  });

  // Firefox's sidebar opens narrower than Chromium's side panel: about 240–320 px. One tab, resized.
  describe('the side panel in a narrow sidebar', () => {
    let panel: SidebarPage;
    beforeAll(async () => {
      panel = await SidebarPage.openIn(firefox, '/sidepanel.html');
    });
    afterAll(async () => {
      await panel.close();
    });

    it.each([240, 280, 320])('fits %i px: filters folded, then in two columns; titles and outlets readable', async (width) => {
      await firefox.setViewport(panel.page, width, 700);
      await panel.waitFor((w) => innerWidth === w, width);
      await panel.rows();
      expect(await panel.filtersFolded()).toEqual({ rowHidden: true, toggleShown: true });
      await panel.toggleFilters();
      expect(await panel.filtersFolded()).toEqual({ rowHidden: false, toggleShown: true });
      const layout = await panel.layout();
      await panel.toggleFilters();
      expect(layout).toMatchObject({ width, overflow: false, wider: [], controlsOutside: [], filtersSideBySide: true, outletShown: true, clipped: [] });
      expect(layout.titleShare).toBeGreaterThan(0.7);
      expect(layout.titleFontPx).toBeGreaterThanOrEqual(13);
    });
  });

  it('logs no extension error or warning in the browser console', async () => {
    expect(await firefox.consoleProblems()).toEqual([]);
  });

  describe('after a browser restart', () => {
    beforeAll(async () => {
      firefox = await firefox.restart();
      probe = await OptionsPage.openIn(firefox, '/options.html');
    });

    it('the page context menu still has "Kutip ke medsos"', async () => {
      const web = await ArticleTab.open(firefox, article.url);
      await web.rightClickQuote();
      expect(await new ContentMenu(firefox).labels()).toContain(message('id', 'contextMenuQuote'));
    });

    it('"Kutip ke medsos" opens the toolbar popup with the selected text', async () => {
      await new ContentMenu(firefox).choose(message('id', 'contextMenuQuote'));
      const popup = await new ExtensionViews(probe).popup();
      expect(popup.url).toMatch(/\/popup\.html$/);
      expect(popup.text).toContain(message('id', 'composerQuoteNotice'));
      expect(popup.composer).toContain(ARTICLE.quote);
      // No separate composer window was opened instead.
      const windows = await probe.page.evaluate(async () => (await (globalThis as unknown as { browser: Ext }).browser.windows.getAll()).map((w) => w.type));
      expect(windows).toEqual(['normal']);
    });

    it('logs no extension error or warning in the browser console', async () => {
      expect(await firefox.consoleProblems()).toEqual([]);
    });
  });
});
