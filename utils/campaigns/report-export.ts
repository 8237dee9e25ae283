import writeXlsxFile, { type SheetData } from 'write-excel-file/universal';
import { toCsv } from '../csv';
import type { NetworkId } from '../networks/ids';
import { formatDelay, type DisseminationReport } from './report';

// The dissemination report as a table (issue 19.4): one row per delivery, the same columns on screen, in
// the CSV (utils/csv.ts, the team's one CSV writer) and in the XLSX (write-excel-file, the team's
// spreadsheet library). Times are written in the officer's zone as text a reader sees as-is.

export interface ReportLabels {
  lang: 'id' | 'en';
  timeZone: string;
  networkName(id: NetworkId): string;
  stateName(state: string): string;
  /** The group of ordinary posts (no campaign). */
  otherPosts: string;
  header: readonly [campaign: string, network: string, time: string, link: string, status: string, delay: string];
}

export interface ReportTableRow {
  campaign: string;
  network: string;
  /** "2026-08-10 14:05" in the officer's zone; empty when not sent. */
  time: string;
  link: string;
  status: string;
  /** Time from the kit's publication to this post ("2 jam 5 menit"); empty for ordinary posts and unsent rows. */
  delay: string;
}

/** "2026-08-10 14:05" in `timeZone` (sortable, what a spreadsheet reads as a date-time). */
export function reportTime(at: number, timeZone: string): string {
  const parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', hourCycle: 'h23',
  }).formatToParts(at).map((part) => [part.type, part.value]));
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The report's rows, group by group, in the report's order. */
export function reportTable(report: DisseminationReport, labels: ReportLabels): ReportTableRow[] {
  return report.groups.flatMap((group) => group.rows.map((row) => ({
    campaign: group.kit?.title ?? labels.otherPosts,
    network: labels.networkName(row.network),
    time: row.at !== undefined ? reportTime(row.at, labels.timeZone) : '',
    link: row.url ?? '',
    status: labels.stateName(row.state),
    delay: group.kit && row.at !== undefined ? formatDelay(Math.max(0, row.at - group.kit.start), labels.lang) : '',
  })));
}

const cells = (row: ReportTableRow) => [row.campaign, row.network, row.time, row.link, row.status, row.delay];

/** The report as CSV (every field quoted, formula starts neutralised: utils/csv.ts). */
export function reportCsv(rows: readonly ReportTableRow[], labels: Pick<ReportLabels, 'header'>): string {
  return toCsv(labels.header, rows.map(cells));
}

/**
 * The report as an XLSX workbook (one sheet, bold header row, the header frozen). Strings stay strings:
 * write-excel-file writes them as shared strings, which no spreadsheet evaluates as formulas.
 */
export async function reportXlsx(rows: readonly ReportTableRow[], labels: Pick<ReportLabels, 'header'>, sheet: string): Promise<Blob> {
  const data: SheetData = [
    labels.header.map((value) => ({ value, fontWeight: 'bold' as const })),
    ...rows.map((row) => cells(row).map((value) => ({ value, type: String }))),
  ];
  return writeXlsxFile(data, { sheet: sheet.slice(0, 31), stickyRowsCount: 1, columns: [{ width: 36 }, { width: 14 }, { width: 18 }, { width: 50 }, { width: 14 }, { width: 18 }] }).toBlob();
}
