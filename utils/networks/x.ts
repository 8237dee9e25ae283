import { ApiResponseError, type TwitterApi } from 'twitter-api-v2';
import { z } from 'zod';
import { ContentError } from '../errors';
import { intentUrl } from '../compose/intents';
import { RULES } from '../compose/rules';
import { splitForNetwork } from '../compose/split';
import type { XAccount } from './accounts';
import { errorFromFetchFailure, errorFromHttp } from './errors';
import type { Network } from './types';
import { createXClient } from './x-client';

const tweetCreated = z.object({ data: z.object({ id: z.string().regex(/^\d+$/), text: z.string() }) });
const me = z.object({ data: z.object({ id: z.string(), name: z.string(), username: z.string() }) });

/** Maps twitter-api-v2's errors (thrown by our fetch plugin) to Siar's typed errors. */
function fromXError(error: unknown): Error {
  if (!(error instanceof ApiResponseError)) return errorFromFetchFailure(error);
  const data = error.data as { detail?: string; title?: string } | undefined;
  const detail = data?.detail ?? data?.title ?? error.message;
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

export const x: Network<XAccount> = {
  id: 'x',
  measure: (text) => RULES.x.measure(text),
  split: (text) => splitForNetwork(text, RULES.x),
  intentUrl: (draft) => intentUrl('x', { text: draft.variants.x ?? draft.text, url: draft.url, title: draft.title }),

  async publish(post, account, signal) {
    const client: TwitterApi = createXClient(account, signal);
    let first: { id: string } | undefined;
    let previous: string | undefined;
    for (const part of post.parts) {
      const body = previous ? { text: part, reply: { in_reply_to_tweet_id: previous } } : { text: part };
      const created = await call(() => client.v2.post('tweets', body), tweetCreated);
      first ??= created.data;
      previous = created.data.id;
    }
    if (!first) throw new ContentError('text', 'nothing to post');
    const handle = account.username ?? 'i';
    return { remoteId: first.id, url: `https://x.com/${handle}/status/${first.id}` };
  },

  async verify(account, signal) {
    const result = await call(() => createXClient(account, signal).v2.get('users/me'), me);
    return { name: `@${result.data.username}` };
  },
};
