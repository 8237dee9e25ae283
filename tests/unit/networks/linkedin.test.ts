import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import { linkedin, LINKEDIN_VERSION, toLittleText } from '../../../utils/networks/linkedin';
import { unescapedReserved } from '../../fakes/linkedin';
import { ACCOUNTS, post, signal, useFakes } from './harness';

const env = useFakes();

describe('linkedin adapter', () => {
  it('posts an article share with the pinned version and returns the feed URL from x-restli-id', async () => {
    const result = await linkedin.publish(post(), ACCOUNTS.linkedin, signal());
    const sent = env.linkedin.posts[0]!;
    expect(sent.body).toMatchObject({
      author: ACCOUNTS.linkedin.author,
      visibility: 'PUBLIC',
      lifecycleState: 'PUBLISHED',
      distribution: { feedDistribution: 'MAIN_FEED' },
      content: { article: { source: post().url, title: post().title, description: post().description } },
    });
    expect(result).toEqual({ remoteId: sent.urn, url: `https://www.linkedin.com/feed/update/${sent.urn}` });
    expect(env.server.log.at(-1)?.headers['linkedin-version']).toBe(LINKEDIN_VERSION);
  });

  it('escapes little-text reserved characters and keeps hashtags', async () => {
    const text = 'Rapat (pukul 09.00) @Dinas [info] <penting> *tebal* _a_ ~b~ a|b {x} \\ #Pelayanan';
    await linkedin.publish(post({ parts: [text] }), ACCOUNTS.linkedin, signal());
    const commentary = env.linkedin.posts[0]!.body.commentary!;
    expect(unescapedReserved(commentary)).toBeUndefined();
    expect(commentary).toContain('{hashtag|\\#|Pelayanan}');
    expect(commentary).toContain('\\(pukul 09.00\\) \\@Dinas \\[info\\]');
    expect(toLittleText('a_b')).toBe('a\\_b');
  });

  it('verifies an organization', async () => {
    await expect(linkedin.verify(ACCOUNTS.linkedin, signal())).resolves.toMatchObject({ name: 'Dinas Kominfo Provinsi' });
    await expect(linkedin.verify({ ...ACCOUNTS.linkedin, author: 'urn:li:person:abc' }, signal())).resolves.toMatchObject({ name: 'Petugas Humas' });
  });

  it('401 → AuthError', async () => {
    await expect(linkedin.publish(post(), { ...ACCOUNTS.linkedin, token: 'bad' }, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it('429 → RateLimitError at Retry-After', async () => {
    env.fail('api.linkedin.com', {
      status: 429,
      headers: { 'content-type': 'application/json', 'retry-after': '120' },
      body: { status: 429, message: 'Resource level throttle limit' },
    });
    const before = Date.now();
    const error = await linkedin.publish(post(), ACCOUNTS.linkedin, signal()).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBeGreaterThanOrEqual(before + 120_000);
  });
  it('duplicate → ContentError duplicate', async () => {
    await linkedin.publish(post(), ACCOUNTS.linkedin, signal());
    await expect(linkedin.publish(post(), ACCOUNTS.linkedin, signal())).rejects.toMatchObject({ field: 'duplicate' });
  });
  it('500 → TransientError', async () => {
    env.fail('api.linkedin.com', { status: 500, body: { status: 500, message: 'Internal error' } });
    await expect(linkedin.publish(post(), ACCOUNTS.linkedin, signal())).rejects.toBeInstanceOf(TransientError);
  });
  it('answer without a URN or with bad JSON → ContentError response', async () => {
    env.fail('api.linkedin.com', { status: 201, headers: { 'content-type': 'application/json' }, body: '{oops' });
    await expect(linkedin.publish(post(), ACCOUNTS.linkedin, signal())).rejects.toSatisfy((e) => e instanceof ContentError && e.field === 'response');
    env.fail('api.linkedin.com', { status: 200, headers: { 'content-type': 'application/json' }, body: '{"status":' }, '/v2/userinfo');
    await expect(linkedin.verify({ ...ACCOUNTS.linkedin, author: 'urn:li:person:abc' }, signal())).rejects.toSatisfy(
      (e) => e instanceof ContentError && e.field === 'response',
    );
  });
});

describe('linkedin article thumbnail', () => {
  it('uploads the page image through the Images API and sends its URN as the article thumbnail', async () => {
    const { IMAGE_BYTES, IMAGE_URL } = await import('../../fakes/images');
    await linkedin.publish(post({ image: { url: IMAGE_URL, alt: 'Petugas melayani warga' } }), ACCOUNTS.linkedin, signal());
    expect(env.linkedin.images).toEqual([expect.objectContaining({ owner: ACCOUNTS.linkedin.author, bytes: IMAGE_BYTES.length, type: 'image/jpeg' })]);
    expect(env.linkedin.posts[0]!.body.content?.article).toMatchObject({ thumbnail: env.linkedin.images[0]!.urn, thumbnailAltText: 'Petugas melayani warga' });
    const put = env.server.log.find((r) => r.method === 'PUT')!;
    expect(put.host).toBe('www.linkedin.com');
  });

  it('posts the card without a picture when the image cannot be fetched', async () => {
    await linkedin.publish(post({ image: { url: 'https://www.example.go.id/hilang.jpg', alt: '' } }), ACCOUNTS.linkedin, signal());
    expect(env.linkedin.posts[0]!.body.content?.article?.thumbnail).toBeUndefined();
    expect(env.linkedin.images).toEqual([]);
  });

  it('the fake refuses a thumbnail that was never uploaded', async () => {
    const response = await fetch('https://api.linkedin.com/rest/posts', {
      method: 'POST',
      headers: {
        authorization: `Bearer ${ACCOUNTS.linkedin.token}`,
        'linkedin-version': LINKEDIN_VERSION,
        'x-restli-protocol-version': '2.0.0',
        'content-type': 'application/json',
      },
      body: JSON.stringify({
        author: ACCOUNTS.linkedin.author,
        commentary: 'Uji',
        visibility: 'PUBLIC',
        lifecycleState: 'PUBLISHED',
        distribution: { feedDistribution: 'MAIN_FEED' },
        content: { article: { source: 'https://www.example.go.id/a', title: 'A', thumbnail: 'urn:li:image:C4E10AQNever' } },
      }),
    });
    expect(response.status).toBe(422);
  });
});

describe('linkedin person account without OpenID scopes', () => {
  it('is connectable, named by its URN, while a rejected token is not', async () => {
    const { LINKEDIN_MEMBER_ONLY } = await import('../../fakes/linkedin');
    await expect(linkedin.verify({ ...LINKEDIN_MEMBER_ONLY }, signal())).resolves.toMatchObject({ name: LINKEDIN_MEMBER_ONLY.author });
    await expect(linkedin.verify({ ...LINKEDIN_MEMBER_ONLY, token: 'bad' }, signal())).rejects.toBeInstanceOf(AuthError);
    const userinfo = await fetch('https://api.linkedin.com/v2/userinfo', { headers: { authorization: `Bearer ${LINKEDIN_MEMBER_ONLY.token}` } });
    expect(userinfo.status).toBe(403);
  });
});
