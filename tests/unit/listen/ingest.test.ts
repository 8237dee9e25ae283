import { describe, expect, it } from 'vitest';
import { ingestItems, mentionGuid, pruneMentions } from '../../../utils/monitor/ingest';
import { detectTone, scoreTone, toneFeatures } from '../../../utils/monitor/tone';
import { learnCorrection, toAdjustment } from '../../../utils/monitor/tone-adjust';
import { emptyLearning } from '../../../utils/settings';
import { addWatch, freshDatabase, item } from './helpers';

const NOW = Date.UTC(2025, 0, 3);

describe('ingestItems', () => {
  it('stores matched items once, with hits per watch, and nothing on a repeated poll', async () => {
    const database = await freshDatabase();
    const banjir = await addWatch(database, 'banjir');
    const demak = await addWatch(database, 'demak');
    await addWatch(database, 'gempa');
    const items = [item(), item({ guid: 'g2', url: 'https://contoh.go.id/berita/2', title: 'Pasar murah di Kudus' })];

    const first = await ingestItems(database, items, { kind: 'rss', id: 1 }, await database.watches.toArray(), NOW);
    expect(first.added).toHaveLength(1);
    const [mention] = await database.mentions.toArray();
    expect(mention).toMatchObject({
      watchIds: [banjir.id, demak.id],
      state: 'unread',
      starred: 0,
      response: { status: 'baru' },
      source: 'rss',
      sourceId: 1,
      canonicalUrl: 'https://contoh.go.id/berita/1',
      guid: 'rss:https://contoh.go.id/berita/1',
    });
    expect((await database.watchHits.toArray()).map((h) => h.watchId).sort()).toEqual([banjir.id, demak.id].sort());

    const second = await ingestItems(database, items, { kind: 'rss', id: 1 }, await database.watches.toArray(), NOW + 60_000);
    expect(second).toMatchObject({ added: [], duplicates: 1 });
    expect(await database.mentions.count()).toBe(1);
  });

  it('treats the same article behind tracking parameters or another feed as one mention', async () => {
    const database = await freshDatabase();
    await addWatch(database, 'banjir');
    const watches = await database.watches.toArray();
    await ingestItems(database, [item()], { kind: 'rss', id: 1 }, watches, NOW);
    const again = await ingestItems(
      database,
      [item({ guid: 'other-guid', url: 'https://www.contoh.go.id/berita/1/?utm_source=x#top' })],
      { kind: 'rss', id: 2 },
      watches,
      NOW,
    );
    expect(again.added).toEqual([]);
    expect(await database.mentions.count()).toBe(1);
  });

  it('groups one story from several outlets under one storyKey without hiding either', async () => {
    const database = await freshDatabase();
    await addWatch(database, 'banjir');
    const watches = await database.watches.toArray();
    await ingestItems(
      database,
      [
        item({ title: 'Gubernur Tinjau Banjir Demak - Kompas.com', outlet: 'Kompas' }),
        item({ guid: 'b', url: 'https://lain.id/b', title: 'Banjir Demak, Gubernur Tinjau', outlet: 'Lain' }),
      ],
      { kind: 'rss', id: 1 },
      watches,
      NOW,
    );
    const rows = await database.mentions.toArray();
    expect(rows).toHaveLength(2);
    expect(rows[0]!.storyKey).toBe(rows[1]!.storyKey);
  });

  it('never stores a script link and never dates a mention in the future', async () => {
    const database = await freshDatabase();
    await addWatch(database, 'banjir');
    await ingestItems(
      database,
      [item({ url: 'javascript:alert(1)', guid: 'x1', publishedAt: NOW + 86_400_000 })],
      { kind: 'rss', id: 1 },
      await database.watches.toArray(),
      NOW,
    );
    const [row] = await database.mentions.toArray();
    expect(row).toMatchObject({ url: '', publishedAt: NOW });
  });

  it('skips items older than the retention window, which pruning would only delete again', async () => {
    const database = await freshDatabase();
    await addWatch(database, 'banjir');
    const result = await ingestItems(
      database,
      [item({ publishedAt: NOW - 100 * 86_400_000 }), item({ guid: 'new', url: 'https://contoh.go.id/2' })],
      { kind: 'rss', id: 1 },
      await database.watches.toArray(),
      NOW,
      { notBefore: NOW - 90 * 86_400_000 },
    );
    expect(result.added.map((m) => m.guid)).toEqual(['rss:1:new']);
  });

  it('tones the mention from its text', async () => {
    const database = await freshDatabase();
    await addWatch(database, 'pelayanan');
    await ingestItems(
      database,
      [item({ title: 'Pelayanan lambat dan buruk, warga kecewa', summary: '' })],
      { kind: 'rss', id: 1 },
      await database.watches.toArray(),
      NOW,
    );
    const [row] = await database.mentions.toArray();
    expect(row!.tone).toBe('negative');
    expect(row!.toneWords).toEqual(detectTone('Pelayanan lambat dan buruk, warga kecewa. ').reasons);
    expect(row!.toneWords!.length).toBeGreaterThan(0);
  });

  it('tones with what the device learnt from corrections', async () => {
    const database = await freshDatabase();
    await addWatch(database, 'pelayanan');
    const text = 'Pelayanan lambat dan buruk, warga kecewa';
    let learning = emptyLearning();
    while (detectTone(text, { adjust: toAdjustment(learning) }).tone !== 'positive' && learning.corrections < 10) {
      learning = learnCorrection(learning, toneFeatures(text), 'positive', scoreTone, NOW);
    }
    await ingestItems(database, [item({ title: text, summary: '' })], { kind: 'rss', id: 1 }, await database.watches.toArray(), NOW, {
      toneAdjust: toAdjustment(learning),
    });
    expect((await database.mentions.toArray())[0]!.tone).toBe('positive');
  });
});

describe('mentionGuid', () => {
  it.each([
    [{ guid: 'https://a.id/1' }, { kind: 'rss', id: 3 }, 'rss:https://a.id/1'],
    [{ guid: 'tag:blogger.com,1999:post-1' }, { kind: 'rss', id: 3 }, 'rss:tag:blogger.com,1999:post-1'],
    [{ guid: '12345' }, { kind: 'rss', id: 3 }, 'rss:3:12345'],
    [{ guid: '' }, { kind: 'rss', id: 3 }, 'rss:https://contoh.go.id/berita/1'],
    [{ guid: 't3_abc' }, { kind: 'reddit' }, 'reddit:t3_abc'],
  ] as const)('%j from %j → %s', (over, source, expected) => {
    expect(mentionGuid(item(over), source)).toBe(expected);
  });
});

describe('pruneMentions', () => {
  it('drops mentions past the age limit and the oldest beyond the count, keeping starred ones', async () => {
    const database = await freshDatabase();
    const day = 86_400_000;
    const base = {
      url: '',
      canonicalUrl: '',
      title: 't',
      summary: '',
      source: 'rss',
      outlet: 'o',
      fetchedAt: NOW,
      watchIds: [1],
      keywords: [],
      storyKey: 't',
      tone: 'neutral' as const,
      state: 'unread' as const,
      response: { status: 'baru' as const },
    };
    await database.mentions.bulkAdd([
      { ...base, guid: 'old', publishedAt: NOW - 100 * day, starred: 0 },
      { ...base, guid: 'old-starred', publishedAt: NOW - 100 * day, starred: 1 },
      ...Array.from({ length: 120 }, (_, i) => ({ ...base, guid: `n${i}`, publishedAt: NOW - i * 1000, starred: 0 as const })),
    ]);
    await database.watchHits.bulkAdd((await database.mentions.toArray()).map((m) => ({ watchId: 1, publishedAt: m.publishedAt, mentionId: m.id! })));

    const deleted = await pruneMentions(database, { days: 90, maxCount: 100 }, NOW, 10);
    const left = await database.mentions.toArray();
    expect(left.map((m) => m.guid)).toContain('old-starred');
    expect(left.map((m) => m.guid)).not.toContain('old');
    expect(left).toHaveLength(100);
    expect(deleted).toBe(22);
    // The newest survive.
    expect(left.map((m) => m.guid)).toContain('n0');
    expect(left.map((m) => m.guid)).not.toContain('n119');
    expect(await database.watchHits.count()).toBe(100);
  });
});
