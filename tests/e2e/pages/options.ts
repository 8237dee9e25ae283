import { readFileSync } from 'node:fs';
import type { NetworkId } from '../../../utils/networks/ids';
import { ExtensionPage } from './base';

export class OptionsPage extends ExtensionPage {
  async ready() {
    await this.page.locator('main.options').waitFor();
  }

  /** The `account-<networkId>` section of the accounts list. */
  account(network: NetworkId) {
    return this.byTestId(`account-${network}`);
  }

  async fillAccount(network: NetworkId, values: Record<string, string>) {
    await this.account(network).waitFor();
    for (const [key, value] of Object.entries(values)) await this.byTestId(`account-${network}-${key}`).fill(value);
  }

  async connect(network: NetworkId) {
    await this.byTestId(`account-${network}-connect`).click();
  }

  accountStatus(network: NetworkId) {
    return this.byTestId(`account-${network}-status`).textContent();
  }

  /** The sentence shown under a network after connect/test/disconnect, or '' when none yet. */
  async accountMessage(network: NetworkId): Promise<string> {
    const notice = this.byTestId(`account-${network}-message`);
    return (await notice.count()) ? ((await notice.textContent()) ?? '') : '';
  }

  /** Clicks export and returns the downloaded file's text. */
  async exportSettings(options: { includeSecrets?: boolean } = {}): Promise<string> {
    if (options.includeSecrets) {
      // Ticking only asks; the box is ticked once the officer confirms the warning.
      await this.byTestId('export-include-secrets').click();
      await this.byTestId('export-secrets-confirm').click();
    }
    const [file] = await Promise.all([this.page.waitForEvent('download'), this.byTestId('settings-export').click()]);
    return readFileSync((await file.path())!, 'utf8');
  }

  /** Chooses a settings file; the preview (or the problem) appears next. */
  async chooseImport(name: string, text: string) {
    await this.byTestId('settings-import').setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
  }

  async setPassphraseFields(passphrase: string, repeat = passphrase) {
    await this.byTestId('lock-passphrase').fill(passphrase);
    const second = this.byTestId('lock-passphrase-repeat');
    if (await second.count()) await second.fill(repeat);
  }

  async removeAccount(network: NetworkId) {
    await this.byTestId(`account-${network}-remove`).click();
    await this.account(network).and(this.page.locator('[data-connected="false"]')).waitFor();
  }

  /** Turns the passphrase lock on and waits until it is on (sealing and shredding done). */
  async enableLock(passphrase: string) {
    await this.setPassphraseFields(passphrase);
    await this.byTestId('lock-enable').click();
    await this.page.locator('[data-testid="lock-section"][data-state="lockStateUnlocked"]').waitFor({ timeout: 60_000 });
  }
}
