import { describe, expect, it } from 'vitest';
import type { MentionRow } from '../../../utils/db';
import { DAY_MS } from '../../../utils/monitor/spike';
import { clippingCsv, clippingRows, mentionsCsv, mentionsJson } from '../../../utils/sidepanel/export';
import { HISTORY_MS, HOUR_MS, volumeRange, volumeSeries, type VolumePoint } from '../../../utils/sidepanel/volume';

const base: MentionRow = {
  id: 1, guid: 'g1', url: 'https://kompas.com/a', canonicalUrl: 'https://kompas.com/a', title: 'Judul', summary: 'Isi', source: 'rss',
  outlet: 'Kompas', publishedAt: Date.parse('2026-03-10T02:00:00Z'), fetchedAt: 0, watchIds: [1], keywords: ['banjir'],
  storyKey: 's1', tone: 'neutral', state: 'unread', starred: 0, response: { status: 'baru' },
};

describe('mention exports', () => {
  const rows = [base, { ...base, id: 2, guid: 'g2', url: 'javascript:alert(1)', title: '=bahaya', watchIds: [1, 9], starred: 1 as const, toneCorrected: true }];

  it('CSV has one line per mention, watch names, and no unsafe link', () => {
    const lines = mentionsCsv(rows, [{ id: 1, name: 'Banjir', colour: '#000000', query: '', aliases: [], languages: [], sources: [], notify: false, createdAt: 0, updatedAt: 0 }])
      .slice(1).trimEnd().split('\r\n');
    expect(lines).toHaveLength(3);
    const quoted = (cells: string[]) => cells.map((cell) => `"${cell}"`).join(',');
    expect(lines[0]!.startsWith(quoted(['id', 'publishedAt', 'outlet', 'author', 'title', 'url']))).toBe(true);
    expect(lines[1]).toBe(quoted(['1', '2026-03-10T02:00:00.000Z', 'Kompas', '', 'Judul', 'https://kompas.com/a', 'rss', 'Banjir', 'banjir', 'neutral', '', 'unread', '', 'baru', '', 'Isi']));
    expect(lines[2]).toBe(quoted(['2', '2026-03-10T02:00:00.000Z', 'Kompas', '', "'=bahaya", '', 'rss', 'Banjir; 9', 'banjir', 'neutral', 'yes', 'unread', 'yes', 'baru', '', 'Isi']));
  });

  it('JSON keeps the fields an officer needs and drops unsafe links', () => {
    const json = JSON.parse(mentionsJson(rows)) as Record<string, unknown>[];
    expect(json[1]).toMatchObject({ id: 2, url: null, starred: true, toneCorrected: true, title: '=bahaya' });
    expect(Object.keys(json[0]!)).not.toContain('guid');
  });
});

describe('daily clipping', () => {
  const day = [
    { ...base, id: 3, guid: 'g3', publishedAt: base.publishedAt + 3 * HOUR_MS, outlet: 'Detik', title: 'Versi Detik' },
    { ...base, id: 4, guid: 'g4', publishedAt: base.publishedAt + HOUR_MS, outlet: 'Kompas', title: 'Versi kedua Kompas' },
    { ...base, id: 5, guid: 'g5', publishedAt: base.publishedAt - HOUR_MS, state: 'archived' as const, title: 'Arsip' },
    { ...base, id: 6, guid: 'g6', storyKey: 's2', publishedAt: base.publishedAt - 2 * HOUR_MS, outlet: 'Antara', title: 'Lain', tone: 'positive' as const },
    base,
  ];

  it('orders oldest first, one row per story and outlet, archived left out', () => {
    const rows = clippingRows(day, 'Asia/Jakarta', 'id');
    expect(rows.map((r) => [r.outlet, r.headline])).toEqual([['Antara', 'Lain'], ['Kompas', 'Judul'], ['Detik', 'Versi Detik']]);
    expect(rows[1]!.time).toMatch(/10 Mar 2026.*09[.:]00/);
  });

  it('CSV uses the given header and tone labels', () => {
    const csv = clippingCsv(clippingRows([day[3]!], 'UTC', 'en'), ['Time', 'Outlet', 'Headline', 'Tone', 'Link'], (tone) => tone.toUpperCase());
    expect(csv).toBe('\uFEFF"Time","Outlet","Headline","Tone","Link"\r\n"Mar 10, 2026, 00:00","Antara","Lain","POSITIVE","https://kompas.com/a"\r\n');
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
