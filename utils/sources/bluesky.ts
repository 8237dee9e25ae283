import { z } from 'zod';
import { parseFeedDate } from './dates';
import { getJson, validate } from './http';
import { queryInputSchema, renderBlueskyQueries } from './query';
import { httpUrlSchema } from './rss';
import { clip, plainText } from './text';
import type { FetchResult, RawItem, Source, SourceConfig, SourceContext, SourceState } from './types';

// Bluesky post search (app.bsky.feed.searchPosts, sort=latest) with the session's accessJwt. The API has
// no since_id; `since` (inclusive) bounds each poll by the newest post time already seen, and the few
// posts at the boundary are deduplicated downstream.

export const blueskyConfigSchema = z.object({
  query: queryInputSchema,
  service: httpUrlSchema.default('https://bsky.social'),
  limit: z.number().int().min(1).max(100).default(50),
  lang: z.string().regex(/^[a-z]{2,3}$/).optional(),
});
export type BlueskyConfig = z.infer<typeof blueskyConfigSchema>;

const postSchema = z.object({
  uri: z.string().startsWith('at://'),
  author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().nullish() }),
  record: z.object({
    text: z.string().default(''),
    createdAt: z.string().optional(),
    langs: z.array(z.string()).optional(),
  }).loose(),
  indexedAt: z.string().optional(),
});
const searchSchema = z.object({ posts: z.array(postSchema), cursor: z.string().optional() });

// XRPC reports token problems as 400 with an error name, not only as 401.
const AUTH_ERRORS = new Set(['ExpiredToken', 'InvalidToken', 'AuthMissing', 'AuthenticationRequired', 'BadJwt']);
function isAuthFailure(status: number, body: string): boolean {
  if (status !== 400) return false;
  const match = /"error"\s*:\s*"([A-Za-z]+)"/.exec(body);
  return !!match?.[1] && AUTH_ERRORS.has(match[1]);
}

/** https://bsky.app/profile/<handle>/post/<rkey>, with the DID when the handle no longer resolves. */
export function blueskyPostUrl(uri: string, handle: string, did: string): string | undefined {
  const match = /^at:\/\/([^/]+)\/app\.bsky\.feed\.post\/([A-Za-z0-9._:~-]+)$/.exec(uri);
  if (!match?.[2]) return undefined;
  const who = handle && handle !== 'handle.invalid' ? handle : did;
  return `https://bsky.app/profile/${encodeURIComponent(who)}/post/${encodeURIComponent(match[2])}`;
}

function toItem(post: z.infer<typeof postSchema>): RawItem | undefined {
  const url = blueskyPostUrl(post.uri, post.author.handle, post.author.did);
  if (!url) return undefined;
  const text = plainText(post.record.text);
  const item: RawItem = { guid: post.uri, url, title: clip(text, 140), summary: text, outlet: 'Bluesky', author: `@${post.author.handle}` };
  const publishedAt = parseFeedDate(post.record.createdAt) ?? parseFeedDate(post.indexedAt);
  if (publishedAt !== undefined) item.publishedAt = publishedAt;
  const lang = post.record.langs?.[0];
  if (lang) item.language = lang.toLowerCase();
  return item;
}

export const blueskySource: Source & { configSchema: typeof blueskyConfigSchema } = {
  kind: 'bluesky',
  configSchema: blueskyConfigSchema,
  async fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult> {
    const config = validate(blueskyConfigSchema, cfg, 'config');
    const now = ctx?.now ?? Date.now();
    const headers: Record<string, string> = { Accept: 'application/json' };
    const jwt = ctx?.credentials?.accessJwt;
    if (typeof jwt === 'string' && jwt) headers.Authorization = `Bearer ${jwt}`;
    const since = typeof state.since === 'string' ? state.since : undefined;

    const byUri = new Map<string, RawItem>();
    let newest = since ? parseFeedDate(since) ?? 0 : 0;
    for (const q of renderBlueskyQueries(config.query)) {
      const url = new URL('/xrpc/app.bsky.feed.searchPosts', config.service);
      url.searchParams.set('q', q);
      url.searchParams.set('sort', 'latest');
      url.searchParams.set('limit', String(config.limit));
      if (since) url.searchParams.set('since', since);
      if (config.lang) url.searchParams.set('lang', config.lang);
      const body = await getJson(url.href, searchSchema, { headers, signal, now, authFailure: isAuthFailure });
      for (const post of body.posts) {
        const item = toItem(post);
        if (!item) continue;
        byUri.set(item.guid, item);
        // A post dated in the future would stall `since`; never move it past now.
        if (item.publishedAt !== undefined && item.publishedAt <= now) newest = Math.max(newest, item.publishedAt);
      }
    }
    const next: SourceState = { ...state };
    if (newest > 0) next.since = new Date(newest).toISOString();
    return { items: [...byUri.values()], state: next };
  },
};
