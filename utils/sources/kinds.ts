import type { MessageKey } from '../i18n';
import { originPattern } from './hosts';

// The page-side half of each listening source's contract: one zod-free record per kind, which the side
// panel's first screen and the options page read before any schema or adapter is loaded. The worker
// half (config schema, fetch, credentials, search config) is the adapter in utils/sources/<kind>.ts,
// listed in utils/sources/registry.ts; `Record<SourceKind, …>` there makes a missing adapter a type
// error, and tests/unit/sources/contract.test.ts checks the rest (label, fake, schema).

/** What the pages know about one kind of source, without loading it. */
export interface SourceKindInfo {
  /** The officer's name for the kind (public/_locales). */
  label: MessageKey;
  /**
   * The host permissions a source of this kind calls, as `https://host/*` patterns: its feed's site, its
   * instance, or its search API's fixed hosts. `config` is the stored (or about-to-be-stored) config.
   */
  origins(config: Record<string, unknown>): string[];
  /** True when a watch can ask this kind to search with the watch's own query. */
  search: boolean;
}

/** More feeds than any agency follows; a larger OPML list is a mistake or an attempt to flood the worker. */
export const MAX_OPML_FEEDS = 500;

const text = (value: unknown): string | undefined => (typeof value === 'string' ? value : undefined);

/** Every source kind, in the order the filters list them. Adding a kind = one record here + its adapter. */
export const SOURCE_CATALOG = {
  rss: { label: 'sourceKindRss', search: false, origins: (config) => (text(config.url) ? originPattern(text(config.url)!) : []) },
  googlenews: { label: 'sourceKindGooglenews', search: true, origins: () => ['https://news.google.com/*'] },
  x: { label: 'sourceKindX', search: true, origins: () => ['https://api.x.com/*', 'https://api.twitter.com/*'] },
  mastodon: { label: 'sourceKindMastodon', search: true, origins: (config) => originPattern(text(config.instance) ?? 'https://mastodon.social') },
  bluesky: { label: 'sourceKindBluesky', search: true, origins: () => ['https://bsky.social/*'] },
  reddit: { label: 'sourceKindReddit', search: true, origins: () => ['https://www.reddit.com/*'] },
} as const satisfies Record<string, SourceKindInfo>;

export type SourceKind = keyof typeof SOURCE_CATALOG;
type SearchKind = { [K in SourceKind]: (typeof SOURCE_CATALOG)[K]['search'] extends true ? K : never }[SourceKind];

export const SOURCE_KINDS = Object.keys(SOURCE_CATALOG) as [SourceKind, ...SourceKind[]];

/**
 * Kinds a watch can ask to be searched with its own query, in the order the watch editor offers them
 * (news first, then the social searches; Mastodon last because it follows hashtags, not the query).
 */
export const SEARCH_KINDS = ['googlenews', 'x', 'bluesky', 'reddit', 'mastodon'] as const satisfies readonly SearchKind[];

export function isSourceKind(value: unknown): value is SourceKind {
  return typeof value === 'string' && Object.hasOwn(SOURCE_CATALOG, value);
}
