import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import { mastodon } from '../../../utils/networks/mastodon';
import { IMAGE_BYTES } from '../../fakes/images';
import { MASTODON_HOST } from '../../fakes/mastodon';
import { ACCOUNTS, malformed, post, signal, useFakes, withImage } from './harness';

const env = useFakes();

describe('mastodon adapter', () => {
  it('is idempotent by key', () => expect(mastodon.idempotent).toBe(true));

  it('posts a public Indonesian status with the delivery key', async () => {
    const result = await mastodon.publish(post(), ACCOUNTS.mastodon, signal());
    expect(env.mastodon.posts).toEqual([expect.objectContaining({ status: post().parts[0], visibility: 'public', language: 'id', key: 'delivery-0001' })]);
    expect(result).toEqual({ remoteId: env.mastodon.posts[0]!.id, url: `https://${MASTODON_HOST}/@humas/${env.mastodon.posts[0]!.id}` });
  });

  it('a resend with the same Idempotency-Key returns the same status, no duplicate', async () => {
    const first = await mastodon.publish(post({ parts: ['Satu 1/2', 'Dua 2/2'] }), ACCOUNTS.mastodon, signal());
    const again = await mastodon.publish(post({ parts: ['Satu 1/2', 'Dua 2/2'] }), ACCOUNTS.mastodon, signal());
    expect(again).toEqual(first);
    expect(env.mastodon.posts).toHaveLength(2);
    expect(env.server.log.filter((r) => r.path === '/api/v1/statuses')).toHaveLength(4);
  });

  it('threads parts with in_reply_to_id and distinct keys', async () => {
    await mastodon.publish(post({ parts: ['A 1/3', 'B 2/3', 'C 3/3'] }), ACCOUNTS.mastodon, signal());
    const [a, b, c] = env.mastodon.posts;
    expect([a?.inReplyTo, b?.inReplyTo, c?.inReplyTo]).toEqual([undefined, a?.id, b?.id]);
    expect(new Set(env.mastodon.posts.map((p) => p.key)).size).toBe(3);
  });

  it('uploads the image with its description, waits for processing, then attaches it', async () => {
    await mastodon.publish(withImage(), ACCOUNTS.mastodon, signal());
    expect(env.mastodon.media).toEqual([expect.objectContaining({ bytes: IMAGE_BYTES.length, description: 'Petugas melayani warga' })]);
    expect(env.mastodon.posts[0]?.mediaIds).toEqual([env.mastodon.media[0]!.id]);
  });

  it("honours the instance's own limit", async () => {
    await expect(mastodon.publish(post({ parts: ['x'.repeat(450)] }), { ...ACCOUNTS.mastodon, maxChars: 400 }, signal())).rejects.toMatchObject({
      field: 'too-long',
    });
    expect(env.mastodon.posts).toHaveLength(0);
  });

  it('verifies credentials', async () => {
    await expect(mastodon.verify(ACCOUNTS.mastodon, signal())).resolves.toEqual({ name: `@humas@${MASTODON_HOST}` });
  });

  it('401 → AuthError', async () => {
    await expect(mastodon.publish(post(), { ...ACCOUNTS.mastodon, accessToken: 'bad' }, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it('429 → RateLimitError at the ISO X-RateLimit-Reset', async () => {
    const reset = new Date(Date.now() + 300_000);
    reset.setMilliseconds(0);
    env.fail(MASTODON_HOST, {
      status: 429,
      headers: { 'content-type': 'application/json', 'x-ratelimit-reset': reset.toISOString() },
      body: { error: 'Too many requests' },
    });
    const error = await mastodon.publish(post(), ACCOUNTS.mastodon, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBe(reset.getTime());
  });
  it('500 → TransientError', async () => {
    env.fail(MASTODON_HOST, { status: 503, body: '<html>maintenance</html>' });
    await expect(mastodon.publish(post(), ACCOUNTS.mastodon, signal())).rejects.toBeInstanceOf(TransientError);
  });
  it('422 validation → ContentError', async () => {
    env.fail(MASTODON_HOST, {
      status: 422,
      headers: { 'content-type': 'application/json' },
      body: { error: 'Validation failed: Text character limit of 500 exceeded' },
    });
    await expect(mastodon.publish(post(), ACCOUNTS.mastodon, signal())).rejects.toMatchObject({ field: 'too-long' });
  });
  it('malformed JSON → ContentError response', async () => {
    env.fail(MASTODON_HOST, malformed);
    await expect(mastodon.publish(post(), ACCOUNTS.mastodon, signal())).rejects.toSatisfy((e) => e instanceof ContentError && e.field === 'response');
  });
});

describe('mastodon after the idempotency key lapsed', () => {
  it('the fake forgets a key after one hour: a resend then makes a second status', async () => {
    const { MASTODON_KEY_TTL_MS } = await import('../../fakes/mastodon');
    await mastodon.publish(post(), ACCOUNTS.mastodon, signal());
    env.mastodon.setNow(Date.now() + MASTODON_KEY_TTL_MS + 1000);
    await mastodon.publish(post(), ACCOUNTS.mastodon, signal());
    expect(env.mastodon.posts).toHaveLength(2);
  });

  it('finds the status already made from the delivery, by its text', async () => {
    const made = await mastodon.publish(post(), ACCOUNTS.mastodon, signal());
    await mastodon.publish(post({ parts: ['Lain lagi'], idempotencyKey: 'other' }), ACCOUNTS.mastodon, signal());
    await expect(mastodon.findExisting!(post(), ACCOUNTS.mastodon, signal())).resolves.toEqual(made);
    await expect(mastodon.findExisting!(post({ parts: ['Belum pernah diposting'] }), ACCOUNTS.mastodon, signal())).resolves.toBeUndefined();
    expect(mastodon.idempotencyWindowMs).toBe(3_600_000);
  });
});
