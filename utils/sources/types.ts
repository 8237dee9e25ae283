import type { SOURCE_KINDS } from '../monitor/kinds';

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

export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface FetchResult {
  items: RawItem[];
  state: SourceState;
  /** The answer was cut off: `items` are the ones before the cut, and the source's health says so. */
  truncated?: boolean;
  /** 304 Not Modified: nothing new was read, so what the health said about the last answer still holds. */
  unchanged?: boolean;
}

/**
 * One kind of listening source. Adding a source = one file implementing this + a registry line.
 * Failures are thrown as the typed errors of utils/errors.ts (AuthError, RateLimitError, ContentError,
 * TransientError); an abort requested through `signal` by the caller rejects with the signal's reason.
 */
export interface Source {
  kind: SourceKind;
  fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult>;
}
