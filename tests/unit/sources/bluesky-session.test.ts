import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError, toErrorInfo } from '../../../utils/errors';
import { createBluesky } from '../../../utils/networks/bluesky';
import type { AccountFor } from '../../../utils/networks/registry';
import { blueskySource } from '../../../utils/sources/bluesky';
import { sourceErrorKey } from '../../../utils/listen/store';
import type { XrpcGet } from '../../../utils/sources/types';
import { BLUESKY_ACCESS_TTL_MS, BLUESKY_DID, type SearchHit } from '../../fakes/bluesky';
import { ACCOUNTS, signal, useFakes } from '../networks/harness';

// Bluesky listening searches through the officer's session and shares the publishing adapter's refresh,
// so it keeps working past the access JWT's two hours (the fake's clock moves instead of the test waiting).

const env = useFakes();

const hit = (rkey: string, text: string, createdAt: string): SearchHit => ({
  uri: `at://did:plc:wargafake000000000000000/app.bsky.feed.post/${rkey}`,
  cid: 'bafyreifake',
  indexedAt: createdAt,
  author: { did: 'did:plc:wargafake000000000000000', handle: 'warga.bsky.social' },
  record: { $type: 'app.bsky.feed.post', text, createdAt, langs: ['id'] },
});

function connected() {
  const stored: AccountFor<'bluesky'>[] = [];
  const network = createBluesky({
    onAccountRefreshed: (account) => {
      stored.push(account);
    },
  });
  const account = { ...ACCOUNTS.bluesky };
  const xrpcGet: XrpcGet = (nsid, params, s) => network.get(account, nsid, params, s);
  return { stored, xrpcGet };
}

const poll = (xrpcGet: XrpcGet | undefined, state = {}) =>
  blueskySource.fetch({ query: 'vaksin' }, state, signal(), { now: env.bluesky.now(), credentials: xrpcGet ? { xrpcGet } : undefined });

describe('bluesky search through the officer session', () => {
  it('signs in once, searches on the PDS with the session and maps the posts', async () => {
    env.bluesky.searchable.push(hit('3lcgnw4mnz22c', 'Jadwal vaksin di puskesmas', '2026-11-29T03:30:00.000Z'));
    const { xrpcGet, stored } = connected();
    const result = await poll(xrpcGet);
    expect(result.items).toEqual([
      expect.objectContaining({
        url: 'https://bsky.app/profile/warga.bsky.social/post/3lcgnw4mnz22c',
        author: '@warga.bsky.social',
        language: 'id',
      }),
    ]);
    expect(result.state.since).toBe('2026-11-29T03:30:00.000Z');
    const search = env.server.log.find((r) => r.path === '/xrpc/app.bsky.feed.searchPosts')!;
    expect(search.host).toBe('bsky.social');
    expect(search.authorization).toBe(`Bearer ${stored.at(-1)!.session!.accessJwt}`);
    expect(env.bluesky.sessionsCreated).toBe(1);
  });

  it('keeps searching after the access JWT expires: refreshes once and hands the rotated session to the owner', async () => {
    const { xrpcGet, stored } = connected();
    await poll(xrpcGet);
    const first = stored.at(-1)!.session!;
    env.bluesky.setNow(Date.now() + BLUESKY_ACCESS_TTL_MS + 60_000);
    env.bluesky.searchable.push(hit('3lcgnw4mnz23d', 'Vaksin gratis untuk lansia', '2026-11-30T01:00:00.000Z'));
    const later = await poll(xrpcGet);
    expect(later.items).toHaveLength(1);
    expect(env.bluesky.refreshes).toBe(1);
    expect(env.bluesky.sessionsCreated).toBe(1);
    expect(stored.at(-1)!.session!.accessJwt).not.toBe(first.accessJwt);
    expect(stored.at(-1)!.session!.did).toBe(BLUESKY_DID);
  });

  it('says a Bluesky account is needed when none is connected, without asking the public AppView', async () => {
    const error = await poll(undefined).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect(sourceErrorKey(toErrorInfo(error))).toBe('sourceErrorNeedsBluesky');
    expect(env.server.log).toEqual([]);
  });

  it.each([
    [
      '429',
      {
        status: 429,
        headers: { 'content-type': 'application/json', 'ratelimit-reset': String(Math.floor(Date.now() / 1000) + 300) },
        body: { error: 'RateLimitExceeded', message: 'Rate Limit Exceeded' },
      },
      RateLimitError,
    ],
    ['502', { status: 502, headers: { 'content-type': 'application/json' }, body: { error: 'UpstreamFailure', message: 'Upstream Failure' } }, TransientError],
    ['wrong shape', { status: 200, headers: { 'content-type': 'application/json' }, body: { posts: 'x' } }, ContentError],
  ] as const)('a %s answer becomes its typed error', async (_label, response, type) => {
    const { xrpcGet } = connected();
    env.fail('bsky.social', response, 'searchPosts');
    await expect(poll(xrpcGet)).rejects.toBeInstanceOf(type);
  });

  it('runs one query per OR alternative and merges the results', async () => {
    env.bluesky.searchable.push(
      hit('3lcgnw4mnz24e', 'vaksin dosis kedua', '2026-11-29T01:00:00.000Z'),
      hit('3lcgnw4mnz25f', 'imunisasi anak', '2026-11-29T02:00:00.000Z'),
    );
    const { xrpcGet } = connected();
    const result = await blueskySource.fetch({ query: { all: [], any: ['vaksin', 'imunisasi'], none: [], sites: [] } }, {}, signal(), {
      now: Date.now(),
      credentials: { xrpcGet },
    });
    expect(env.server.log.filter((r) => r.path === '/xrpc/app.bsky.feed.searchPosts').map((r) => new URLSearchParams(r.query).get('q'))).toEqual([
      'vaksin',
      'imunisasi',
    ]);
    expect(result.items).toHaveLength(2);
  });

  it('a revoked app password is "sign in again"', async () => {
    const network = createBluesky();
    const xrpcGet: XrpcGet = (nsid, params, s) => network.get({ ...ACCOUNTS.bluesky, appPassword: 'salah-salah-salah-salah' }, nsid, params, s);
    await expect(poll(xrpcGet)).rejects.toBeInstanceOf(AuthError);
  });
});

describe('the Bluesky fake refuses what Bluesky refuses', () => {
  it('the public AppView answers searchPosts without a session with 403', async () => {
    const response = await fetch('https://public.api.bsky.app/xrpc/app.bsky.feed.searchPosts?q=vaksin');
    expect(response.status).toBe(403);
  });

  it('an access JWT older than two hours gets ExpiredToken', async () => {
    const login = await fetch('https://bsky.social/xrpc/com.atproto.server.createSession', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: ACCOUNTS.bluesky.handle, password: ACCOUNTS.bluesky.appPassword }),
    });
    const { accessJwt } = (await login.json()) as { accessJwt: string };
    const search = () => fetch('https://bsky.social/xrpc/app.bsky.feed.searchPosts?q=vaksin', { headers: { authorization: `Bearer ${accessJwt}` } });
    expect((await search()).status).toBe(200);
    env.bluesky.setNow(Date.now() + BLUESKY_ACCESS_TTL_MS);
    const expired = await search();
    expect(expired.status).toBe(400);
    expect(await expired.json()).toMatchObject({ error: 'ExpiredToken' });
  });

  it('searchPosts without q or with limit over 100 is an InvalidRequest', async () => {
    const login = await fetch('https://bsky.social/xrpc/com.atproto.server.createSession', {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ identifier: ACCOUNTS.bluesky.handle, password: ACCOUNTS.bluesky.appPassword }),
    });
    const { accessJwt } = (await login.json()) as { accessJwt: string };
    for (const query of ['limit=10', 'q=a&limit=101']) {
      const response = await fetch(`https://bsky.social/xrpc/app.bsky.feed.searchPosts?${query}`, { headers: { authorization: `Bearer ${accessJwt}` } });
      expect(response.status).toBe(400);
    }
  });
});
