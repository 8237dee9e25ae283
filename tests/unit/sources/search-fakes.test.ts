import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AuthError } from '../../../utils/errors';
import { xSource } from '../../../utils/sources/x';
import { startFakeServer, type FakeServer } from '../../fakes/https-server';
import { createSearchApisFake, MASTODON_TAG_HOST, X_APP_BEARER } from '../../fakes/search-apis';
import { routeFetch } from '../../support/route-fetch';

// Each rule of tests/fakes/search-apis.ts refuses what the real API refuses (the docs are cited there).

let server: FakeServer;
beforeEach(async () => {
  server = await startFakeServer([createSearchApisFake()], { tls: false });
});
afterEach(() => server.close());

const ask = (host: string, path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { 'x-fake-host': host, ...headers } });

describe('X recent search fake', () => {
  it.each([
    ['no token', '/2/tweets/search/recent?query=banjir', {}, 401],
    ['a token that is not the app bearer', '/2/tweets/search/recent?query=banjir', { authorization: 'Bearer user-token' }, 401],
    ['no query', '/2/tweets/search/recent', { authorization: `Bearer ${X_APP_BEARER}` }, 400],
    ['a query over 512 characters', `/2/tweets/search/recent?query=${'a'.repeat(513)}`, { authorization: `Bearer ${X_APP_BEARER}` }, 400],
    ['max_results under 10', '/2/tweets/search/recent?query=banjir&max_results=5', { authorization: `Bearer ${X_APP_BEARER}` }, 400],
    ['max_results over 100', '/2/tweets/search/recent?query=banjir&max_results=101', { authorization: `Bearer ${X_APP_BEARER}` }, 400],
  ])('refuses %s', async (_name, path, headers, status) => {
    expect((await ask('api.x.com', path, headers)).status).toBe(status);
  });

  it('answers the documented shape for a valid search', async () => {
    const response = await ask('api.x.com', '/2/tweets/search/recent?query=banjir&max_results=10', { authorization: `Bearer ${X_APP_BEARER}` });
    expect(response.status).toBe(200);
    expect(await response.json()).toMatchObject({ data: expect.any(Array), meta: expect.any(Object) });
  });

  it('makes the adapter report a refused token as an authentication problem', async () => {
    const routed = routeFetch(server.port);
    try {
      await expect(xSource.fetch({ query: 'banjir' }, {}, AbortSignal.timeout(10_000), { now: Date.now(), credentials: { bearerToken: 'wrong' } }))
        .rejects.toBeInstanceOf(AuthError);
    } finally {
      routed.restore();
    }
  });
});

describe('Mastodon hashtag timeline fake', () => {
  it('refuses a token it does not know', async () => {
    expect((await ask(MASTODON_TAG_HOST, '/api/v1/timelines/tag/banjir', { authorization: 'Bearer unknown' })).status).toBe(401);
  });

  it('answers at most `limit` statuses without a token', async () => {
    const response = await ask(MASTODON_TAG_HOST, '/api/v1/timelines/tag/banjir?limit=1');
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(1);
  });
});
