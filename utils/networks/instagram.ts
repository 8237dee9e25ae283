import { z } from 'zod';
import { AuthError, ContentError, RateLimitError, TransientError } from '../errors';
import type { MessageKey } from '../i18n';
import { API_VERSIONS } from './api-versions';
import { graphFailure } from './facebook';
import { announceRefresh, type AdapterHooks } from './hooks';
import { http, parse, parseError, type HttpResponse } from './http';
import { InstagramImageError, prepareInstagramImage, type ImageHost } from './instagram-image';
import { waitForContainer, type ContainerVerdict } from './container-poll';
import type { AccountFor } from './registry';
import { textRules } from './text-rules';
import type { Network, PublishResult, TargetPost } from './types';

// Which API: the Instagram API with Instagram Login (graph.instagram.com), not the one with Facebook
// Login. Both publish the same way (developers.facebook.com/docs/instagram-platform/content-publishing),
// but only Instagram Login (a) needs no Facebook Page linked to the account
// (developers.facebook.com/docs/instagram-platform/instagram-api-with-instagram-login) and (b) lets the
// holder of a long-lived token renew it with grant_type=ig_refresh_token, no app secret involved
// (developers.facebook.com/docs/instagram-platform/reference/refresh_access_token). Facebook Login's
// long-lived tokens come from fb_exchange_token, which needs the app secret and so "should only be made
// in server-side code" (developers.facebook.com/docs/facebook-login/guides/access-tokens/get-long-lived):
// Siar has no server. Scopes: instagram_business_basic + instagram_business_content_publish.

type InstagramAccount = AccountFor<'instagram'>;

const IG = `https://graph.instagram.com/${API_VERSIONS.instagram.version}`;
const idOnly = z.object({ id: z.string().min(1) });
const me = z.object({ user_id: z.union([z.string(), z.number()]).optional(), username: z.string() });
const status = z.object({ status_code: z.enum(['EXPIRED', 'ERROR', 'FINISHED', 'IN_PROGRESS', 'PUBLISHED']), status: z.string().optional() });
const mediaList = z.object({ data: z.array(z.object({ id: z.string(), caption: z.string().optional(), permalink: z.string().optional() })) });
const permalink = z.object({ id: z.string(), permalink: z.string().url() });
const limit = z.object({
  data: z.array(z.object({ quota_usage: z.number(), config: z.object({ quota_total: z.number(), quota_duration: z.number() }).optional() })),
});
const refreshed = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
const graphError = z.object({ error: z.object({ code: z.number(), error_subcode: z.number().optional(), message: z.string() }) });

/** Renew a long-lived token (60 days) when less than this is left; it must be 24 h old (see above). */
const RENEW_WITHIN_MS = 7 * 24 * 60 * 60_000;
/**
 * The publishing limit is a moving 24-hour window and Meta publishes no reset time
 * (…/reference/ig-user/content_publishing_limit); Siar looks again an hour later.
 */
export const LIMIT_RETRY_MS = 60 * 60_000;
/** Status polls: 0.5, 1, 2, 4 s … within the send's 25 s budget; the saved container survives a timeout. */
const POLL_FIRST_MS = 500;
const POLL_TRIES = 6;

/** The Content Publishing API's own limit (code 9, subcode 2207042), told apart from request throttling. */
export class InstagramLimitError extends RateLimitError {
  override readonly messageKey: MessageKey = 'errorInstagramLimit';
}
/** The token works but lacks a scope (codes 10 and 200–299). */
export class InstagramPermissionError extends AuthError {
  override readonly messageKey: MessageKey = 'errorInstagramPermission';
}

// developers.facebook.com/docs/instagram-platform/instagram-graph-api/reference/error-codes
const IMAGE_SUBCODES = new Set([2207004, 2207005, 2207009, 2207052]);
const RETRY_SUBCODES = new Set([2207001, 2207003, 2207032, 2207027]);

/** Maps Instagram's `{error:{code,error_subcode}}` bodies; what Graph shares with Facebook goes to graphFailure. */
export function instagramFailure(response: HttpResponse, now = Date.now()): Error {
  const body = parseError(graphError, response.data)?.error;
  if (body) {
    const detail = `${body.code}${body.error_subcode ? `/${body.error_subcode}` : ''}: ${body.message}`;
    if (body.code === 9 && body.error_subcode === 2207042) return new InstagramLimitError(now + LIMIT_RETRY_MS, detail);
    if (body.code === 10 || (body.code >= 200 && body.code < 300)) return new InstagramPermissionError(detail);
    if (body.error_subcode && IMAGE_SUBCODES.has(body.error_subcode)) return new InstagramImageError('errorInstagramImage', detail);
    if (body.error_subcode && RETRY_SUBCODES.has(body.error_subcode)) return new TransientError(detail);
  }
  return graphFailure(response);
}

async function call<T>(account: InstagramAccount, path: string, schema: z.ZodType<T>, signal?: AbortSignal, form?: Record<string, string>): Promise<T> {
  const headers = { authorization: `Bearer ${account.token}` };
  const response = await http(
    `${IG}/${path}`,
    form
      ? { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), signal }
      : { method: 'GET', headers, signal },
  );
  if (!response.ok) throw instagramFailure(response);
  return parse(schema, response.data, 'Instagram');
}

const captionOf = (post: TargetPost) => post.parts.join('\n\n');

export interface InstagramOptions extends AdapterHooks<InstagramAccount> {
  /** Where a converted JPEG gets a public URL (the connected Facebook Page); none: the officer is told. */
  imageHost?: ImageHost;
}

/** The Instagram adapter: one image post per delivery, container → FINISHED → media_publish, resumable. */
export function createInstagram(options: InstagramOptions = {}): Network<InstagramAccount> {
  const renewed = new Map<string, InstagramAccount>();

  /** The account with its token renewed by ig_refresh_token when it ends within a week; the old one on any failure. */
  async function fresh(stored: InstagramAccount, signal?: AbortSignal): Promise<InstagramAccount> {
    const account = renewed.get(stored.userId) ?? stored;
    if (account.expiresAt === undefined || account.expiresAt - Date.now() > RENEW_WITHIN_MS || account.expiresAt <= Date.now()) return account;
    try {
      const query = new URLSearchParams({ grant_type: 'ig_refresh_token', access_token: account.token });
      const response = await http(`https://graph.instagram.com/refresh_access_token?${query}`, { method: 'GET', signal });
      if (!response.ok) return account;
      const tokens = parse(refreshed, response.data, 'Instagram');
      const next = { ...account, token: tokens.access_token, expiresAt: Date.now() + tokens.expires_in * 1000 };
      renewed.set(stored.userId, next);
      await announceRefresh(options, next);
      return next;
    } catch {
      return account; // the current token still works until its date; the next send tries again
    }
  }

  async function findByCaption(account: InstagramAccount, caption: string, signal: AbortSignal): Promise<PublishResult | undefined> {
    const list = await call(account, `${encodeURIComponent(account.userId)}/media?fields=id,caption,permalink&limit=25`, mediaList, signal);
    const match = list.data.find((media) => media.caption?.trim() === caption.trim());
    return match ? { remoteId: match.id, url: match.permalink ?? `https://www.instagram.com/p/${match.id}/` } : undefined;
  }

  /** FINISHED → ready; IN_PROGRESS → wait with doubling pauses; ERROR/EXPIRED → that container is spent. */
  async function waitUntilFinished(account: InstagramAccount, containerId: string, signal: AbortSignal): Promise<void> {
    await waitForContainer(
      () => call(account, `${encodeURIComponent(containerId)}?fields=status_code,status`, status, signal),
      (state): ContainerVerdict => {
        if (state.status_code === 'FINISHED') return { ready: true };
        if (state.status_code === 'ERROR') return { fail: new InstagramImageError('errorInstagramImage', state.status ?? 'container ERROR') };
        if (state.status_code === 'EXPIRED' || state.status_code === 'PUBLISHED') return { fail: new TransientError(`container ${state.status_code}`) };
        return { wait: true };
      },
      { tries: POLL_TRIES, delayMs: (attempt) => POLL_FIRST_MS * 2 ** attempt, stillWaiting: 'Instagram container still IN_PROGRESS' },
      signal,
    );
  }

  async function checkQuota(account: InstagramAccount, signal: AbortSignal): Promise<void> {
    const usage = (await call(account, `${encodeURIComponent(account.userId)}/content_publishing_limit?fields=quota_usage,config`, limit, signal)).data[0];
    if (usage?.config && usage.quota_usage >= usage.config.quota_total) {
      throw new InstagramLimitError(Date.now() + LIMIT_RETRY_MS, `quota ${usage.quota_usage}/${usage.config.quota_total}`);
    }
  }

  /** A container made by an earlier attempt of this delivery that can still be published, if any. */
  async function resumable(account: InstagramAccount, post: TargetPost, signal: AbortSignal): Promise<{ id: string } | { done: PublishResult } | undefined> {
    const id = post.checkpoint?.value;
    if (!id) return undefined;
    let state: z.infer<typeof status>;
    try {
      state = await call(account, `${encodeURIComponent(id)}?fields=status_code`, status, signal);
    } catch (error) {
      // Graph answers an id it no longer knows with code 100/24: start over with a new container.
      if (error instanceof ContentError) return undefined;
      throw error;
    }
    if (state.status_code === 'PUBLISHED') {
      const found = await findByCaption(account, captionOf(post), signal);
      if (found) return { done: found };
      // Published but not among the latest 25: never create a second one.
      throw new ContentError('duplicate', `container ${id} already published`);
    }
    return state.status_code === 'FINISHED' || state.status_code === 'IN_PROGRESS' ? { id } : undefined;
  }

  return {
    ...textRules('instagram'),

    async publish(post, stored, signal): Promise<PublishResult> {
      if (!post.image) throw new InstagramImageError('errorInstagramNoImage', 'no image');
      const account = await fresh(stored, signal);
      const user = encodeURIComponent(account.userId);
      const previous = await resumable(account, post, signal);
      if (previous && 'done' in previous) return previous.done;
      let containerId = previous?.id;
      if (!containerId) {
        await checkQuota(account, signal);
        const imageUrl = await prepareInstagramImage(post.image.url, signal, options.imageHost);
        const form: Record<string, string> = { image_url: imageUrl, caption: captionOf(post) };
        if (post.image.alt) form.alt_text = post.image.alt;
        containerId = (await call(account, `${user}/media`, idOnly, signal, form)).id;
        // Saved before any wait: a worker stopped from here on resumes this container, never makes another.
        await post.checkpoint?.save(containerId);
      }
      await waitUntilFinished(account, containerId, signal);
      const published = await call(account, `${user}/media_publish`, idOnly, signal, { creation_id: containerId });
      const link = await call(account, `${encodeURIComponent(published.id)}?fields=id,permalink`, permalink, signal).catch(() => ({
        id: published.id,
        permalink: `https://www.instagram.com/p/${published.id}/`,
      }));
      return { remoteId: published.id, url: link.permalink };
    },

    async verify(stored, signal) {
      const account = await fresh(stored, signal);
      const result = await call(account, 'me?fields=user_id,username', me, signal);
      return { name: `@${result.username}`, expiresAt: account.expiresAt };
    },

    async findExisting(post, stored, signal) {
      const account = await fresh(stored, signal);
      const previous = await resumable(account, post, signal);
      if (previous && 'done' in previous) return previous.done;
      if (previous) return undefined; // its container waits unpublished: publish() resumes it
      return findByCaption(account, captionOf(post), signal);
    },
  };
}

export const instagram = createInstagram();
