import { byNetwork, type NetworkId } from './catalog';

// API origins each network's adapter calls (from the catalog). They are optional host permissions, asked
// for when the officer connects that network (Mastodon and Bluesky PDS origins come from the account instead).
export const NETWORK_ORIGINS: Record<NetworkId, string[]> = byNetwork((_id, meta) => [...meta.origins]);

/** Listening sources with fixed hosts; feed sites and instances are asked for by origin when added. */
// Bluesky search goes through the officer's own PDS (its origin comes with the account), never the public AppView.
export const SOURCE_ORIGINS = ['https://news.google.com/*', 'https://www.reddit.com/*'];

export const ALL_FIXED_ORIGINS = [...Object.values(NETWORK_ORIGINS).flat(), ...SOURCE_ORIGINS];
