import type { ExportTable } from '../export/table';
import type { NetworkId } from '../networks/ids';
import { formatDelay, type DisseminationReport } from './report';

// The dissemination report as a table (issue 19.4): one row per delivery, the same rows on screen and in
// the CSV/XLSX export, which go through the team's one export module (utils/export: `;` CSV by default,
// XLSX with real date cells in the officer's zone).

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
  /** When it was sent (ms since the epoch); undefined when not sent. */
  at?: number;
  /** `at` as "2026-08-10 14:05" in the officer's zone; empty when not sent. */
  time: string;
  link: string;
  status: string;
  /** Time from the kit's publication to this post ("2 jam 5 menit"); empty for ordinary posts and unsent rows. */
  delay: string;
}

/** "2026-08-10 14:05" in `timeZone` (sortable, 24-hour, as on paper). */
export function reportTime(at: number, timeZone: string): string {
  const parts = Object.fromEntries(
    new Intl.DateTimeFormat('en-CA', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      hourCycle: 'h23',
    })
      .formatToParts(at)
      .map((part) => [part.type, part.value]),
  );
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}`;
}

/** The report's rows, group by group, in the report's order. */
export function reportTable(report: DisseminationReport, labels: ReportLabels): ReportTableRow[] {
  return report.groups.flatMap((group) =>
    group.rows.map((row) => ({
      campaign: group.kit?.title ?? labels.otherPosts,
      network: labels.networkName(row.network),
      ...(row.at !== undefined ? { at: row.at } : {}),
      time: row.at !== undefined ? reportTime(row.at, labels.timeZone) : '',
      link: row.url ?? '',
      status: labels.stateName(row.state),
      delay: group.kit && row.at !== undefined ? formatDelay(Math.max(0, row.at - group.kit.start), labels.lang) : '',
    })),
  );
}

/** The rows as the export module's table: the time column a date (a date cell in XLSX, zone time in CSV). */
export function reportExportTable(rows: readonly ReportTableRow[], labels: Pick<ReportLabels, 'header' | 'timeZone'>, sheet: string): ExportTable {
  const [campaign, network, time, link, status, delay] = labels.header;
  return {
    sheet,
    timeZone: labels.timeZone,
    columns: [
      { header: campaign, width: 36 },
      { header: network, width: 16 },
      { header: time, kind: 'date', width: 20 },
      { header: link, width: 50 },
      { header: status, width: 14 },
      { header: delay, width: 20 },
    ],
    rows: rows.map((row) => [row.campaign, row.network, row.at, row.link, row.status, row.delay]),
  };
}
