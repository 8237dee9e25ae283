import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import { threads } from '../../../utils/networks/threads';
import { IMAGE_URL } from '../../fakes/images';
import { ACCOUNTS, malformed, post, signal, useFakes, withImage } from './harness';

const env = useFakes();
const graphError = (code: number, status = 400) => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: { error: { message: 'm', type: 'OAuthException', code, fbtrace_id: 'x' } },
});

describe('threads adapter', () => {
  it('creates a TEXT container, publishes it and returns the permalink', async () => {
    const result = await threads.publish(post(), ACCOUNTS.threads, signal());
    expect(env.threads.posts).toEqual([expect.objectContaining({ text: post().parts[0] })]);
    expect(result).toEqual({ remoteId: env.threads.posts[0]!.id, url: `https://www.threads.net/@humasprov/post/C${env.threads.posts[0]!.id}` });
  });
  it('publishes an IMAGE container once it is ready', async () => {
    await threads.publish(withImage(), ACCOUNTS.threads, signal());
    expect(env.threads.posts[0]).toMatchObject({ imageUrl: IMAGE_URL });
  });
  it('chains parts with reply_to_id', async () => {
    await threads.publish(post({ parts: ['A 1/2', 'B 2/2'] }), ACCOUNTS.threads, signal());
    expect(env.threads.posts[1]?.replyTo).toBe(env.threads.posts[0]?.id);
  });
  it('verifies and finds existing posts', async () => {
    await expect(threads.verify(ACCOUNTS.threads, signal())).resolves.toMatchObject({ name: '@humasprov' });
    const made = await threads.publish(post(), ACCOUNTS.threads, signal());
    await expect(threads.findExisting!(post(), ACCOUNTS.threads, signal())).resolves.toEqual(made);
  });
  it('190 → AuthError', async () => {
    await expect(threads.publish(post(), { ...ACCOUNTS.threads, token: 'bad' }, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it('rate-limit code → RateLimitError', async () => {
    env.fail('graph.threads.net', graphError(4));
    await expect(threads.publish(post(), ACCOUNTS.threads, signal())).rejects.toBeInstanceOf(RateLimitError);
  });
  it('500 → TransientError', async () => {
    env.fail('graph.threads.net', { status: 500, body: '' });
    await expect(threads.publish(post(), ACCOUNTS.threads, signal())).rejects.toBeInstanceOf(TransientError);
  });
  it('malformed JSON → ContentError response', async () => {
    env.fail('graph.threads.net', malformed, 'threads_publish');
    await expect(threads.publish(post(), ACCOUNTS.threads, signal())).rejects.toSatisfy((e) => e instanceof ContentError && e.field === 'response');
  });
});
