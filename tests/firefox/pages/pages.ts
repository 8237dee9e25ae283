import type { NetworkId } from '../../../utils/networks/ids';
import { FirefoxPage } from './base';

/** The options page. */
export class OptionsPage extends FirefoxPage {
  async ready() {
    await this.waitFor(() => Boolean(document.querySelector('h1')));
  }
}

/** The first-run setup page (opened by the worker when Siar is installed). */
export class SetupPage extends FirefoxPage {
  async ready() {
    await this.waitFor(() => Boolean(document.querySelector('h1')));
  }
}

/** The clipping report page. */
export class ReportPage extends FirefoxPage {
  async ready() {
    await this.waitFor(() => Boolean(document.querySelector('h1')));
  }
}

/** The composer (what the toolbar popup shows), opened in a tab for one web tab. */
export class PopupPage extends FirefoxPage {
  async ready() {
    await this.waitFor(() => Boolean(document.querySelector('main.popup')));
    await this.siarReady();
  }

  setText(text: string) {
    return this.type('[data-testid="composer-text"]', text);
  }

  async count(network: NetworkId): Promise<number> {
    return Number(await this.text(`[data-testid="count-${network}"]`));
  }

  /** The header link that opens the mentions panel (Firefox's sidebar). */
  openMonitoring() {
    return this.click('[data-testid="open-sidepanel"]');
  }
}

/** The mentions panel (side panel in Chromium, sidebar in Firefox), opened in a tab. */
export class SidebarPage extends FirefoxPage {
  async ready() {
    await this.waitFor(() => Boolean(document.querySelector('main.sidepanel')));
    await this.siarReady();
  }

  /** Title and outlet of each rendered row, top to bottom, once rows are shown. */
  rows(): Promise<{ id: number; title: string; outlet: string; starred: boolean }[]> {
    return this.waitFor(() => {
      const items = [...document.querySelectorAll<HTMLElement>('[data-testid="mention-item"]')];
      if (document.querySelector('[data-testid="mention-list"]')?.getAttribute('data-ready') !== 'true' || !items.length) return undefined;
      return items
        .sort((a, b) => a.getBoundingClientRect().top - b.getBoundingClientRect().top)
        .map((el) => ({
          id: Number(el.dataset.mentionId),
          title: el.querySelector('.mention-title')?.textContent ?? '',
          outlet: el.querySelector('.outlet')?.textContent ?? '',
          starred: el.querySelector('[data-testid="mention-star"]')?.getAttribute('aria-pressed') === 'true',
        }));
    });
  }

  star(id: number) {
    return this.click(`[data-testid="mention-item"][data-mention-id="${id}"] [data-testid="mention-star"]`);
  }

  /** Whether the filter row is folded away behind the "Filter" button, and that button is shown. */
  filtersFolded() {
    return this.page.evaluate(() => ({
      rowHidden: getComputedStyle(document.querySelector('.filter-row')!).display === 'none',
      toggleShown: (document.querySelector<HTMLElement>('[data-testid="filters-toggle"]')?.offsetWidth ?? 0) > 0,
    }));
  }

  toggleFilters() {
    return this.click('[data-testid="filters-toggle"]');
  }

  /**
   * How the panel fits its width: horizontal overflow, filter controls outside the panel, whether the
   * watch and source filters share a row, the first row's title (width share, font) and outlet, and any
   * part of a row (title, meta, tone, buttons) cut off by the row's fixed height.
   */
  layout() {
    return this.page.evaluate(() => {
      const width = innerWidth;
      const box = (selector: string) => document.querySelector(selector)!.getBoundingClientRect();
      const controls = [...document.querySelectorAll<HTMLElement>('.filters select, .filters input')];
      const title = document.querySelector<HTMLElement>('[data-testid="mention-item"] .mention-title')!;
      return {
        width,
        overflow: document.documentElement.scrollWidth > width,
        // What sticks out, named so a failure says where.
        wider: [...document.querySelectorAll<HTMLElement>('body *')]
          .filter((el) => el.getBoundingClientRect().right > width + 0.5)
          .map((el) => `${el.tagName.toLowerCase()}.${el.className} ${Math.round(el.getBoundingClientRect().right)}px`),
        controlsOutside: controls
          .filter((el) => el.getBoundingClientRect().left < 0 || el.getBoundingClientRect().right > width)
          .map((el) => el.dataset.testid),
        filtersSideBySide: Math.abs(box('[data-testid="watch-filter"]').top - box('[data-testid="source-filter"]').top) < 2,
        titleShare: title.getBoundingClientRect().width / width,
        titleFontPx: parseFloat(getComputedStyle(title).fontSize),
        outletShown: box('[data-testid="mention-item"] .outlet').right <= box('[data-testid="mention-item"] .mention-meta').right + 0.5,
        // Rows are absolutely placed at a fixed height with overflow hidden: what does not fit is invisible.
        clipped: [...document.querySelectorAll<HTMLElement>('[data-testid="mention-item"]')].flatMap((row) => {
          const bottom = row.getBoundingClientRect().bottom;
          return [...row.querySelectorAll<HTMLElement>('.mention-title, .mention-meta, .mention-side > *')]
            .filter((el) => el.offsetWidth > 0 && el.getBoundingClientRect().bottom > bottom + 0.5)
            .map((el) => `row ${row.dataset.mentionId} ${el.dataset.testid ?? el.className}`);
        }),
      };
    });
  }
}
