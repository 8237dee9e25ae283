import { toCsv } from '../csv';
import type { AuditRow, SiarDatabase } from '../db';

/** Appends one line to the append-only audit log (never updated or deleted by Siar). */
export function appendAudit(database: SiarDatabase, row: Omit<AuditRow, 'id'>) {
  return database.audit.add(row);
}

const CSV_COLUMNS = ['at', 'actor', 'network', 'event', 'result', 'url', 'pageUrl', 'text'] as const;

/** The audit log as CSV (UTF-8 with BOM so spreadsheet programs read Indonesian text correctly). */
export function auditToCsv(rows: AuditRow[], timeZone = 'Asia/Jakarta'): string {
  const format = new Intl.DateTimeFormat('sv-SE', {
    timeZone, year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit', second: '2-digit',
  });
  return toCsv(CSV_COLUMNS, rows.map((row) => CSV_COLUMNS.map((column) => (column === 'at' ? format.format(row.at) : row[column]))));
}
