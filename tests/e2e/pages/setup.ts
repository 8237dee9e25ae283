import type { SetupStep } from '../../../utils/setup';
import { ExtensionPage } from './base';

/** The first-run set-up page (setup.html). */
export class SetupPage extends ExtensionPage {
  async ready() {
    await this.page.locator('main.setup').waitFor();
  }

  step(name: SetupStep) {
    return this.byTestId(`setup-step-${name}`);
  }

  async currentStep(): Promise<string | null> {
    const id = await this.page.locator('[data-testid^="setup-step-"]').getAttribute('data-testid');
    return id?.replace('setup-step-', '') ?? null;
  }

  async skip() {
    await this.byTestId('setup-skip').click();
  }

  async saveAndContinue() {
    await this.byTestId('setup-save').click();
  }
}
