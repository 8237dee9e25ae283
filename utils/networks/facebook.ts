import { z } from 'zod';
import { AuthError, ContentError, RateLimitError, TransientError } from '../errors';
import { API_VERSIONS } from './api-versions';
import type { AccountFor } from './registry';
import { errorFromHttp } from './errors';
import { http, parse, parseError, type HttpResponse } from './http';
import { textRules } from './text-rules';
import type { Network, PublishResult } from './types';

type FacebookAccount = AccountFor<'facebook'>;

// Graph API, pinned (utils/networks/api-versions.ts) so a Meta default-version bump never changes
// behaviour under the officer.
export const GRAPH_VERSION = API_VERSIONS.facebook.version;
const GRAPH = `https://graph.facebook.com/${GRAPH_VERSION}`;

const graphError = z.object({
  error: z.object({
    message: z.string(),
    type: z.string().optional(),
    code: z.number(),
    error_subcode: z.number().optional(),
    fbtrace_id: z.string().optional(),
  }),
});
const created = z.object({ id: z.string().min(1), post_id: z.string().min(1).optional() });
const page = z.object({ id: z.string(), name: z.string() });
const feed = z.object({ data: z.array(z.object({ id: z.string(), message: z.string().optional() })) });

const RATE_LIMIT_CODES = new Set([4, 17, 32, 613, 80001]);
const AUTH_CODES = new Set([102, 190, 10]);
const DUPLICATE_CODE = 506;

/** Graph's usage headers say how many minutes until access returns; without them wait a while. */
function graphRetryAt(headers: Headers, now = Date.now()): number {
  const usage = headers.get('x-business-use-case-usage');
  if (usage) {
    try {
      const minutes = Object.values(JSON.parse(usage) as Record<string, { estimated_time_to_regain_access?: number }[]>)
        .flat()
        .map((entry) => entry.estimated_time_to_regain_access ?? 0);
      const wait = Math.max(0, ...minutes);
      if (wait > 0) return now + wait * 60_000;
    } catch {
      // fall through to the default
    }
  }
  return now + 5 * 60_000;
}

/** Maps Graph's `{error:{code,...}}` body; the code says more than the HTTP status. */
export function graphFailure(response: HttpResponse): Error {
  const body = parseError(graphError, response.data)?.error;
  if (!body) return errorFromHttp({ status: response.status, headers: response.headers, detail: `HTTP ${response.status}` });
  const detail = `${body.code}${body.error_subcode ? `/${body.error_subcode}` : ''}: ${body.message}`;
  if (AUTH_CODES.has(body.code) || (body.code >= 200 && body.code < 300)) return new AuthError(detail);
  if (RATE_LIMIT_CODES.has(body.code)) return new RateLimitError(graphRetryAt(response.headers), detail);
  if (body.code === DUPLICATE_CODE) return new ContentError('duplicate', detail);
  if (body.code === 1 || body.code === 2 || response.status >= 500) return new TransientError(detail);
  return errorFromHttp({ status: response.status, headers: response.headers, detail });
}

const auth = (account: FacebookAccount) => ({ authorization: `Bearer ${account.token}` });

async function graph<T>(account: FacebookAccount, path: string, schema: z.ZodType<T>, signal?: AbortSignal, form?: Record<string, string>): Promise<T> {
  const response = await http(
    `${GRAPH}/${path}`,
    form
      ? { method: 'POST', headers: { ...auth(account), 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), signal }
      : { method: 'GET', headers: auth(account), signal },
  );
  if (!response.ok) throw graphFailure(response);
  return parse(schema, response.data, 'Facebook');
}

const postUrl = (id: string) => `https://www.facebook.com/${id}`;

export const facebook: Network<FacebookAccount> = {
  ...textRules('facebook'),

  async publish(post, account, signal): Promise<PublishResult> {
    const message = post.parts.join('\n\n');
    const pageId = encodeURIComponent(account.pageId);
    if (post.image) {
      const photo = await graph(account, `${pageId}/photos`, created, signal, { url: post.image.url, caption: message, published: 'true' });
      const id = photo.post_id ?? photo.id;
      return { remoteId: id, url: postUrl(id) };
    }
    const form: Record<string, string> = { message };
    if (post.url) form.link = post.url;
    const result = await graph(account, `${pageId}/feed`, created, signal, form);
    return { remoteId: result.id, url: postUrl(result.id) };
  },

  async verify(account, signal) {
    const result = await graph(account, `${encodeURIComponent(account.pageId)}?fields=name`, page, signal);
    return { name: result.name, expiresAt: account.expiresAt };
  },

  async findExisting(post, account, signal) {
    const path = `${encodeURIComponent(account.pageId)}/feed?fields=id,message&limit=25`;
    const result = await graph(account, path, feed, signal);
    const message = post.parts.join('\n\n').trim();
    const match = result.data.find((entry) => entry.message?.trim() === message);
    return match ? { remoteId: match.id, url: postUrl(match.id) } : undefined;
  },
};
