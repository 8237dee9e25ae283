import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import { agencyQuery } from '../../utils/setup';
import { ensureOrigins, SEARCH_ORIGINS } from '../../utils/sources/origins';
import { Alert } from '../common/Alert';

/** A first watch: the agency's name as an exact phrase, with Google News search suggested. */
export function SetupWatch({ agency, onSaved }: { agency: string; onSaved(): void }) {
  const [name, setName] = useState(agency || '');
  const [query, setQuery] = useState(agencyQuery(agency));
  const [googleNews, setGoogleNews] = useState(true);
  const [problem, setProblem] = useState<string>();
  const save = async (event: Event) => {
    event.preventDefault();
    setProblem(undefined);
    try {
      // Asked first, while the click still counts as a user gesture.
      const refused = googleNews ? await ensureOrigins(SEARCH_ORIGINS.googlenews!()) : undefined;
      if (refused) return setProblem(t('sourcePermissionDenied', refused));
      const result = await send('watchSave', {
        name: name.trim() || query,
        colour: '#0b6e75',
        query,
        aliases: [],
        languages: [],
        sources: googleNews ? ['googlenews'] : [],
        notify: true,
      });
      if (result.ok) return onSaved();
      setProblem(
        result.queryError ? t(result.queryError.messageKey as MessageKey, result.queryError.params) : t((result.messageKey ?? 'errorInternal') as MessageKey),
      );
    } catch (caught) {
      setProblem(t(caught instanceof MessageError ? caught.info.messageKey : 'errorInternal'));
    }
  };
  return (
    <form class="setup-form" onSubmit={save}>
      <p class="hint">{t('setupWatchHint')}</p>
      <label class="field">
        <span class="field-label">{t('watchName')}</span>
        <input data-testid="setup-watch-name" maxLength={80} value={name} onInput={(e) => setName(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="field-label">{t('watchQuery')}</span>
        <input data-testid="setup-watch-query" maxLength={1000} value={query} onInput={(e) => setQuery(e.currentTarget.value)} />
      </label>
      <label class="check">
        <input type="checkbox" data-testid="setup-watch-googlenews" checked={googleNews} onChange={(e) => setGoogleNews(e.currentTarget.checked)} />
        {t('setupWatchGoogleNews', query || '…')}
      </label>
      {problem && <Alert testId="setup-watch-problem">{problem}</Alert>}
      <button type="submit" class="primary" data-testid="setup-save" disabled={!query.trim()}>
        {t('setupSaveNext')}
      </button>
    </form>
  );
}
