import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../utils/errors';
import { hostOnFacebookPage } from '../../../utils/networks/facebook-image-host';
import { createInstagram, InstagramLimitError, InstagramPermissionError, LIMIT_RETRY_MS } from '../../../utils/networks/instagram';
import type { TargetPost } from '../../../utils/networks/types';
import { FB_CDN_HOST } from '../../fakes/facebook';
import { IG_JPEG_URL, IG_PNG_URL, IG_WIDE_URL } from '../../fakes/images';
import { IG_QUOTA_TOTAL, PUBLISH_SCOPE } from '../../fakes/instagram';
import { makeJpeg } from '../../fakes/test-images';
import { ACCOUNTS, post, signal, useFakes } from './harness';

// Instagram content publishing (developers.facebook.com/docs/instagram-platform/content-publishing):
// container with image_url + caption + alt_text, wait for FINISHED, media_publish; resumable by the
// container id saved on the delivery; the publishing limit told apart from other errors.

const env = useFakes();
const DAY = 86_400_000;
const igPost = (over: Partial<TargetPost> = {}) => post({ image: { url: IG_JPEG_URL, alt: 'Petugas melayani warga' }, ...over });
const saved = () => {
  const values: string[] = [];
  return {
    values,
    checkpoint: (value?: string) => ({
      value,
      save: async (v: string) => {
        values.push(v);
      },
    }),
  };
};
const igPaths = () => env.server.log.filter((r) => r.host === 'graph.instagram.com').map((r) => `${r.method} ${r.path}`);

describe('instagram adapter', () => {
  it('publishes the page JPEG with caption and alt text, saving the container before it waits', async () => {
    const progress = saved();
    const result = await createInstagram().publish(igPost({ checkpoint: progress.checkpoint() }), ACCOUNTS.instagram, signal());
    expect(env.instagram.media).toEqual([expect.objectContaining({ caption: post().parts[0], altText: 'Petugas melayani warga', imageUrl: IG_JPEG_URL })]);
    expect(result).toEqual({ remoteId: env.instagram.media[0]!.id, url: expect.stringMatching(/^https:\/\/www\.instagram\.com\/p\//) });
    expect(progress.values).toEqual([env.instagram.containers[0]!.id]);
    const paths = igPaths();
    expect(paths.findIndex((p) => p.endsWith('/media'))).toBeLessThan(paths.findIndex((p) => p.endsWith(`/${env.instagram.containers[0]!.id}`)));
    expect(paths.findIndex((p) => p.endsWith(`/${env.instagram.containers[0]!.id}`))).toBeLessThan(paths.findIndex((p) => p.endsWith('/media_publish')));
  });

  it('refuses a post without an image before calling Instagram', async () => {
    await expect(createInstagram().publish(post(), ACCOUNTS.instagram, signal())).rejects.toMatchObject({ messageKey: 'errorInstagramNoImage' });
    expect(igPaths()).toEqual([]);
  });

  it.each([
    ['a PNG', IG_PNG_URL],
    ['a JPEG wider than 1.91:1', IG_WIDE_URL],
  ])('with %s and no place to host a converted copy, says so and makes no container', async (_name, url) => {
    await expect(createInstagram().publish(igPost({ image: { url, alt: '' } }), ACCOUNTS.instagram, signal())).rejects.toMatchObject({
      messageKey: 'errorInstagramNoHost',
    });
    expect(env.instagram.containers).toEqual([]);
  });

  it('resumes a saved FINISHED container instead of creating a second one', async () => {
    const first = saved();
    const network = createInstagram();
    // The worker stopped after the container was made and saved: simulate by creating it directly.
    const created = await fetch(`https://graph.instagram.com/v25.0/${ACCOUNTS.instagram.userId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ACCOUNTS.instagram.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ image_url: IG_JPEG_URL, caption: post().parts[0]! }),
    });
    const { id } = (await created.json()) as { id: string };
    await network.publish(igPost({ checkpoint: first.checkpoint(id) }), ACCOUNTS.instagram, signal());
    expect(env.instagram.containers).toHaveLength(1);
    expect(env.instagram.media).toHaveLength(1);
    expect(env.instagram.media[0]!.containerId).toBe(id);
  });

  it('a saved container already PUBLISHED is found, never published again', async () => {
    const progress = saved();
    const network = createInstagram();
    const made = await network.publish(igPost({ checkpoint: progress.checkpoint() }), ACCOUNTS.instagram, signal());
    const again = igPost({ checkpoint: progress.checkpoint(progress.values[0]) });
    await expect(network.findExisting!(again, ACCOUNTS.instagram, signal())).resolves.toEqual(made);
    await expect(network.publish(again, ACCOUNTS.instagram, signal())).resolves.toEqual(made);
    expect(env.instagram.media).toHaveLength(1);
  });

  it('an EXPIRED saved container is replaced by a new one', async () => {
    const progress = saved();
    const network = createInstagram();
    const created = await fetch(`https://graph.instagram.com/v25.0/${ACCOUNTS.instagram.userId}/media`, {
      method: 'POST',
      headers: { authorization: `Bearer ${ACCOUNTS.instagram.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ image_url: IG_JPEG_URL, caption: 'lama' }),
    });
    const { id } = (await created.json()) as { id: string };
    env.instagram.containers[0]!.forceStatus = 'EXPIRED';
    await network.publish(igPost({ checkpoint: progress.checkpoint(id) }), ACCOUNTS.instagram, signal());
    expect(env.instagram.containers).toHaveLength(2);
    expect(env.instagram.media[0]!.containerId).not.toBe(id);
  });

  it('finds a post already made from the same caption (a lost answer)', async () => {
    const network = createInstagram();
    const made = await network.publish(igPost(), ACCOUNTS.instagram, signal());
    await expect(network.findExisting!(igPost(), ACCOUNTS.instagram, signal())).resolves.toEqual(made);
    await expect(network.findExisting!(igPost({ parts: ['Teks lain'] }), ACCOUNTS.instagram, signal())).resolves.toBeUndefined();
  });

  it('at the 24-hour publishing limit it says so, with a retry time, and makes no container', async () => {
    for (let i = 0; i < IG_QUOTA_TOTAL; i++)
      env.instagram.media.push({ id: `m${i}`, imageUrl: IG_JPEG_URL, publishedAt: Date.now() - 1000, containerId: `c${i}` });
    const before = Date.now();
    const error = await createInstagram()
      .publish(igPost(), ACCOUNTS.instagram, signal())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstagramLimitError);
    expect(error).toMatchObject({ messageKey: 'errorInstagramLimit' });
    expect((error as InstagramLimitError).retryAt).toBeGreaterThanOrEqual(before + LIMIT_RETRY_MS);
    expect(env.instagram.containers).toEqual([]);
  });

  it('media_publish answering code 9 / 2207042 is the publishing limit too', async () => {
    env.fail(
      'graph.instagram.com',
      {
        status: 400,
        headers: { 'content-type': 'application/json' },
        body: { error: { message: 'Application request limit reached', type: 'OAuthException', code: 9, error_subcode: 2207042, fbtrace_id: 'x' } },
      },
      'media_publish',
    );
    await expect(createInstagram().publish(igPost(), ACCOUNTS.instagram, signal())).rejects.toBeInstanceOf(InstagramLimitError);
  });

  it('a token without instagram_business_content_publish gets the permission sentence', async () => {
    env.instagram.tokens.get(ACCOUNTS.instagram.token)!.scopes = env.instagram.tokens.get(ACCOUNTS.instagram.token)!.scopes.filter((s) => s !== PUBLISH_SCOPE);
    const error = await createInstagram()
      .publish(igPost(), ACCOUNTS.instagram, signal())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(InstagramPermissionError);
    expect(error).toBeInstanceOf(AuthError);
  });

  it('an expired token ends needs-auth (AuthError)', async () => {
    env.instagram.tokens.get(ACCOUNTS.instagram.token)!.expiresAt = Date.now() - 1;
    await expect(createInstagram().verify(ACCOUNTS.instagram, signal())).rejects.toBeInstanceOf(AuthError);
  });

  it('verify names the account; a token within a week of its end is renewed and handed to the owner', async () => {
    const stored: unknown[] = [];
    const network = createInstagram({
      onAccountRefreshed: (account) => {
        stored.push(account);
      },
    });
    await expect(network.verify(ACCOUNTS.instagram, signal())).resolves.toMatchObject({ name: '@humasprov' });
    expect(env.instagram.refreshes).toBe(0);
    const soon = { ...ACCOUNTS.instagram, expiresAt: Date.now() + 3 * DAY };
    const result = await network.verify(soon, signal());
    expect(env.instagram.refreshes).toBe(1);
    expect(stored).toEqual([expect.objectContaining({ token: 'IGfake-renewed-1' })]);
    expect(result.expiresAt).toBeGreaterThan(Date.now() + 59 * DAY);
  });

  it('a container that ends ERROR is an image problem, not a retry loop', async () => {
    const network = createInstagram();
    env.instagram.processingPolls = 3;
    const publishing = network.publish(igPost(), ACCOUNTS.instagram, signal());
    await new Promise((resolve) => setTimeout(resolve, 200));
    env.instagram.containers[0]!.forceStatus = 'ERROR';
    await expect(publishing).rejects.toMatchObject({ messageKey: 'errorInstagramImage' });
    expect(env.instagram.media).toEqual([]);
  });
});

describe('a converted image hosted on the Facebook Page', () => {
  it('is uploaded unpublished and its CDN address returned; the Page feed gains nothing', async () => {
    const url = await hostOnFacebookPage(ACCOUNTS.facebook, makeJpeg(500, 500), signal());
    expect(new URL(url).hostname).toBe(FB_CDN_HOST);
    expect(env.facebook.unpublished).toHaveLength(1);
    expect(env.facebook.posts).toEqual([]);
    const served = await fetch(url);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
  });
  it('without browser codecs (Node) a needed conversion is reported as an image problem and nothing is hosted', async () => {
    const hosted: number[] = [];
    const network = createInstagram({
      imageHost: async (jpeg) => {
        hosted.push(jpeg.length);
        return undefined;
      },
    });
    // Node has no OffscreenCanvas: the adapter must say the image cannot be converted, not crash.
    await expect(network.publish(igPost({ image: { url: IG_PNG_URL, alt: '' } }), ACCOUNTS.instagram, signal())).rejects.toMatchObject({
      messageKey: 'errorInstagramImage',
    });
    expect(hosted).toEqual([]);
  });
});
