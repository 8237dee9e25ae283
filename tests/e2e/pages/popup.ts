import type { NetworkId } from '../../../utils/networks/ids';
import type { SiarBrowser } from '../support/launch';
import { ExtensionPage } from './base';

/** The composer, opened as a page for one tab (what the toolbar popup shows for that tab). */
export class PopupPage extends ExtensionPage {
  static async forTab(siar: SiarBrowser, tabId: number) {
    return PopupPage.openIn(siar, `popup.html?tabId=${tabId}`);
  }

  async ready() {
    await this.page.locator('main.popup').waitFor();
    await this.page.evaluate(() => new Promise<void>((resolve) => {
      const check = () => (performance.getEntriesByName('siar-ready').length ? resolve() : setTimeout(check, 20));
      check();
    }));
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

  intentHref(name: string) {
    return this.byTestId(`intent-${name}`).getAttribute('href');
  }
}
