import { ExtensionPage } from './base';

export class SidePanelPage extends ExtensionPage {
  async ready() {
    await this.page.locator('main.sidepanel').waitFor();
  }
}
