import type { NetworkId } from './ids';

// API origins each network's adapter calls. They are optional host permissions, asked for when the
// officer connects that network (Mastodon and Bluesky PDS origins come from the account instead).
export const NETWORK_ORIGINS: Record<NetworkId, string[]> = {
  x: ['https://api.x.com/*', 'https://api.twitter.com/*', 'https://upload.twitter.com/*'],
  facebook: ['https://graph.facebook.com/*'],
  mastodon: [],
  bluesky: ['https://bsky.social/*'],
  telegram: ['https://api.telegram.org/*'],
  threads: ['https://graph.threads.net/*'],
  // The Images API hands out upload URLs on www.linkedin.com/dms-uploads/ for article thumbnails.
  linkedin: ['https://api.linkedin.com/*', 'https://www.linkedin.com/dms-uploads/*'],
  // A converted image is stored unpublished on the connected Facebook Page (instagram-image.ts).
  instagram: ['https://graph.instagram.com/*'],
};

/** Listening sources with fixed hosts; feed sites and instances are asked for by origin when added. */
// Bluesky search goes through the officer's own PDS (its origin comes with the account), never the public AppView.
export const SOURCE_ORIGINS = ['https://news.google.com/*', 'https://www.reddit.com/*'];

export const ALL_FIXED_ORIGINS = [...Object.values(NETWORK_ORIGINS).flat(), ...SOURCE_ORIGINS];
