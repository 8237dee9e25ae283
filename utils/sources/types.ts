/** One item as a source delivered it, before matching. `summary` is plain text (HTML already stripped). */
export interface RawItem {
  guid: string;
  url: string;
  title: string;
  summary: string;
  outlet: string;
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
  /** Credentials a source may need (X bearer token, Bluesky session), read from settings by the caller. */
  credentials?: Record<string, unknown>;
  /** Watch queries, for sources that search (Google News, X, Bluesky, Reddit). */
  now: number;
}

/** One kind of listening source. Adding a source = one file implementing this + a registry line. */
export interface Source {
  kind: string;
  fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<{ items: RawItem[]; state: SourceState }>;
}
