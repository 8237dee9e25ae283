import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BLUESKY_ACCOUNT, createBlueskyFake } from '../fakes/bluesky';
import { startFakeServer, type FakeServer } from '../fakes/https-server';
import { TELEGRAM_ACCOUNT, createTelegramFake } from '../fakes/telegram';
import { OptionsPage } from './pages/options';
import { filesContaining } from './support/disk';
import { launchSiar, type SiarBrowser } from './support/launch';
import { message } from './support/locales';
import { storageGet, storageSet } from './support/worker';

// Issue 13.1: after the lock is turned on, no token stored before may be readable anywhere in the
// profile folder (storage.local is a LevelDB that keeps replaced values in its log; see TOOLCHAIN.md).
const PASSPHRASE = 'kopi tubruk di balai kota';

let fakes: FakeServer;
const telegram = createTelegramFake();
const bluesky = createBlueskyFake();

beforeAll(async () => {
  fakes = await startFakeServer([telegram, bluesky]);
});
afterAll(async () => {
  await fakes.close();
});

/** Stops the browser and starts it again on the same profile, as after a restart of the office PC. */
async function restart(siar: SiarBrowser): Promise<SiarBrowser> {
  await siar.close({ keepProfile: true });
  return launchSiar({ userDataDir: siar.userDataDir, hostRules: fakes.hostRules() });
}

describe('passphrase lock on disk', () => {
  it('connect → remove → connect → lock → restart: no token is anywhere in the profile folder', async () => {
    telegram.membership = { status: 'administrator', can_post_messages: true };
    let siar = await launchSiar({ hostRules: fakes.hostRules() });
    try {
      const options = await OptionsPage.openIn(siar, 'options.html');
      await options.fillAccount('telegram', TELEGRAM_ACCOUNT);
      await options.connect('telegram');
      await expect.poll(() => options.accountStatus('telegram'), { timeout: 20_000 }).toContain('Humas Provinsi');
      // A removed account's token must not survive either.
      await options.removeAccount('telegram');
      await options.fillAccount('bluesky', { handle: BLUESKY_ACCOUNT.handle, appPassword: BLUESKY_ACCOUNT.appPassword });
      await options.connect('bluesky');
      await expect.poll(() => options.accountStatus('bluesky'), { timeout: 20_000 }).toContain(BLUESKY_ACCOUNT.handle);
      const { deviceSealedAccounts } = await storageGet(siar.worker, ['deviceSealedAccounts']);
      expect(deviceSealedAccounts).toMatchObject({ v: 1 });
      await options.enableLock(PASSPHRASE);
      expect(await options.byTestId('lock-exposed').count()).toBe(0);
      await options.page.close();

      siar = await restart(siar);
      const secrets = [TELEGRAM_ACCOUNT.botToken, BLUESKY_ACCOUNT.appPassword, 'bsky-access-', 'bsky-refresh-'];
      for (const secret of secrets) expect({ secret, files: filesContaining(siar.userDataDir, secret) }).toEqual({ secret, files: [] });

      // Still usable: the passphrase opens the accounts after the restart.
      const again = await OptionsPage.openIn(siar, 'options.html');
      await again.setPassphraseFields(PASSPHRASE);
      await again.byTestId('lock-unlock').click();
      await expect.poll(() => again.byTestId('lock-section').getAttribute('data-state'), { timeout: 30_000 }).toBe('lockStateUnlocked');
      await again.byTestId('account-bluesky-test').click();
      await expect.poll(() => again.accountMessage('bluesky'), { timeout: 20_000 }).toContain(message('id', 'accountTestOk').split('$NAME$')[0]);
      expect(siar.errors).toEqual([]);
    } finally {
      await siar.close();
    }
  });

  it('tokens an earlier Siar stored in plain text: sealed at once, compaction asked for at lock, and named for regeneration', async () => {
    let siar = await launchSiar({ hostRules: fakes.hostRules() });
    try {
      // What Siar before 0.2 wrote: the account JSON in plain text under `accounts`.
      await storageSet(siar.worker, { accounts: { telegram: TELEGRAM_ACCOUNT }, accountSummaries: { telegram: { name: 'Humas Provinsi' } } });
      const options = await OptionsPage.openIn(siar, 'options.html');
      await options.enableLock(PASSPHRASE);
      await expect
        .poll(() => options.byTestId('lock-exposed').textContent())
        .toContain(message('id', 'lockExposed').replace('$NETWORKS$', message('id', 'networkTelegram')));
      await options.page.close();

      siar = await restart(siar);
      // The throw-away writes at lock time make LevelDB compact the old plain copy away most of the time,
      // but compaction is LevelDB's choice, not Siar's (one of three clean-clone runs still found it in
      // 000003.log): that is exactly why the officer is told to regenerate the token. What is guaranteed is
      // that nothing readable is left under the storage API and that the notice names the token.
      expect(JSON.stringify(await siar.worker.evaluate(() => chrome.storage.local.get(null)))).not.toContain(TELEGRAM_ACCOUNT.botToken);
      // The notice stays until the officer says the token was regenerated.
      const again = await OptionsPage.openIn(siar, 'options.html');
      await again.byTestId('lock-exposed-dismiss').click();
      await expect.poll(() => again.byTestId('lock-exposed').count()).toBe(0);
      expect(siar.errors).toEqual([]);
    } finally {
      await siar.close();
    }
  });
});
