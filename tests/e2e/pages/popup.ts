import { ExtensionPage } from './base';

export class PopupPage extends ExtensionPage {
  async ready() {
    await this.page.locator('main.popup').waitFor();
  }
}
