import { browser } from '#imports';
import { ContentError } from '../errors';
import { db } from '../db';
import type { Handlers } from '../messages';
import { accountsSchema, type Accounts } from '../networks/accounts';
import type { NetworkId } from '../networks/ids';
import { retryDelivery } from '../queue/retry';
import { SETTINGS, readSetting, updateSetting, writeSetting } from '../settings';
import { WrongPassphraseError, disableLock, enableLock, lockNow, lockState, loadAccounts, unlock, updateAccounts } from '../secrets/store';
import { appendAudit } from '../queue/audit';
import { networks, refreshedSince } from '../queue/networks';
import { pumpQueue, queueDeps } from '../queue/service';
import { finishOAuth, startOAuth } from './oauth-flows';
import { originsToRelease, sourceOrigins } from '../sources/origins';
import { originsFor } from './origins';
import { summaryOf, type AccountSummary } from '../networks/public';

// The worker side of the accounts section. Secrets come in once (typed or from OAuth) and never go
// back out: every answer is a summary without them.

type AccountsHandlers = Pick<
  Handlers,
  | 'accountsSummary'
  | 'accountSave'
  | 'accountTest'
  | 'accountRemove'
  | 'accountOAuthStart'
  | 'accountOAuthFinish'
  | 'lockEnable'
  | 'lockUnlock'
  | 'lockNow'
  | 'lockDisable'
  | 'lockExposedDismiss'
>;

/** A typed field the network's schema refused; `field` names it so the form can point at it. */
export class AccountFieldError extends ContentError {
  override readonly messageKey = 'accountFieldInvalid';
}

const VERIFY_TIMEOUT_MS = 20_000;

function validAccount<K extends NetworkId>(network: K, input: unknown): NonNullable<Accounts[K]> {
  const parsed = accountsSchema.safeParse({ [network]: input });
  if (parsed.success) return parsed.data[network]!;
  const issue = parsed.error.issues[0];
  throw new AccountFieldError(String(issue?.path[1] ?? 'account'), issue?.message);
}

async function verifyAndStore<K extends NetworkId>(network: K, given: NonNullable<Accounts[K]>): Promise<AccountSummary> {
  const started = Date.now();
  const verified = await (networks[network].verify as (a: typeof given, s: AbortSignal) => Promise<{ name: string; expiresAt?: number }>)(
    given,
    AbortSignal.timeout(VERIFY_TIMEOUT_MS),
  );
  // A token the check itself renewed (Threads' th_refresh_token) replaces the one given.
  const account = (refreshedSince(network, started) as NonNullable<Accounts[K]> | undefined) ?? given;
  // Keep whatever the adapter stored meanwhile (a Bluesky session from this very check).
  let before: unknown;
  await updateAccounts((accounts) => {
    before = accounts[network];
    return { ...accounts, [network]: { ...account, ...pickSession(network, accounts[network]) } };
  });
  // A new secret replaces the one an earlier Siar left on disk: that network is no longer exposed.
  if (secretsOf(before) !== secretsOf(account)) await updateSetting(SETTINGS.exposedSecrets, (known) => known.filter((id) => id !== network));
  const summary: AccountSummary = {
    ...summaryOf(network, account),
    name: verified.name,
    expiresAt: verified.expiresAt ?? summaryOf(network, account).expiresAt,
    checkedAt: Date.now(),
  };
  await updateSetting(SETTINGS.accountSummaries, (all) => ({ ...all, [network]: summary }));
  await updateSetting(SETTINGS.accountDrafts, (drafts) => without(drafts, network));
  return summary;
}

function without<T extends object>(record: T, key: NetworkId): T {
  const copy = { ...record };
  delete copy[key as keyof T];
  return copy;
}

/** The secret fields of an account (tokens, secrets, passwords), for "was it regenerated?". */
function secretsOf(account: unknown): string {
  if (!account || typeof account !== 'object') return '';
  return JSON.stringify(
    Object.entries(account)
      .filter(([key]) => /token|secret|password/i.test(key))
      .sort(),
  );
}

function pickSession(network: NetworkId, stored: unknown): object {
  return network === 'bluesky' && stored && typeof stored === 'object' && 'session' in stored ? { session: stored.session } : {};
}

/** Deliveries that stopped only because Siar was locked go back in the queue once it is unlocked. */
async function requeueLocked() {
  const stuck = await db.deliveries
    .where('state')
    .equals('needs-auth')
    .filter((row) => row.lastError?.messageKey === 'errorLocked')
    .primaryKeys();
  const actor = await queueDeps.actor();
  for (const id of stuck) await retryDelivery(db, id as number, actor);
  if (stuck.length) void pumpQueue();
}

async function giveBackPermissions(origins: string[]) {
  if (origins.length === 0) return;
  try {
    await browser.permissions.remove({ origins });
  } catch {
    // Origins granted at install (the browser-test build) cannot be removed; nothing else to do.
  }
}

/** Runs a passphrase check; a wrong passphrase is written to the audit log (issue 13.9), then rethrown. */
export async function audited<T>(check: () => Promise<T>): Promise<T> {
  try {
    return await check();
  } catch (error) {
    if (error instanceof WrongPassphraseError) {
      await appendAudit(db, { at: Date.now(), actor: await queueDeps.actor(), event: 'lock-wrong-passphrase', result: `attempt ${error.failures}` });
    }
    throw error;
  }
}

export const accountHandlers: AccountsHandlers = {
  accountsSummary: async () => ({
    accounts: await readSetting(SETTINGS.accountSummaries),
    drafts: await readSetting(SETTINGS.accountDrafts),
    lock: await lockState(),
  }),
  accountSave: ({ network, account }) => verifyAndStore(network, validAccount(network, account)),
  accountTest: async ({ network }) => {
    const account = (await loadAccounts())[network];
    if (!account) throw new AccountFieldError('account', 'not connected');
    return verifyAndStore(network, account);
  },
  accountRemove: async ({ network }) => {
    const account = (await loadAccounts())[network] as { instance?: string; service?: string } | undefined;
    const remaining = await updateAccounts((accounts) => without(accounts, network));
    await updateSetting(SETTINGS.accountSummaries, (all) => without(all, network));
    // Listening sources and the other accounts may use the same hosts (bsky.social, api.x.com, a feed site).
    const stillUsed = [
      ...(await db.sources.toArray()).flatMap(sourceOrigins),
      ...Object.entries(remaining).flatMap(([id, other]) => originsFor(id as NetworkId, other as { instance?: string; service?: string })),
    ];
    await giveBackPermissions(originsToRelease(originsFor(network, account ?? {}), stillUsed));
    return { ok: true as const };
  },
  accountOAuthStart: (request) => startOAuth(request),
  accountOAuthFinish: async ({ redirectUrl }) => {
    const result = await finishOAuth(redirectUrl);
    return { network: result.network, summary: await verifyAndStore(result.network, result.account) };
  },
  lockEnable: async ({ passphrase }) => {
    await enableLock(passphrase);
    return { ok: true as const };
  },
  lockUnlock: async ({ passphrase }) => {
    await audited(() => unlock(passphrase));
    await requeueLocked();
    return { ok: true as const };
  },
  lockNow: async () => {
    await lockNow();
    return { ok: true as const };
  },
  lockDisable: async ({ passphrase }) => {
    await audited(() => disableLock(passphrase));
    await requeueLocked();
    return { ok: true as const };
  },
  lockExposedDismiss: async () => {
    await writeSetting(SETTINGS.exposedSecrets, []);
    return { ok: true as const };
  },
};
