import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import { SETTINGS, readSetting } from '../../utils/settings';
import { ensureOrigins, originPattern } from '../../utils/sources/origins';
import { Alert } from '../common/Alert';

type Kind = 'rss' | 'mastodon';

/** Adds a feed by address, or a Mastodon hashtag on the officer's instance. */
export function SourceForm({ onSaved }: { onSaved(): void }) {
  const [kind, setKind] = useState<Kind>('rss');
  const [value, setValue] = useState('');
  const [error, setError] = useState<string>();

  const add = async (event: Event) => {
    event.preventDefault();
    setError(undefined);
    try {
      const text = value.trim();
      let origins: string[];
      let config: Record<string, unknown>;
      if (kind === 'rss') {
        origins = originPattern(text);
        // An address the browser cannot parse is refused here with the same sentence the worker uses.
        if (origins.length === 0) return setError(t('sourceInvalidUrl'));
        config = { url: text };
      } else {
        const instance = (await readSetting(SETTINGS.accountSummaries)).mastodon?.instance ?? 'https://mastodon.social';
        origins = originPattern(instance);
        config = { instance, hashtag: text };
      }
      const refused = await ensureOrigins(origins);
      if (refused) return setError(t('sourcePermissionDenied', refused));
      const result = await send('sourceSave', { kind, config });
      if (!result.ok) return setError(t(result.messageKey as MessageKey));
      setValue('');
      onSaved();
    } catch (caught) {
      setError(t(caught instanceof MessageError ? caught.info.messageKey : 'errorInternal'));
    }
  };

  return (
    <form class="source-form" onSubmit={add}>
      <label class="field field-inline">
        <span class="field-label">{t('sourceKind')}</span>
        <select data-testid="source-kind" value={kind} onChange={(e) => setKind(e.currentTarget.value as Kind)}>
          <option value="rss">{t('sourceKindRss')}</option>
          <option value="mastodon">{t('sourceHashtag')}</option>
        </select>
      </label>
      <input
        data-testid="source-url"
        class="grow"
        value={value}
        maxLength={2000}
        aria-label={t(kind === 'rss' ? 'sourceUrl' : 'sourceHashtag')}
        placeholder={kind === 'rss' ? 'https://' : '#'}
        onInput={(e) => {
          setValue(e.currentTarget.value);
          setError(undefined);
        }}
      />
      <button type="submit" class="primary" data-testid="source-add">
        {t('sourceAdd')}
      </button>
      {error && <Alert testId="source-form-error">{error}</Alert>}
    </form>
  );
}
