import { useEffect, useState } from 'preact/hooks';
import { networkNameKey } from '../utils/networks/names';
import { t, uiLanguage, type MessageKey } from '../utils/i18n';
import { send, type ResponseOf } from '../utils/messages';
import type { AuditView } from '../utils/queue/protocol';
import { Alert } from './Alert';
import { safeHttpUrl } from '../utils/sidepanel/links';

const PAGE_SIZE = 20;

const EVENT_LABELS: Record<string, MessageKey> = {
  created: 'auditEventCreated', scheduled: 'auditEventScheduled', sent: 'auditEventSent',
  'attempt-pending': 'auditEventAttemptPending', 'attempt-failed': 'auditEventAttemptFailed',
  'attempt-needs-auth': 'auditEventAttemptNeedsAuth', retry: 'auditEventRetry', recovered: 'auditEventRecovered',
  rescheduled: 'auditEventRescheduled', cancelled: 'auditEventCancelled',
};

/** Hands the CSV to the browser's download flow; nothing leaves the device. */
function download(csv: string) {
  const url = URL.createObjectURL(new Blob([csv], { type: 'text/csv;charset=utf-8' }));
  const link = document.createElement('a');
  link.href = url;
  link.download = `siar-audit-${new Date().toISOString().slice(0, 10)}.csv`;
  link.click();
  // Revoked later: the download reads the Blob after click() returns.
  setTimeout(() => URL.revokeObjectURL(url), 10_000);
}

function AuditRow({ row, format }: { row: AuditView; format: Intl.DateTimeFormat }) {
  const label = EVENT_LABELS[row.event];
  return (
    <tr data-testid="audit-row" data-event={row.event} data-network={row.network ?? ''}>
      <td>{format.format(row.at)}</td>
      <td>{row.actor}</td>
      <td>{row.network ? t(networkNameKey(row.network)) : ''}</td>
      <td class="audit-text">{row.text}</td>
      <td>{label ? t(label) : row.event}
        {row.scheduledAt !== undefined && <div data-testid="audit-scheduled-at">{t('auditScheduledFor', format.format(row.scheduledAt))}</div>}
        {row.result && row.result !== 'ok' && <div class="muted">{row.result}</div>}</td>
      <td>{safeHttpUrl(row.url) && <a href={safeHttpUrl(row.url)} target="_blank" rel="noopener noreferrer">{t('viewPost')}</a>}</td>
    </tr>
  );
}

/** Options section: the append-only audit log, newest first, paged, with a CSV export. */
export function AuditLog() {
  const [offset, setOffset] = useState(0);
  const [page, setPage] = useState<ResponseOf<'auditList'>>();
  const [problem, setProblem] = useState<MessageKey>();

  useEffect(() => {
    send('auditList', { offset, limit: PAGE_SIZE }).then(setPage, () => setProblem('errorInternal'));
  }, [offset]);

  async function exportCsv() {
    setProblem(undefined);
    try {
      download((await send('auditCsv', {})).csv);
    } catch {
      setProblem('auditExportFailed');
    }
  }

  const format = new Intl.DateTimeFormat(uiLanguage(), { timeZone: page?.timeZone, dateStyle: 'medium', timeStyle: 'short', hourCycle: 'h23' });
  const total = page?.total ?? 0;
  return (
    <section id="audit" class="audit" aria-labelledby="audit-title" data-testid="audit-section">
      <h2 id="audit-title">{t('auditTitle')}</h2>
      <p class="muted">{t('auditIntro')}</p>
      <button type="button" data-testid="audit-export" onClick={() => void exportCsv()}>{t('auditExport')}</button>
      {problem && <Alert>{t(problem)}</Alert>}
      {page && total === 0 && <p class="empty">{t('auditEmpty')}</p>}
      {page && total > 0 && (
        <>
          <table class="audit-table">
            <thead>
              <tr>
                {(['auditColTime', 'auditColActor', 'auditColNetwork', 'auditColText', 'auditColResult', 'auditColLink'] as const)
                  .map((key) => <th key={key} scope="col">{t(key)}</th>)}
              </tr>
            </thead>
            <tbody>{page.rows.map((row) => <AuditRow key={row.id} row={row} format={format} />)}</tbody>
          </table>
          <nav class="audit-paging">
            <button type="button" data-testid="audit-prev" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>{t('auditPrev')}</button>
            <span data-testid="audit-range">{t('auditRange', [String(offset + 1), String(Math.min(total, offset + PAGE_SIZE)), String(total)])}</span>
            <button type="button" data-testid="audit-next" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>{t('auditNext')}</button>
          </nav>
        </>
      )}
    </section>
  );
}
