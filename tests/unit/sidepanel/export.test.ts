import { describe, expect, it } from 'vitest';
import type { MentionRow } from '../../../utils/db';
import { DAY_MS } from '../../../utils/monitor/spike';
import { tableToCsv } from '../../../utils/export/table';
import { mentionsJson, mentionsTable } from '../../../utils/sidepanel/export';
import { label } from '../../e2e/support/locales';
import { HISTORY_MS, HOUR_MS, volumeRange, volumeSeries, type VolumePoint } from '../../../utils/sidepanel/volume';

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

const id = label('id');
const WATCH = { id: 1, name: 'Banjir', colour: '#000000', query: '', aliases: [], languages: [], sources: [], notify: false, createdAt: 0, updatedAt: 0 };

describe('mention exports', () => {
  const rows = [base, { ...base, id: 2, guid: 'g2', url: 'javascript:alert(1)', title: '=bahaya', watchIds: [1, 9], starred: 1 as const, toneCorrected: true }];

  it('CSV: header in the UI language, `;`, officer-zone times, watch names, and no unsafe link', () => {
    const lines = tableToCsv(mentionsTable(rows, [WATCH], 'Asia/Jakarta', 'WIB', id))
      .slice(1)
      .trimEnd()
      .split('\r\n');
    expect(lines).toHaveLength(3);
    const quoted = (cells: string[]) => cells.map((cell) => `"${cell}"`).join(';');
    expect(lines[0]!.startsWith(quoted(['ID', 'Waktu terbit (WIB)', 'Media', 'Penulis', 'Judul', 'Tautan']))).toBe(true);
    expect(lines[1]).toBe(
      quoted([
        '1',
        '2026-03-10 09:00:00',
        'Kompas',
        '',
        'Judul',
        'https://kompas.com/a',
        'rss',
        'Banjir',
        'banjir',
        'Netral',
        '',
        'Belum dibaca',
        '',
        'Baru',
        '',
        'Isi',
      ]),
    );
    expect(lines[2]).toBe(
      quoted(['2', '2026-03-10 09:00:00', 'Kompas', '', "'=bahaya", '', 'rss', 'Banjir; 9', 'banjir', 'Netral', 'ya', 'Belum dibaca', 'ya', 'Baru', '', 'Isi']),
    );
  });

  it('CSV with `,` when the officer chose it, and English headers', () => {
    const csv = tableToCsv(mentionsTable([base], [WATCH], 'Asia/Makassar', 'WITA', label('en')), ',');
    expect(csv.slice(1).split('\r\n')[0]!.startsWith('"ID","Published (WITA)","Outlet"')).toBe(true);
    expect(csv).toContain('"1","2026-03-10 10:00:00","Kompas"');
  });

  it('JSON keeps the fields an officer needs and drops unsafe links', () => {
    const json = JSON.parse(mentionsJson(rows)) as Record<string, unknown>[];
    expect(json[1]).toMatchObject({ id: 2, url: null, starred: true, toneCorrected: true, title: '=bahaya' });
    expect(Object.keys(json[0]!)).not.toContain('guid');
  });
});

describe('volume series', () => {
  const now = Date.parse('2026-03-20T10:30:00Z');

  it('covers 48 hourly or 30 daily buckets ending with the current one', () => {
    const hourly = volumeRange('hour', now);
    expect([hourly.to - hourly.from, hourly.to]).toEqual([48 * HOUR_MS, Date.parse('2026-03-20T11:00:00Z')]);
    expect(volumeRange('day', now).to - volumeRange('day', now).from).toBe(30 * DAY_MS);
  });

  it('splits counts by tone and marks a bucket above mean + 3σ of the two weeks before', () => {
    const range = volumeRange('hour', now);
    const points: VolumePoint[] = [];
    // Two weeks before the shown range and the range itself: alternately 0 and 2 mentions an hour (mean 1, σ 1).
    for (let t = range.from - HISTORY_MS; t < range.to - HOUR_MS; t += HOUR_MS) {
      if (Math.floor(t / HOUR_MS) % 2 === 0) points.push({ t, tone: 'neutral' }, { t: t + 1, tone: 'negative' });
    }
    const last = range.to - HOUR_MS;
    for (let k = 0; k < 5; k++) points.push({ t: last + k, tone: k < 3 ? 'negative' : 'positive' });
    const series = volumeSeries(points, range);
    expect(series.xs).toHaveLength(48);
    expect(series.xs[0]).toBe(range.from / 1000);
    expect([series.negative.at(-1), series.positive.at(-1), series.neutral.at(-1), series.total.at(-1)]).toEqual([3, 2, 0, 5]);
    expect(series.spikes.at(-1)).toBe(5);
    expect(series.spikes.slice(0, -1).every((v) => v === null)).toBe(true);
  });

  it('marks nothing when the last bucket stays within mean + 3σ', () => {
    const range = volumeRange('hour', now);
    const points: VolumePoint[] = [];
    for (let t = range.from - HISTORY_MS; t < range.to; t += HOUR_MS) {
      if (Math.floor(t / HOUR_MS) % 2 === 0) points.push({ t, tone: 'neutral' }, { t: t + 1, tone: 'neutral' });
    }
    expect(volumeSeries(points, range).spikes.every((v) => v === null)).toBe(true);
  });
});
