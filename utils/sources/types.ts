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

export interface SourceContext {
  /**
   * Credentials a source may need, read from settings by the caller: `bearerToken` (X app-only),
   * `accessJwt` (Bluesky session), `accessToken` (Mastodon, only for instances that require it).
   */
  credentials?: Record<string, unknown>;
  now: number;
}

export type SourceKind = (typeof SOURCE_KINDS)[number];

export interface FetchResult {
  items: RawItem[];
  state: SourceState;
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
