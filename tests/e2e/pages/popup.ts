import type { NetworkId } from '../../../utils/networks/ids';
import type { SiarBrowser } from '../support/launch';
import { ExtensionPage } from './base';

/** The toolbar popup's real size in Chromium (the composer's own width; Chromium caps popups at 600 px high). */
export const POPUP_SIZE = { width: 440, height: 600 };

/** The composer, opened as a page for one tab (what the toolbar popup shows for that tab). */
export class PopupPage extends ExtensionPage {
  static async forTab(siar: SiarBrowser, tabId: number) {
    return PopupPage.openIn(siar, `popup.html?tabId=${tabId}`);
  }

  /** The composer in a viewport of the popup's real size, so "visible without scrolling" means what it says. */
  static async atPopupSize(siar: SiarBrowser, path: string) {
    const page = await siar.context.newPage();
    await page.setViewportSize(POPUP_SIZE);
    await page.goto(siar.url(path));
    const popup = new PopupPage(page);
    await popup.ready();
    return popup;
  }

  /** True when the element is entirely inside the viewport without scrolling the page or the form. */
  async inView(testId: string): Promise<boolean> {
    return this.byTestId(testId).evaluate((el) => {
      const box = el.getBoundingClientRect();
      const visible = (node: Element | null): boolean => {
        for (let at = node?.parentElement; at; at = at.parentElement) {
          const outer = at.getBoundingClientRect();
          const clips = getComputedStyle(at).overflowY !== 'visible';
          if (clips && (box.top < outer.top || box.bottom > outer.bottom)) return false;
        }
        return true;
      };
      return box.height > 0 && box.top >= 0 && box.bottom <= innerHeight && box.left >= 0 && box.right <= innerWidth && visible(el);
    });
  }

  async openShareLinks() {
    if ((await this.byTestId('share-toggle').getAttribute('aria-expanded')) !== 'true') await this.byTestId('share-toggle').click();
  }

  async linkState(network: NetworkId) {
    return this.byTestId(`link-${network}`).getAttribute('data-link');
  }

  async ready() {
    await this.page.locator('main.popup').waitFor();
    await this.page.evaluate(
      () =>
        new Promise<void>((resolve) => {
          const check = () => (performance.getEntriesByName('siar-ready').length ? resolve() : setTimeout(check, 20));
          check();
        }),
    );
  }

  text() {
    return this.byTestId('composer-text').inputValue();
  }

  async setText(text: string) {
    await this.byTestId('composer-text').fill(text);
  }

  async count(network: NetworkId): Promise<number> {
    return Number(await this.byTestId(`count-${network}`).textContent());
  }

  async isOver(network: NetworkId): Promise<boolean> {
    return (await this.byTestId(`count-${network}`).locator('..').getAttribute('class'))?.includes('over') ?? false;
  }

  async setTarget(network: NetworkId, on: boolean) {
    await this.byTestId(`target-${network}`).setChecked(on);
  }

  async publish() {
    await this.byTestId('publish').click();
  }

  result(network: NetworkId) {
    return this.byTestId(`result-${network}`);
  }

  /** The sentence on a sent delivery that went out differently than written (without its page image). */
  notice(network: NetworkId) {
    return this.byTestId(`result-notice-${network}`);
  }

  async intentHref(name: string) {
    await this.openShareLinks();
    return this.byTestId(`intent-${name}`).getAttribute('href');
  }
}
