import { ApiResponseError, type EUploadMimeType, type TwitterApi } from 'twitter-api-v2';
import { z } from 'zod';
import { AuthError, ContentError } from '../errors';
import { findUrls } from '../text/urls';
import type { XAccount } from './accounts';
import { errorFromFetchFailure, errorFromHttp } from './errors';
import { announceRefresh, type AdapterHooks } from './hooks';
import { http, parse } from './http';
import { IMAGE_LIMITS } from './image-limits';
import { fitPageImage, uploadOrNotice } from './page-image';
import { textRules } from './text-rules';
import type { DeliveryNotice, Network, PublishResult, TargetPost } from './types';
import { xBillingError } from './x-billing';
import { createXClient } from './x-client';

const tweetCreated = z.object({ data: z.object({ id: z.string().regex(/^\d+$/), text: z.string() }) });
const me = z.object({ data: z.object({ id: z.string(), name: z.string(), username: z.string() }) });
const timeline = z.object({ data: z.array(z.object({ id: z.string(), text: z.string() })).optional() });
const mediaId = z.string().regex(/^\d+$/);
const tokenAnswer = z.object({ access_token: z.string().min(1), refresh_token: z.string().min(1).optional(), expires_in: z.number().positive() });

export const X_TOKEN_URL = 'https://api.x.com/2/oauth2/token';
/** Refresh this long before expiry so a token never lapses between the check and the request. */
const EXPIRY_MARGIN_MS = 60_000;

/** Maps twitter-api-v2's errors (thrown by our fetch plugin) to Siar's typed errors. */
function fromXError(error: unknown): Error {
  if (error instanceof AuthError || error instanceof ContentError) return error;
  if (!(error instanceof ApiResponseError)) return errorFromFetchFailure(error);
  const data = error.data as { detail?: string; title?: string } | undefined;
  const detail = data?.detail ?? data?.title ?? error.message;
  const billing = xBillingError(error.code, (error.headers ?? {}) as Record<string, string | undefined>, data);
  if (billing) return billing;
  return errorFromHttp({
    status: error.code,
    headers: (error.headers ?? {}) as Record<string, string | undefined>,
    detail,
    duplicate: error.code === 403 && /duplicate/i.test(detail),
  });
}

async function call<T>(request: () => Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
  let raw: unknown;
  try {
    raw = await request();
  } catch (error) {
    throw fromXError(error);
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) throw new ContentError('response', 'unexpected X response');
  return parsed.data;
}

type OAuth2Account = Extract<XAccount, { auth: 'oauth2' }>;
const canRefresh = (account: XAccount): account is OAuth2Account & { refreshToken: string } => account.auth === 'oauth2' && account.refreshToken !== undefined;

/** X's tweet text comes back with links as t.co and &, <, > as entities; compare what the officer wrote. */
export function comparableTweetText(text: string): string {
  let out = '';
  let cursor = 0;
  const decoded = text.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&amp;/g, '&');
  for (const url of findUrls(decoded)) {
    out += `${decoded.slice(cursor, url.start)}\u0000`;
    cursor = url.end;
  }
  return (out + decoded.slice(cursor)).trim();
}

export function createX(hooks: AdapterHooks<XAccount> = {}): Network<XAccount> {
  // The newest tokens per client id: X refresh tokens are single-use, so a stale stored copy must not win.
  const latest = new Map<string, OAuth2Account>();

  function current(account: XAccount): XAccount {
    if (account.auth !== 'oauth2') return account;
    const cached = latest.get(account.clientId);
    return cached && (cached.expiresAt ?? 0) > (account.expiresAt ?? 0) ? cached : account;
  }

  async function refresh(account: OAuth2Account & { refreshToken: string }, signal: AbortSignal): Promise<XAccount> {
    // A public (PKCE) client refreshes with its client id alone; the token goes only to api.x.com.
    const body = new URLSearchParams({ grant_type: 'refresh_token', refresh_token: account.refreshToken, client_id: account.clientId });
    const response = await http(X_TOKEN_URL, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body, signal });
    if (!response.ok) {
      const detail = `token refresh ${response.status}`;
      if (response.status === 400) throw new AuthError(detail); // invalid_grant: revoked or already used
      throw errorFromHttp({ status: response.status, headers: response.headers, detail });
    }
    const tokens = parse(tokenAnswer, response.data, 'X');
    const fresh: OAuth2Account = {
      ...account,
      accessToken: tokens.access_token,
      refreshToken: tokens.refresh_token ?? account.refreshToken,
      expiresAt: Date.now() + tokens.expires_in * 1000,
    };
    latest.set(account.clientId, fresh);
    await announceRefresh(hooks, fresh);
    return fresh;
  }

  /** Requests with the freshest credentials, refreshing once before expiry or after a 401. */
  function session(stored: XAccount, signal: AbortSignal) {
    let account = current(stored);
    let refreshed = false;
    return {
      get account() {
        return account;
      },
      async call<T>(request: (client: TwitterApi) => Promise<unknown>, schema: z.ZodType<T>): Promise<T> {
        if (canRefresh(account) && account.expiresAt !== undefined && account.expiresAt - EXPIRY_MARGIN_MS <= Date.now()) {
          account = await refresh(account, signal);
          refreshed = true;
        }
        try {
          return await call(() => request(createXClient(account, signal)), schema);
        } catch (error) {
          if (!(error instanceof AuthError) || refreshed || !canRefresh(account)) throw error;
        }
        account = await refresh(account, signal);
        refreshed = true;
        return call(() => request(createXClient(account, signal)), schema);
      },
    };
  }

  /**
   * Uploads the page image in a type and size X takes (IMAGE_LIMITS.x), converted when needed; an image
   * that cannot be made to fit is left out and the notice says so.
   */
  async function uploadImage(
    x: ReturnType<typeof session>,
    image: NonNullable<TargetPost['image']>,
    signal: AbortSignal,
  ): Promise<{ id?: string; notice?: DeliveryNotice }> {
    const fitted = await fitPageImage(image.url, IMAGE_LIMITS.x, signal);
    if (!fitted.image) return { notice: fitted.notice };
    const { bytes, type } = fitted.image;
    return uploadOrNotice(async () => {
      const id = await x.call(
        (client) =>
          client.v2.uploadMedia(Buffer.from(bytes), {
            media_type: type as EUploadMimeType,
            media_category: type === 'image/gif' ? 'tweet_gif' : 'tweet_image',
          }),
        mediaId,
      );
      if (image.alt.trim()) {
        await x.call((client) => client.v2.createMediaMetadata(id, { alt_text: { text: image.alt.trim().slice(0, 1000) } }), z.unknown());
      }
      return id;
    }, signal);
  }

  const urlFor = (account: XAccount, id: string) => `https://x.com/${account.username ?? 'i'}/status/${id}`;

  return {
    ...textRules('x'),

    async publish(post, account, signal): Promise<PublishResult> {
      const x = session(account, signal);
      const uploaded = post.image ? await uploadImage(x, post.image, signal) : undefined;
      const media = uploaded?.id;
      let first: { id: string } | undefined;
      // A response answers the mention's tweet (POST /2/tweets `reply.in_reply_to_tweet_id`,
      // https://docs.x.com/x-api/posts/create-post); a thread's later parts answer the part before.
      let previous: string | undefined = post.replyTo;
      for (const part of post.parts) {
        const body = {
          text: part,
          ...(previous ? { reply: { in_reply_to_tweet_id: previous } } : {}),
          ...(!first && media ? { media: { media_ids: [media] } } : {}),
        };
        const created = await x.call((client) => client.v2.post('tweets', body), tweetCreated);
        first ??= created.data;
        previous = created.data.id;
      }
      if (!first) throw new ContentError('empty', 'nothing to post');
      return { remoteId: first.id, url: urlFor(account, first.id), ...(uploaded?.notice ? { notice: uploaded.notice } : {}) };
    },

    async verify(account, signal = AbortSignal.timeout(20_000)) {
      const x = session(account, signal);
      const result = await x.call((client) => client.v2.get('users/me'), me);
      // An access token with a refresh token renews itself; only one that cannot be renewed lapses for the officer.
      const expiresAt = x.account.auth === 'oauth2' && !x.account.refreshToken ? x.account.expiresAt : undefined;
      return { name: `@${result.data.username}`, ...(expiresAt ? { expiresAt } : {}) };
    },

    async findExisting(post, account, signal) {
      const x = session(account, signal);
      const user = await x.call((client) => client.v2.get('users/me'), me);
      const recent = await x.call((client) => client.v2.get(`users/${user.data.id}/tweets`, { max_results: 20, exclude: 'retweets,replies' }), timeline);
      const wanted = comparableTweetText(post.parts[0] ?? '');
      const match = recent.data?.find((tweet) => comparableTweetText(tweet.text) === wanted);
      return match ? { remoteId: match.id, url: urlFor(account, match.id) } : undefined;
    },
  };
}

export const x = createX();
