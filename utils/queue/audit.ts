import type { AuditRow, DeliveryState, SiarDatabase } from '../db';
import type { ErrorCode } from '../errors';
import type { MessageKey } from '../i18n';
import { NETWORK_IDS, type NetworkId } from '../networks/ids';
import { networkNameKey } from '../networks/names';
import type { ExportTable, Label } from '../export/table';
import type { AuditView } from './protocol';

/** Appends one line to the append-only audit log (never updated or deleted by Siar). */
export function appendAudit(database: SiarDatabase, row: Omit<AuditRow, 'id'>) {
  return database.audit.add(row);
}

export const AUDIT_EVENT_KEYS: Record<string, MessageKey> = {
  created: 'auditEventCreated',
  scheduled: 'auditEventScheduled',
  sent: 'auditEventSent',
  'attempt-pending': 'auditEventAttemptPending',
  'attempt-failed': 'auditEventAttemptFailed',
  'attempt-needs-auth': 'auditEventAttemptNeedsAuth',
  retry: 'auditEventRetry',
  recovered: 'auditEventRecovered',
  rescheduled: 'auditEventRescheduled',
  cancelled: 'auditEventCancelled',
};

// The sentence of each error code (utils/errors.ts), for lines written before the message key was kept.
const CODE_KEYS: Record<ErrorCode, MessageKey> = {
  auth: 'errorAuth',
  'rate-limit': 'errorRateLimited',
  content: 'errorContent',
  transient: 'errorNetwork',
  interrupted: 'errorInterrupted',
  'unknown-message': 'errorUnknownMessage',
  'bad-message': 'errorBadMessage',
  internal: 'errorInternal',
};

const STATE_KEYS: Record<DeliveryState, MessageKey> = {
  pending: 'statePending',
  sending: 'stateSending',
  sent: 'stateSent',
  failed: 'stateFailed',
  'needs-auth': 'stateNeedsAuth',
};

const isNetwork = (word: string): word is NetworkId => (NETWORK_IDS as readonly string[]).includes(word);

/**
 * The `result` of an audit line as the officer reads it: the queue stores `ok`, `<error code>: <service
 * detail>` (utils/queue/deliver.ts), a delivery state (recover.ts) or the post's network ids (posts.ts,
 * scheduled.ts). Returns the sentence and, for errors, the service's own words kept as `detail` (they are
 * evidence, so never dropped). Unknown text is returned as it was written.
 */
export function auditResult(row: Pick<AuditView, 'result' | 'resultKey'>, label: Label): { text: string; detail?: string } {
  const result = row.result?.trim() ?? '';
  if (!result) return { text: '' };
  if (result === 'ok') return { text: label('auditResultOk') };
  if (result in STATE_KEYS) return { text: label(STATE_KEYS[result as DeliveryState]) };
  const words = result.split(/\s+/);
  if (words.every(isNetwork)) return { text: label('auditResultNetworks', words.map((id) => label(networkNameKey(id))).join(', ')) };
  const match = /^([a-z-]+):\s*([\s\S]*)$/.exec(result);
  const code = match?.[1] as ErrorCode | undefined;
  if (code && code in CODE_KEYS) {
    const text = label(row.resultKey ?? CODE_KEYS[code]);
    return match![2] ? { text, detail: match![2] } : { text };
  }
  return { text: result };
}

/**
 * The audit log as an export table (oldest first as given): time and scheduled time in the officer's
 * zone, event and result as sentences in the UI language, the service's detail after the sentence.
 * `zoneLabel` is WIB/WITA/WIT (or the IANA name) for the time column headers.
 */
export function auditTable(rows: readonly AuditView[], timeZone: string, zoneLabel: string, label: Label): ExportTable {
  return {
    sheet: label('exportSheetAudit'),
    timeZone,
    columns: [
      { header: label('exportColTime', zoneLabel), kind: 'date' },
      { header: label('exportColActor'), width: 28 },
      { header: label('exportColNetwork') },
      { header: label('exportColEvent'), width: 24 },
      { header: label('exportColResult'), width: 50 },
      { header: label('exportColPostLink'), width: 40 },
      { header: label('exportColPageUrl'), width: 40 },
      { header: label('exportColText'), width: 60 },
      { header: label('exportColScheduled', zoneLabel), kind: 'date' },
    ],
    rows: rows.map((row) => {
      const result = auditResult(row, label);
      const eventKey = AUDIT_EVENT_KEYS[row.event];
      return [
        row.at,
        row.actor,
        row.network ? label(networkNameKey(row.network)) : '',
        eventKey ? label(eventKey) : row.event,
        result.detail ? `${result.text} ${label('auditResultDetail', result.detail)}` : result.text,
        row.url,
        row.pageUrl,
        row.text,
        row.scheduledAt,
      ];
    }),
  };
}
