import type { Tone } from '../../../utils/db';
import type { StateFilter } from '../../../utils/sidepanel/filters';
import type { SiarBrowser } from '../support/launch';
import { ExtensionPage } from './base';

/** The side panel's real size range: Chrome lets it be 320–400+ px wide; 650 px is a laptop's panel height. */
export const PANEL_SIZE = { width: 360, height: 650 };

/** The side panel page: mention list, filters, triage. */
export class SidePanelPage extends ExtensionPage {
  /** The panel in a viewport of the side panel's real size. */
  static async atPanelSize(siar: SiarBrowser, size = PANEL_SIZE) {
    const page = await siar.context.newPage();
    await page.setViewportSize(size);
    await page.goto(siar.url('sidepanel.html'));
    const panel = new SidePanelPage(page);
    await panel.ready();
    return panel;
  }

  /** True when the element is inside the viewport and nothing scrolls sideways. */
  async inView(testId: string): Promise<boolean> {
    return this.byTestId(testId)
      .first()
      .evaluate((el) => {
        const box = el.getBoundingClientRect();
        return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth;
      });
  }

  async scrollsSideways(): Promise<boolean> {
    return this.page.evaluate(() => document.documentElement.scrollWidth > innerWidth);
  }

  async ready() {
    await this.page.locator('main.sidepanel').waitFor();
    await this.page.waitForFunction(() => performance.getEntriesByName('siar-ready').length > 0);
  }

  /** Waits until the list shows the current filter's rows (not the previous filter's). */
  async settled() {
    await this.page.waitForFunction(() => {
      const list = document.querySelector('[data-testid="mention-list"]');
      const count = document.querySelector('[data-testid="mention-count"]')?.textContent;
      return list?.getAttribute('data-ready') === 'true' && count !== '…';
    });
  }

  items() {
    return this.byTestId('mention-item');
  }

  item(id: number) {
    return this.page.locator(`[data-testid="mention-item"][data-mention-id="${id}"]`);
  }

  /** Ids of the rendered rows, top to bottom. */
  async visibleIds(): Promise<number[]> {
    await this.settled();
    const ids = await this.items().evaluateAll((els) =>
      els
        .map((el) => ({ id: Number(el.getAttribute('data-mention-id')), top: el.getBoundingClientRect().top }))
        .sort((a, b) => a.top - b.top)
        .map((x) => x.id),
    );
    return ids;
  }

  async count(): Promise<number> {
    await this.settled();
    return Number(await this.byTestId('mention-count').textContent());
  }

  /**
   * Types a search and waits until the list shows that search: the input is debounced, so without the
   * wait a following settled() could see the list of the text before and return at once.
   */
  async search(text: string) {
    await this.byTestId('mention-search').fill(text);
    await this.page.waitForFunction((wanted) => {
      const key = document.querySelector('[data-testid="mention-list"]')?.getAttribute('data-filter-key');
      try {
        return (JSON.parse(key ?? '{}') as { text?: string }).text === wanted;
      } catch {
        return false;
      }
    }, text);
  }

  /** At the panel's real width the filters fold behind one toggle (issue 14.12); unfolds them when hidden. */
  async openFilters(testId = 'state-filter') {
    if (await this.byTestId(testId).isVisible()) return;
    await this.byTestId('filters-toggle').click();
    await this.byTestId(testId).waitFor({ state: 'visible' });
  }

  async watch(id: number | undefined) {
    await this.openFilters('watch-filter');
    await this.byTestId('watch-filter').selectOption(id === undefined ? '' : String(id));
  }

  async state(state: StateFilter) {
    await this.openFilters('state-filter');
    await this.byTestId('state-filter').selectOption(state);
  }

  async tone(tone: Tone | '') {
    await this.openFilters('tone-filter');
    await this.byTestId('tone-filter').selectOption(tone);
  }

  async source(kind: string) {
    await this.openFilters('source-filter');
    await this.byTestId('source-filter').selectOption(kind);
  }

  /** Focuses the list row by row with the keyboard until `id` is the active mention. */
  async activate(id: number) {
    await this.item(id).click({ position: { x: 200, y: 60 } });
    await this.page.locator(`[data-testid="mention-detail"][data-mention-id="${id}"]`).waitFor();
  }

  async press(key: string) {
    await this.page.keyboard.press(key);
  }
}
