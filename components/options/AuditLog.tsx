import { useEffect, useState } from 'preact/hooks';
import { networkNameKey } from '../../utils/networks/names';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import { send, type ResponseOf } from '../../utils/messages';
import type { AuditView } from '../../utils/queue/protocol';
import { exportTable, type ExportFormat } from '../../utils/export/download';
import { AUDIT_EVENT_KEYS, auditResult, auditTable } from '../../utils/queue/audit';
import { SETTINGS, readSetting } from '../../utils/settings';
import { zoneLabel } from '../../utils/setup';
import { dateInZone } from '../../utils/time';
import { Alert } from '../common/Alert';
import { safeHttpUrl } from '../../utils/net/safe-url';

const PAGE_SIZE = 20;

function AuditRow({ row, format }: { row: AuditView; format: Intl.DateTimeFormat }) {
  const label = AUDIT_EVENT_KEYS[row.event];
  const result = auditResult(row, t);
  return (
    <tr data-testid="audit-row" data-event={row.event} data-network={row.network ?? ''}>
      <td>{format.format(row.at)}</td>
      <td>{row.actor}</td>
      <td>{row.network ? t(networkNameKey(row.network)) : ''}</td>
      <td class="audit-text">{row.text}</td>
      <td>
        {label ? t(label) : row.event}
        {row.scheduledAt !== undefined && <div data-testid="audit-scheduled-at">{t('auditScheduledFor', format.format(row.scheduledAt))}</div>}
        {result.text && row.result !== 'ok' && (
          <div class="muted" data-testid="audit-result">
            {result.text}
            {result.detail && <span class="audit-detail"> {t('auditResultDetail', result.detail)}</span>}
          </div>
        )}
      </td>
      <td>
        {safeHttpUrl(row.url) && (
          <a href={safeHttpUrl(row.url)} target="_blank" rel="noopener noreferrer">
            {t('viewPost')}
          </a>
        )}
      </td>
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

  async function exportAs(format: ExportFormat) {
    setProblem(undefined);
    try {
      const [log, preferences] = await Promise.all([send('auditExport', {}), readSetting(SETTINGS.preferences)]);
      const table = auditTable(log.rows, log.timeZone, zoneLabel(log.timeZone), t);
      await exportTable(table, format, `siar-audit-${dateInZone(Date.now(), log.timeZone)}`, preferences.csvSeparator);
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
      <div class="button-row">
        <button type="button" data-testid="audit-export" onClick={() => void exportAs('csv')}>
          {t('auditExport')}
        </button>
        <button type="button" data-testid="audit-export-xlsx" onClick={() => void exportAs('xlsx')}>
          {t('auditExportXlsx')}
        </button>
      </div>
      {problem && <Alert>{t(problem)}</Alert>}
      {page && total === 0 && <p class="empty">{t('auditEmpty')}</p>}
      {page && total > 0 && (
        <>
          <table class="audit-table">
            <thead>
              <tr>
                {(['auditColTime', 'auditColActor', 'auditColNetwork', 'auditColText', 'auditColResult', 'auditColLink'] as const).map((key) => (
                  <th key={key} scope="col">
                    {t(key)}
                  </th>
                ))}
              </tr>
            </thead>
            <tbody>
              {page.rows.map((row) => (
                <AuditRow key={row.id} row={row} format={format} />
              ))}
            </tbody>
          </table>
          <nav class="audit-paging">
            <button type="button" data-testid="audit-prev" disabled={offset === 0} onClick={() => setOffset(Math.max(0, offset - PAGE_SIZE))}>
              {t('auditPrev')}
            </button>
            <span data-testid="audit-range">{t('auditRange', [String(offset + 1), String(Math.min(total, offset + PAGE_SIZE)), String(total)])}</span>
            <button type="button" data-testid="audit-next" disabled={offset + PAGE_SIZE >= total} onClick={() => setOffset(offset + PAGE_SIZE)}>
              {t('auditNext')}
            </button>
          </nav>
        </>
      )}
    </section>
  );
}
