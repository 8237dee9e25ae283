import { formatZoned } from '../../utils/compose/schedule';
import { networkNameKey } from '../../utils/networks/names';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import type { DeliveryStatus } from '../../utils/messages';
import { send } from './messages';
import { safeHttpUrl } from '../../utils/net/safe-url';

const STATE_LABELS: Record<DeliveryStatus['state'], MessageKey> = {
  pending: 'statePending',
  sending: 'stateSending',
  sent: 'stateSent',
  failed: 'stateFailed',
  'needs-auth': 'stateNeedsAuth',
};

/** The officer's sentence for a delivery error; a rate limit names the time it will be tried again. */
function errorSentence(status: DeliveryStatus, timeZone: string): string {
  const error = status.lastError;
  if (!error) return '';
  const retryAt = error.retryAt ?? status.nextAttemptAt ?? undefined;
  const time = retryAt ? formatZoned(retryAt, timeZone, uiLanguage()) : '';
  return t(error.messageKey as MessageKey, time);
}

export function PublishResults({ deliveries, timeZone, onChange }: { deliveries: DeliveryStatus[]; timeZone: string; onChange(rows: DeliveryStatus[]): void }) {
  const retry = async (id: number) => {
    await send('retryDelivery', { deliveryId: id });
    onChange(deliveries.map((row) => (row.id === id ? { ...row, state: 'pending', lastError: undefined } : row)));
  };
  return (
    <ul class="results" aria-live="polite">
      {deliveries.map((row) => (
        <li key={row.id} data-testid={`result-${row.network}`} data-state={row.state} class={`result result-${row.state}`}>
          <strong>{t(networkNameKey(row.network))}</strong>: {t(STATE_LABELS[row.state])}
          {row.state === 'sent' && safeHttpUrl(row.remoteUrl) && (
            <>
              {' '}
              ·{' '}
              <a href={safeHttpUrl(row.remoteUrl)} target="_blank" rel="noopener noreferrer">
                {t('viewPost')}
              </a>
            </>
          )}
          {row.state === 'sent' && row.notice && (
            <div class="muted" data-testid={`result-notice-${row.network}`}>
              {t(row.notice.messageKey as MessageKey)}
            </div>
          )}
          {row.lastError && row.state !== 'sent' && (
            <div class={row.state === 'pending' ? 'muted' : 'error-text'} role={row.state === 'pending' ? undefined : 'alert'}>
              {errorSentence(row, timeZone)}
            </div>
          )}
          {(row.state === 'failed' || row.state === 'needs-auth') && (
            <button type="button" onClick={() => retry(row.id)}>
              {t('retry')}
            </button>
          )}
        </li>
      ))}
    </ul>
  );
}
