import { useEffect, useState } from 'preact/hooks';
import { t, uiLanguage, type MessageKey } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import type { CampaignSource } from '../../utils/settings';
import { clockTime } from '../../utils/sources/labels';
import { ensureOrigins, originPattern } from '../../utils/sources/origins';
import { Alert } from '../common/Alert';
import { useTimeZone } from '../common/useTimeZone';

/** How a campaign source is doing: its failure sentence, or when it last worked and how many kits it gave, and each skipped kit. */
function CampaignHealth({ source }: { source: CampaignSource }) {
  const { health } = source;
  const timeZone = useTimeZone();
  const time = (at: number) => clockTime(at, uiLanguage(), timeZone);
  const failing = health.lastError && health.failures > 0;
  return (
    <div class="source-health" data-testid="campaign-source-health">
      {failing && health.lastError ? (
        <Alert testId="campaign-source-error">
          {t(health.lastError.messageKey as MessageKey, health.lastError.retryAt ? time(health.lastError.retryAt) : undefined)}
        </Alert>
      ) : (
        <span class="muted" data-testid="campaign-source-ok">
          {health.lastSuccessAt ? `${t('sourceOk', time(health.lastSuccessAt))} · ${t('campaignSourceKits', String(health.kits))}` : t('sourceNever')}
        </span>
      )}
      <span class="muted"> · {t('sourceNext', time(source.nextDueAt))}</span>
      {health.problems.length > 0 && (
        <ul class="muted campaign-problems" data-testid="campaign-source-problems" aria-label={t('campaignSourceSkipped')}>
          {health.problems.map((line, index) => (
            <li key={index}>{line}</li>
          ))}
        </ul>
      )}
    </div>
  );
}

/** Campaign sources (issue 19.2): a Siar kit file or a feed, added by address, with their health. */
export function CampaignSources() {
  const [sources, setSources] = useState<CampaignSource[]>([]);
  const [url, setUrl] = useState('');
  const [error, setError] = useState<string>();
  const [busy, setBusy] = useState(false);
  const reload = () => void send('campaignSourceList', {}).then((reply) => setSources(reply.sources));
  useEffect(reload, []);

  const add = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    const text = url.trim();
    // The permission is asked for first, while the click still counts as a user gesture.
    const origins = originPattern(text);
    if (origins.length === 0) return setError(t('sourceInvalidUrl'));
    const refused = await ensureOrigins(origins);
    if (refused) return setError(t('sourcePermissionDenied', refused));
    setBusy(true);
    try {
      const result = await send('campaignSourceSave', { url: text });
      if (!result.ok) return setError(t(result.messageKey as MessageKey));
      setUrl('');
      reload();
    } catch (caught) {
      setError(t(caught instanceof MessageError ? caught.info.messageKey : 'errorInternal'));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section class="options-section sources" id="campaigns" aria-labelledby="campaigns-title" data-testid="campaign-sources">
      <h2 id="campaigns-title">{t('campaignSourcesTitle')}</h2>
      <p class="hint">
        {t('campaignSourcesHint')}{' '}
        <a href="/dissemination.html" target="_blank" rel="noopener" data-testid="open-dissemination">
          {t('disseminationTitle')}
        </a>
      </p>
      <form class="source-form" onSubmit={(event) => void add(event)}>
        <input
          data-testid="campaign-source-url"
          class="grow"
          value={url}
          maxLength={2000}
          aria-label={t('campaignSourceUrl')}
          placeholder="https://"
          onInput={(e) => {
            setUrl(e.currentTarget.value);
            setError(undefined);
          }}
        />
        <button type="submit" class="primary" data-testid="campaign-source-add" disabled={busy}>
          {t('sourceAdd')}
        </button>
        {error && <Alert testId="campaign-source-form-error">{error}</Alert>}
      </form>
      {sources.length === 0 && <p class="empty">{t('campaignSourcesEmpty')}</p>}
      <ul class="list">
        {sources.map((source) => (
          <li key={source.id} class="list-row" data-testid="campaign-source-item" data-source-id={source.id}>
            <div class="grow">
              <strong>{source.name}</strong>
              <div class="muted address">{source.url}</div>
              <CampaignHealth source={source} />
            </div>
            <button type="button" data-testid="campaign-source-retry" onClick={() => void send('campaignSourceRetry', { id: source.id }).finally(reload)}>
              {t('sourceRetry')}
            </button>
            <button type="button" data-testid="campaign-source-delete" onClick={() => void send('campaignSourceDelete', { id: source.id }).then(reload)}>
              {t('watchDelete')}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}
