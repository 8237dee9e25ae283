import type { ResponseStatus } from '../../utils/db';
import { t } from '../../utils/i18n';
import type { MentionPatch } from '../../utils/monitor/protocol';
import { RESPONSE_STATUSES } from '../../utils/sidepanel/keys';
import { RESPONSE_KEYS } from '../../utils/sidepanel/labels';

export interface MentionToolbarProps {
  count?: number;
  selectedCount: number;
  canExport: boolean;
  reportHref: string;
  onBulk(patch: MentionPatch): void;
  onClearSelection(): void;
  onExport(format: 'csv' | 'xlsx' | 'json'): void;
}

/** Match count, exports and the clipping report; bulk triage while a selection exists. */
export function MentionToolbar(p: MentionToolbarProps) {
  return (
    <div class="toolbar">
      <p class="count" aria-live="polite">
        <strong data-testid="mention-count">{p.count ?? '…'}</strong> {t('panelCountLabel')}
      </p>
      <div class="toolbar-actions">
        <span class="export-group" role="group" aria-labelledby="export-label">
          <span id="export-label" class="muted">
            {t('panelExportLabel')}
          </span>
          <button type="button" data-testid="export-csv" disabled={!p.canExport} onClick={() => p.onExport('csv')}>
            {t('panelExportCsv')}
          </button>
          <button type="button" data-testid="export-xlsx" disabled={!p.canExport} onClick={() => p.onExport('xlsx')}>
            {t('panelExportXlsx')}
          </button>
          <button type="button" data-testid="export-json" disabled={!p.canExport} onClick={() => p.onExport('json')}>
            {t('panelExportJson')}
          </button>
        </span>
        <a class="chip" data-testid="report-link" href={p.reportHref} target="_blank" rel="noopener">
          {t('panelReport')}
        </a>
      </div>
      {p.selectedCount > 0 && (
        <div class="bulk" data-testid="bulk-actions" role="group" aria-label={t('panelSelected', String(p.selectedCount))}>
          <span>{t('panelSelected', String(p.selectedCount))}</span>
          <button type="button" data-testid="bulk-read" onClick={() => p.onBulk({ state: 'read' })}>
            {t('panelMarkRead')}
          </button>
          <button type="button" data-testid="bulk-unread" onClick={() => p.onBulk({ state: 'unread' })}>
            {t('panelMarkUnread')}
          </button>
          <button type="button" data-testid="bulk-star" onClick={() => p.onBulk({ starred: 1 })}>
            {t('panelStar')}
          </button>
          <button type="button" data-testid="bulk-archive" onClick={() => p.onBulk({ state: 'archived' })}>
            {t('panelArchive')}
          </button>
          <select
            data-testid="bulk-status"
            aria-label={t('panelResponseLabel')}
            value=""
            onChange={(event) => event.currentTarget.value && p.onBulk({ response: { status: event.currentTarget.value as ResponseStatus } })}
          >
            <option value="">{t('panelResponseLabel')}</option>
            {RESPONSE_STATUSES.map((s) => (
              <option key={s} value={s}>
                {t(RESPONSE_KEYS[s])}
              </option>
            ))}
          </select>
          <button type="button" class="link" onClick={p.onClearSelection}>
            {t('panelClearSelection')}
          </button>
        </div>
      )}
    </div>
  );
}
