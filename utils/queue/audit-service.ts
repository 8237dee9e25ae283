import { db } from '../db';
import type { Handlers } from '../messages';
import { auditToCsv } from './audit';
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
  const views: AuditView[] = rows.map((row) => ({
    id: row.id!, at: row.at, actor: row.actor, network: row.network, event: row.event,
    text: row.text, pageUrl: row.pageUrl, result: row.result, url: row.url, scheduledAt: row.scheduledAt,
  }));
  return { rows: views, total, timeZone: preferences.timeZone };
}

export async function auditCsv() {
  const [rows, preferences] = await Promise.all([db.audit.orderBy(':id').toArray(), readSetting(SETTINGS.preferences)]);
  return { csv: auditToCsv(rows, preferences.timeZone), rows: rows.length };
}

/** The answers to the audit-log messages (registered by utils/worker/handlers.ts). */
export const auditHandlers: Pick<Handlers, 'auditList' | 'auditCsv'> = {
  auditList: ({ offset, limit }) => auditList(offset, limit),
  auditCsv: () => auditCsv(),
};
