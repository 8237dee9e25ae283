import { createNetworks } from '../networks/registry';
import type { NetworkId } from '../networks/ids';
import { hostOnFacebookPage } from '../networks/facebook-image-host';
import { loadAccounts, updateAccounts } from '../secrets/store';

// The publishing adapters wired to the officer's stored accounts: one instance for the whole worker,
// shared by delivery (./service.ts), connection tests (utils/accounts/service.ts) and Bluesky search
// (utils/listen/tick.ts), so a session one of them refreshes is the one the others use next. It lives
// with delivery, its main user, so accounts and listening depend on queue/ and never the other way.

const refreshed = new Map<NetworkId, { account: unknown; at: number }>();

/**
 * Every network, wired to storage. Rotated credentials (X OAuth 2, Bluesky session, Threads token)
 * replace the stored account at once: the old refresh values stop working the moment new ones are issued.
 */
export const networks = createNetworks({
  onAccountRefreshed: async (id, account) => {
    refreshed.set(id, { account, at: Date.now() });
    await updateAccounts((accounts) => ({ ...accounts, [id]: account }));
  },
  // Instagram and Threads fetch images only by public URL: a converted one goes to the connected Facebook Page, unpublished.
  imageHost: async (jpeg, signal) => {
    const { facebook } = await loadAccounts();
    return facebook ? hostOnFacebookPage(facebook, jpeg, signal) : undefined;
  },
});

/**
 * The account an adapter renewed for `id` at or after `since` (ms), if any: a connection test that
 * renewed a Threads token must store the renewed token, not the one it was given.
 */
export function refreshedSince(id: NetworkId, since: number): unknown {
  const entry = refreshed.get(id);
  return entry && entry.at >= since ? entry.account : undefined;
}
