import { z } from 'zod';
import { ContentError, TransientError } from '../errors';
import { API_VERSIONS } from './api-versions';
import { graphFailure } from './facebook';
import { http, parse } from './http';
import type { AccountFor } from './registry';
import { textRules } from './text-rules';
import type { Network, PublishResult } from './types';

type ThreadsAccount = AccountFor<'threads'>;

const THREADS = `https://graph.threads.net/${API_VERSIONS.threads.version}`;
const idOnly = z.object({ id: z.string().min(1) });
const permalink = z.object({ id: z.string(), permalink: z.string().url() });
const containerStatus = z.object({ id: z.string(), status: z.string(), error_message: z.string().optional() });
const me = z.object({ id: z.string(), username: z.string() });
const recent = z.object({ data: z.array(z.object({ id: z.string(), text: z.string().optional(), permalink: z.string().optional() })) });

// Image containers are fetched and processed by Meta before they can be published.
const STATUS_POLL_MS = 500;
const STATUS_POLL_TRIES = 10;

async function call<T>(account: ThreadsAccount, path: string, schema: z.ZodType<T>, signal?: AbortSignal, form?: Record<string, string>): Promise<T> {
  const headers = { authorization: `Bearer ${account.token}` };
  const response = await http(`${THREADS}/${path}`, form
    ? { method: 'POST', headers: { ...headers, 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(form), signal }
    : { method: 'GET', headers, signal });
  if (!response.ok) throw graphFailure(response);
  return parse(schema, response.data, 'Threads');
}

async function waitUntilReady(account: ThreadsAccount, containerId: string, signal: AbortSignal): Promise<void> {
  for (let attempt = 0; attempt < STATUS_POLL_TRIES; attempt++) {
    const state = await call(account, `${encodeURIComponent(containerId)}?fields=status,error_message`, containerStatus, signal);
    if (state.status === 'FINISHED') return;
    if (state.status === 'ERROR' || state.status === 'EXPIRED') {
      throw new ContentError('image', state.error_message ?? state.status);
    }
    await new Promise((resolve) => setTimeout(resolve, STATUS_POLL_MS * (attempt + 1)));
  }
  throw new TransientError('Threads media still processing');
}

export const threads: Network<ThreadsAccount> = {
  ...textRules('threads'),

  async publish(post, account, signal): Promise<PublishResult> {
    const user = encodeURIComponent(account.userId);
    let first: string | undefined;
    let previous: string | undefined;
    for (const [index, part] of post.parts.entries()) {
      const withImage = index === 0 && post.image !== undefined;
      const form: Record<string, string> = withImage && post.image
        ? { media_type: 'IMAGE', image_url: post.image.url, text: part, ...(post.image.alt ? { alt_text: post.image.alt } : {}) }
        : { media_type: 'TEXT', text: part };
      if (previous) form.reply_to_id = previous;
      const container = await call(account, `${user}/threads`, idOnly, signal, form);
      if (withImage) await waitUntilReady(account, container.id, signal);
      const published = await call(account, `${user}/threads_publish`, idOnly, signal, { creation_id: container.id });
      first ??= published.id;
      previous = published.id;
    }
    if (!first) throw new ContentError('empty', 'nothing to post');
    const link = await call(account, `${encodeURIComponent(first)}?fields=permalink`, permalink, signal);
    return { remoteId: first, url: link.permalink };
  },

  async verify(account, signal) {
    const result = await call(account, 'me?fields=id,username', me, signal);
    return { name: `@${result.username}`, expiresAt: account.expiresAt };
  },

  async findExisting(post, account, signal) {
    const result = await call(account, `${encodeURIComponent(account.userId)}/threads?fields=id,text,permalink&limit=25`, recent, signal);
    const text = post.parts[0]?.trim();
    const match = result.data.find((entry) => entry.text?.trim() === text);
    return match ? { remoteId: match.id, url: match.permalink ?? `https://www.threads.net/post/${match.id}` } : undefined;
  },
};
