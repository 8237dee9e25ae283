import { fakeBrowser } from 'wxt/testing/fake-browser';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { PBKDF2_ITERATIONS, deriveKey, newSalt, open, seal } from '../../../utils/secrets/crypto';
import { deviceKey } from '../../../utils/secrets/device-key';
import {
  DeviceKeyLostError,
  LockedError,
  WrongPassphraseError,
  disableLock,
  enableLock,
  loadAccounts,
  lockNow,
  lockState,
  unlock,
  updateAccounts,
} from '../../../utils/secrets/store';

const ACCOUNTS = { telegram: { botToken: '7000000001:AASecretBotToken', chatId: '@humasprov' } };
const PASSPHRASE = 'kopi tubruk di balai kota';

beforeEach(() => fakeBrowser.reset());
// Each passphrase check is 600,000 PBKDF2 rounds by design; on a busy 2-core machine a few take seconds.
vi.setConfig({ testTimeout: 30_000 });

describe('sealing', () => {
  it('round-trips with the right passphrase and refuses a wrong one', async () => {
    const salt = newSalt();
    const sealed = await seal(await deriveKey(PASSPHRASE, salt), salt, ACCOUNTS);
    expect(sealed.iterations).toBeGreaterThanOrEqual(600_000);
    expect(JSON.stringify(sealed)).not.toContain('SecretBotToken');
    await expect(open(await deriveKey(PASSPHRASE, salt), sealed)).resolves.toEqual(ACCOUNTS);
    await expect(open(await deriveKey('tebakan yang salah', salt), sealed)).rejects.toThrow(/decrypt|operation/i);
  });

  it('uses a fresh salt and IV every time', async () => {
    const salt = newSalt();
    const key = await deriveKey(PASSPHRASE, salt, PBKDF2_ITERATIONS);
    const [a, b] = [await seal(key, salt, ACCOUNTS), await seal(key, salt, ACCOUNTS)];
    expect(a.iv).not.toBe(b.iv);
    expect(a.data).not.toBe(b.data);
    expect(newSalt()).not.toEqual(newSalt());
  });
});

describe('account store with the passphrase lock', () => {
  it('keeps only ciphertext in storage.local, and the key only until the officer locks', async () => {
    await updateAccounts(() => ACCOUNTS);
    await enableLock(PASSPHRASE);
    const local = JSON.stringify(await fakeBrowser.storage.local.get(null));
    expect(local).not.toContain('SecretBotToken');
    expect(await lockState()).toEqual({ enabled: true, unlocked: true, exposed: [] });
    await expect(loadAccounts()).resolves.toEqual(ACCOUNTS);

    await lockNow();
    expect(await lockState()).toEqual({ enabled: true, unlocked: false, exposed: [] });
    await expect(loadAccounts()).rejects.toBeInstanceOf(LockedError);
    await expect(updateAccounts((a) => a)).rejects.toBeInstanceOf(LockedError);
    await expect(unlock('frasa yang keliru')).rejects.toBeInstanceOf(WrongPassphraseError);

    await unlock(PASSPHRASE);
    await updateAccounts((a) => ({ ...a, telegram: { ...a.telegram!, name: 'Humas Provinsi' } }));
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('SecretBotToken');
    await expect(loadAccounts()).resolves.toMatchObject({ telegram: { name: 'Humas Provinsi' } });

    await disableLock(PASSPHRASE);
    expect(await lockState()).toEqual({ enabled: false, unlocked: true, exposed: [] });
    // Off again: sealed with a new device key, never plain.
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('SecretBotToken');
    await expect(loadAccounts()).resolves.toMatchObject({ telegram: { botToken: ACCOUNTS.telegram.botToken } });
  });

  it('keeps concurrent changes: a token refresh and an edit both land', async () => {
    await updateAccounts(() => ACCOUNTS);
    await Promise.all([
      updateAccounts((a) => ({ ...a, telegram: { ...a.telegram!, name: 'A' } })),
      updateAccounts((a) => ({ ...a, bluesky: { service: 'https://bsky.social', handle: 'humas.go.id', appPassword: 'abcd-efgh-ijkl-mnop' } })),
    ]);
    await expect(loadAccounts()).resolves.toMatchObject({ telegram: { name: 'A' }, bluesky: { handle: 'humas.go.id' } });
  });
});

describe('account store without the lock (issue 13.1)', () => {
  it('never writes a token to storage.local in plain text, even with no lock', async () => {
    await updateAccounts(() => ACCOUNTS);
    const local = await fakeBrowser.storage.local.get(null);
    expect(JSON.stringify(local)).not.toContain('SecretBotToken');
    expect(local).toMatchObject({ accounts: {}, deviceSealedAccounts: { v: 1 } });
    await expect(loadAccounts()).resolves.toEqual(ACCOUNTS);
  });

  it('shreds the device key when the lock is turned on, so earlier device-sealed copies cannot be opened', async () => {
    await updateAccounts(() => ACCOUNTS);
    const earlier = (await fakeBrowser.storage.local.get('deviceSealedAccounts')).deviceSealedAccounts as { iv: string; data: string };
    const key = (await deviceKey(false))!;
    await expect(open(key, earlier)).resolves.toEqual(ACCOUNTS);
    await enableLock(PASSPHRASE);
    expect(await deviceKey(false)).toBeUndefined();
    expect((await fakeBrowser.storage.local.get('deviceSealedAccounts')).deviceSealedAccounts ?? null).toBeNull();
    // Unlocking or turning the lock off later makes a new key; the earlier copy stays unreadable.
    await disableLock(PASSPHRASE);
    await expect(open((await deviceKey(false))!, earlier)).rejects.toThrow(/decrypt|operation/i);
  });

  it('seals plain accounts an earlier Siar stored, and names their networks as exposed', async () => {
    await fakeBrowser.storage.local.set({ accounts: ACCOUNTS });
    await expect(loadAccounts()).resolves.toEqual(ACCOUNTS);
    expect(JSON.stringify(await fakeBrowser.storage.local.get(null))).not.toContain('SecretBotToken');
    expect(await lockState()).toEqual({ enabled: false, unlocked: true, exposed: ['telegram'] });
  });

  it('says the device key is lost instead of guessing when its ciphertext outlives it', async () => {
    await updateAccounts(() => ACCOUNTS);
    await fakeBrowser.storage.local.remove('deviceKeyFallback');
    await expect(loadAccounts()).rejects.toBeInstanceOf(DeviceKeyLostError);
  });
});
