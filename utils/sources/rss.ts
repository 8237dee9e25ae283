import { z } from 'zod';
import { ContentError } from '../errors';
import { httpGet, validate } from './http';
import { MAX_FEED_BYTES, parseFeed, type ParseFeedResult } from './parse-feed';
import type { FetchResult, Source, SourceConfig, SourceContext, SourceState } from './types';

export const httpUrlSchema = z
  .string()
  .trim()
  .url()
  .refine((value) => /^https?:\/\//i.test(value), 'Only http and https URLs.');

export const rssConfigSchema = z.object({ url: httpUrlSchema });
export type RssConfig = z.infer<typeof rssConfigSchema>;

const ACCEPT = 'application/rss+xml, application/atom+xml, application/feed+json, application/rdf+xml;q=0.9, application/xml;q=0.9, text/xml;q=0.9, */*;q=0.5';

export interface FeedFetch {
  /** undefined on 304 Not Modified. */
  parsed?: Extract<ParseFeedResult, { ok: true }>;
  state: SourceState;
}

/**
 * Conditional GET of a feed URL. On 304 the state comes back unchanged and there is nothing to parse;
 * on 200 the new validators replace the old ones (a server that stops sending an ETag must not keep
 * getting a stale one).
 */
export async function fetchFeed(url: string, state: SourceState, signal: AbortSignal, now: number): Promise<FeedFetch> {
  const headers: Record<string, string> = { Accept: ACCEPT };
  if (typeof state.etag === 'string' && state.etag) headers['If-None-Match'] = state.etag;
  if (typeof state.lastModified === 'string' && state.lastModified) headers['If-Modified-Since'] = state.lastModified;
  const response = await httpGet(url, { headers, signal, now, maxBytes: MAX_FEED_BYTES });
  if (response.status === 304) return { state };
  const parsed = parseFeed(response.body, response.headers.get('content-type'), { baseUrl: response.url });
  if (!parsed.ok) throw new ContentError('feed', `${parsed.error.code}: ${parsed.error.detail}`);
  const { etag: _etag, lastModified: _lastModified, ...rest } = state;
  const next: SourceState = { ...rest };
  const etag = response.headers.get('etag');
  const lastModified = response.headers.get('last-modified');
  if (etag) next.etag = etag;
  if (lastModified) next.lastModified = lastModified;
  return { parsed, state: next };
}

export const rssSource: Source<RssConfig> = {
  kind: 'rss',
  configSchema: rssConfigSchema,
  defaultName: (config) => new URL(config.url).hostname,
  async fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult> {
    const { url } = validate(rssConfigSchema, cfg, 'config');
    const result = await fetchFeed(url, state, signal, ctx?.now ?? Date.now());
    return {
      items: result.parsed?.items ?? [],
      state: result.state,
      ...(result.parsed?.truncated ? { truncated: true } : {}),
      ...(result.parsed ? {} : { unchanged: true }),
    };
  },
};
