import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';

// Debian's firefox-esr (153 ESR from bookworm-security; .ci/run installs it), driven over WebDriver
// BiDi by puppeteer-core. Debian has no geckodriver, and puppeteer never downloads a browser here.
// The traps this file works around are recorded in ../shared/TOOLCHAIN.md ("Real Firefox").

const ROOT = resolve(import.meta.dirname, '../../..');
export const FIREFOX = process.env.SIAR_FIREFOX ?? '/usr/bin/firefox-esr';
const pkg = JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { name: string; version: string };
/** The store zip `wxt zip -b firefox` makes: what the tests install. */
export const ADDON_ZIP = join(ROOT, '.output', `${pkg.name}-${pkg.version}-firefox.zip`);
const manifest = JSON.parse(readFileSync(join(ROOT, '.output/firefox-mv2/manifest.json'), 'utf8')) as {
  version: string;
  browser_specific_settings: { gecko: { id: string } };
};
export const GECKO_ID = manifest.browser_specific_settings.gecko.id;
export const ADDON_VERSION = manifest.version;
/**
 * The add-on's internal UUID, pinned with the pref `extensions.webextensions.uuids` so the tests know
 * its origin (Firefox otherwise picks a random one per profile).
 */
export const UUID = '5e1d7c3a-9b2f-4e61-8a40-7c3b1f2e9d55';
export const ORIGIN = `moz-extension://${UUID}`;

const PREFS = {
  'extensions.webextensions.uuids': JSON.stringify({ [GECKO_ID]: UUID }),
  // A permanent install of the unsigned build (ESR honours this pref; release builds do not).
  'xpinstall.signatures.required': false,
  // The Indonesian UI from firefox-esr-l10n-id; the add-on's i18n follows the browser's locale.
  // SIAR_FIREFOX_LOCALE=en-US starts an English Firefox for looking at the English UI by hand.
  'intl.locale.requested': process.env.SIAR_FIREFOX_LOCALE ?? 'id',
  'browser.shell.checkDefaultBrowser': false,
};

/** A BiDi browsing-context id (puppeteer keeps it on the frame). */
function contextOf(page: Page): string {
  return (page.mainFrame() as unknown as { _id: string })._id;
}

/** Firefox with Siar installed permanently in its own profile, so the add-on survives a restart. */
export class SiarFirefox {
  private constructor(
    readonly browser: Browser,
    readonly profile: string,
  ) {}

  /** Starts Firefox on a new profile and installs the store zip as a permanent add-on. */
  static async start(): Promise<SiarFirefox> {
    const profile = mkdtempSync(join(tmpdir(), 'siar-firefox-'));
    const firefox = new SiarFirefox(await SiarFirefox.launch(profile), profile);
    // BiDi webExtension.install with Firefox's `moz:permanent`: a temporary add-on (puppeteer's
    // installExtension) is removed when the browser quits, and the restart check needs it kept.
    await firefox.send('webExtension.install', { extensionData: { type: 'archivePath', path: ADDON_ZIP }, 'moz:permanent': true });
    return firefox;
  }

  private static launch(profile: string): Promise<Browser> {
    return puppeteer.launch({
      browser: 'firefox',
      executablePath: FIREFOX,
      headless: true,
      // Without it Firefox 153 refuses automation navigation to moz-extension:// and chrome-scope scripts.
      args: ['--remote-allow-system-access', '--profile', profile],
      extraPrefsFirefox: PREFS,
      protocolTimeout: 60_000,
    });
  }

  /** Quits Firefox the normal way and starts it again on the same profile. */
  async restart(): Promise<SiarFirefox> {
    await this.browser.close();
    return new SiarFirefox(await SiarFirefox.launch(this.profile), this.profile);
  }

  async close(): Promise<void> {
    await this.browser.close().catch(() => undefined);
    rmSync(this.profile, { recursive: true, force: true });
  }

  /** A raw WebDriver BiDi command. */
  send(method: string, params: object): Promise<{ result: unknown }> {
    const connection = (this.browser as unknown as { connection: { send(m: string, p: object): Promise<{ result: unknown }> } }).connection;
    return connection.send(method, params);
  }

  /**
   * Opens `url` (an extension path like `/options.html`, or a web URL) in a new tab. BiDi
   * `browsingContext.navigate` directly: puppeteer's `page.goto()` never resolves on moz-extension://.
   */
  async open(url: string): Promise<Page> {
    const page = await this.browser.newPage();
    await this.navigate(page, url);
    return page;
  }

  async navigate(page: Page, url: string): Promise<void> {
    const href = url.startsWith('/') ? `${ORIGIN}${url}` : url;
    await this.send('browsingContext.navigate', { context: contextOf(page), url: href, wait: 'complete' });
  }

  /** Sets a tab's viewport (CSS px); puppeteer's setViewport is not reliable on Firefox ESR. */
  async setViewport(page: Page, width: number, height: number): Promise<void> {
    await this.send('browsingContext.setViewport', { context: contextOf(page), viewport: { width, height } });
  }

  /**
   * Runs `source` (an expression; may be a promise) with chrome privileges in the browser window, and
   * returns its value as JSON. Used to read the browser console and drive native menus.
   */
  async chrome<T>(source: string): Promise<T> {
    const tree = (await this.send('browsingContext.getTree', { 'moz:scope': 'chrome', maxDepth: 0 })) as { result: { contexts: { context: string }[] } };
    const context = tree.result.contexts[0]!.context;
    const reply = (await this.send('script.evaluate', {
      expression: `(async () => JSON.stringify(await (${source})))()`,
      target: { context },
      awaitPromise: true,
    })) as { result: { type: string; result?: { value?: string }; exceptionDetails?: { text: string } } };
    if (reply.result.type !== 'success') throw new Error(`chrome script failed: ${reply.result.exceptionDetails?.text}`);
    const value = reply.result.result?.value;
    return (value === undefined ? undefined : JSON.parse(value)) as T;
  }

  /**
   * Every error and warning the browser console holds about Siar: script errors and CSP reports
   * (nsIScriptError in Services.console), and console.* calls from its pages (ConsoleAPIStorage).
   * This is the only place where the background page's errors can be read.
   */
  consoleProblems(): Promise<string[]> {
    return this.chrome<string[]>(`(() => {
      const origin = ${JSON.stringify(ORIGIN)};
      const out = [];
      for (const m of Services.console.getMessageArray()) {
        if (!(m instanceof Ci.nsIScriptError)) continue;
        const text = m.errorMessage + ' @ ' + m.sourceName + ':' + m.lineNumber;
        // Firefox's note that a page was closed while its runtime message was still unanswered: the
        // tests close pages mid-request (the page is gone, nothing in Siar failed).
        if (m.errorMessage.startsWith('Promise rejected after context unloaded')) continue;
        if (text.includes(origin) || m.sourceName.includes(origin)) out.push((m.flags & Ci.nsIScriptError.warningFlag ? 'warning: ' : 'error: ') + text);
      }
      const storage = Cc['@mozilla.org/consoleAPI-storage;1'].getService(Ci.nsIConsoleAPIStorage);
      for (const e of storage.getEvents()) {
        if (!['error', 'warn', 'assert'].includes(e.level)) continue;
        if (!String(e.filename ?? '').includes(origin) && !String(e.addonId ?? '').includes(${JSON.stringify(GECKO_ID)})) continue;
        out.push('console.' + e.level + ': ' + (e.arguments ?? []).map((a) => String(a)).join(' ') + ' @ ' + e.filename);
      }
      return out;
    })()`);
  }
}
