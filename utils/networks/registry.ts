import type { Accounts } from './accounts';
import { createBluesky, type BlueskyNetwork } from './bluesky';
import { facebook } from './facebook';
import { createInstagram } from './instagram';
import type { ImageHost } from './instagram-image';
import type { NetworkId } from './ids';
import { linkedin } from './linkedin';
import { mastodon } from './mastodon';
import { telegram } from './telegram';
import { createThreads } from './threads';
import type { Network } from './types';
import { createX } from './x';

export type AccountFor<K extends NetworkId> = NonNullable<Accounts[K]>;
export type Networks = { [K in NetworkId]: Network<AccountFor<K>> } & { bluesky: BlueskyNetwork };

export interface NetworkHooks {
  /**
   * Rotated credentials (X OAuth 2 tokens, Bluesky session) to store in place of the old account.
   * Called before the adapter goes on, even if the post then fails: the old values no longer work.
   */
  onAccountRefreshed?<K extends NetworkId>(id: K, account: AccountFor<K>): void | Promise<void>;
  /** A public URL for an image converted in the browser (Instagram and Threads take images only by URL). */
  imageHost?: ImageHost;
}

/** Every network Siar publishes to, wired to the owner's storage. A network's adapter is one line here; see `Network` for the rest. */
export function createNetworks(hooks: NetworkHooks = {}): Networks {
  const forId = <K extends NetworkId>(id: K) => ({
    onAccountRefreshed: (account: AccountFor<K>) => hooks.onAccountRefreshed?.(id, account),
  });
  return {
    x: createX(forId('x')),
    facebook,
    mastodon,
    bluesky: createBluesky(forId('bluesky')),
    telegram,
    threads: createThreads({ ...forId('threads'), imageHost: hooks.imageHost }),
    linkedin,
    instagram: createInstagram({ ...forId('instagram'), imageHost: hooks.imageHost }),
  };
}

/** Adapters without persistence: refreshed credentials live only in memory until the worker stops. */
export const NETWORKS: Networks = createNetworks();
