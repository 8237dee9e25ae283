import { useState } from 'preact/hooks';
import { t } from '../../utils/i18n';
import { send } from '../../utils/messages';
import type { WatchView } from '../../utils/monitor/protocol';
import { WatchEditor } from './WatchEditor';

/** The officer's watches, each editable in place; `watch-add` opens an empty editor. */
export function WatchList({ watches, onChange }: { watches: WatchView[]; onChange(): void }) {
  const [editing, setEditing] = useState<number | 'new'>();
  const saved = () => {
    setEditing(undefined);
    onChange();
  };
  const remove = (id: number) => void send('watchDelete', { id }).then(onChange);
  return (
    <section class="watches" aria-labelledby="watches-title">
      <h2 id="watches-title">{t('watchesTitle')}</h2>
      {watches.length === 0 && editing !== 'new' && <p class="empty">{t('watchesEmpty')}</p>}
      <ul class="list">
        {watches.map((watch) => (
          <li key={watch.id} class="list-row" data-testid="watch-item" data-watch-id={watch.id}>
            {editing === watch.id ? (
              <WatchEditor watch={watch} onSaved={saved} onCancel={() => setEditing(undefined)} />
            ) : (
              <>
                <span class="swatch" style={{ background: watch.colour }} />
                <div class="grow">
                  <strong>{watch.name}</strong>
                  <div class="muted query">{watch.query}</div>
                </div>
                <button type="button" data-testid="watch-edit" onClick={() => setEditing(watch.id)}>
                  {t('watchEdit')}
                </button>
                <button type="button" data-testid="watch-delete" onClick={() => remove(watch.id)}>
                  {t('watchDelete')}
                </button>
              </>
            )}
          </li>
        ))}
      </ul>
      {editing === 'new' ? (
        <WatchEditor onSaved={saved} onCancel={() => setEditing(undefined)} />
      ) : (
        <button type="button" class="primary" data-testid="watch-add" onClick={() => setEditing('new')}>
          {t('watchAdd')}
        </button>
      )}
    </section>
  );
}
