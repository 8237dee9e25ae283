import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import type { AccountFor } from '../../../utils/networks/registry';
import { createBluesky } from '../../../utils/networks/bluesky';
import { findFacetCandidates, toFacets } from '../../../utils/networks/bluesky-facets';
import { BLUESKY_DID, KNOWN_HANDLES } from '../../fakes/bluesky';
import { ACCOUNTS, malformed, post, signal, useFakes, withImage } from './harness';

const env = useFakes();
type Account = AccountFor<'bluesky'>;
const record = (index = 0) => env.bluesky.posts[index]!.record as Record<string, unknown> & { text: string };

describe('bluesky adapter', () => {
  it('posts a valid record (lexicon-checked by the fake) with a link card and a bsky.app URL', async () => {
    const result = await createBluesky().publish(post(), ACCOUNTS.bluesky, signal());
    expect(record()).toMatchObject({
      text: post().parts[0],
      langs: ['id'],
      embed: { $type: 'app.bsky.embed.external', external: { uri: post().url, title: post().title } },
    });
    const rkey = env.bluesky.posts[0]!.uri.split('/').pop();
    expect(result).toEqual({ remoteId: env.bluesky.posts[0]!.uri, url: `https://bsky.app/profile/humas.example.go.id/post/${rkey}` });
  });

  it('adds link, mention and hashtag facets with UTF-8 byte offsets (checked against the text by the fake)', async () => {
    const text = 'Selamat 🎉 #HariJadi ke-80 bersama @kominfo.bsky.social — cek https://www.example.go.id/agenda dan jdih.example.go.id, @tidak.dikenal.id';
    await createBluesky().publish(post({ parts: [text] }), ACCOUNTS.bluesky, signal());
    const facets = record().facets as { features: { $type: string; did?: string }[] }[];
    expect(facets.map((f) => f.features[0]!.$type.split('#')[1])).toEqual(['tag', 'mention', 'link', 'link']);
    expect(facets[1]!.features[0]!.did).toBe(KNOWN_HANDLES['kominfo.bsky.social']);
  });

  it('computes byte ranges past multi-byte characters', () => {
    const text = 'é #a';
    const [facet] = toFacets(text, findFacetCandidates(text), new Map());
    expect(facet?.index).toEqual({ byteStart: 3, byteEnd: 5 });
    expect(findFacetCandidates('#2024 #1abc').map((c) => c.value)).toEqual(['1abc']);
  });

  it('uploads the image as the card thumbnail', async () => {
    await createBluesky().publish(withImage(), ACCOUNTS.bluesky, signal());
    expect(env.bluesky.blobs).toHaveLength(1);
    expect(record()).toMatchObject({ embed: { external: { thumb: { ref: { $link: env.bluesky.blobs[0]!.cid } } } } });
  });

  it('threads parts as replies to root and parent', async () => {
    await createBluesky().publish(post({ parts: ['Satu 1/3', 'Dua 2/3', 'Tiga 3/3'] }), ACCOUNTS.bluesky, signal());
    const [a, b] = env.bluesky.posts;
    expect(record(2).reply).toEqual({ root: { uri: a!.uri, cid: a!.cid }, parent: { uri: b!.uri, cid: b!.cid } });
    expect(record(1).embed).toBeUndefined();
  });

  it('creates a session once and reuses it across posts, persisting it via the hook', async () => {
    const saved: Account[] = [];
    const adapter = createBluesky({
      onAccountRefreshed: (a) => {
        saved.push(a);
      },
    });
    await adapter.publish(post({ parts: ['Satu'] }), ACCOUNTS.bluesky, signal());
    await adapter.publish(post({ parts: ['Dua'] }), saved[0]!, signal());
    expect(env.bluesky.sessionsCreated).toBe(1);
    expect(saved).toHaveLength(1);
    expect(saved[0]!.session).toMatchObject({ did: BLUESKY_DID, accessJwt: 'bsky-access-1' });
  });

  it('refreshes an expired access token with refreshSession instead of logging in again', async () => {
    const saved: Account[] = [];
    const adapter = createBluesky({
      onAccountRefreshed: (a) => {
        saved.push(a);
      },
    });
    await adapter.publish(post({ parts: ['Satu'] }), ACCOUNTS.bluesky, signal());
    env.bluesky.expireAccessTokens();
    await adapter.publish(post({ parts: ['Dua'] }), saved[0]!, signal());
    expect(env.bluesky.posts).toHaveLength(2);
    expect(env.bluesky.sessionsCreated).toBe(1);
    expect(env.bluesky.refreshes).toBe(1);
    expect(saved.at(-1)!.session?.accessJwt).toBe('bsky-access-2');
  });

  it('uses a stored session from a previous worker, and logs in again when its refresh token is spent', async () => {
    const stored: Account = { ...ACCOUNTS.bluesky, session: { did: BLUESKY_DID, accessJwt: 'stale', refreshJwt: 'spent' } };
    await createBluesky().publish(post(), stored, signal());
    expect(env.bluesky.sessionsCreated).toBe(1);
    expect(env.bluesky.posts).toHaveLength(1);
  });

  it('finds an existing post by text', async () => {
    const adapter = createBluesky();
    const made = await adapter.publish(post(), ACCOUNTS.bluesky, signal());
    await expect(adapter.findExisting!(post(), ACCOUNTS.bluesky, signal())).resolves.toEqual(made);
    await expect(adapter.findExisting!(post({ parts: ['lain'] }), ACCOUNTS.bluesky, signal())).resolves.toBeUndefined();
  });

  it('verifies by logging in with the app password', async () => {
    await expect(createBluesky().verify(ACCOUNTS.bluesky, signal())).resolves.toMatchObject({ name: expect.stringContaining('@humas.example.go.id') });
    await expect(createBluesky().verify({ ...ACCOUNTS.bluesky, appPassword: 'salah' }, signal())).rejects.toBeInstanceOf(AuthError);
  });

  it('401 → AuthError', async () => {
    env.fail(
      'bsky.social',
      { status: 401, headers: { 'content-type': 'application/json' }, body: { error: 'AuthenticationRequired', message: 'no' } },
      'createRecord',
    );
    await expect(createBluesky().publish(post(), ACCOUNTS.bluesky, signal())).rejects.toBeInstanceOf(AuthError);
  });
  it('429 → RateLimitError at ratelimit-reset', async () => {
    const reset = Math.floor(Date.now() / 1000) + 900;
    env.fail(
      'bsky.social',
      {
        status: 429,
        headers: { 'content-type': 'application/json', 'ratelimit-reset': String(reset), 'ratelimit-remaining': '0' },
        body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      },
      'createRecord',
    );
    const error = await createBluesky()
      .publish(post(), ACCOUNTS.bluesky, signal())
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RateLimitError);
    expect((error as RateLimitError).retryAt).toBe(reset * 1000);
  });
  it('500 → TransientError', async () => {
    env.fail('bsky.social', { status: 500, body: { error: 'InternalServerError' } }, 'createRecord');
    await expect(createBluesky().publish(post(), ACCOUNTS.bluesky, signal())).rejects.toBeInstanceOf(TransientError);
  });
  it('malformed JSON → ContentError response', async () => {
    env.fail('bsky.social', malformed, 'createRecord');
    await expect(createBluesky().publish(post(), ACCOUNTS.bluesky, signal())).rejects.toSatisfy((e) => e instanceof ContentError && e.field === 'response');
  });
});
