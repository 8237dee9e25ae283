import { z } from 'zod';
import { ContentError } from '../errors';
import { API_VERSIONS } from './api-versions';
import { graphFailure } from './facebook';
import { announceRefresh, type AdapterHooks } from './hooks';
import { http, parse } from './http';
import type { AccountFor } from './registry';
import { textRules } from './text-rules';
import type { Network, PublishResult } from './types';
import type { ImageHost } from './instagram-image';
import { prepareThreadsImage } from './threads-image';
import { waitForContainer, type ContainerVerdict } from './container-poll';

type ThreadsAccount = AccountFor<'threads'>;

const THREADS = `https://graph.threads.net/${API_VERSIONS.threads.version}`;
const idOnly = z.object({ id: z.string().min(1) });
const permalink = z.object({ id: z.string(), permalink: z.string().url() });
const containerStatus = z.object({ id: z.string(), status: z.string(), error_message: z.string().optional() });
const me = z.object({ id: z.string(), username: z.string() });
const recent = z.object({ data: z.array(z.object({ id: z.string(), text: z.string().optional(), permalink: z.string().optional() })) });

// Every container (text too) is processed by Meta before it can be published: "it is recommended to
// wait on average 30 seconds before publishing", or to query the container's status until FINISHED
// (developers.facebook.com/docs/threads/posts, "Step 2: Publish"; /troubleshooting#publishing-does-not-return-a-media-id).
const STATUS_POLL_MS = 500;
const STATUS_POLL_TRIES = 10;
const refreshed = z.object({ access_token: z.string().min(1), expires_in: z.number().positive() });
/**
 * Long-lived tokens last 60 days and can be renewed with grant_type=th_refresh_token while valid and at
 * least 24 hours old (developers.facebook.com/docs/threads/get-started/long-lived-tokens). Renew when
 * less than this is left, so the officer never has to paste a new one.
 */
const RENEW_WITHIN_MS = 7 * 24 * 60 * 60_000;

async function call<T>(account: ThreadsAccount, path: string, schema: z.ZodType<T>, signal?: AbortSignal, form?: Record<string, string>): Promise<T> {
  const headers = { authorization: `Bearer ${account.token}` };
  const response = await http(
    `${THREADS}/${path}`,
    form
      ? { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), signal }
      : { method: 'GET', headers, signal },
  );
  if (!response.ok) throw graphFailure(response);
  return parse(schema, response.data, 'Threads');
}

function waitUntilReady(account: ThreadsAccount, containerId: string, signal: AbortSignal): Promise<void> {
  return waitForContainer(
    () => call(account, `${encodeURIComponent(containerId)}?fields=status,error_message`, containerStatus, signal),
    (state): ContainerVerdict =>
      state.status === 'FINISHED'
        ? { ready: true }
        : state.status === 'ERROR' || state.status === 'EXPIRED'
          ? { fail: new ContentError('image', state.error_message ?? state.status) }
          : { wait: true },
    { tries: STATUS_POLL_TRIES, delayMs: (attempt) => STATUS_POLL_MS * (attempt + 1), stillWaiting: 'Threads media still processing' },
    signal,
  );
}

export interface ThreadsOptions extends AdapterHooks<ThreadsAccount> {
  /** Where a converted page image gets a public URL Threads can fetch (the connected Facebook Page). */
  imageHost?: ImageHost;
}

/** The Threads adapter; `hooks` stores a renewed long-lived token in place of the old one. */
export function createThreads(hooks: ThreadsOptions = {}): Network<ThreadsAccount> {
  const renewed = new Map<string, ThreadsAccount>();

  /** The account with a token renewed by th_refresh_token when it ends within a week; the old one on any failure. */
  async function fresh(stored: ThreadsAccount, signal?: AbortSignal): Promise<ThreadsAccount> {
    const account = renewed.get(stored.userId) ?? stored;
    if (account.expiresAt === undefined || account.expiresAt - Date.now() > RENEW_WITHIN_MS || account.expiresAt <= Date.now()) return account;
    try {
      const query = new URLSearchParams({ grant_type: 'th_refresh_token', access_token: account.token });
      const response = await http(`https://graph.threads.net/refresh_access_token?${query}`, { method: 'GET', signal });
      if (!response.ok) return account;
      const tokens = parse(refreshed, response.data, 'Threads');
      const next = { ...account, token: tokens.access_token, expiresAt: Date.now() + tokens.expires_in * 1000 };
      renewed.set(stored.userId, next);
      await announceRefresh(hooks, next);
      return next;
    } catch {
      return account; // the current token still works until its date; the next send tries again
    }
  }

  return {
    ...textRules('threads'),

    async publish(post, stored, signal): Promise<PublishResult> {
      const account = await fresh(stored, signal);
      const user = encodeURIComponent(account.userId);
      const picture = post.image ? await prepareThreadsImage(post.image.url, signal, hooks.imageHost) : undefined;
      let first: string | undefined;
      let previous: string | undefined;
      for (const [index, part] of post.parts.entries()) {
        const imageUrl = index === 0 ? picture?.imageUrl : undefined;
        const form: Record<string, string> = imageUrl
          ? { media_type: 'IMAGE', image_url: imageUrl, text: part, ...(post.image?.alt ? { alt_text: post.image.alt } : {}) }
          : { media_type: 'TEXT', text: part };
        if (previous) form.reply_to_id = previous;
        const container = await call(account, `${user}/threads`, idOnly, signal, form);
        await waitUntilReady(account, container.id, signal);
        const published = await call(account, `${user}/threads_publish`, idOnly, signal, { creation_id: container.id });
        first ??= published.id;
        previous = published.id;
      }
      if (!first) throw new ContentError('empty', 'nothing to post');
      const link = await call(account, `${encodeURIComponent(first)}?fields=permalink`, permalink, signal);
      return { remoteId: first, url: link.permalink, ...(picture?.notice ? { notice: picture.notice } : {}) };
    },

    async verify(stored, signal) {
      const account = await fresh(stored, signal);
      const result = await call(account, 'me?fields=id,username', me, signal);
      return { name: `@${result.username}`, expiresAt: account.expiresAt };
    },

    async findExisting(post, stored, signal) {
      const account = await fresh(stored, signal);
      const result = await call(account, `${encodeURIComponent(account.userId)}/threads?fields=id,text,permalink&limit=25`, recent, signal);
      const text = post.parts[0]?.trim();
      const match = result.data.find((entry) => entry.text?.trim() === text);
      return match ? { remoteId: match.id, url: match.permalink ?? `https://www.threads.net/post/${match.id}` } : undefined;
    },
  };
}

export const threads = createThreads();
