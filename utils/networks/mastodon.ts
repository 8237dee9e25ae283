import { z } from 'zod';
import { AuthError, ContentError, RateLimitError, TransientError } from '../errors';
import { RULES } from './rules';
import { errorFromHttp } from './errors';
import { http, jsonHeaders, parse, parseError, resetAt, type HttpResponse } from './http';
import type { AccountFor } from './registry';
import { stripTags } from '../text/html';
import { postLanguage } from './langs';
import { textRules } from './text-rules';
import type { DeliveryNotice, Network } from './types';
import { mastodonImageLimits } from './mastodon-media';
import { fitPageImage, uploadOrNotice } from './page-image';

type MastodonAccount = AccountFor<'mastodon'>;

const status = z.object({ id: z.string().min(1), url: z.string().nullable().optional(), uri: z.string() });
const attachment = z.object({ id: z.string().min(1), url: z.string().nullable().optional() });
const credentials = z.object({ id: z.string(), username: z.string(), acct: z.string(), display_name: z.string().optional() });
const mastodonError = z.object({ error: z.string(), error_description: z.string().optional() });

/** Mastodon processes images asynchronously (202); a status may only reference a processed one. */
const MEDIA_POLL_MS = 400;
const MEDIA_POLL_TRIES = 15;

export function mastodonFailure(response: HttpResponse, now = Date.now()): Error {
  const detail = parseError(mastodonError, response.data)?.error ?? `HTTP ${response.status}`;
  // X-RateLimit-Reset is an ISO 8601 time on Mastodon, unlike X's Unix seconds.
  if (response.status === 429) {
    return new RateLimitError(resetAt(response.headers.get('x-ratelimit-reset'), now) ?? now + 60_000, detail);
  }
  if (response.status === 422 && /too long|character limit/i.test(detail)) return new ContentError('too-long', detail);
  return errorFromHttp({ status: response.status, headers: response.headers, detail }, now);
}

const origin = (account: MastodonAccount) => new URL(account.instance).origin;
const bearer = (account: MastodonAccount) => ({ authorization: `Bearer ${account.accessToken}` });

async function call<T>(url: string, init: RequestInit, schema: z.ZodType<T>): Promise<{ data: T; status: number }> {
  const response = await http(url, init);
  if (!response.ok) throw mastodonFailure(response);
  return { data: parse(schema, response.data, 'Mastodon'), status: response.status };
}

function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(resolve, ms);
    signal.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(new TransientError('timeout'));
      },
      { once: true },
    );
  });
}

/** File name extensions for the types a page image is sent as. */
const EXTENSIONS: Record<string, string> = { 'image/jpeg': 'jpg', 'image/png': 'png', 'image/gif': 'gif', 'image/webp': 'webp', 'image/avif': 'avif' };

/**
 * Uploads the page image within the instance's own limits (./mastodon-media.ts), converted when needed;
 * one that cannot be made to fit is left out with a notice. Returns the processed attachment's id.
 */
async function uploadImage(
  account: MastodonAccount,
  image: { url: string; alt: string },
  signal: AbortSignal,
): Promise<{ id?: string; notice?: DeliveryNotice }> {
  const fitted = await fitPageImage(image.url, await mastodonImageLimits(origin(account), signal), signal);
  if (!fitted.image) return { notice: fitted.notice };
  const { bytes, type } = fitted.image;
  return uploadOrNotice(() => uploadAttachment(account, image, bytes, type, signal), signal);
}

/** POST /api/v2/media, then waits while the instance processes it (202 → 206 … → 200). */
async function uploadAttachment(
  account: MastodonAccount,
  image: { url: string; alt: string },
  bytes: Uint8Array,
  type: string,
  signal: AbortSignal,
): Promise<string> {
  const form = new FormData();
  const stem = (new URL(image.url).pathname.split('/').pop() || 'image').replace(/\.[a-z0-9]+$/i, '') || 'image';
  const name = `${stem}.${EXTENSIONS[type] ?? 'img'}`;
  form.append('file', new Blob([bytes as BlobPart], { type }), name);
  if (image.alt) form.append('description', image.alt.slice(0, 1500));
  const uploaded = await call(`${origin(account)}/api/v2/media`, { method: 'POST', headers: bearer(account), body: form, signal }, attachment);
  if (uploaded.status !== 202) return uploaded.data.id;
  for (let attempt = 0; attempt < MEDIA_POLL_TRIES; attempt++) {
    await sleep(MEDIA_POLL_MS * (attempt + 1), signal);
    const polled = await call(`${origin(account)}/api/v1/media/${encodeURIComponent(uploaded.data.id)}`, { headers: bearer(account), signal }, attachment);
    // 206 Partial Content means still processing.
    if (polled.status === 200) return polled.data.id;
  }
  throw new TransientError('media still processing');
}

const ownStatuses = z.array(z.object({ id: z.string(), url: z.string().nullable().optional(), uri: z.string(), content: z.string() }));

/** Mastodon's status HTML as the plain text the officer wrote: tags dropped, entities decoded, spaces collapsed. */
const comparable = (html: string) => stripTags(html.replace(/<br\s*\/?>|<\/p>\s*<p>/gi, ' '));
const searchResult = z.object({ statuses: z.array(status) });

/**
 * A status from any server, as its id on the officer's own instance (`in_reply_to_id` takes only
 * local ids): GET /api/v2/search with `resolve=true` fetches a remote status by its URI
 * (https://docs.joinmastodon.org/methods/search/#v2).
 */
async function localStatusId(account: MastodonAccount, uri: string, signal: AbortSignal): Promise<string> {
  const query = new URLSearchParams({ q: uri, type: 'statuses', resolve: 'true', limit: '1' });
  const found = await call(`${origin(account)}/api/v2/search?${query}`, { headers: bearer(account), signal }, searchResult);
  const match = found.data.statuses[0];
  if (!match) throw new ContentError('reply', `status ${uri} not found from ${origin(account)}`);
  return match.id;
}

export const mastodon: Network<MastodonAccount> = {
  ...textRules('mastodon'),
  idempotent: true,
  // "Idempotency-Key … keys are stored for one hour" (docs.joinmastodon.org/methods/statuses/#create).
  idempotencyWindowMs: 60 * 60_000,

  async findExisting(post, account, signal) {
    const me = await call(`${origin(account)}/api/v1/accounts/verify_credentials`, { headers: bearer(account), signal }, credentials);
    const recent = await call(
      `${origin(account)}/api/v1/accounts/${encodeURIComponent(me.data.id)}/statuses?limit=40&exclude_replies=true`,
      { headers: bearer(account), signal },
      ownStatuses,
    );
    const wanted = stripTags(post.parts[0] ?? '');
    // Mastodon links and hashtags come back as markup; the plain text still reads the same.
    const match =
      recent.data.find((own) => comparable(own.content) === wanted) ??
      (post.url ? recent.data.find((own) => own.content.includes(post.url) && comparable(own.content).startsWith(wanted.slice(0, 40))) : undefined);
    return match ? { remoteId: match.id, url: match.url ?? match.uri } : undefined;
  },

  async publish(post, account, signal) {
    // The composer measures against the default 500; the instance may allow less (or more).
    const tooLong = post.parts.find((part) => !RULES.mastodon.measure(part, { limit: account.maxChars }).ok);
    if (tooLong !== undefined) throw new ContentError('too-long', `part exceeds ${account.maxChars}`);
    const uploaded = post.image ? await uploadImage(account, post.image, signal) : undefined;
    const mediaIds = uploaded?.id ? [uploaded.id] : [];
    let first: z.infer<typeof status> | undefined;
    let previous = post.replyTo ? await localStatusId(account, post.replyTo, signal) : undefined;
    for (const [index, part] of post.parts.entries()) {
      const body = {
        status: part,
        visibility: 'public',
        language: postLanguage(post.lang, post.parts[0] ?? part),
        ...(index === 0 && mediaIds.length ? { media_ids: mediaIds } : {}),
        ...(previous ? { in_reply_to_id: previous } : {}),
      };
      // One key per part, stable across resends, so Mastodon answers a resend with the status it already made.
      const key = index === 0 ? post.idempotencyKey : `${post.idempotencyKey}:${index}`;
      const created = await call(
        `${origin(account)}/api/v1/statuses`,
        {
          method: 'POST',
          headers: jsonHeaders({ ...bearer(account), 'idempotency-key': key }),
          body: JSON.stringify(body),
          signal,
        },
        status,
      );
      first ??= created.data;
      previous = created.data.id;
    }
    if (!first) throw new ContentError('empty', 'nothing to post');
    return { remoteId: first.id, url: first.url ?? first.uri, ...(uploaded?.notice ? { notice: uploaded.notice } : {}) };
  },

  async verify(account, signal) {
    const me = await call(`${origin(account)}/api/v1/accounts/verify_credentials`, { headers: bearer(account), signal }, credentials);
    if (!me.data.username) throw new AuthError('no account');
    return { name: `@${me.data.username}@${new URL(account.instance).host}` };
  },
};
