import type { MessageKey } from '../i18n';
import { toCsv, type CsvSeparator } from './csv';
import { offsetAt } from '../time';

// One shape for every export, so the CSV and the XLSX of a list are the same table: the caller names
// the columns in the officer's language and gives raw values; the writers decide how each kind looks.

/** `text` is any string, `number` a count, `date` an epoch in milliseconds shown in the table's zone. */
export type ColumnKind = 'text' | 'number' | 'date';

export interface ExportColumn {
  /** The header cell, already in the UI language. */
  header: string;
  kind?: ColumnKind;
  /** Width in characters for the XLSX sheet (CSV has none). */
  width?: number;
}

export type ExportValue = string | number | undefined | null;

export interface ExportTable {
  /** Sheet name (Excel allows 31 characters and none of `[]:*?/\`; cleaned by the XLSX writer). */
  sheet: string;
  /** IANA zone the `date` columns are shown in: the officer's (WIB, WITA, WIT). */
  timeZone: string;
  columns: readonly ExportColumn[];
  rows: readonly (readonly ExportValue[])[];
}

const stamp = new Map<string, Intl.DateTimeFormat>();

/**
 * `YYYY-MM-DD HH:mm:ss` of `epoch` in `timeZone`: the order every spreadsheet locale reads as a date
 * and time (ISO 8601 with a space, which Excel and LibreOffice both accept), without a zone suffix,
 * because the column header names the zone.
 */
export function zoneStamp(epoch: number, timeZone: string): string {
  let format = stamp.get(timeZone);
  if (!format) {
    // sv-SE formats as ISO 8601 date and 24-hour time.
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
      second: '2-digit',
      hourCycle: 'h23',
    });
    stamp.set(timeZone, format);
  }
  return format.format(epoch);
}

/**
 * A Date whose UTC fields are the wall-clock time of `epoch` in `timeZone`. Spreadsheet dates carry no
 * zone (a serial day number), and write-excel-file converts a Date through its UTC value, so this is
 * how a cell shows the officer's local time.
 */
export function wallClock(epoch: number, timeZone: string): Date {
  return new Date(Math.floor(epoch / 1000) * 1000 + offsetAt(epoch, timeZone));
}

/** A value as CSV text: dates as `zoneStamp`, numbers as digits without grouping, the rest as is. */
function csvValue(kind: ColumnKind | undefined, value: ExportValue, timeZone: string): ExportValue {
  if (kind === 'date' && typeof value === 'number' && Number.isFinite(value)) return zoneStamp(value, timeZone);
  return value;
}

/** The table as CSV (utils/export/csv.ts: quoting, formula neutralising, BOM), `;` unless asked otherwise. */
export function tableToCsv(table: ExportTable, separator: CsvSeparator = ';'): string {
  return toCsv(
    table.columns.map((c) => c.header),
    table.rows.map((row) => table.columns.map((column, i) => csvValue(column.kind, row[i], table.timeZone))),
    separator,
  );
}

/** A UI string: `t` (utils/i18n.ts) in a page; unit tests pass a reader of the real catalogue. */
export type Label = (key: MessageKey, substitutions?: string | string[]) => string;
