import { describe, expect, it } from 'vitest';
import { bluesky } from '../../../utils/networks/bluesky';
import { mastodon } from '../../../utils/networks/mastodon';
import { x } from '../../../utils/networks/x';
import { ACCOUNTS, post, signal, useFakes } from './harness';

// "Tanggapi" answers a mention on its own network: each adapter replies to the given post the way its
// API documents, and each fake refuses a reply to a post it cannot see.

const env = useFakes();
const X_POST = '1888000000000000001';
const MASTODON_URI = 'https://mastodon.social/users/warga/statuses/4242';
const BLUESKY_URI = 'at://did:plc:wargafake000000000000000/app.bsky.feed.post/3kwarga';

describe('replies to a mention', () => {
  it('X: the first part replies to the tweet, later parts to the part before', async () => {
    env.x.others.add(X_POST);
    await x.publish(post({ parts: ['Balasan 1/2', 'Balasan 2/2'], replyTo: X_POST }), ACCOUNTS.x, signal());
    expect(env.x.tweets.map((t) => t.replyTo)).toEqual([X_POST, env.x.tweets[0]!.id]);
  });

  it('X fake refuses a reply to a tweet it cannot see', async () => {
    await expect(x.publish(post({ replyTo: '42' }), ACCOUNTS.x, signal())).rejects.toThrow(/./);
    expect(env.x.tweets).toEqual([]);
  });

  it('Mastodon: resolves the remote status on the officer instance, then replies to its local id', async () => {
    env.mastodon.remote.set(MASTODON_URI, 'Layanan KTP lambat');
    await mastodon.publish(post({ replyTo: MASTODON_URI }), ACCOUNTS.mastodon, signal());
    const search = env.server.log.find((r) => r.path === '/api/v2/search');
    const query = new URLSearchParams(search?.query);
    expect([query.get('q'), query.get('resolve'), query.get('type')]).toEqual([MASTODON_URI, 'true', 'statuses']);
    expect(env.mastodon.posts[0]?.inReplyTo).toMatch(/^12\d+$/);
  });

  it('Mastodon fake finds a remote status only when asked to resolve it', async () => {
    env.mastodon.remote.set(MASTODON_URI, 'x');
    const response = await fetch(`https://sosial.example.go.id/api/v2/search?q=${encodeURIComponent(MASTODON_URI)}&type=statuses`, {
      headers: { authorization: `Bearer ${ACCOUNTS.mastodon.accessToken}` },
    });
    expect(((await response.json()) as { statuses: unknown[] }).statuses).toEqual([]);
  });

  it('Mastodon: an unknown status is a content error, and nothing is posted', async () => {
    await expect(mastodon.publish(post({ replyTo: 'https://nowhere.example/statuses/1' }), ACCOUNTS.mastodon, signal())).rejects.toMatchObject({
      code: 'content',
    });
    expect(env.mastodon.posts).toEqual([]);
  });

  it('Bluesky: replies with root and parent (URI + CID) from getPosts, without a link card', async () => {
    env.bluesky.others.set(BLUESKY_URI, {
      uri: BLUESKY_URI,
      cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm',
      record: { $type: 'app.bsky.feed.post', text: 'Banjir', createdAt: new Date().toISOString() },
    });
    await bluesky.publish(post({ replyTo: BLUESKY_URI }), ACCOUNTS.bluesky, signal());
    const record = env.bluesky.posts[0]!.record as { reply: unknown; embed?: unknown };
    expect(record.reply).toEqual({
      root: { uri: BLUESKY_URI, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' },
      parent: { uri: BLUESKY_URI, cid: 'bafyreie5737gdxlw5i64vzichcalba3z2v5n6icifvx5xytvske7mr3hpm' },
    });
    expect(record.embed).toBeUndefined();
  });

  it('Bluesky fake refuses a reply to a post it does not know', async () => {
    await expect(bluesky.publish(post({ replyTo: 'at://did:plc:x/app.bsky.feed.post/none' }), ACCOUNTS.bluesky, signal())).rejects.toThrow(/./);
    expect(env.bluesky.posts).toEqual([]);
  });
});
