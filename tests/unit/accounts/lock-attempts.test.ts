import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { audited } from '../../../utils/accounts/service';
import { db } from '../../../utils/db';
import { LockThrottledError, lockoutMs } from '../../../utils/secrets/attempts';
import { WrongPassphraseError, enableLock, lockNow, unlock, updateAccounts } from '../../../utils/secrets/store';

const PASSPHRASE = 'kopi tubruk di balai kota';
// Each passphrase check is 600,000 PBKDF2 rounds by design; on a busy machine a few take seconds.
vi.setConfig({ testTimeout: 60_000 });

beforeEach(async () => {
  fakeBrowser.reset();
  await db.audit.clear();
});

describe('wrong passphrases (issue 13.9)', () => {
  it.each([
    [0, 0],
    [4, 0],
    [5, 30_000],
    [6, 60_000],
    [7, 120_000],
    [10, 900_000],
    [50, 900_000],
  ])('after %i wrong ones, waits %i ms', (failures, wait) => {
    expect(lockoutMs(failures)).toBe(wait);
  });

  it('counts wrong ones, records each in the audit log, and refuses even the right one while throttled', async () => {
    await updateAccounts(() => ({ telegram: { botToken: '7000000001:AASecret', chatId: '@humasprov' } }));
    await enableLock(PASSPHRASE);
    await lockNow();
    await expect(audited(() => unlock('tebakan pertama'))).rejects.toMatchObject({ failures: 1 });
    await expect(audited(() => unlock('tebakan kedua!'))).rejects.toBeInstanceOf(WrongPassphraseError);
    expect((await db.audit.toArray()).map((row) => [row.event, row.result])).toEqual([
      ['lock-wrong-passphrase', 'attempt 1'],
      ['lock-wrong-passphrase', 'attempt 2'],
    ]);
    // Five in a row (the rest typed just now): the right passphrase must wait too.
    await fakeBrowser.storage.local.set({ lockFailures: { count: 5, lastAt: Date.now() } });
    await expect(unlock(PASSPHRASE)).rejects.toBeInstanceOf(LockThrottledError);
    // Once the wait is over it opens, and the count starts again.
    await fakeBrowser.storage.local.set({ lockFailures: { count: 5, lastAt: Date.now() - 31_000 } });
    await expect(unlock(PASSPHRASE)).resolves.toMatchObject({ telegram: { chatId: '@humasprov' } });
    expect((await fakeBrowser.storage.local.get('lockFailures')).lockFailures).toEqual({ count: 0, lastAt: 0 });
  });
});

describe('exports and the lock (issue 13.9)', () => {
  it('exports without secrets while locked, and with secrets only after the passphrase again', async () => {
    const { settingsFileHandlers } = await import('../../../utils/settings-file/service');
    const exportFile = (request: { includeSecrets: boolean; passphrase?: string }) => settingsFileHandlers.settingsExport(request, {});
    await updateAccounts(() => ({ telegram: { botToken: '7000000001:AASecret', chatId: '@humasprov' } }));
    await enableLock(PASSPHRASE);
    await lockNow();
    const plain = JSON.parse((await exportFile({ includeSecrets: false })).json);
    expect(plain.accounts).toEqual({ telegram: { chatId: '@humasprov' } });
    await expect(exportFile({ includeSecrets: true })).rejects.toMatchObject({ messageKey: 'exportNeedsPassphrase' });
    await expect(exportFile({ includeSecrets: true, passphrase: 'bukan frasa ini' })).rejects.toBeInstanceOf(WrongPassphraseError);
    const full = JSON.parse((await exportFile({ includeSecrets: true, passphrase: PASSPHRASE })).json);
    expect(full.accounts.telegram.botToken).toBe('7000000001:AASecret');
  });
});
