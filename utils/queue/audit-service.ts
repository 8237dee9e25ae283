import { db, type AuditRow } from '../db';
import type { Handlers } from '../messages';
import type { AuditView } from './protocol';
import { SETTINGS, readSetting } from '../settings';

/** Newest first: the primary key grows with every append, so it orders the log without a sort. */
export async function auditList(offset: number, limit: number) {
  const [rows, total, preferences] = await Promise.all([
    // oxlint-disable-next-line unicorn/no-array-reverse -- Dexie's Collection.reverse() returns a new query
    db.audit.orderBy(':id').reverse().offset(offset).limit(limit).toArray(),
    db.audit.count(),
    readSetting(SETTINGS.preferences),
  ]);
  return { rows: rows.map(toView), total, timeZone: preferences.timeZone };
}

function toView(row: AuditRow): AuditView {
  return {
    id: row.id!,
    at: row.at,
    actor: row.actor,
    network: row.network,
    event: row.event,
    text: row.text,
    pageUrl: row.pageUrl,
    result: row.result,
    resultKey: row.resultKey as AuditView['resultKey'],
    url: row.url,
    scheduledAt: row.scheduledAt,
  };
}

/** The whole log, oldest first, for the options page's CSV/XLSX export. */
export async function auditExport() {
  const [rows, preferences] = await Promise.all([db.audit.orderBy(':id').toArray(), readSetting(SETTINGS.preferences)]);
  return { rows: rows.map(toView), timeZone: preferences.timeZone };
}

/** The answers to the audit-log messages (registered by utils/worker/handlers.ts). */
export const auditHandlers: Pick<Handlers, 'auditList' | 'auditExport'> = {
  auditList: ({ offset, limit }) => auditList(offset, limit),
  auditExport: () => auditExport(),
};
