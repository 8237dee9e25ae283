import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import type { XAccount } from '../../../utils/networks/accounts';
import { comparableTweetText, createX } from '../../../utils/networks/x';
import { IMAGE_BYTES } from '../../fakes/images';
import { X_CREDENTIALS } from '../../fakes/x';
import { ACCOUNTS, malformed, post, signal, useFakes, withImage } from './harness';

const env = useFakes();

describe('x adapter', () => {
  it('posts a single tweet with OAuth 1.0a (signature checked by the fake)', async () => {
    const result = await createX().publish(post(), ACCOUNTS.x, signal());
    expect(env.x.tweets).toHaveLength(1);
    expect(env.x.tweets[0]).toMatchObject({ text: post().parts[0], auth: 'oauth1' });
    expect(result).toEqual({ remoteId: env.x.tweets[0]!.id, url: `https://x.com/humasprov/status/${env.x.tweets[0]!.id}` });
  });

  it('chains thread parts as replies', async () => {
    await createX().publish(post({ parts: ['Bagian satu 1/3', 'Bagian dua 2/3', 'Bagian tiga 3/3'] }), ACCOUNTS.x, signal());
    const [a, b, c] = env.x.tweets;
    expect(a?.replyTo).toBeUndefined();
    expect(b?.replyTo).toBe(a?.id);
    expect(c?.replyTo).toBe(b?.id);
  });

  it('uploads the page image in chunks, sets its alt text and attaches it to the first part only', async () => {
    await createX().publish(withImage({ parts: ['Satu 1/2', 'Dua 2/2'] }), ACCOUNTS.x, signal());
    expect(env.x.media).toEqual([
      expect.objectContaining({ bytes: IMAGE_BYTES.length, type: 'image/jpeg', finalized: true, altText: 'Petugas melayani warga' }),
    ]);
    expect(env.x.tweets[0]?.mediaIds).toEqual([env.x.media[0]!.id]);
    expect(env.x.tweets[1]?.mediaIds).toBeUndefined();
  });

  it('posts without the image, with the sentence why, when the page image is missing (404)', async () => {
    const result = await createX().publish(withImage({ image: { url: 'https://www.example.go.id/none.jpg', alt: '' } }), ACCOUNTS.x, signal());
    expect(result.notice).toMatchObject({ messageKey: 'imageNoticeUnreadable' });
    expect(env.x.media).toHaveLength(0);
    expect(env.x.tweets).toHaveLength(1);
    expect(env.x.tweets[0]?.mediaIds).toBeUndefined();
  });

  it('verifies the account', async () => {
    await expect(createX().verify(ACCOUNTS.x, signal())).resolves.toEqual({ name: '@humasprov' });
  });

  it('reports an OAuth 2 expiry only when no refresh token can renew it', async () => {
    await expect(createX().verify(ACCOUNTS.xOAuth2, signal())).resolves.toEqual({ name: '@humasprov' });
    const once: XAccount = { ...ACCOUNTS.xOAuth2, refreshToken: undefined };
    await expect(createX().verify(once, signal())).resolves.toEqual({ name: '@humasprov', expiresAt: ACCOUNTS.xOAuth2.expiresAt });
  });

  it('refreshes an expired OAuth 2 token first, hands the new tokens to the owner and reuses them', async () => {
    const saved: XAccount[] = [];
    const adapter = createX({
      onAccountRefreshed: (account) => {
        saved.push(account);
      },
    });
    env.x.expireBearers();
    const stale: XAccount = { ...ACCOUNTS.xOAuth2, expiresAt: Date.now() - 1000 };
    await adapter.publish(post(), stale, signal());
    expect(env.x.refreshes).toBe(1);
    expect(env.x.tweets[0]?.auth).toBe('bearer');
    expect(saved).toHaveLength(1);
    expect(saved[0]).toMatchObject({ auth: 'oauth2', accessToken: 'fake-oauth2-refreshed-access-1', refreshToken: 'fake-oauth2-refreshed-refresh-1' });
    expect((saved[0] as { expiresAt: number }).expiresAt).toBeGreaterThan(Date.now() + 7_000_000);
    // The stale stored copy again (persisting not done yet): the adapter uses what it refreshed, not the spent refresh token.
    await adapter.publish(post({ parts: ['Kabar kedua'] }), stale, signal());
    expect(env.x.refreshes).toBe(1);
  });

  it('refreshes after a 401 when the expiry was unknown, then retries once', async () => {
    const saved: XAccount[] = [];
    env.x.expireBearers();
    const account: XAccount = { ...ACCOUNTS.xOAuth2, expiresAt: undefined };
    await createX({
      onAccountRefreshed: (a) => {
        saved.push(a);
      },
    }).publish(post(), account, signal());
    expect(env.x.tweets).toHaveLength(1);
    expect(saved).toHaveLength(1);
  });

  it('reports AuthError when the refresh token was revoked', async () => {
    env.x.expireBearers();
    const account: XAccount = { ...ACCOUNTS.xOAuth2, refreshToken: 'revoked', expiresAt: Date.now() - 1 };
    await expect(createX().publish(post(), account, signal())).rejects.toBeInstanceOf(AuthError);
  });

  it('finds a tweet already made from the delivery, despite t.co links and escaped entities', async () => {
    const text = 'Info & jadwal <baru>: https://www.example.go.id/berita/1';
    const adapter = createX();
    const made = await adapter.publish(post({ parts: [text] }), ACCOUNTS.x, signal());
    await expect(adapter.findExisting!(post({ parts: [text] }), ACCOUNTS.x, signal())).resolves.toEqual(made);
    await expect(adapter.findExisting!(post({ parts: ['Teks lain'] }), ACCOUNTS.x, signal())).resolves.toBeUndefined();
    expect(comparableTweetText('a &amp; https://t.co/x')).toBe(comparableTweetText('a & https://example.go.id/p'));
  });

  describe('errors', () => {
    it('401 → AuthError', async () => {
      await expect(createX().publish(post(), { ...ACCOUNTS.x, accessSecret: 'wrong' }, signal())).rejects.toBeInstanceOf(AuthError);
    });
    it('429 → RateLimitError at x-rate-limit-reset', async () => {
      const reset = Math.floor(Date.now() / 1000) + 600;
      env.fail('api.x.com', {
        status: 429,
        headers: { 'content-type': 'application/json', 'x-rate-limit-reset': String(reset) },
        body: { title: 'Too Many Requests', detail: 'Too Many Requests', status: 429 },
      });
      const error = await createX()
        .publish(post(), ACCOUNTS.x, signal())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(RateLimitError);
      expect((error as RateLimitError).retryAt).toBe(reset * 1000);
    });
    it('500 → TransientError', async () => {
      env.fail('api.x.com', { status: 500, body: 'oops' });
      await expect(createX().publish(post(), ACCOUNTS.x, signal())).rejects.toBeInstanceOf(TransientError);
    });
    it('duplicate → ContentError duplicate', async () => {
      await createX().publish(post(), ACCOUNTS.x, signal());
      await expect(createX().publish(post(), ACCOUNTS.x, signal())).rejects.toMatchObject({ field: 'duplicate' });
    });
    it('malformed JSON → ContentError response', async () => {
      env.fail('api.x.com', malformed);
      const error = await createX()
        .publish(post(), ACCOUNTS.x, signal())
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(ContentError);
      expect((error as ContentError).field).toBe('response');
    });
  });

  it('uses the bearer the fake issued, never the consumer secret, for OAuth 2', async () => {
    await createX().publish(post(), ACCOUNTS.xOAuth2, signal());
    expect(env.server.log.find((r) => r.path === '/2/tweets')?.authorization).toBe(`Bearer ${X_CREDENTIALS.bearer}`);
  });
});
