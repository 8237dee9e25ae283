import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import { facebook } from '../../../utils/networks/facebook';
import { IMAGE_URL } from '../../fakes/images';
import { ACCOUNTS, malformed, post, signal, useFakes, withImage } from './harness';

const env = useFakes();
const graphError = (code: number, status = 400) => ({
  status,
  headers: { 'content-type': 'application/json' },
  body: { error: { message: 'm', type: 'OAuthException', code, fbtrace_id: 'x' } },
});

describe('facebook adapter', () => {
  it('posts message and link to the page feed', async () => {
    const result = await facebook.publish(post(), ACCOUNTS.facebook, signal());
    expect(env.facebook.posts).toEqual([expect.objectContaining({ message: post().parts[0], link: post().url })]);
    expect(result).toEqual({ remoteId: env.facebook.posts[0]!.id, url: `https://www.facebook.com/${env.facebook.posts[0]!.id}` });
    expect(env.server.log.at(-1)?.path).toBe(`/v25.0/${ACCOUNTS.facebook.pageId}/feed`);
  });

  it('joins parts into one message (pages have no threads)', async () => {
    await facebook.publish(post({ parts: ['Satu', 'Dua'] }), ACCOUNTS.facebook, signal());
    expect(env.facebook.posts[0]?.message).toBe('Satu\n\nDua');
  });

  it('posts a photo with caption when there is an image', async () => {
    const result = await facebook.publish(withImage(), ACCOUNTS.facebook, signal());
    expect(env.facebook.posts[0]).toMatchObject({ photoUrl: IMAGE_URL, message: post().parts[0] });
    expect(result.remoteId).toBe(env.facebook.posts[0]!.id);
  });

  it('verifies the page and finds an existing post', async () => {
    await expect(facebook.verify(ACCOUNTS.facebook, signal())).resolves.toMatchObject({ name: 'Humas Provinsi' });
    const made = await facebook.publish(post(), ACCOUNTS.facebook, signal());
    await expect(facebook.findExisting!(post(), ACCOUNTS.facebook, signal())).resolves.toEqual(made);
    await expect(facebook.findExisting!(post({ parts: ['lain'] }), ACCOUNTS.facebook, signal())).resolves.toBeUndefined();
  });

  it('code 190 → AuthError (wrong token)', async () => {
    await expect(facebook.publish(post(), { ...ACCOUNTS.facebook, token: 'expired' }, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it('401 without a Graph body → AuthError', async () => {
    env.fail('graph.facebook.com', { status: 401, body: 'nope' });
    await expect(facebook.publish(post(), ACCOUNTS.facebook, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it.each([4, 17, 32, 613])('code %i → RateLimitError using the usage header', async (code) => {
    const usage = JSON.stringify({ [ACCOUNTS.facebook.pageId]: [{ type: 'pages', call_count: 100, estimated_time_to_regain_access: 7 }] });
    env.fail('graph.facebook.com', { ...graphError(code), headers: { 'content-type': 'application/json', 'x-business-use-case-usage': usage } });
    const before = Date.now();
    const error = await facebook.publish(post(), ACCOUNTS.facebook, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBeGreaterThanOrEqual(before + 7 * 60_000);
    expect((error as RateLimitError).retryAt).toBeLessThan(before + 8 * 60_000);
  });
  it('506 → duplicate', async () => {
    await facebook.publish(post(), ACCOUNTS.facebook, signal());
    await expect(facebook.publish(post(), ACCOUNTS.facebook, signal())).rejects.toMatchObject({ field: 'duplicate' });
  });
  it('500 → TransientError', async () => {
    env.fail('graph.facebook.com', graphError(2, 500));
    await expect(facebook.publish(post(), ACCOUNTS.facebook, signal())).rejects.toBeInstanceOf(TransientError);
  });
  it('malformed JSON → ContentError response', async () => {
    env.fail('graph.facebook.com', malformed);
    await expect(facebook.publish(post(), ACCOUNTS.facebook, signal())).rejects.toSatisfy((e) => e instanceof ContentError && e.field === 'response');
  });
});
