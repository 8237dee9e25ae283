import { browser } from '#imports';
import { AuthError, SiarError } from '../errors';
import { accountsSchema, type Accounts } from '../networks/accounts';
import { SETTINGS, readSetting, writeSetting } from '../settings';
import { deriveKey, exportKey, importKey, newSalt, open, saltOf, seal } from './crypto';

// The one door to stored accounts. Without a lock they sit in storage.local `accounts`; with the lock
// on, storage.local holds only `sealedAccounts` (AES-GCM) and the unlocked key lives in
// storage.session, which survives worker restarts but not the browser, so the queue keeps posting
// until the browser closes or the officer locks again.

const SESSION_KEY = 'siarUnlockedKey';

/** Publishing or changing accounts while locked: the officer must unlock first. */
export class LockedError extends AuthError {
  override readonly messageKey = 'errorLocked';
}

export class WrongPassphraseError extends SiarError {
  constructor() {
    super('auth', 'lockWrongPassphrase', 'wrong passphrase');
  }
}

export interface LockState { enabled: boolean; unlocked: boolean }

async function sessionKey(): Promise<CryptoKey | undefined> {
  const stored = await browser.storage.session.get(SESSION_KEY);
  const raw = stored[SESSION_KEY];
  if (typeof raw !== 'string') return undefined;
  try {
    return await importKey(raw);
  } catch {
    return undefined;
  }
}

export async function lockState(): Promise<LockState> {
  const sealed = await readSetting(SETTINGS.sealedAccounts);
  return { enabled: sealed !== null, unlocked: sealed === null || (await sessionKey()) !== undefined };
}

export async function loadAccounts(): Promise<Accounts> {
  const sealed = await readSetting(SETTINGS.sealedAccounts);
  if (!sealed) return readSetting(SETTINGS.accounts);
  const key = await sessionKey();
  if (!key) throw new LockedError('locked');
  try {
    return accountsSchema.parse(await open(key, sealed));
  } catch {
    // A key from an earlier lock (passphrase changed in another window): treat as locked, never guess.
    throw new LockedError('key does not open the stored accounts');
  }
}

async function store(accounts: Accounts): Promise<Accounts> {
  const valid = accountsSchema.parse(accounts);
  const sealed = await readSetting(SETTINGS.sealedAccounts);
  if (!sealed) return writeSetting(SETTINGS.accounts, valid);
  const key = await sessionKey();
  if (!key) throw new LockedError('locked');
  await writeSetting(SETTINGS.sealedAccounts, await seal(key, saltOf(sealed), valid, sealed.iterations));
  return valid;
}

let chain: Promise<unknown> = Promise.resolve();

/** Read-change-write, one at a time, so a token refresh and an officer's edit cannot overwrite each other. */
export function updateAccounts(change: (current: Accounts) => Accounts): Promise<Accounts> {
  const next = chain.then(async () => store(change(await loadAccounts())));
  chain = next.catch(() => undefined);
  return next;
}

export async function enableLock(passphrase: string): Promise<void> {
  if (await readSetting(SETTINGS.sealedAccounts)) throw new SiarError('content', 'lockAlreadyOn', 'already locked');
  const salt = newSalt();
  const key = await deriveKey(passphrase, salt);
  const accounts = await readSetting(SETTINGS.accounts);
  const sealed = await seal(key, salt, accounts);
  await browser.storage.session.set({ [SESSION_KEY]: await exportKey(key) });
  // One set() call: the plain copy and the ciphertext swap together.
  await browser.storage.local.set({ [SETTINGS.sealedAccounts.key]: sealed, [SETTINGS.accounts.key]: {} });
}

/** Checks the passphrase by opening the ciphertext (GCM refuses a wrong key) and keeps the key for this browser session. */
export async function unlock(passphrase: string): Promise<Accounts> {
  const sealed = await readSetting(SETTINGS.sealedAccounts);
  if (!sealed) return readSetting(SETTINGS.accounts);
  const key = await deriveKey(passphrase, saltOf(sealed), sealed.iterations);
  let accounts: Accounts;
  try {
    accounts = accountsSchema.parse(await open(key, sealed));
  } catch {
    throw new WrongPassphraseError();
  }
  await browser.storage.session.set({ [SESSION_KEY]: await exportKey(key) });
  return accounts;
}

export async function lockNow(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY);
}

export async function disableLock(passphrase: string): Promise<void> {
  const accounts = await unlock(passphrase);
  await browser.storage.local.set({ [SETTINGS.accounts.key]: accountsSchema.parse(accounts), [SETTINGS.sealedAccounts.key]: null });
  await browser.storage.session.remove(SESSION_KEY);
}
