import { z } from 'zod';
import { parseFeedDate } from './dates';
import { ContentError } from '../errors';
import { toSourceError, validate, withTimeout } from './http';
import { queryInputSchema, renderBlueskyQueries } from './query';
import { sameOrigin } from './hosts';
import { httpUrlSchema } from './rss';
import { clip, plainText } from '../text/html';
import { isXrpcGet, type XrpcGet, type FetchResult, type RawItem, type Source, type SourceConfig, type SourceContext, type SourceState } from './types';

// Bluesky post search (app.bsky.feed.searchPosts, sort=latest) through the officer's own session: the
// public AppView refuses unauthenticated searchPosts since January 2025 (bluesky-social/atproto#3423,
// "you need to sign in before using it"), so the worker hands in `credentials.xrpcGet`, the publishing
// adapter's authenticated GET, which refreshes the ~2-hour access JWT like a post would. The API has no
// since_id; `since` (inclusive) bounds each poll by the newest post time already seen, and the few
// posts at the boundary are deduplicated downstream.

export const blueskyConfigSchema = z.object({
  query: queryInputSchema,
  service: httpUrlSchema.default('https://bsky.social'),
  limit: z.number().int().min(1).max(100).default(50),
  lang: z
    .string()
    .regex(/^[a-z]{2,3}$/)
    .optional(),
});
export type BlueskyConfig = z.infer<typeof blueskyConfigSchema>;

const postSchema = z.object({
  uri: z.string().startsWith('at://'),
  author: z.object({ did: z.string(), handle: z.string(), displayName: z.string().nullish() }),
  record: z
    .object({
      text: z.string().default(''),
      createdAt: z.string().optional(),
      langs: z.array(z.string()).optional(),
    })
    .loose(),
  indexedAt: z.string().optional(),
});
const searchSchema = z.object({ posts: z.array(postSchema), cursor: z.string().optional() });

/** Thrown when no Bluesky account on this service is connected: search cannot run without one. */
export const NEEDS_ACCOUNT = 'needs-bluesky-account';

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

export const blueskySource: Source<BlueskyConfig> = {
  kind: 'bluesky',
  configSchema: blueskyConfigSchema,
  searchConfigs: ({ terms }) => [{ key: 'bluesky', config: { query: terms } }],
  // Search goes through the publishing adapter's session, so its refresh (and the stored rotated tokens)
  // are shared: a stored access JWT alone lapses about two hours after sign-in. Only for the PDS the
  // account lives on.
  credentials(config, { accounts, blueskyGet }) {
    const account = accounts.bluesky;
    if (!account || !sameOrigin(config.service ?? 'https://bsky.social', account.service)) return undefined;
    const xrpcGet: XrpcGet = (nsid, params, signal) => blueskyGet(account, nsid, params, signal);
    return { xrpcGet };
  },
  async fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult> {
    const config = validate(blueskyConfigSchema, cfg, 'config');
    const now = ctx?.now ?? Date.now();
    const xrpcGet = ctx?.credentials?.xrpcGet;
    if (!isXrpcGet(xrpcGet)) throw new ContentError(NEEDS_ACCOUNT, `searchPosts needs a signed-in Bluesky account on ${config.service}`);
    const since = typeof state.since === 'string' ? state.since : undefined;

    const byUri = new Map<string, RawItem>();
    let newest = since ? (parseFeedDate(since) ?? 0) : 0;
    for (const q of renderBlueskyQueries(config.query)) {
      const params = new URLSearchParams({ q, sort: 'latest', limit: String(config.limit) });
      if (since) params.set('since', since);
      if (config.lang) params.set('lang', config.lang);
      let raw: unknown;
      try {
        raw = await xrpcGet('app.bsky.feed.searchPosts', params, withTimeout(signal));
      } catch (error) {
        throw toSourceError(error, signal);
      }
      const body = validate(searchSchema, raw, 'response');
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
