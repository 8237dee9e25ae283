import { describe, expect, it } from 'vitest';
import { disseminationReport } from '../../../utils/campaigns/report';
import { reportCsv, reportTable, reportTime, reportXlsx, type ReportLabels } from '../../../utils/campaigns/report-export';
import type { DeliveryRow } from '../../../utils/db';
import { readXlsx } from '../../support/xlsx';

const H = 3_600_000;
const T0 = Date.parse('2026-08-10T00:00:00Z');
const labels: ReportLabels = {
  lang: 'id', timeZone: 'Asia/Jakarta', networkName: (id) => ({ x: 'X', mastodon: 'Mastodon' } as Record<string, string>)[id] ?? id,
  stateName: (state) => ({ sent: 'Terkirim', failed: 'Gagal' } as Record<string, string>)[state] ?? state, otherPosts: 'Unggahan lain',
  header: ['Kampanye', 'Kanal', 'Waktu unggah', 'Tautan', 'Status', 'Jeda sejak kit terbit'],
};
const delivery = (id: number, postId: number, network: DeliveryRow['network'], state: DeliveryRow['state'], updatedAt: number, remoteUrl?: string): DeliveryRow => ({
  id, postId, network, state, attempts: 1, nextAttemptAt: 0, idempotencyKey: `k${id}`, updatedAt, ...(remoteUrl ? { remoteUrl } : {}),
});
const report = disseminationReport({
  posts: [
    { id: 1, text: 't', variants: {}, pageUrl: 'https://a.go.id', pageTitle: 'a', createdBy: 'Sari', createdAt: T0 + H, kitId: 'src:hut81' },
    { id: 2, text: 't', variants: {}, pageUrl: 'https://b.go.id', pageTitle: 'b', createdBy: 'Sari', createdAt: T0 + 2 * H },
  ],
  deliveries: [
    delivery(1, 1, 'x', 'sent', T0 + H + 125 * 60_000, 'https://x.com/humas/status/1'),
    delivery(2, 1, 'mastodon', 'failed', T0 + H),
    delivery(3, 2, 'x', 'sent', T0 + 2 * H, 'https://x.com/humas/status/2'),
  ],
  kits: [{ id: 'src:hut81', title: '=HUT RI ke-81', start: T0, link: 'https://komdigi.go.id/hut81' }],
  from: T0, to: T0 + 24 * H,
});

describe('the dissemination report as a table', () => {
  it('has one row per delivery with the time in the officer zone and the delay after the kit publication', () => {
    expect(reportTable(report, labels)).toEqual([
      { campaign: '=HUT RI ke-81', network: 'X', time: '2026-08-10 10:05', link: 'https://x.com/humas/status/1', status: 'Terkirim', delay: '3 jam 5 menit' },
      { campaign: '=HUT RI ke-81', network: 'Mastodon', time: '', link: '', status: 'Gagal', delay: '' },
      { campaign: 'Unggahan lain', network: 'X', time: '2026-08-10 09:00', link: 'https://x.com/humas/status/2', status: 'Terkirim', delay: '' },
    ]);
  });

  it.each([
    [Date.parse('2026-12-31T17:30:00Z'), 'Asia/Jakarta', '2027-01-01 00:30'],
    [Date.parse('2026-12-31T17:30:00Z'), 'Asia/Jayapura', '2027-01-01 02:30'],
    [Date.parse('2026-12-31T17:30:00Z'), 'UTC', '2026-12-31 17:30'],
  ])('writes %s in %s as %s (24-hour clock, no AM/PM)', (at, zone, expected) => {
    expect(reportTime(at, zone)).toBe(expected);
  });

  it('exports CSV through the shared writer: BOM, header, a formula-looking title neutralised', () => {
    const csv = reportCsv(reportTable(report, labels), labels);
    const lines = csv.replace(/^\uFEFF/, '').trimEnd().split('\r\n');
    expect(lines[0]).toContain('Kampanye');
    expect(lines[1]).toContain('"\'=HUT RI ke-81"');
    expect(lines).toHaveLength(4);
  });

  it('exports XLSX whose cells hold the same text, as strings, with no formula', async () => {
    const rows = reportTable(report, labels);
    const blob = await reportXlsx(rows, labels, 'Laporan Diseminasi');
    const book = readXlsx(new Uint8Array(await blob.arrayBuffer()));
    expect(book.cells.some((cell) => cell.formula !== undefined)).toBe(false);
    expect(book.rows()).toEqual([
      ['Kampanye', 'Kanal', 'Waktu unggah', 'Tautan', 'Status', 'Jeda sejak kit terbit'],
      ['=HUT RI ke-81', 'X', '2026-08-10 10:05', 'https://x.com/humas/status/1', 'Terkirim', '3 jam 5 menit'],
      ['=HUT RI ke-81', 'Mastodon', '', '', 'Gagal', ''],
      ['Unggahan lain', 'X', '2026-08-10 09:00', 'https://x.com/humas/status/2', 'Terkirim', ''],
    ]);
    expect(book.cells.filter((cell) => cell.value).every((cell) => cell.type === 's' || cell.type === 'inlineStr')).toBe(true);
    expect(book.sheetName).toBe('Laporan Diseminasi');
  });
});
