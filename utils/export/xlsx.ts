import writeXlsxFile, { type Cell, type SheetData } from 'write-excel-file/universal';
import { wallClock, type ExportColumn, type ExportTable, type ExportValue } from './table';

// XLSX through write-excel-file (the team's spreadsheet library). A string is written as a string cell,
// never as a formula (only type 'Formula' makes one), so the CSV's formula neutralising is not needed and
// the text stays exactly what was written; the library escapes XML and drops characters XML forbids.

/** The display format of date cells: ISO order, 24 hours; the column header names the zone. */
export const XLSX_DATE_FORMAT = 'yyyy-mm-dd hh:mm:ss';

/** Excel's sheet-name rules: at most 31 characters, none of [ ] : * ? / \ (ECMA-376 Part 1, §18.2.20). */
export function sheetName(name: string): string {
  return (
    name
      .replace(/[[\]:*?/\\]/g, ' ')
      .trim()
      .slice(0, 31) || 'Siar'
  );
}

function cell(column: ExportColumn, value: ExportValue, timeZone: string): Cell {
  if (value === undefined || value === null || value === '') return null;
  if (column.kind === 'date' && typeof value === 'number' && Number.isFinite(value)) {
    return { value: wallClock(value, timeZone), type: Date, format: XLSX_DATE_FORMAT };
  }
  if (column.kind === 'number' && typeof value === 'number' && Number.isFinite(value)) return { value, type: Number };
  return { value: String(value), type: String };
}

/**
 * The table as one XLSX sheet: a bold header row kept in view while scrolling, dates as real date
 * cells in the table's zone, counts as numbers, everything else as text. Resolves to a Blob of MIME
 * type application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.
 */
export function tableToXlsx(table: ExportTable): Promise<Blob> {
  const header: Cell[] = table.columns.map((column) => ({ value: column.header, type: String, fontWeight: 'bold' }));
  const data: SheetData = [header, ...table.rows.map((row) => table.columns.map((column, i) => cell(column, row[i], table.timeZone)))];
  return writeXlsxFile(data, {
    sheet: sheetName(table.sheet),
    columns: table.columns.map((column) => ({ width: column.width ?? (column.kind === 'date' ? 20 : 16) })),
    stickyRowsCount: 1,
  }).toBlob();
}
