import { describe, expect, it } from 'vitest';
import { disseminationReport } from '../../../utils/campaigns/report';
import { reportExportTable, reportTable, reportTime, type ReportLabels } from '../../../utils/campaigns/report-export';
import { tableToCsv } from '../../../utils/export/table';
import { tableToXlsx } from '../../../utils/export/xlsx';
import type { DeliveryRow } from '../../../utils/db';
import { readXlsx } from '../../support/xlsx';

const H = 3_600_000;
const T0 = Date.parse('2026-08-10T00:00:00Z');
const labels: ReportLabels = {
  lang: 'id',
  timeZone: 'Asia/Jakarta',
  networkName: (id) => (({ x: 'X', mastodon: 'Mastodon' }) as Record<string, string>)[id] ?? id,
  stateName: (state) => (({ sent: 'Terkirim', failed: 'Gagal' }) as Record<string, string>)[state] ?? state,
  otherPosts: 'Unggahan lain',
  header: ['Kampanye', 'Kanal', 'Waktu unggah', 'Tautan', 'Status', 'Jeda sejak kit terbit'],
};
const delivery = (
  id: number,
  postId: number,
  network: DeliveryRow['network'],
  state: DeliveryRow['state'],
  updatedAt: number,
  remoteUrl?: string,
): DeliveryRow => ({
  id,
  postId,
  network,
  state,
  attempts: 1,
  nextAttemptAt: 0,
  idempotencyKey: `k${id}`,
  updatedAt,
  ...(remoteUrl ? { remoteUrl } : {}),
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
  from: T0,
  to: T0 + 24 * H,
});

describe('the dissemination report as a table', () => {
  it('has one row per delivery with the time in the officer zone and the delay after the kit publication', () => {
    expect(reportTable(report, labels)).toEqual([
      {
        campaign: '=HUT RI ke-81',
        network: 'X',
        at: T0 + H + 125 * 60_000,
        time: '2026-08-10 10:05',
        link: 'https://x.com/humas/status/1',
        status: 'Terkirim',
        delay: '3 jam 5 menit',
      },
      { campaign: '=HUT RI ke-81', network: 'Mastodon', time: '', link: '', status: 'Gagal', delay: '' },
      {
        campaign: 'Unggahan lain',
        network: 'X',
        at: T0 + 2 * H,
        time: '2026-08-10 09:00',
        link: 'https://x.com/humas/status/2',
        status: 'Terkirim',
        delay: '',
      },
    ]);
  });

  it.each([
    [Date.parse('2026-12-31T17:30:00Z'), 'Asia/Jakarta', '2027-01-01 00:30'],
    [Date.parse('2026-12-31T17:30:00Z'), 'Asia/Jayapura', '2027-01-01 02:30'],
    [Date.parse('2026-12-31T17:30:00Z'), 'UTC', '2026-12-31 17:30'],
  ])('writes %s in %s as %s (24-hour clock, no AM/PM)', (at, zone, expected) => {
    expect(reportTime(at, zone)).toBe(expected);
  });

  it('exports CSV through the team export module: `;`, the time in the officer zone, a formula-looking title neutralised', () => {
    const csv = tableToCsv(reportExportTable(reportTable(report, labels), labels, 'Laporan Diseminasi'));
    const lines = csv
      .replace(/^\uFEFF/, '')
      .trimEnd()
      .split('\r\n');
    expect(lines[0]).toBe('"Kampanye";"Kanal";"Waktu unggah";"Tautan";"Status";"Jeda sejak kit terbit"');
    expect(lines[1]).toBe('"\'=HUT RI ke-81";"X";"2026-08-10 10:05:00";"https://x.com/humas/status/1";"Terkirim";"3 jam 5 menit"');
    expect(lines[2]).toBe('"\'=HUT RI ke-81";"Mastodon";"";"";"Gagal";""');
    expect(lines).toHaveLength(4);
  });

  it('exports XLSX with text as strings (no formula) and the time as a date cell of the officer wall clock', async () => {
    const blob = await tableToXlsx(reportExportTable(reportTable(report, labels), labels, 'Laporan Diseminasi'));
    const book = readXlsx(new Uint8Array(await blob.arrayBuffer()));
    expect(book.cells.some((cell) => cell.formula !== undefined)).toBe(false);
    const rows = book.rows();
    expect(rows[0]).toEqual(['Kampanye', 'Kanal', 'Waktu unggah', 'Tautan', 'Status', 'Jeda sejak kit terbit']);
    expect([rows[1]![0], rows[1]![1], rows[1]![3], rows[1]![4], rows[1]![5]]).toEqual([
      '=HUT RI ke-81',
      'X',
      'https://x.com/humas/status/1',
      'Terkirim',
      '3 jam 5 menit',
    ]);
    // A spreadsheet date is days since 1899-12-30 (ECMA-376 Part 1 §18.17.4.1): 10:05 WIB on 10 August 2026.
    const serial = Number(rows[1]![2]);
    expect(new Date(Math.round((serial - 25569) * 86_400_000)).toISOString()).toBe('2026-08-10T10:05:00.000Z');
    expect(rows[3]!.slice(0, 2)).toEqual(['Unggahan lain', 'X']);
    expect(book.sheetName).toBe('Laporan Diseminasi');
  });
});
