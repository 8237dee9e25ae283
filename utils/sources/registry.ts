import { blueskySource } from './bluesky';
import { googleNewsSource } from './googlenews';
import type { SourceKind } from './kinds';
import { mastodonSource } from './mastodon';
import { redditSource } from './reddit';
import { rssSource } from './rss';
import type { Source } from './types';
import { xSource } from './x';

export { isSourceKind } from './kinds';

/**
 * Every listening source's adapter, by kind. The key set comes from utils/sources/kinds.ts, so a kind
 * recorded there without an adapter here does not compile.
 */
export const SOURCES: { readonly [K in SourceKind]: Source } = {
  rss: rssSource,
  googlenews: googleNewsSource,
  x: xSource,
  mastodon: mastodonSource,
  bluesky: blueskySource,
  reddit: redditSource,
};
