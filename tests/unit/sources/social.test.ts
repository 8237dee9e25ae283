import type { ServerResponse } from 'node:http';
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError, toErrorInfo } from '../../../utils/errors';
import { XBillingError } from '../../../utils/networks/x-billing';
import { SETTINGS, readSetting, writeSetting } from '../../../utils/settings';
import { sourceErrorKey } from '../../../utils/listen/store';
import { SOURCES, isSourceKind } from '../../../utils/sources/registry';
import type { SourceKind, SourceState } from '../../../utils/sources/types';
import { createRedditSearch, REDDIT_ANONYMOUS_PER_MINUTE, REDDIT_BLOCKED_PAGE } from '../../fakes/reddit';
import { fixtureText, routeFetch, sendJson, startServer, type LocalServer } from './helpers';

// Each API is served by one local server; requests to the real hosts are routed to it by origin only.

const now = Date.UTC(2024, 11, 3, 4);
type Reply = (response: ServerResponse) => void;
const replies = new Map<string, Reply>();
const json =
  (name: string): Reply =>
  (response) =>
    sendJson(response, 200, fixtureText(`api/${name}`));

let server: LocalServer;
let unroute: () => void;
beforeAll(async () => {
  server = await startServer((_request, response, url) => {
    const reply = replies.get(url.pathname);
    if (reply) reply(response);
    else sendJson(response, 404, { error: 'not found' });
  });
});
afterAll(() => server.close());
beforeEach(() => {
  replies.clear();
  server.requests.length = 0;
  unroute = routeFetch({
    'https://api.x.com': server.origin,
    'https://www.reddit.com': server.origin,
    'https://bsky.social': server.origin,
    'https://mastodon.social': server.origin,
  });
});
afterEach(() => unroute());

const credentials = { bearerToken: 'APP-BEARER', accessJwt: 'JWT-123' };
const run = (kind: SourceKind, cfg: Record<string, unknown>, state: SourceState = {}, signal = new AbortController().signal) =>
  SOURCES[kind].fetch(cfg, state, signal, { now, credentials });

const PATHS: Record<Exclude<SourceKind, 'rss' | 'googlenews' | 'bluesky'>, [string, Record<string, unknown>]> = {
  x: ['/2/tweets/search/recent', { query: 'banjir' }],
  mastodon: ['/api/v1/timelines/tag/pelayananpublik', { hashtag: '#pelayananpublik' }],
  reddit: ['/search.json', { query: 'ktp' }],
};

describe('x recent search', () => {
  it('maps posts with author links, uses the bearer and stores since_id', async () => {
    replies.set('/2/tweets/search/recent', json('x-search-recent.json'));
    const result = await run('x', { query: { all: ['banjir'], any: ['pompa', 'surut'], none: [], sites: [] } });
    const sent = server.requests[0];
    expect(sent?.headers.authorization).toBe('Bearer APP-BEARER');
    expect(sent?.url.searchParams.get('query')).toBe('banjir (pompa OR surut) -is:retweet');
    expect(sent?.url.searchParams.get('since_id')).toBeNull();
    expect(result.items[0]).toEqual({
      guid: '1863801234567890123',
      url: 'https://x.com/infojakarta/status/1863801234567890123',
      title: 'Banjir di Kampung Melayu mulai surut, petugas @BPBDJakarta masih siaga. #banjirjakarta https://t.co/abc123',
      summary: 'Banjir di Kampung Melayu mulai surut, petugas @BPBDJakarta masih siaga. #banjirjakarta https://t.co/abc123',
      outlet: 'X',
      author: '@infojakarta',
      publishedAt: Date.UTC(2024, 11, 3, 3, 10, 11),
      language: 'id',
    });
    expect(result.items[1]?.summary).toBe('RT @warga: Pompa di Pluit sudah & sedang bekerja <3');
    expect(result.state).toEqual({ sinceId: '1863801234567890123', sinceIdAt: now });

    await run('x', { query: 'banjir' }, result.state);
    expect(server.requests[1]?.url.searchParams.get('since_id')).toBe('1863801234567890123');
  });

  it('drops a since_id older than the 7-day search window', async () => {
    replies.set('/2/tweets/search/recent', (response) => sendJson(response, 200, { meta: { result_count: 0 } }));
    const result = await run('x', { query: 'banjir' }, { sinceId: '1', sinceIdAt: now - 8 * 86_400_000 });
    expect(server.requests[0]?.url.searchParams.get('since_id')).toBeNull();
    expect(result.items).toEqual([]);
  });

  it('reads the rate-limit reset header and needs a bearer token', async () => {
    replies.set('/2/tweets/search/recent', (response) =>
      sendJson(
        response,
        429,
        { title: 'Too Many Requests' },
        {
          'x-rate-limit-limit': '60',
          'x-rate-limit-remaining': '0',
          'x-rate-limit-reset': String((now + 600_000) / 1000),
        },
      ),
    );
    await expect(run('x', { query: 'banjir' })).rejects.toMatchObject({ constructor: RateLimitError, retryAt: now + 600_000 });
    await expect(SOURCES.x.fetch({ query: 'banjir' }, {}, new AbortController().signal, { now })).rejects.toBeInstanceOf(AuthError);
  });

  it('refuses a query X would reject for length', async () => {
    await expect(run('x', { query: 'a'.repeat(600) })).rejects.toMatchObject({ field: 'query' });
  });
});

describe('x search spending (pay-per-use: each post and author returned is charged)', () => {
  beforeEach(async () => {
    await writeSetting(SETTINGS.xSearchUsage, { month: '', posts: 0, users: 0 });
    await writeSetting(SETTINGS.xSearchBudget, { monthlyCapUsd: 10 });
  });

  it("asks for X's smallest page by default and counts what the answer returned this month", async () => {
    replies.set('/2/tweets/search/recent', json('x-search-recent.json'));
    await run('x', { query: 'banjir' });
    expect(server.requests[0]?.url.searchParams.get('max_results')).toBe('10');
    const answer = JSON.parse(fixtureText('api/x-search-recent.json')) as { data: unknown[]; includes: { users: unknown[] } };
    expect(await readSetting(SETTINGS.xSearchUsage)).toEqual({ month: '2024-12', posts: answer.data.length, users: answer.includes.users.length });
  });

  it('near the cap asks only for what still fits, and at the cap stops until next month without calling X', async () => {
    replies.set('/2/tweets/search/recent', (response) => sendJson(response, 200, { meta: { result_count: 0 } }));
    // US$9.70 spent: 0.30 left fits 20 posts with their authors.
    await writeSetting(SETTINGS.xSearchUsage, { month: '2024-12', posts: 970, users: 485 });
    await run('x', { query: 'banjir', maxResults: 100 });
    expect(server.requests[0]?.url.searchParams.get('max_results')).toBe('20');

    await writeSetting(SETTINGS.xSearchUsage, { month: '2024-12', posts: 1000, users: 500 });
    const error = await run('x', { query: 'banjir' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(XBillingError);
    expect(error).toMatchObject({ messageKey: 'errorXSearchCapReached', retryAt: Date.UTC(2025, 0, 1) });
    expect(sourceErrorKey(toErrorInfo(error))).toBe('errorXSearchCapReached');
    expect(server.requests).toHaveLength(1);

    // Last month's reads do not count against this month; no cap means no limit.
    await writeSetting(SETTINGS.xSearchUsage, { month: '2024-11', posts: 5000, users: 5000 });
    await expect(run('x', { query: 'banjir' })).resolves.toBeDefined();
    await writeSetting(SETTINGS.xSearchUsage, { month: '2024-12', posts: 99_999, users: 99_999 });
    await writeSetting(SETTINGS.xSearchBudget, { monthlyCapUsd: null });
    await expect(run('x', { query: 'banjir' })).resolves.toBeDefined();
  });
});

describe('mastodon tag timeline', () => {
  it('maps statuses to plain text and pages forward with min_id', async () => {
    replies.set('/api/v1/timelines/tag/pelayananpublik', json('mastodon-tag-timeline.json'));
    const result = await run('mastodon', { hashtag: '#pelayananpublik' }, { sinceId: '113586600000000000' });
    expect(server.requests[0]?.url.searchParams.get('min_id')).toBe('113586600000000000');
    expect(result.items[0]).toMatchObject({
      url: 'https://mastodon.social/@humasdemo/113586712345678901',
      summary: 'Layanan #pelayananpublik kini buka Sabtu & Minggu. Info: https://example.go.id',
      author: '@humasdemo@mastodon.social',
      outlet: 'Mastodon (mastodon.social)',
      language: 'id',
    });
    expect(result.items[1]).toMatchObject({ url: 'https://kolektiva.social/users/remote/statuses/113586700000000000', author: '@remote@kolektiva.social' });
    expect(result.items[1]?.title.startsWith('[Politik] ')).toBe(true);
    expect(result.state.sinceId).toBe('113586712345678901');
  });

  it('keeps the cursor when nothing is new and rejects a bad hashtag', async () => {
    replies.set('/api/v1/timelines/tag/pelayananpublik', (response) => sendJson(response, 200, []));
    expect(await run('mastodon', { hashtag: 'pelayananpublik' }, { sinceId: '5' })).toEqual({ items: [], state: { sinceId: '5' } });
    await expect(run('mastodon', { hashtag: 'bad/../tag' })).rejects.toMatchObject({ field: 'config' });
  });
});

// Bluesky search runs through the officer's session: tests/unit/sources/bluesky-session.test.ts.

describe('reddit search', () => {
  it('maps the listing and skips what it has already seen', async () => {
    replies.set('/search.json', json('reddit-search.json'));
    const result = await run('reddit', { query: 'ktp' });
    expect(Object.fromEntries(server.requests[0]?.url.searchParams ?? [])).toMatchObject({ q: 'ktp', sort: 'new', raw_json: '1' });
    expect(result.items[0]).toEqual({
      guid: 't3_1h5xyz1',
      url: 'https://www.reddit.com/r/indonesia/comments/1h5xyz1/antrean_ektp_di_dukcapil_bandung/',
      title: 'Antrean e-KTP di Dukcapil Bandung',
      summary: 'Ada yang tahu jadwal & syarat bikin KTP elektronik di Dukcapil Bandung? Antrean **panjang** banget.',
      outlet: 'r/indonesia',
      author: 'u/warga_bandung',
      publishedAt: 1733195400000,
    });
    expect(result.items[1]?.author).toBeUndefined();
    expect(result.state).toEqual({ sinceTime: 1733195400, sinceId: 't3_1h5xyz1' });
    expect((await run('reddit', { query: 'ktp' }, result.state)).items).toEqual([]);
  });

  it('skips malformed posts but rejects a body that is not a listing', async () => {
    replies.set('/search.json', (response) => sendJson(response, 200, { kind: 'Listing', data: { children: [{ kind: 't3', data: { id: 1 } }] } }));
    expect((await run('reddit', { query: 'ktp' })).items).toEqual([]);
    replies.set('/search.json', (response) => sendJson(response, 200, { kind: 'Listing', data: { children: 'nope' } }));
    await expect(run('reddit', { query: 'ktp' })).rejects.toMatchObject({ constructor: ContentError, field: 'response' });
  });
});

describe('reddit refusing anonymous search', () => {
  it.each([
    ['403 Blocked', (response: ServerResponse) => sendJson(response, 403, '<html><title>Blocked</title></html>')],
    ['401', (response: ServerResponse) => sendJson(response, 401, { message: 'Unauthorized', error: 401 })],
  ])('%s → "unavailable", never "sign in again"', async (_label, reply) => {
    replies.set('/search.json', reply);
    const error = await run('reddit', { query: 'ktp' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect(error).not.toBeInstanceOf(AuthError);
    expect(sourceErrorKey(toErrorInfo(error))).toBe('sourceErrorRedditUnavailable');
  });
});

describe('reddit against the documented limits for callers without OAuth (tests/fakes/reddit.ts)', () => {
  const serve =
    (fake: ReturnType<typeof createRedditSearch>): Reply =>
    (response) => {
      const request = {
        host: 'www.reddit.com',
        method: 'GET',
        path: '/search.json',
        query: new URLSearchParams({ q: 'ktp' }),
        headers: {},
        body: Buffer.alloc(0),
        url: new URL('https://www.reddit.com/search.json?q=ktp'),
      };
      const answer = fake.handle(request, now)!;
      response.writeHead(answer.status, answer.headers);
      response.end(answer.body as string | Buffer);
    };

  it(`the ${REDDIT_ANONYMOUS_PER_MINUTE + 1}th search in a minute waits for the window Reddit names, then searches again`, async () => {
    const fake = createRedditSearch();
    replies.set('/search.json', serve(fake));
    for (let i = 0; i < REDDIT_ANONYMOUS_PER_MINUTE; i++) expect((await run('reddit', { query: 'ktp' })).items.length).toBeGreaterThan(0);
    const error = await run('reddit', { query: 'ktp' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(RateLimitError);
    // X-Ratelimit-Reset is seconds to the end of the window: 60 s after the first request of this minute.
    expect((error as RateLimitError).retryAt).toBe(now + 60_000);
  });

  it('the network-security block page is "unavailable", never "sign in again"', async () => {
    const fake = createRedditSearch();
    fake.blocked = true;
    replies.set('/search.json', serve(fake));
    const error = await run('reddit', { query: 'ktp' }).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ContentError);
    expect(sourceErrorKey(toErrorInfo(error))).toBe('sourceErrorRedditUnavailable');
    expect(REDDIT_BLOCKED_PAGE).toContain('blocked by network security');
  });
});

describe('every API adapter maps failures to typed errors', () => {
  const cases = Object.entries(PATHS) as Array<[keyof typeof PATHS, [string, Record<string, unknown>]]>;
  it.each(
    cases.flatMap(
      ([kind, [path, cfg]]) =>
        [
          [
            kind,
            path,
            cfg,
            '429 Retry-After',
            ((response) => sendJson(response, 429, {}, { 'retry-after': '90' })) as Reply,
            RateLimitError,
            { retryAt: now + 90_000 },
          ],
          [kind, path, cfg, '500', ((response) => sendJson(response, 500, 'oops')) as Reply, TransientError, {}],
          // Reddit has no account to sign in to: its refusal is "unavailable", tested below.
          ...(kind === 'reddit'
            ? []
            : [[kind, path, cfg, '401', ((response) => sendJson(response, 401, { error: 'Unauthorized' })) as Reply, AuthError, {}] as const]),
          [kind, path, cfg, 'malformed JSON', ((response) => sendJson(response, 200, '{"data": [')) as Reply, ContentError, { field: 'response' }],
          [
            kind,
            path,
            cfg,
            'wrong shape',
            ((response) => sendJson(response, 200, { data: [{ id: 42 }], posts: 'x', kind: 'Other' })) as Reply,
            ContentError,
            { field: 'response' },
          ],
        ] as const,
    ),
  )('%s: %s %o answers %s', async (kind, path, cfg, _label, reply, type, fields) => {
    replies.set(path, reply);
    const error = await run(kind, cfg).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject(fields);
  });

  it.each(cases)('%s: a hanging server is given up on via the caller signal', async (kind, [path, cfg]) => {
    replies.set(path, () => undefined);
    const error = await run(kind, cfg, {}, AbortSignal.timeout(150)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientError);
  });
});

describe('registry', () => {
  it('lists every kind once with a config schema', () => {
    expect(Object.keys(SOURCES).sort()).toEqual(['bluesky', 'googlenews', 'mastodon', 'reddit', 'rss', 'x']);
    for (const [kind, source] of Object.entries(SOURCES)) {
      expect(source.kind).toBe(kind);
      expect(typeof source.configSchema.safeParse).toBe('function');
    }
    expect(isSourceKind('rss')).toBe(true);
    expect(isSourceKind('toString')).toBe(false);
  });
});
