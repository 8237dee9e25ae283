import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { startFakeServer, type FakeServer } from '../../fakes/https-server';
import { createMastodonTagsFake, MASTODON_TAG_HOST } from '../../fakes/mastodon-tags';

// Each rule of tests/fakes/mastodon-tags.ts refuses what a Mastodon instance refuses (docs cited there).

let server: FakeServer;
beforeEach(async () => {
  server = await startFakeServer([createMastodonTagsFake()], { tls: false });
});
afterEach(() => server.close());

const ask = (path: string, headers: Record<string, string> = {}) =>
  fetch(`http://127.0.0.1:${server.port}${path}`, { headers: { 'x-fake-host': MASTODON_TAG_HOST, ...headers } });

describe('Mastodon hashtag timeline fake', () => {
  it('refuses a token it does not know', async () => {
    expect((await ask('/api/v1/timelines/tag/banjir', { authorization: 'Bearer unknown' })).status).toBe(401);
  });

  it('answers nothing but hashtag timelines', async () => {
    expect((await ask('/api/v1/timelines/public')).status).toBe(404);
  });

  it('answers at most `limit` statuses without a token', async () => {
    const response = await ask('/api/v1/timelines/tag/banjir?limit=1');
    expect(response.status).toBe(200);
    expect(await response.json()).toHaveLength(1);
  });
});
