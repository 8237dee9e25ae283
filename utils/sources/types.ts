import type { z } from 'zod';
import type { Accounts } from '../networks/accounts';
import type { SourceKind } from './kinds';
import type { SearchTerms } from './query';

export type { SourceKind } from './kinds';

/** One item as a source delivered it, before matching. `summary` is plain text (HTML already stripped). */
export interface RawItem {
  guid: string;
  url: string;
  title: string;
  summary: string;
  outlet: string;
  /** The outlet's own address when the item came through an aggregator (Google News `<source url>`); used by `site:`. */
  outletUrl?: string;
  author?: string;
  publishedAt?: number;
  language?: string;
  /**
   * The entry had no link of its own and `url` is the feed's site: the URL says nothing about identity,
   * so duplicates are found by guid alone (issue 15: 22 link-less items must stay 22 mentions).
   */
  siteOnly?: true;
}

/** Source-specific configuration (feed URL, search query, instance…), validated by each source. */
export type SourceConfig = Record<string, unknown>;

/** What a source remembers between polls: validators for conditional GET, cursors, since_id… */
export interface SourceState {
  etag?: string;
  lastModified?: string;
  sinceId?: string;
  cursor?: string;
  [key: string]: unknown;
}

/**
 * An authenticated XRPC GET on the officer's Bluesky PDS (utils/networks/bluesky.ts `get`): refreshes the
 * session itself and answers the raw JSON, or throws the typed errors of utils/errors.ts.
 */
export type XrpcGet = (nsid: string, params: URLSearchParams, signal: AbortSignal) => Promise<unknown>;

export const isXrpcGet = (value: unknown): value is XrpcGet => typeof value === 'function';

export interface SourceContext {
  /**
   * Credentials a source may need, read from settings by the caller: `bearerToken` (X app-only),
   * `xrpcGet` (Bluesky, an XrpcGet bound to the connected account), `accessToken` (Mastodon).
   */
  credentials?: Record<string, unknown>;
  now: number;
}

export interface FetchResult {
  items: RawItem[];
  state: SourceState;
  /** The answer was cut off: `items` are the ones before the cut, and the source's health says so. */
  truncated?: boolean;
  /** 304 Not Modified: nothing new was read, so what the health said about the last answer still holds. */
  unchanged?: boolean;
}

/**
 * A watch's query as the searching kinds need it, worked out once by the caller (utils/listen/watches.ts
 * with utils/monitor/search-terms.ts), so adapters never parse the query language themselves.
 */
export interface WatchSearch {
  /** The query's structured terms (widened where a search API cannot say it exactly). */
  terms: SearchTerms;
  /** Its single-word positive terms, for kinds that follow hashtags. */
  hashtags: string[];
  /** The officer's Mastodon instance (from the account summary, so it works while locked). */
  mastodonInstance?: string;
}

/** One search row a watch asks for: `key` is stable across saves so the row keeps its cursors. */
export interface SearchConfig {
  key: string;
  config: SourceConfig;
}

/** What a source may read its credentials from: the officer's connected accounts. */
export interface CredentialContext {
  accounts: Accounts;
  /**
   * An authenticated XRPC GET through the wired Bluesky publishing adapter (utils/accounts/networks.ts),
   * so search shares its session refresh and rotated tokens.
   */
  blueskyGet(account: NonNullable<Accounts['bluesky']>, nsid: string, params: URLSearchParams, signal: AbortSignal): Promise<unknown>;
}

/**
 * One kind of listening source: its worker half. The page half (label, origins, whether a watch can
 * search with it) is its record in utils/sources/kinds.ts. Adding a kind = one file implementing this,
 * its record there, one line in utils/sources/registry.ts, a fake in tests/fakes and its tests;
 * tests/unit/sources/contract.test.ts fails until all of them exist.
 *
 * Failures are thrown as the typed errors of utils/errors.ts (AuthError, RateLimitError, ContentError,
 * TransientError); an abort requested through `signal` by the caller rejects with the signal's reason.
 */
export interface Source<C extends SourceConfig = SourceConfig> {
  kind: SourceKind;
  /** Checks a config before it is stored (options page, settings import) and again before each fetch. */
  configSchema: z.ZodType<C>;
  fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult>;
  /**
   * The credentials `fetch` gets as `ctx.credentials`, taken from the connected accounts; undefined when
   * none fits. A token only ever goes to the host that issued it. Kinds that need none leave this out.
   */
  credentials?(config: SourceConfig, ctx: CredentialContext): Record<string, unknown> | undefined;
  /** The search rows a watch with this kind ticked needs; kinds a watch cannot search leave this out. */
  searchConfigs?(search: WatchSearch): SearchConfig[];
  /** The name a new source gets when the officer gives none; the kind itself otherwise. */
  defaultName?(config: C): string;
}
