import { t } from '../../utils/i18n';
import { send } from '../../utils/messages';
import type { SourceView, WatchView } from '../../utils/monitor/protocol';
import { sourceKindKey } from '../../utils/sources/labels';
import { OpmlTools } from './OpmlTools';
import { SourceForm } from './SourceForm';
import { SourceHealth } from './SourceHealth';

function address(source: SourceView): string {
  const { config } = source;
  if (typeof config.url === 'string') return config.url;
  if (typeof config.hashtag === 'string') return `#${config.hashtag}`;
  return '';
}

/** Every source with its health; feeds can be added, retried and removed, watch searches only retried. */
export function SourceList({ sources, watches, onChange }: { sources: SourceView[]; watches: WatchView[]; onChange(): void }) {
  const watchName = (id: number) => watches.find((w) => w.id === id)?.name ?? '';
  const retry = (id: number) => void send('sourceRetry', { id }).finally(onChange);
  const remove = (id: number) => void send('sourceDelete', { id }).then(onChange);
  return (
    <section class="sources" aria-labelledby="sources-title">
      <h2 id="sources-title">{t('sourcesTitle')}</h2>
      <SourceForm onSaved={onChange} />
      <OpmlTools onImported={onChange} />
      {sources.length === 0 && <p class="empty">{t('sourcesEmpty')}</p>}
      <ul class="list">
        {sources.map((source) => (
          <li key={source.id} class="list-row" data-testid="source-item" data-source-id={source.id}>
            <div class="grow">
              <strong>{source.name}</strong>
              <span class="muted"> · {t(sourceKindKey(source.kind))}</span>
              {source.watchId !== undefined && <span class="muted"> · {t('sourceForWatch', watchName(source.watchId))}</span>}
              <div class="muted address">{address(source)}</div>
              <SourceHealth source={source} />
            </div>
            <button type="button" data-testid="source-retry" onClick={() => retry(source.id)}>
              {t('sourceRetry')}
            </button>
            {source.watchId === undefined && (
              <button type="button" data-testid="source-delete" onClick={() => remove(source.id)}>
                {t('watchDelete')}
              </button>
            )}
          </li>
        ))}
      </ul>
    </section>
  );
}
