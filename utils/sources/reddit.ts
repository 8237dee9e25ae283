import { z } from 'zod';
import { AuthError, ContentError } from '../errors';
import { getJson, validate } from './http';
import { queryInputSchema, renderQuery } from './query';
import { clip, plainText, stripTags } from '../text/html';
import type { FetchResult, RawItem, Source, SourceConfig, SourceContext, SourceState } from './types';

// Reddit search listing (GET https://www.reddit.com/search.json?q=&sort=new). raw_json=1 asks for
// text without Reddit's legacy HTML escaping; the newest creation time seen bounds the next poll.
// Reddit blocks or throttles anonymous JSON requests (its Data API terms require OAuth and a descriptive
// User-Agent, which a browser extension cannot set). Siar has no Reddit account to connect, so a refusal
// is reported as the source being unavailable — never as "sign in again".

/** The field of the ContentError a refused anonymous search becomes (sourceErrorRedditUnavailable). */
export const REDDIT_UNAVAILABLE = 'reddit-unavailable';

export const redditConfigSchema = z.object({
  query: queryInputSchema,
  /** Search one subreddit (e.g. "indonesia") instead of all of Reddit. */
  subreddit: z
    .string()
    .regex(/^[A-Za-z0-9_]{2,21}$/)
    .optional(),
  includeNsfw: z.boolean().default(false),
  limit: z.number().int().min(1).max(100).default(100),
});
export type RedditConfig = z.infer<typeof redditConfigSchema>;

const postSchema = z.object({
  id: z.string(),
  name: z.string(),
  title: z.string(),
  selftext: z.string().nullish(),
  author: z.string().nullish(),
  subreddit: z.string(),
  permalink: z.string().startsWith('/'),
  created_utc: z.number(),
  over_18: z.boolean().optional(),
});
const listingSchema = z.object({
  kind: z.literal('Listing'),
  data: z.object({
    children: z.array(z.object({ kind: z.string(), data: z.unknown() })),
    after: z.string().nullish(),
  }),
});

export const redditSource: Source<RedditConfig> = {
  kind: 'reddit',
  configSchema: redditConfigSchema,
  searchConfigs: ({ terms }) => [{ key: 'reddit', config: { query: terms } }],
  async fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult> {
    const config = validate(redditConfigSchema, cfg, 'config');
    const url = new URL(config.subreddit ? `https://www.reddit.com/r/${config.subreddit}/search.json` : 'https://www.reddit.com/search.json');
    url.searchParams.set('q', renderQuery(config.query, 'reddit'));
    url.searchParams.set('sort', 'new');
    url.searchParams.set('limit', String(config.limit));
    url.searchParams.set('raw_json', '1');
    if (config.subreddit) url.searchParams.set('restrict_sr', '1');
    if (config.includeNsfw) url.searchParams.set('include_over_18', 'on');

    let listing: z.infer<typeof listingSchema>;
    try {
      listing = await getJson(url.href, listingSchema, { headers: { Accept: 'application/json' }, signal, now: ctx?.now ?? Date.now() });
    } catch (error) {
      if (error instanceof AuthError) throw new ContentError(REDDIT_UNAVAILABLE, error.message);
      throw error;
    }
    const sinceSeconds = typeof state.sinceTime === 'number' ? state.sinceTime : 0;
    let newest = sinceSeconds;
    const items: RawItem[] = [];
    for (const child of listing.data.children) {
      // Search can mix in subreddits (t5) and other kinds; only posts (t3) are mentions.
      if (child.kind !== 't3') continue;
      // One odd post (a promoted or removed entry) should not cost the whole poll.
      const parsed = postSchema.safeParse(child.data);
      if (!parsed.success) continue;
      const post = parsed.data;
      if (post.over_18 && !config.includeNsfw) continue;
      if (post.created_utc < sinceSeconds || post.name === state.sinceId) continue;
      newest = Math.max(newest, post.created_utc);
      const title = clip(plainText(post.title), 500);
      // raw_json=1 gives Markdown; a few instances still send entities, so decode them too.
      const body = clip(stripTags(post.selftext ?? ''), 1000);
      const item: RawItem = {
        guid: post.name,
        url: `https://www.reddit.com${post.permalink}`,
        title,
        summary: body,
        outlet: `r/${post.subreddit}`,
        publishedAt: Math.round(post.created_utc * 1000),
      };
      if (post.author && post.author !== '[deleted]') item.author = `u/${post.author}`;
      items.push(item);
    }
    const next: SourceState = { ...state };
    if (newest > sinceSeconds) {
      next.sinceTime = newest;
      next.sinceId = items.find((item) => item.publishedAt === Math.round(newest * 1000))?.guid;
    }
    return { items, state: next };
  },
};
