import { ExtensionPage } from './base';

export class OptionsPage extends ExtensionPage {
  async ready() {
    await this.page.locator('main.options').waitFor();
  }
}
