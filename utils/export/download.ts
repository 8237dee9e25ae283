import { tableToCsv } from './table';
import type { CsvSeparator } from './csv';
import type { ExportTable } from './table';

/** The two spreadsheet formats every list in Siar can be exported as. */
export type ExportFormat = 'csv' | 'xlsx';

/** Hands a Blob to the browser's download flow as `filename`; nothing leaves the device. */
export function downloadBlob(filename: string, blob: Blob): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement('a');
  link.href = url;
  link.download = filename;
  document.body.append(link);
  link.click();
  link.remove();
  // The click has handed the blob to the download manager; a minute is ample before freeing it.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * Writes `table` as `<basename>.csv` (with `separator`, `;` unless the officer chose `,`) or
 * `<basename>.xlsx` and downloads it. The XLSX writer is loaded only when asked for, so pages that
 * never export to Excel do not carry it. Rejects when the file cannot be written.
 */
export async function exportTable(table: ExportTable, format: ExportFormat, basename: string, separator: CsvSeparator = ';'): Promise<void> {
  if (format === 'csv') {
    downloadBlob(`${basename}.csv`, new Blob([tableToCsv(table, separator)], { type: 'text/csv;charset=utf-8' }));
    return;
  }
  const { tableToXlsx } = await import('./xlsx');
  downloadBlob(`${basename}.xlsx`, await tableToXlsx(table));
}
