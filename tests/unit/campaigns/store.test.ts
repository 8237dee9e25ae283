import { Dexie } from 'dexie';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { loadReport } from '../../../utils/campaigns/report-data';
import { kitShares, kitKey, latestKits, markKitsSeen, storeKits, unseenKitCount } from '../../../utils/campaigns/store';
import type { Kit } from '../../../utils/campaigns/kit';
import { SiarDatabase } from '../../../utils/db';
import { createPost } from '../../../utils/queue/posts';

const kit = (id: string, updatedAt: number, change: Partial<Kit> = {}): Kit => ({
  id,
  updatedAt,
  title: `Kit ${id}`,
  start: updatedAt,
  link: `https://www.komdigi.go.id/${id}`,
  text: 'Teks kampanye',
  variants: {},
  hashtags: ['HUTRI81'],
  mandatory: [],
  ...change,
});

let database: SiarDatabase;
beforeEach(() => {
  database = new SiarDatabase(`kits-${crypto.randomUUID()}`);
});
afterEach(async () => {
  await database.delete();
});

describe('the kits table', () => {
  it('adds new kits unseen, keeps each version by id + update time, and ignores a re-read of the same version', async () => {
    expect(await storeKits(database, 'src', [kit('a', 1000), kit('b', 1000)], 5000)).toBe(2);
    expect(await storeKits(database, 'src', [kit('a', 1000), kit('b', 1000)], 6000)).toBe(0);
    expect(await database.kits.count()).toBe(2);
    expect(await unseenKitCount(database)).toBe(2);
    // A newer version is a new row; an older one (a stale mirror) changes nothing.
    expect(await storeKits(database, 'src', [kit('a', 2000, { text: 'Teks baru' }), kit('b', 500, { text: 'lama' })], 7000)).toBe(0);
    const versions = await database.kits.where('key').equals(kitKey('src', 'a')).toArray();
    expect(versions.map((row) => [row.updatedAt, row.text, row.firstSeenAt])).toEqual([
      [1000, 'Teks kampanye', 5000],
      [2000, 'Teks baru', 5000],
    ]);
    expect((await latestKits(database)).map((row) => [row.kitId, row.text])).toEqual([
      ['a', 'Teks baru'],
      ['b', 'Teks kampanye'],
    ]);
    // Two versions of one kit still count once on the badge.
    expect(await unseenKitCount(database)).toBe(2);
    await markKitsSeen(database);
    expect(await unseenKitCount(database)).toBe(0);
    // A newer version of a seen kit does not light the badge again; a new kit does.
    expect(await storeKits(database, 'src', [kit('a', 3000), kit('c', 3000)], 8000)).toBe(1);
    expect(await unseenKitCount(database)).toBe(1);
  });

  it('keys kits by source, so two coordinators may both publish "kit-1"', async () => {
    await storeKits(database, 'jatim', [kit('kit-1', 1000, { title: 'Jatim' })], 1);
    await storeKits(database, 'komdigi', [kit('kit-1', 1000, { title: 'Komdigi' })], 1);
    expect((await latestKits(database)).map((row) => row.key).sort()).toEqual(['jatim:kit-1', 'komdigi:kit-1']);
  });

  it('a post shared from a kit keeps its text and kit version when the feed later updates the kit', async () => {
    await storeKits(database, 'src', [kit('a', 1000)], 1);
    const { postId } = await createPost(
      database,
      {
        text: 'Teks kampanye #HUTRI81',
        variants: {},
        pageUrl: 'https://www.komdigi.go.id/a',
        pageTitle: 'Kit a',
        targets: ['x', 'mastodon'],
        kitId: kitKey('src', 'a'),
        kitUpdatedAt: 1000,
      },
      'Sari',
      2000,
    );
    await database.deliveries
      .where('postId')
      .equals(postId)
      .and((d) => d.network === 'x')
      .modify({ state: 'sent', remoteUrl: 'https://x.com/humas/status/1', updatedAt: 3000 });
    await storeKits(database, 'src', [kit('a', 4000, { text: 'Diganti' })], 5000);
    expect(await database.posts.get(postId)).toMatchObject({ text: 'Teks kampanye #HUTRI81', kitId: 'src:a', kitUpdatedAt: 1000 });
    const shares = await kitShares(database, ['src:a']);
    expect(shares['src:a']).toEqual([
      { network: 'x', state: 'sent', at: 3000, url: 'https://x.com/humas/status/1' },
      { network: 'mastodon', state: 'pending' },
    ]);
  });
});

describe('database version 2', () => {
  it('opens a version-1 database with its posts, deliveries and mentions intact, and indexes kitId', async () => {
    const name = `upgrade-${crypto.randomUUID()}`;
    const old = new Dexie(name);
    old.version(1).stores({
      posts: '++id, createdAt, scheduledAt, pageUrl',
      deliveries: '++id, postId, state, [state+nextAttemptAt], network, &idempotencyKey',
      audit: '++id, at, postId, network, pageUrl',
      watches: '++id, name',
      sources: '++id, kind, nextDueAt',
      mentions:
        '++id, &guid, canonicalUrl, publishedAt, fetchedAt, storyKey, *watchIds, ' +
        '[state+publishedAt], [starred+publishedAt], [tone+publishedAt], [source+publishedAt]',
      watchHits: '[watchId+publishedAt+mentionId], mentionId',
    });
    await old.table('posts').add({ text: 'lama', variants: {}, pageUrl: 'https://a.go.id/', pageTitle: 'A', createdBy: 'Sari', createdAt: 1 });
    await old
      .table('deliveries')
      .add({ postId: 1, network: 'x', state: 'sent', attempts: 1, nextAttemptAt: 1, idempotencyKey: 'k', updatedAt: 2, remoteUrl: 'https://x.com/a/status/1' });
    await old.table('audit').add({ at: 1, actor: 'Sari', event: 'created' });
    old.close();

    const upgraded = new SiarDatabase(name);
    await upgraded.open();
    expect(upgraded.verno).toBeGreaterThanOrEqual(2);
    expect(await upgraded.posts.toArray()).toEqual([expect.objectContaining({ id: 1, text: 'lama' })]);
    expect(await upgraded.deliveries.count()).toBe(1);
    expect(await upgraded.audit.count()).toBe(1);
    expect(await upgraded.posts.where('kitId').equals('src:a').count()).toBe(0);
    expect(await upgraded.kits.count()).toBe(0);
    await upgraded.delete();
  });
});

describe('the report after a feed update', () => {
  it('shows the kit as the version that was shared, not the newer one the feed sent later', async () => {
    await storeKits(database, 'src', [kit('a', 1000, { title: 'HUT RI ke-81' })], 1);
    const { postId } = await createPost(
      database,
      {
        text: 'Teks #HUTRI81',
        variants: {},
        pageUrl: 'https://www.komdigi.go.id/a',
        pageTitle: 'HUT RI ke-81',
        targets: ['x'],
        kitId: 'src:a',
        kitUpdatedAt: 1000,
      },
      'Sari',
      2000,
    );
    await database.deliveries.where('postId').equals(postId).modify({ state: 'sent', remoteUrl: 'https://x.com/humas/status/1', updatedAt: 2500 });
    const before = await loadReport(database, { from: 0, to: 10_000, kitKeys: ['src:a'] });
    await storeKits(database, 'src', [kit('a', 3000, { title: 'Judul diganti', start: 2400 })], 3000);
    const after = await loadReport(database, { from: 0, to: 10_000, kitKeys: ['src:a'] });
    expect(after.report).toEqual(before.report);
    expect(after.report.groups[0]).toMatchObject({ kit: { title: 'HUT RI ke-81', start: 1000 }, delayMs: 1500 });
    // The kit list offers the newest version for new shares.
    expect(after.kits.map((row) => row.title)).toEqual(['Judul diganti']);
  });
});
