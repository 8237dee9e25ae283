import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import type { SourceView } from '../../utils/monitor/protocol';
import { clockTime } from '../../utils/sources/labels';
import { Alert } from '../common/Alert';
import { useTimeZone } from '../common/useTimeZone';

/**
 * How a source is doing: its failure sentence (read out as an alert), or when it last worked (and whether
 * its last answer was cut off), and when it runs next.
 */
export function SourceHealth({ source }: { source: SourceView }) {
  const { health } = source;
  const timeZone = useTimeZone();
  const time = (at: number) => clockTime(at, uiLanguage(), timeZone);
  const failing = health.lastError && health.failures > 0;
  return (
    <div class="source-health">
      {failing && health.lastError ? (
        <Alert testId="source-error">
          {t(health.lastError.messageKey as MessageKey, health.lastError.retryAt ? time(health.lastError.retryAt) : undefined)}
        </Alert>
      ) : (
        <span class="muted" data-testid="source-ok">
          {health.lastSuccessAt ? t('sourceOk', time(health.lastSuccessAt)) : t('sourceNever')}
        </span>
      )}
      {!failing && health.lastWarning?.code === 'truncated' ? (
        <span class="muted">
          {' '}
          · <span data-testid="source-warning">{t('sourceWarningTruncated')}</span>
        </span>
      ) : null}
      <span class="muted"> · {t('sourceNext', time(source.nextDueAt))}</span>
    </div>
  );
}
