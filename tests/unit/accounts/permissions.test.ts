import { describe, expect, it } from 'vitest';
import { originsFor } from '../../../utils/accounts/origins';
import { originsToRelease, sourceOrigins } from '../../../utils/sources/origins';

// Issue 13.11: removing an account gives back only the host permissions nothing else still uses.
describe('originsToRelease', () => {
  const bluesky = originsFor('bluesky', { service: 'https://bsky.social' });
  const mastodon = originsFor('mastodon', { instance: 'https://sosial.example.go.id' });

  it.each([
    [
      'a Bluesky search source still uses bsky.social',
      bluesky,
      [{ kind: 'bluesky', config: { query: 'banjir' } }],
      bluesky.filter((o) => o !== 'https://bsky.social/*'),
    ],
    [
      'a Mastodon tag source on the same instance',
      mastodon,
      [{ kind: 'mastodon', config: { instance: 'https://sosial.example.go.id', hashtag: 'banjir' } }],
      mastodon.filter((o) => o !== 'https://sosial.example.go.id/*'),
    ],
    ['a feed on another site changes nothing', mastodon, [{ kind: 'rss', config: { url: 'https://www.antaranews.com/rss/terkini.xml' } }], mastodon],
    ['no sources', bluesky, [], bluesky],
  ])('%s', (_label, released, sources, expected) => {
    expect(originsToRelease(released, sources.flatMap(sourceOrigins))).toEqual(expected);
  });

  it("names each source kind's hosts", () => {
    expect(sourceOrigins({ kind: 'rss', config: { url: 'https://www.antaranews.com/rss/terkini.xml' } })).toEqual(['https://www.antaranews.com/*']);
    expect(sourceOrigins({ kind: 'x', config: {} })).toEqual(['https://api.x.com/*', 'https://api.twitter.com/*']);
    expect(sourceOrigins({ kind: 'rss', config: { url: 5 } })).toEqual([]);
  });
});
