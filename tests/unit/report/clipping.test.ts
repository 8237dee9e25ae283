import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { MentionRow, WatchRow } from '../../../utils/db';
import { tableToCsv, zoneStamp } from '../../../utils/export/table';
import { clippingGroups, clippingTable, excerpt, toneTotals } from '../../../utils/report/clipping';
import { fromLocalInput, periodFromQuery, periodQuery, toLocalInput } from '../../../utils/report/period';
import { label } from '../../e2e/support/locales';

const HOUR = 3_600_000;
const base: MentionRow = {
  id: 1,
  guid: 'g1',
  url: 'https://kompas.com/a',
  canonicalUrl: 'https://kompas.com/a',
  title: 'Judul',
  summary: 'Isi',
  source: 'rss',
  outlet: 'Kompas',
  publishedAt: Date.parse('2026-03-10T02:00:00Z'),
  fetchedAt: 0,
  watchIds: [1],
  keywords: ['banjir'],
  storyKey: 's1',
  tone: 'neutral',
  state: 'unread',
  starred: 0,
  response: { status: 'baru' },
};
const watch = (id: number, name: string): WatchRow => ({
  id,
  name,
  colour: '#000000',
  query: '',
  aliases: [],
  languages: [],
  sources: [],
  notify: false,
  createdAt: 0,
  updatedAt: 0,
});

describe('clipping groups (issue 14.11)', () => {
  const rows: MentionRow[] = [
    { ...base, id: 3, guid: 'g3', publishedAt: base.publishedAt + 3 * HOUR, outlet: 'Detik', title: 'Versi Detik' },
    { ...base, id: 4, guid: 'g4', publishedAt: base.publishedAt + HOUR, outlet: 'Kompas', title: 'Versi kedua Kompas' },
    { ...base, id: 5, guid: 'g5', publishedAt: base.publishedAt - HOUR, state: 'archived', title: 'Arsip' },
    { ...base, id: 6, guid: 'g6', storyKey: 's2', publishedAt: base.publishedAt - 2 * HOUR, outlet: 'Antara', title: 'Lain', tone: 'positive' },
    { ...base, id: 7, guid: 'g7', storyKey: 's3', watchIds: [2, 1], outlet: 'Tempo', title: 'Pajak', tone: 'negative' },
    { ...base, id: 8, guid: 'g8', storyKey: 's4', watchIds: [99], outlet: 'Tirto', title: 'Yatim' },
    base,
  ];
  const watches = [watch(2, 'Pajak'), watch(1, 'Banjir')];

  it('groups by watch (in watch order, each mention once), then story; one item per story and outlet; archived left out', () => {
    const groups = clippingGroups(rows, watches, 'Lainnya');
    expect(groups.map((g) => [g.name, g.count])).toEqual([
      ['Pajak', 1],
      ['Banjir', 3],
      ['Lainnya', 1],
    ]);
    expect(groups[1]!.stories.map((s) => s.items.map((i) => i.outlet))).toEqual([['Antara'], ['Kompas', 'Detik']]);
    expect(toneTotals(groups)).toEqual({ positive: 1, neutral: 3, negative: 1 });
  });

  it('exports one flat table with the group, officer-zone times and excerpts', () => {
    const csv = tableToCsv(clippingTable(clippingGroups(rows, watches, 'Lainnya'), 'Asia/Jakarta', 'WIB', label('id')));
    const lines = csv.slice(1).trimEnd().split('\r\n');
    expect(lines[0]).toBe('"Pantauan / cerita";"Waktu (WIB)";"Media";"Judul";"Cuplikan";"Nada";"Tautan"');
    expect(lines[1]).toBe('"Pajak";"2026-03-10 09:00:00";"Tempo";"Pajak";"Isi";"Negatif";"https://kompas.com/a"');
    expect(lines).toHaveLength(6);
  });

  it.each([
    ['pendek', 'pendek'],
    ['  spasi\n\nbanyak  ', 'spasi banyak'],
    [`${'kata '.repeat(100)}`, `${'kata '.repeat(48).trim()}…`],
  ])('excerpt(%j)', (text, expected) => {
    expect(excerpt(text)).toBe(expected);
  });

  it('an excerpt never exceeds the limit plus the ellipsis and is a prefix of the folded text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 600 }), (text) => {
        const cut = excerpt(text);
        expect(cut.length).toBeLessThanOrEqual(241);
        expect(text.replace(/\s+/g, ' ').trim().startsWith(cut.replace(/…$/, ''))).toBe(true);
      }),
    );
  });
});

describe('report period in the URL', () => {
  const now = Date.parse('2026-03-10T05:30:00Z');

  // Indonesia's zones are fixed offsets (Perpres 41/1987): WIB UTC+7, WITA UTC+8, WIT UTC+9.
  it.each([
    ['Asia/Jakarta', '2026-03-10T08:00', '2026-03-10T01:00:00Z'],
    ['Asia/Makassar', '2026-03-10T08:00', '2026-03-10T00:00:00Z'],
    ['Asia/Jayapura', '2026-03-10T00:30', '2026-03-09T15:30:00Z'],
    ['Europe/Berlin', '2026-03-29T03:30', '2026-03-29T01:30:00Z'],
  ])('%s %s is %s', (zone, local, utc) => {
    expect(fromLocalInput(local, zone)).toBe(Date.parse(utc));
    expect(toLocalInput(Date.parse(utc), zone)).toBe(local);
  });

  it.each(['2026-02-31T08:00', '2026-03-10T24:00', '2026-03-10 08:00', ''])('refuses %j', (value) => {
    expect(fromLocalInput(value, 'Asia/Jakarta')).toBeUndefined();
  });

  it('defaults to the last 24 hours, reads from/to and date, and says when the query is bad', () => {
    expect(periodFromQuery(new URLSearchParams(''), 'Asia/Jakarta', now)).toEqual({ period: { from: now - 24 * HOUR, to: now }, problem: false });
    expect(periodFromQuery(new URLSearchParams('date=2026-03-10'), 'Asia/Jakarta', now).period).toEqual({
      from: Date.parse('2026-03-09T17:00:00Z'),
      to: Date.parse('2026-03-10T17:00:00Z'),
    });
    expect(periodFromQuery(new URLSearchParams('from=2026-03-10T08:00&to=2026-03-10T07:00'), 'Asia/Jakarta', now).problem).toBe(true);
    expect(periodFromQuery(new URLSearchParams('date=2026-02-31'), 'Asia/Jakarta', now).problem).toBe(true);
  });

  it('a period written to the URL reads back the same (to the minute)', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1_600_000_000, max: 2_000_000_000 }),
        fc.integer({ min: 1, max: 10_000 }),
        fc.constantFrom('Asia/Jakarta', 'Asia/Makassar', 'Asia/Jayapura'),
        (fromMin, span, zone) => {
          const period = { from: fromMin * 60_000, to: (fromMin + span) * 60_000 };
          expect(periodFromQuery(new URLSearchParams(periodQuery(period, zone, 3)), zone, now)).toEqual({ period, problem: false });
        },
      ),
    );
    expect(zoneStamp(Date.parse('2026-03-10T05:30:00Z'), 'Asia/Jakarta')).toBe('2026-03-10 12:30:00');
  });
});
