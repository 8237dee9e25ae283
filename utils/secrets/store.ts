import { browser } from '#imports';
import { AuthError, SiarError } from '../errors';
import { accountsSchema, type Accounts } from '../networks/accounts';
import type { NetworkId } from '../networks/ids';
import { SETTINGS, readSetting, updateSetting } from '../settings';
import { publicPart } from '../networks/public';
import { checkAttempt, recordAttempt } from './attempts';
import { deriveKey, exportKey, importKey, newSalt, open, saltOf, seal, sealWithKey } from './crypto';
import { deviceKey, shredDeviceKey } from './device-key';
import { compactStorage } from './residue';

// The one door to stored accounts. No token is written to storage.local in plain text: without the
// lock the accounts are sealed with the device key (`deviceSealedAccounts`); with the lock on,
// storage.local holds only `sealedAccounts` (passphrase, AES-GCM), the device key is shredded, and the
// unlocked key lives in storage.session, which survives worker restarts but not the browser, so the
// queue keeps posting until the browser closes or the officer locks again.

const SESSION_KEY = 'siarUnlockedKey';

/** Publishing or changing accounts while locked: the officer must unlock first. */
export class LockedError extends AuthError {
  override readonly messageKey = 'errorLocked';
}

/** `failures`: wrong passphrases in a row, this one included (for the audit log). */
export class WrongPassphraseError extends SiarError {
  constructor(readonly failures = 1) {
    super('auth', 'lockWrongPassphrase', 'wrong passphrase');
  }
}

/** The device key is gone while its ciphertext is not (site data cleared by hand): reconnect. */
export class DeviceKeyLostError extends AuthError {
  override readonly messageKey = 'errorDeviceKeyLost';
}

/** `exposed`: networks whose secrets an earlier Siar left in plain text on disk (regenerate them). */
export interface LockState {
  enabled: boolean;
  unlocked: boolean;
  exposed: NetworkId[];
}

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
  return {
    enabled: sealed !== null,
    unlocked: sealed === null || (await sessionKey()) !== undefined,
    exposed: await readSetting(SETTINGS.exposedSecrets),
  };
}

/** The non-secret fields kept beside the sealed accounts, for exports without secrets while locked. */
function publicParts(accounts: Accounts) {
  return Object.fromEntries(Object.entries(accounts).map(([network, account]) => [network, publicPart(network as NetworkId, account as object)]));
}

async function sealForDevice(accounts: Accounts) {
  return sealWithKey((await deviceKey(true))!, accountsSchema.parse(accounts));
}

let migrating: Promise<Accounts> | undefined;

/**
 * Accounts while the lock is off. Plain `accounts` left by an earlier Siar are sealed on first read;
 * their networks are remembered as exposed, since LevelDB may keep the plain copy on disk.
 */
async function loadUnlockedAccounts(): Promise<Accounts> {
  const [legacy, sealed] = [await readSetting(SETTINGS.accounts), await readSetting(SETTINGS.deviceSealedAccounts)];
  if (Object.keys(legacy).length === 0) {
    if (!sealed) return {};
    const key = await deviceKey(false);
    if (!key) throw new DeviceKeyLostError('device key missing');
    return accountsSchema.parse(await open(key, sealed));
  }
  migrating ??= (async () => {
    // Only an earlier (or downgraded-to) Siar writes plain accounts: what it wrote is the current truth.
    const merged = legacy;
    await updateSetting(SETTINGS.exposedSecrets, (known) => [...new Set([...known, ...(Object.keys(legacy) as NetworkId[])])]);
    await browser.storage.local.set({
      [SETTINGS.deviceSealedAccounts.key]: await sealForDevice(merged),
      [SETTINGS.accounts.key]: {},
      [SETTINGS.accountPublic.key]: publicParts(merged),
    });
    return merged;
  })().finally(() => {
    migrating = undefined;
  });
  return migrating;
}

export async function loadAccounts(): Promise<Accounts> {
  const sealed = await readSetting(SETTINGS.sealedAccounts);
  if (!sealed) return loadUnlockedAccounts();
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
  if (!sealed) {
    await browser.storage.local.set({
      [SETTINGS.deviceSealedAccounts.key]: await sealForDevice(valid),
      [SETTINGS.accounts.key]: {},
      [SETTINGS.accountPublic.key]: publicParts(valid),
    });
    return valid;
  }
  const key = await sessionKey();
  if (!key) throw new LockedError('locked');
  await browser.storage.local.set({
    [SETTINGS.sealedAccounts.key]: await seal(key, saltOf(sealed), valid, sealed.iterations),
    [SETTINGS.accountPublic.key]: publicParts(valid),
  });
  return valid;
}

let chain: Promise<unknown> = Promise.resolve();

/** Read-change-write, one at a time, so a token refresh and an officer's edit cannot overwrite each other. */
export function updateAccounts(change: (current: Accounts) => Accounts): Promise<Accounts> {
  const next = chain.then(async () => store(change(await loadAccounts())));
  chain = next.catch(() => undefined);
  return next;
}

/**
 * Seals the accounts with the passphrase and shreds the device key, so every copy the device key made
 * (in LevelDB's logs too) is unreadable. Plain copies an earlier Siar wrote cannot be shredded: then
 * LevelDB is made to compact (`compactStorage`) and `exposed` in the lock state names their networks.
 */
export async function enableLock(passphrase: string): Promise<void> {
  if (await readSetting(SETTINGS.sealedAccounts)) throw new SiarError('content', 'lockAlreadyOn', 'already locked');
  const salt = newSalt();
  const key = await deriveKey(passphrase, salt);
  const accounts = await loadAccounts();
  const sealed = await seal(key, salt, accounts);
  await browser.storage.session.set({ [SESSION_KEY]: await exportKey(key) });
  // One set() call: the device-sealed copy and the passphrase ciphertext swap together.
  await browser.storage.local.set({
    [SETTINGS.sealedAccounts.key]: sealed,
    [SETTINGS.deviceSealedAccounts.key]: null,
    [SETTINGS.accounts.key]: {},
  });
  await shredDeviceKey();
  if ((await readSetting(SETTINGS.exposedSecrets)).length) await compactStorage();
}

/**
 * Checks the passphrase by opening the ciphertext (GCM refuses a wrong key) and keeps the key for this
 * browser session. After 5 wrong ones in a row, throws LockThrottledError until the wait is over.
 */
export async function unlock(passphrase: string): Promise<Accounts> {
  const sealed = await readSetting(SETTINGS.sealedAccounts);
  if (!sealed) return loadAccounts();
  await checkAttempt();
  const key = await deriveKey(passphrase, saltOf(sealed), sealed.iterations);
  let accounts: Accounts;
  try {
    accounts = accountsSchema.parse(await open(key, sealed));
  } catch {
    throw new WrongPassphraseError(await recordAttempt(false));
  }
  await recordAttempt(true);
  await browser.storage.session.set({ [SESSION_KEY]: await exportKey(key) });
  return accounts;
}

export async function lockNow(): Promise<void> {
  await browser.storage.session.remove(SESSION_KEY);
}

export async function disableLock(passphrase: string): Promise<void> {
  const accounts = await unlock(passphrase);
  await browser.storage.local.set({
    [SETTINGS.deviceSealedAccounts.key]: await sealForDevice(accounts),
    [SETTINGS.accounts.key]: {},
    [SETTINGS.sealedAccounts.key]: null,
  });
  await browser.storage.session.remove(SESSION_KEY);
}
