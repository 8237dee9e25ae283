import { ApiResponseError } from 'twitter-api-v2';
import { z } from 'zod';
import { AuthError, ContentError, RateLimitError } from '../errors';
import { createXAppClient } from '../networks/x-client';
import { parseFeedDate } from './dates';
import { XBillingError, xBillingError } from '../networks/x-billing';
import { errorForStatus, retryAtFrom, toSourceError, validate, withTimeout } from './http';
import { queryInputSchema, renderQuery } from './query';
import { clip, decodeEntities, plainText } from '../text/html';
import { chargeXReads, readXBudget } from './x-budget';
import { nextBillingMonth, X_MIN_RESULTS, xResultsAllowed } from './x-cost';
import type { FetchResult, RawItem, Source, SourceConfig, SourceContext, SourceState } from './types';

// X recent search (GET /2/tweets/search/recent) with the app-only bearer token, through twitter-api-v2
// so the endpoint and auth stay the library's; since_id makes each poll return only new posts.

/** Recent search only reaches back 7 days; an older since_id is rejected with 400, so we drop it first. */
const SINCE_ID_MAX_AGE_MS = 6 * 24 * 60 * 60_000;
/** Standard/basic access caps a recent-search query at 512 characters. */
const MAX_QUERY_CHARS = 512;

export const xConfigSchema = z.object({
  query: queryInputSchema,
  /** Retweets repeat the same text many times; officers usually want originals only. */
  includeRetweets: z.boolean().default(false),
  /**
   * Posts per poll. X charges every post and author a search returns (x-cost.ts), so Siar asks for X's
   * smallest page by default; since_id then keeps each poll to what is new.
   */
  maxResults: z.number().int().min(X_MIN_RESULTS).max(100).default(X_MIN_RESULTS),
});
export type XConfig = z.infer<typeof xConfigSchema>;

const searchResponseSchema = z.object({
  data: z
    .array(
      z.object({
        id: z.string().regex(/^\d+$/),
        text: z.string(),
        author_id: z.string().optional(),
        created_at: z.string().optional(),
        lang: z.string().optional(),
      }),
    )
    .optional(),
  includes: z
    .object({
      users: z.array(z.object({ id: z.string(), username: z.string(), name: z.string().optional() })).optional(),
    })
    .optional(),
  meta: z.object({ newest_id: z.string().optional(), result_count: z.number().optional() }).optional(),
});

function xQuery(config: XConfig): string {
  const query = renderQuery(config.query, 'x');
  const full = config.includeRetweets || /\bis:retweet\b/.test(query) ? query : `${query} -is:retweet`;
  if (full.length > MAX_QUERY_CHARS) throw new ContentError('query', `The X query is ${full.length} characters; X allows ${MAX_QUERY_CHARS}.`);
  return full;
}

function language(lang: string | undefined): string | undefined {
  // X still tags Indonesian with the retired code "in", and "und"/"zxx"/"qme" mean no language.
  if (!lang || lang === 'und' || lang.startsWith('q') || lang === 'zxx') return undefined;
  return lang === 'in' ? 'id' : lang;
}

function mapError(error: unknown, signal: AbortSignal, now: number): unknown {
  if (error instanceof ApiResponseError) {
    const headers = new Headers();
    for (const [name, value] of Object.entries(error.headers ?? {})) {
      if (typeof value === 'string') headers.set(name, value);
    }
    const billing = xBillingError(error.code, headers, error.data, now);
    if (billing) return billing;
    if (error.code === 429) {
      const reset = error.rateLimit?.reset;
      return new RateLimitError(reset && reset > 1e9 ? reset * 1000 : retryAtFrom(headers, now), 'X rate limit reached.');
    }
    if (error.code === 401 || error.code === 403) return new AuthError(`X answered ${error.code}.`);
    return errorForStatus(error.code, headers, now);
  }
  return toSourceError(error, signal);
}

export const xSource: Source<XConfig> = {
  kind: 'x',
  configSchema: xConfigSchema,
  searchConfigs: ({ terms }) => [{ key: 'x', config: { query: terms } }],
  // The app-only bearer token is the X account's own; it only ever goes to api.x.com.
  credentials: (_config, { accounts }) => (accounts.x?.bearerToken ? { bearerToken: accounts.x.bearerToken } : undefined),
  async fetch(cfg: SourceConfig, state: SourceState, signal: AbortSignal, ctx?: SourceContext): Promise<FetchResult> {
    const config = validate(xConfigSchema, cfg, 'config');
    const now = ctx?.now ?? Date.now();
    const bearer = ctx?.credentials?.bearerToken;
    if (typeof bearer !== 'string' || !bearer) throw new AuthError('No X app bearer token is set.');
    const budget = await readXBudget(now);
    const allowed = xResultsAllowed(config.maxResults, budget.spentUsd, budget.capUsd);
    if (allowed === 0) {
      throw new XBillingError('errorXSearchCapReached', nextBillingMonth(now), `X search spent US$${budget.spentUsd} of the US$${budget.capUsd} monthly cap.`);
    }
    const params: Record<string, string> = {
      query: xQuery(config),
      max_results: String(allowed),
      'tweet.fields': 'created_at,lang,author_id',
      expansions: 'author_id',
      'user.fields': 'username,name',
    };
    const sinceIdAt = typeof state.sinceIdAt === 'number' ? state.sinceIdAt : 0;
    if (state.sinceId && now - sinceIdAt < SINCE_ID_MAX_AGE_MS) params.since_id = state.sinceId;

    let raw: unknown;
    try {
      raw = await createXAppClient(bearer, withTimeout(signal)).v2.get<unknown>('tweets/search/recent', params);
    } catch (error) {
      throw mapError(error, signal, now);
    }
    const body = validate(searchResponseSchema, raw, 'response');
    // Counted before mapping: X has charged for what it returned even if an item then fails to map.
    await chargeXReads({ posts: body.data?.length ?? 0, users: body.includes?.users?.length ?? 0 }, now);
    const users = new Map((body.includes?.users ?? []).map((user) => [user.id, user]));
    const items = (body.data ?? []).map((tweet): RawItem => {
      const user = tweet.author_id ? users.get(tweet.author_id) : undefined;
      const text = plainText(decodeEntities(tweet.text));
      const item: RawItem = {
        guid: tweet.id,
        url: user ? `https://x.com/${encodeURIComponent(user.username)}/status/${tweet.id}` : `https://x.com/i/web/status/${tweet.id}`,
        title: clip(text, 140),
        summary: text,
        outlet: 'X',
      };
      if (user) item.author = `@${user.username}`;
      const publishedAt = parseFeedDate(tweet.created_at);
      if (publishedAt !== undefined) item.publishedAt = publishedAt;
      const lang = language(tweet.lang);
      if (lang) item.language = lang;
      return item;
    });
    const newest = body.meta?.newest_id;
    const next: SourceState = { ...state };
    if (newest) Object.assign(next, { sinceId: newest, sinceIdAt: now });
    return { items, state: next };
  },
};
