import { describe, expect, it } from 'vitest';
import { createThreads } from '../../../utils/networks/threads';
import { IMAGE_URL, PAGE_IMAGES } from '../../fakes/images';
import { THREADS_ACCOUNT } from '../../fakes/threads';
import { ACCOUNTS, post, signal, useFakes } from './harness';

// Threads takes JPEG and PNG up to 8 MB by URL (developers.facebook.com/docs/threads/overview, image
// specifications). A page image that fits goes by its own URL; one that does not needs a converted copy
// on a public host (the Facebook Page, proven in Chromium: tests/e2e/image-fit.e2e.ts); without a host
// the post goes as text with its link, and says why.

const env = useFakes();
const pageImage = (url: string) => post({ image: { url, alt: 'Petugas melayani warga' } });

describe('Threads page image', () => {
  it('a JPEG page image goes by its own URL, and Threads fetched it', async () => {
    const result = await createThreads().publish(pageImage(IMAGE_URL), ACCOUNTS.threads, signal());
    expect(result.notice).toBeUndefined();
    expect(env.threads.posts).toEqual([expect.objectContaining({ imageUrl: IMAGE_URL })]);
    expect(env.threads.fetched.map((f) => f.url)).toEqual([IMAGE_URL]);
  });

  it('a WebP page image with no Facebook Page connected: a text post with the link, and the sentence', async () => {
    const result = await createThreads().publish(pageImage(PAGE_IMAGES.webp), ACCOUNTS.threads, signal());
    expect(result.notice).toMatchObject({ messageKey: 'imageNoticeNoHost' });
    expect(env.threads.posts).toEqual([expect.objectContaining({ imageUrl: undefined, text: post().parts[0] })]);
    expect(env.server.log.some((r) => r.method === 'POST' && String(r.body).includes('IMAGE'))).toBe(false);
  });

  it('a page image Siar cannot download (503 once) still goes by its own URL: Threads fetches it from its own servers', async () => {
    env.fail('www.example.go.id', { status: 503, headers: { 'content-type': 'text/html' }, body: 'busy' });
    const result = await createThreads().publish(pageImage(IMAGE_URL), ACCOUNTS.threads, signal());
    expect(result.notice).toBeUndefined();
    expect(env.threads.posts).toEqual([expect.objectContaining({ imageUrl: IMAGE_URL })]);
  });

  it('an SVG page image: a text post, with the format sentence, even with a host', async () => {
    let hosted = 0;
    const host = async () => {
      hosted++;
      return 'https://scontent.example/never.jpg';
    };
    const result = await createThreads({ imageHost: host }).publish(pageImage(PAGE_IMAGES.svg), ACCOUNTS.threads, signal());
    expect(result.notice).toMatchObject({ messageKey: 'imageNoticeFormat' });
    expect(hosted).toBe(0);
    expect(env.threads.posts).toHaveLength(1);
  });

  it('the fake puts an IMAGE container whose image_url is not JPEG or PNG in status ERROR (UNKNOWN)', async () => {
    const auth = { authorization: `Bearer ${THREADS_ACCOUNT.token}` };
    const created = (await (
      await fetch(`https://graph.threads.net/v1.0/${THREADS_ACCOUNT.userId}/threads`, {
        method: 'POST',
        headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
        body: new URLSearchParams({ media_type: 'IMAGE', image_url: PAGE_IMAGES.webp, text: 'Layanan' }),
      })
    ).json()) as { id: string };
    const status = await (await fetch(`https://graph.threads.net/v1.0/${created.id}?fields=status,error_message`, { headers: auth })).json();
    expect(status).toEqual({ id: created.id, status: 'ERROR', error_message: 'UNKNOWN' });
    const published = await fetch(`https://graph.threads.net/v1.0/${THREADS_ACCOUNT.userId}/threads_publish`, {
      method: 'POST',
      headers: { ...auth, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ creation_id: created.id }),
    });
    expect(published.status).toBe(400);
    expect(env.threads.posts).toEqual([]);
  });
});
