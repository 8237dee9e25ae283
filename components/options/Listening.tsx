import { useCallback, useEffect, useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { send } from '../../utils/messages';
import type { SourceView, WatchView } from '../../utils/monitor/protocol';
import { Alert } from '../common/Alert';
import { SourceList } from './SourceList';
import { WatchList } from './WatchList';
import { XSearchCost } from './XSearchCost';

/** How often the open options page re-reads source health, which the worker's tick keeps changing. */
const HEALTH_REFRESH_MS = 2000;

/** The listening part of the options page: watches, sources and a manual refresh. */
export function Listening() {
  const [watches, setWatches] = useState<WatchView[]>([]);
  const [sources, setSources] = useState<SourceView[]>([]);
  const [status, setStatus] = useState<string>();
  const [busy, setBusy] = useState(false);

  const load = useCallback(() => {
    send('watchList', {}).then(
      (r) => setWatches(r.watches),
      () => undefined,
    );
    send('sourceList', {}).then(
      (r) => setSources(r.sources),
      () => undefined,
    );
  }, []);
  useEffect(() => {
    load();
    const timer = setInterval(
      () =>
        send('sourceList', {}).then(
          (r) => setSources(r.sources),
          () => undefined,
        ),
      HEALTH_REFRESH_MS,
    );
    return () => clearInterval(timer);
  }, [load]);

  const refresh = async () => {
    setBusy(true);
    setStatus(undefined);
    try {
      const result = await send('listenNow', {});
      setStatus(t('listenDone', String(result.added)));
    } catch {
      setStatus(t('errorInternal'));
    } finally {
      setBusy(false);
      load();
    }
  };

  return (
    <section class="listening" id="listening" aria-labelledby="listening-title">
      <div class="section-head">
        <h2 id="listening-title">{t('listeningTitle')}</h2>
        <button type="button" data-testid="listen-now" disabled={busy} onClick={refresh}>
          {t('listenNow')}
        </button>
      </div>
      {status && (
        <Alert tone="info" testId="listen-status">
          {status}
        </Alert>
      )}
      <WatchList watches={watches} onChange={load} />
      <SourceList sources={sources} watches={watches} onChange={load} />
      <XSearchCost sources={sources} />
    </section>
  );
}
