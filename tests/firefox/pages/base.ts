import type { Page } from 'puppeteer-core';
import type { SiarFirefox } from '../support/firefox';

/**
 * The type of a page's `browser` global (Firefox's own WebExtension API). Evaluated functions are sent
 * as source, so they reach it as `(globalThis as unknown as { browser: Ext }).browser` themselves.
 */
export type Ext = import('webextension-polyfill').Browser;

/**
 * Common ground of the Firefox page objects: an extension page in a tab. Everything is evaluated in
 * the page's main world and input goes through page.mouse/page.keyboard: puppeteer's selector helpers
 * run in a sandbox that Firefox blocks on moz-extension:// pages (../shared/TOOLCHAIN.md).
 */
export abstract class FirefoxPage {
  constructor(
    readonly firefox: SiarFirefox,
    readonly page: Page,
  ) {}

  static async openIn<T extends FirefoxPage>(this: new (firefox: SiarFirefox, page: Page) => T, firefox: SiarFirefox, path: string): Promise<T> {
    const object = new this(firefox, await firefox.open(path));
    await object.ready();
    return object;
  }

  abstract ready(): Promise<void>;

  /** Waits until `check` (evaluated in the page) returns something truthy, and returns it. */
  async waitFor<T, A>(check: (arg: A) => T | Promise<T>, arg?: A, timeoutMs = 15_000): Promise<NonNullable<T>> {
    const end = Date.now() + timeoutMs;
    for (;;) {
      const value = await this.page.evaluate(check as (arg: unknown) => T, arg);
      if (value) return value as NonNullable<T>;
      if (Date.now() > end) throw new Error(`timed out waiting for ${check.toString().slice(0, 200)}`);
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }

  /** Waits for the page's `siar-ready` mark (components/common/mount.tsx). */
  async siarReady() {
    await this.waitFor(() => performance.getEntriesByName('siar-ready').length > 0);
  }

  title(): Promise<string> {
    return this.page.evaluate(() => document.title);
  }

  text(selector: string): Promise<string | undefined> {
    return this.page.evaluate((s) => document.querySelector(s)?.textContent ?? undefined, selector);
  }

  /** A real (trusted) mouse click in the middle of the first element matching `selector`. */
  async click(selector: string) {
    const box = await this.waitFor((s) => {
      const el = document.querySelector(s);
      if (!el) return undefined;
      el.scrollIntoView({ block: 'center' });
      const r = el.getBoundingClientRect();
      return r.width > 0 ? { x: r.left + r.width / 2, y: r.top + r.height / 2 } : undefined;
    }, selector);
    await this.page.mouse.click(box.x, box.y);
  }

  /** Replaces the text of a field with `text`, typed key by key. */
  async type(selector: string, text: string) {
    await this.page.evaluate((s) => {
      const el = document.querySelector<HTMLInputElement | HTMLTextAreaElement>(s)!;
      el.focus();
      el.select();
    }, selector);
    await this.page.keyboard.press('Backspace');
    await this.page.keyboard.type(text);
  }

  async reload() {
    await this.firefox.navigate(this.page, await this.page.evaluate(() => location.href));
    await this.ready();
  }

  close() {
    return this.page.close();
  }
}
