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
      author: ACCOUNTS.linkedin.author, visibility: 'PUBLIC', lifecycleState: 'PUBLISHED', distribution: { feedDistribution: 'MAIN_FEED' },
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
    env.fail('api.linkedin.com', { status: 429, headers: { 'content-type': 'application/json', 'retry-after': '120' }, body: { status: 429, message: 'Resource level throttle limit' } });
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
    await expect(linkedin.verify({ ...ACCOUNTS.linkedin, author: 'urn:li:person:abc' }, signal())).rejects.toSatisfy((e) => e instanceof ContentError && e.field === 'response');
  });
});
