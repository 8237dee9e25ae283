import { useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import { send } from './lazy';
import { clockTime, sourceKindKey } from '../../utils/sources/labels';
import { useLiveQuery } from '../common/useLiveQuery';

/** The stored error's sentence (its own locale key, with the retry time where it has one). */
function reason(error: { messageKey: string; retryAt?: number } | undefined, timeZone: string): string {
  if (!error) return t('sourceErrorNetwork');
  const text = t(error.messageKey as MessageKey, error.retryAt ? clockTime(error.retryAt, uiLanguage(), timeZone) : undefined);
  return text && text !== error.messageKey ? text : t('sourceErrorNetwork');
}

/** Sources whose last poll failed, each with why and a retry button; nothing when all are well. */
export function SourceHealthStrip({ timeZone }: { timeZone: string }) {
  const sources = useLiveQuery((db) => db.sources.toArray(), []);
  const [busy, setBusy] = useState<number | undefined>();
  const failing = (sources.value ?? []).filter((s) => s.health.failures > 0 && (s.health.lastErrorAt ?? 0) >= (s.health.lastSuccessAt ?? 0));
  if (failing.length === 0) return null;
  const retry = async (id: number) => {
    setBusy(id);
    // A failed retry shows up as the source's new health, read live from the table.
    try {
      await send('sourceRetry', { id });
    } catch {
      /* see above */
    } finally {
      setBusy(undefined);
    }
  };
  return (
    <ul class="source-strip" data-testid="source-health">
      {failing.map((source) => (
        <li key={source.id} class="notice notice-warning" role="alert" data-testid="source-failing" data-source-id={source.id}>
          <span>{t('panelSourceFailing', [source.name || t(sourceKindKey(source.kind)), reason(source.health.lastError, timeZone)])}</span>
          <button type="button" data-testid="source-retry" disabled={busy === source.id} onClick={() => void retry(source.id!)}>
            {t('sourceRetry')}
          </button>
        </li>
      ))}
    </ul>
  );
}
