import { describe, expect, it } from 'vitest';
import type { WatchInput } from '../../../utils/monitor/protocol';
import { inQuietHours } from '../../../utils/monitor/quiet-hours';
import { watchHashtags, watchSearchTerms } from '../../../utils/monitor/search-terms';
import { deleteWatch, saveWatch } from '../../../utils/listen/watches';
import { exportOpmlSources, importOpmlSources, saveSource } from '../../../utils/listen/store';
import { freshDatabase } from './helpers';

const input = (over: Partial<WatchInput> = {}): WatchInput => ({
  name: 'Banjir',
  colour: '#0B6E75',
  query: 'banjir demak',
  aliases: [],
  languages: [],
  sources: [],
  notify: true,
  ...over,
});

describe('saveWatch', () => {
  it.each([
    ['banjir (demak', 7, 'queryUnclosedParen'],
    ['banjir OR', 7, 'queryDanglingOperator'],
    ['-hoaks', 0, 'queryOnlyExclusions'],
  ])('rejects %j with the parser position %i and key %s, storing nothing', async (query, position, messageKey) => {
    const database = await freshDatabase();
    expect(await saveWatch(database, input({ query }), 1)).toEqual({ ok: false, queryError: expect.objectContaining({ position, messageKey }) });
    expect(await database.watches.count()).toBe(0);
  });

  it('rejects a blank name', async () => {
    const database = await freshDatabase();
    expect(await saveWatch(database, input({ name: '  ' }), 1)).toEqual({ ok: false, messageKey: 'watchNameRequired' });
  });

  it('keeps one search row per chosen kind in step with the query, and removes them with the watch', async () => {
    const database = await freshDatabase();
    const created = await saveWatch(
      database,
      input({ sources: ['googlenews', 'reddit', 'mastodon'], query: 'banjir demak' }),
      1,
      'https://sosial.example.go.id',
    );
    if (!created.ok) throw new Error('not saved');
    let rows = await database.sources.toArray();
    expect(rows.map((r) => r.derivedKey).sort()).toEqual(['googlenews', 'mastodon:banjir', 'mastodon:demak', 'reddit']);
    expect(rows.find((r) => r.kind === 'googlenews')?.config).toEqual({ query: { all: ['banjir', 'demak'], any: [], none: [], sites: [] } });
    expect(rows.find((r) => r.derivedKey === 'mastodon:banjir')?.config).toEqual({ instance: 'https://sosial.example.go.id', hashtag: 'banjir' });

    const googleId = rows.find((r) => r.kind === 'googlenews')!.id!;
    await database.sources.update(googleId, { etag: '"old"', nextDueAt: 999 });
    await saveWatch(database, input({ id: created.watch.id, sources: ['googlenews'], query: 'banjir kudus' }), 50);
    rows = await database.sources.toArray();
    expect(rows).toHaveLength(1);
    expect(rows[0]?.etag).toBeUndefined();
    expect(rows[0]).toMatchObject({ id: googleId, nextDueAt: 50, config: { query: { all: ['banjir', 'kudus'] } } });

    await deleteWatch(database, created.watch.id);
    expect(await database.sources.count()).toBe(0);
  });

  it('makes feeds read in full again when a watch changes what it matches', async () => {
    const database = await freshDatabase();
    const feed = await saveSource(database, { kind: 'rss', config: { url: 'https://contoh.go.id/rss' } }, 1);
    if (!feed.ok) throw new Error('not saved');
    await database.sources.update(feed.source.id, { etag: '"v1"' });
    await saveWatch(database, input(), 2);
    expect((await database.sources.get(feed.source.id))?.etag).toBeUndefined();
  });
});

describe('watchSearchTerms', () => {
  it.each([
    ['banjir demak', { all: ['banjir', 'demak'], any: [], none: [], sites: [] }],
    [
      '"jalan rusak" (semarang OR kudus) -hoaks site:jatengprov.go.id lang:id',
      { all: ['jalan rusak'], any: ['semarang', 'kudus'], none: ['hoaks'], sites: ['jatengprov.go.id'] },
    ],
    ['banjir OR longsor', { all: [], any: ['banjir', 'longsor'], none: [], sites: [] }],
    // Too rich for a search API: widened to any of its positive terms.
    ['(banjir demak) OR (longsor NOT kudus)', { all: [], any: ['banjir', 'demak', 'longsor'], none: [], sites: [] }],
  ])('%s', (query, expected) => {
    expect(watchSearchTerms(query)).toEqual(expected);
  });

  it.each([
    ['banjir "jalan rusak" -hoaks', ['banjir']],
    ['pelayanan OR publik OR ktp OR dukcapil', ['pelayanan', 'publik', 'ktp']],
  ])('hashtags of %s', (query, expected) => {
    expect(watchHashtags(query)).toEqual(expected);
  });
});

describe('sources', () => {
  it.each([
    ['javascript:alert(1)', 'sourceInvalidUrl'],
    ['ftp://contoh.go.id/rss', 'sourceInvalidUrl'],
    ['contoh.go.id/rss', 'sourceInvalidUrl'],
  ])('refuses the feed address %s', async (url, messageKey) => {
    const database = await freshDatabase();
    expect(await saveSource(database, { kind: 'rss', config: { url } }, 1)).toMatchObject({ ok: false, messageKey });
    expect(await database.sources.count()).toBe(0);
  });

  it('refuses a Mastodon hashtag with spaces', async () => {
    const database = await freshDatabase();
    expect(await saveSource(database, { kind: 'mastodon', config: { hashtag: 'dua kata' } }, 1)).toMatchObject({
      ok: false,
      messageKey: 'sourceInvalidConfig',
    });
  });

  it('imports OPML once per address and exports it back', async () => {
    const database = await freshDatabase();
    await saveSource(database, { kind: 'rss', config: { url: 'https://a.go.id/rss' } }, 1);
    const opml = `<?xml version="1.0"?><opml version="2.0"><head><title>x</title></head><body>
      <outline text="Berita"><outline text="A" xmlUrl="https://a.go.id/rss"/><outline text="B &amp; C" xmlUrl="https://b.go.id/feed"/>
      <outline text="Jahat" xmlUrl="javascript:alert(1)"/><outline text="B lagi" xmlUrl="https://b.go.id/feed"/></outline></body></opml>`;
    expect(await importOpmlSources(database, opml, 2)).toEqual({ ok: true, added: 1, duplicates: 2, invalid: 1 });
    expect(await importOpmlSources(database, 'not xml at all <', 2)).toEqual({ ok: false, messageKey: 'opmlUnreadable' });
    const text = await exportOpmlSources(database, 3);
    expect(text).toContain('xmlUrl="https://b.go.id/feed"');
    expect(text).toContain('text="B &amp; C"');
    expect(text).toContain('xmlUrl="https://a.go.id/rss"');
  });
});

describe('inQuietHours', () => {
  // 2025-01-01T15:30Z is 22:30 in Jakarta (UTC+7) and 00:30 in Jayapura (UTC+9).
  const at = Date.UTC(2025, 0, 1, 15, 30);
  it.each([
    [{ enabled: true, from: '22:00', to: '06:00' }, 'Asia/Jakarta', true],
    [{ enabled: false, from: '22:00', to: '06:00' }, 'Asia/Jakarta', false],
    [{ enabled: true, from: '23:00', to: '06:00' }, 'Asia/Jakarta', false],
    [{ enabled: true, from: '23:00', to: '06:00' }, 'Asia/Jayapura', true],
    [{ enabled: true, from: '12:00', to: '18:00' }, 'UTC', true],
    [{ enabled: true, from: '08:00', to: '08:00' }, 'UTC', false],
    [{ enabled: true, from: '22:00', to: '06:00' }, 'Not/AZone', false],
  ])('%j in %s → %s', (quiet, zone, expected) => {
    expect(inQuietHours(quiet, at, zone)).toBe(expected);
  });
});
