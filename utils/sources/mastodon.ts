import { z } from 'zod';
import { parseFeedDate } from './dates';
import { getJson, validate } from './http';
import { sameOrigin } from './hosts';
import { httpUrlSchema } from './rss';
import { clip, stripTags } from '../text/html';
import type { FetchResult, RawItem, Source, SourceConfig, SourceContext, SourceState } from './types';

// Mastodon hashtag timeline (GET /api/v1/timelines/tag/:hashtag) on a configurable instance. min_id
// pages forward from the last post seen, so a burst of more than one page is caught up over the next
// polls instead of silently skipped (since_id would jump to the newest page and leave a gap).

export const mastodonConfigSchema = z.object({
  instance: httpUrlSchema.default('https://mastodon.social'),
  hashtag: z
    .string()
    .trim()
    .transform((tag) => tag.replace(/^#/, ''))
    .pipe(z.string().regex(/^[\p{L}\p{N}_]{1,100}$/u, 'A hashtag is letters, digits and _.')),
  limit: z.number().int().min(1).max(40).default(40),
});
export type MastodonConfig = z.infer<typeof mastodonConfigSchema>;

const accountSchema = z.object({
  acct: z.string(),
  username: z.string(),
  display_name: z.string().nullish(),
  url: z.string().nullish(),
});

const statusSchema = z.object({
  id: z.string(),
  created_at: z.string(),
  url: z.string().nullish(),
  uri: z.string(),
  content: z.string(),
  spoiler_text: z.string().nullish(),
  language: z.string().nullish(),
  account: accountSchema,
});
const timelineSchema = z.array(statusSchema);

/** Mastodon ids are decimal strings that may exceed 2^53: compare by length, then lexically. */
export function newerId(a: string | undefined, b: string): string {
  if (!a) return b;
  if (a.length !== b.length) return a.length > b.length ? a : b;
  return a > b ? a : b;
}

function postUrl(status: z.infer<typeof statusSchema>): string | undefined {
  for (const candidate of [status.url, status.uri]) {
    if (candidate && /^https?:\/\//i.test(candidate)) return candidate;
  }
  return undefined;
}

function toItem(status: z.infer<typeof statusSchema>, host: string): RawItem | undefined {
  const url = postUrl(status);
  if (!url) return undefined;
  const text = stripTags(status.content);
  const warning = stripTags(status.spoiler_text);
  // A content warning is what readers see first, so it leads the title.
  const title = clip(warning ? `[${warning}] ${text}` : text, 140);
  const acct = status.account.acct.includes('@') ? status.account.acct : `${status.account.acct}@${host}`;
  const item: RawItem = { guid: status.uri, url, title, summary: text, outlet: `Mastodon (${host})`, author: `@${acct}` };
  const publishedAt = parseFeedDate(status.created_at);
  if (publishedAt !== undefined) item.publishedAt = publishedAt;
  if (status.language) item.language = status.language.toLowerCase();
  return item;
}

export const mastodonSource: Source<MastodonConfig> = {
  kind: 'mastodon',
  configSchema: mastodonConfigSchema,
  defaultName: (config) => `#${config.hashtag}`,
  // Mastodon follows hashtags, not queries: one row per single-word term, on the officer's instance.
  searchConfigs: ({ hashtags, mastodonInstance = 'https://mastodon.social' }) =>
    hashtags.map((hashtag) => ({ key: `mastodon:${hashtag}`, config: { instance: mastodonInstance, hashtag } })),
  // The officer's token only for their own instance, never for one they merely follow.
  credentials: (config, { accounts }) =>
    accounts.mastodon && sameOrigin(config.instance, accounts.mastodon.instance) ? { accessToken: accounts.mastodon.accessToken } : undefined,
  async fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult> {
    const config = validate(mastodonConfigSchema, cfg, 'config');
    const base = new URL(config.instance);
    const url = new URL(`/api/v1/timelines/tag/${encodeURIComponent(config.hashtag)}`, base);
    url.searchParams.set('limit', String(config.limit));
    if (typeof state.sinceId === 'string' && /^\d+$/.test(state.sinceId)) url.searchParams.set('min_id', state.sinceId);
    const headers: Record<string, string> = { Accept: 'application/json' };
    // Most instances serve tag timelines publicly; some require a token.
    const token = ctx?.credentials?.accessToken;
    if (typeof token === 'string' && token) headers.Authorization = `Bearer ${token}`;

    const statuses = await getJson(url.href, timelineSchema, { headers, signal, now: ctx?.now ?? Date.now() });
    let newest = typeof state.sinceId === 'string' ? state.sinceId : undefined;
    const items: RawItem[] = [];
    for (const status of statuses) {
      if (/^\d+$/.test(status.id)) newest = newerId(newest, status.id);
      const item = toItem(status, base.host);
      if (item) items.push(item);
    }
    return { items, state: newest ? { ...state, sinceId: newest } : state };
  },
};
