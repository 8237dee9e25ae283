import { browser } from '#imports';
import { SETTINGS, readSetting, writeSetting } from '../settings';
import { exportKey, importKey } from './crypto';

// The device key seals the accounts while the passphrase lock is off, so no token is ever written to
// storage.local in plain text. storage.local is a LevelDB: an overwritten value stays readable in its
// .log/.ldb files until LevelDB compacts (measured in Chromium 156: a replaced token was still in
// 000003.log after two restarts). Deleting a file is immediate, so the key lives in a file of the
// origin private file system (OPFS): turning the lock on deletes that file, and every ciphertext the
// key made (including removed accounts' tokens left in the log) becomes unreadable — crypto-shredding.
// Where OPFS is missing (older browsers) the key falls back to storage.local, which hides tokens from a
// casual look but cannot be shredded; `deviceKeyPlace()` says which one is in use.

const FILE_NAME = 'siar-device-key';

interface Vault {
  read(): Promise<string | undefined>;
  write(raw: string): Promise<void>;
  destroy(): Promise<void>;
}

type OpfsRoot = FileSystemDirectoryHandle & { getFileHandle(name: string, options?: { create?: boolean }): Promise<FileSystemFileHandle> };
type Writable = { write(data: string): Promise<void>; close(): Promise<void> };

function opfsRoot(): Promise<OpfsRoot> | undefined {
  const storage = (globalThis.navigator as Navigator | undefined)?.storage;
  return typeof storage?.getDirectory === 'function' ? (storage.getDirectory() as Promise<OpfsRoot>) : undefined;
}

const opfsVault = (root: Promise<OpfsRoot>): Vault => ({
  async read() {
    try {
      const handle = await (await root).getFileHandle(FILE_NAME);
      const text = await (await handle.getFile()).text();
      return text || undefined;
    } catch {
      return undefined; // NotFoundError: no key yet (or it was shredded).
    }
  },
  async write(raw) {
    const handle = await (await root).getFileHandle(FILE_NAME, { create: true });
    const writable = await (handle as unknown as { createWritable(): Promise<Writable> }).createWritable();
    await writable.write(raw);
    await writable.close();
  },
  async destroy() {
    try {
      await (await root).removeEntry(FILE_NAME);
    } catch {
      // Already gone.
    }
  },
});

const storageVault: Vault = {
  read: async () => (await readSetting(SETTINGS.deviceKeyFallback)) ?? undefined,
  write: async (raw) => {
    await writeSetting(SETTINGS.deviceKeyFallback, raw);
  },
  destroy: () => browser.storage.local.remove(SETTINGS.deviceKeyFallback.key),
};

let vault: Vault | undefined;
function currentVault(): Vault {
  const root = opfsRoot();
  vault ??= root ? opfsVault(root) : storageVault;
  return vault;
}

/** 'file' when the key sits in a deletable OPFS file (shreddable), 'storage' on the fallback. */
export function deviceKeyPlace(): 'file' | 'storage' {
  return currentVault() === storageVault ? 'storage' : 'file';
}

/**
 * The AES-256-GCM device key; with `create`, makes and stores one when none exists.
 * Returns undefined when there is none (never created, or shredded by the lock).
 */
export async function deviceKey(create: boolean): Promise<CryptoKey | undefined> {
  // Read each time rather than cached: a shred in another context must take effect at once.
  const stored = await currentVault().read();
  if (stored) return importKey(stored);
  if (!create) return undefined;
  const key = await crypto.subtle.generateKey({ name: 'AES-GCM', length: 256 }, true, ['encrypt', 'decrypt']);
  await currentVault().write(await exportKey(key));
  return key;
}

/** Deletes the device key for good: what it sealed can no longer be opened by anyone. */
export async function shredDeviceKey(): Promise<void> {
  await currentVault().destroy();
  await storageVault.destroy();
}
