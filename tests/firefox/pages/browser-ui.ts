import type { Page } from 'puppeteer-core';
import type { SiarFirefox } from '../support/firefox';
import type { Ext, FirefoxPage } from './base';

/** A web page in a tab, where the officer selects text and right-clicks. */
export class ArticleTab {
  constructor(
    readonly firefox: SiarFirefox,
    readonly page: Page,
  ) {}

  static async open(firefox: SiarFirefox, url: string) {
    const page = await firefox.open(url);
    await page.bringToFront();
    return new ArticleTab(firefox, page);
  }

  /** Selects the text of `#quote` and right-clicks on it with the real mouse. */
  async rightClickQuote() {
    const at = await this.page.evaluate(() => {
      const el = document.getElementById('quote')!;
      const range = document.createRange();
      range.selectNodeContents(el);
      getSelection()!.removeAllRanges();
      getSelection()!.addRange(range);
      const r = el.getBoundingClientRect();
      return { x: r.left + 40, y: r.top + r.height / 2 };
    });
    await this.page.mouse.click(at.x, at.y, { button: 'right' });
  }
}

/**
 * Firefox's own page context menu (`#contentAreaContextMenu` in browser.xhtml), read and driven with
 * chrome privileges: a headless test has no other way to reach a native menu.
 */
export class ContentMenu {
  constructor(readonly firefox: SiarFirefox) {}

  /** Labels of the visible items once the menu is open. */
  labels(): Promise<string[]> {
    return this.firefox.chrome<string[]>(`new Promise((resolve, reject) => {
      const menu = document.getElementById('contentAreaContextMenu');
      const read = () => resolve([...menu.querySelectorAll('menuitem')].filter((i) => !i.hidden && i.label).map((i) => i.label));
      if (menu.state === 'open') read();
      else menu.addEventListener('popupshown', read, { once: true });
      setTimeout(() => reject(new Error('context menu did not open: ' + menu.state)), 10000);
    })`);
  }

  /** Activates the item labelled `label` as a user would (XULPopupElement.activateItem). */
  async choose(label: string) {
    const found = await this.firefox.chrome<boolean>(`(() => {
      const menu = document.getElementById('contentAreaContextMenu');
      const item = [...menu.querySelectorAll('menuitem')].find((i) => !i.hidden && i.label === ${JSON.stringify(label)});
      if (item) menu.activateItem(item);
      return Boolean(item);
    })()`);
    if (!found) throw new Error(`no menu item "${label}"`);
  }
}

/** What an extension page sees of the popup and sidebar views (runtime views of the same add-on). */
export class ExtensionViews {
  /** `probe`: any Siar page in a tab; extension views share its process and are readable from it. */
  constructor(readonly probe: FirefoxPage) {}

  /** The open toolbar popup's URL and visible text, once it has rendered its composer. */
  popup(): Promise<{ url: string; text: string; composer: string }> {
    return this.probe.waitFor(() => {
      const view = (globalThis as unknown as { browser: Ext }).browser.extension.getViews({ type: 'popup' })[0];
      const doc = view?.document;
      if (!doc?.querySelector('main.popup') || !view!.performance.getEntriesByName('siar-ready').length) return undefined;
      return {
        url: view!.location.href,
        text: doc.body.innerText,
        composer: doc.querySelector<HTMLTextAreaElement>('[data-testid="composer-text"]')?.value ?? '',
      };
    });
  }

  /** The open sidebar's URL, width, and mention titles, once its list shows rows. */
  sidebar(): Promise<{ url: string; width: number; titles: string[] }> {
    return this.probe.waitFor(() => {
      const view = (globalThis as unknown as { browser: Ext }).browser.extension.getViews({ type: 'sidebar' })[0];
      const items = [...(view?.document.querySelectorAll('[data-testid="mention-item"] .mention-title') ?? [])];
      if (!items.length) return undefined;
      return { url: view!.location.href, width: view!.innerWidth, titles: items.map((el) => el.textContent ?? '') };
    });
  }

  sidebarOpen(): Promise<boolean> {
    return this.probe.page.evaluate(() => (globalThis as unknown as { browser: Ext }).browser.sidebarAction.isOpen({}));
  }
}
