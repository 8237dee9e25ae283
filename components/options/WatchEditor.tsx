import { useState } from 'preact/hooks';
import { t, type MessageKey } from '../../utils/i18n';
import { MessageError, send } from '../../utils/messages';
import { SEARCH_KINDS, type WatchInput, type WatchView } from '../../utils/monitor/protocol';
import { SETTINGS, readSetting } from '../../utils/settings';
import { ensureOrigins, SEARCH_ORIGINS } from '../../utils/sources/origins';
import { Alert } from '../common/Alert';
import { sourceKindKey } from '../../utils/sources/labels';

/** The query help's lines (monitor/matcher.ts documents the same rules). */
const QUERY_HELP: MessageKey[] = ['queryHelpFamily', 'queryHelpAliases', 'queryHelpOperators', 'queryHelpPhrase', 'queryHelpFields'];

const EMPTY: WatchInput = { name: '', colour: '#0b6e75', query: '', aliases: [], languages: [], sources: [], notify: true };

const aliasesToText = (groups: string[][]) => groups.map((group) => group.join(', ')).join('\n');
const textToAliases = (text: string) =>
  text
    .split('\n')
    .map((line) =>
      line
        .split(',')
        .map((a) => a.trim())
        .filter(Boolean),
    )
    .filter((g) => g.length > 1);
const textToLanguages = (text: string) => [
  ...new Set(
    text
      .toLowerCase()
      .split(/[\s,]+/)
      .filter((l) => /^[a-z]{2,3}$/.test(l)),
  ),
];

/** Create or edit one watch. Query syntax errors come back from the worker with their position. */
export function WatchEditor({ watch, onSaved, onCancel }: { watch?: WatchView; onSaved(watch: WatchView): void; onCancel(): void }) {
  const [draft, setDraft] = useState<WatchInput>(watch ? { ...watch } : EMPTY);
  const [aliasText, setAliasText] = useState(aliasesToText(draft.aliases));
  const [languageText, setLanguageText] = useState(draft.languages.join(', '));
  const [error, setError] = useState<string>();
  const [queryError, setQueryError] = useState<string>();
  const [saving, setSaving] = useState(false);
  // A sentence about the last save goes as soon as the officer changes what it was about (issue 14.13).
  const set = (patch: Partial<WatchInput>) => {
    setDraft({ ...draft, ...patch });
    setError(undefined);
  };
  const toggleKind = (kind: WatchInput['sources'][number], on: boolean) =>
    set({ sources: on ? [...draft.sources, kind] : draft.sources.filter((k) => k !== kind) });

  const save = async (event: Event) => {
    event.preventDefault();
    setSaving(true);
    setError(undefined);
    setQueryError(undefined);
    try {
      // Asked first, while the click still counts as a user gesture.
      const instance = draft.sources.includes('mastodon') ? (await readSetting(SETTINGS.accountSummaries)).mastodon?.instance : undefined;
      const refused = await ensureOrigins(draft.sources.flatMap((kind) => SEARCH_ORIGINS[kind]?.(instance) ?? []));
      if (refused) return setError(t('sourcePermissionDenied', refused));
      const result = await send('watchSave', { ...draft, aliases: textToAliases(aliasText), languages: textToLanguages(languageText) });
      if (result.ok) return onSaved(result.watch);
      if (result.queryError) {
        const { position, messageKey, params } = result.queryError;
        setQueryError(t('watchQueryErrorAt', [String(position + 1), t(messageKey as MessageKey, params)]));
      } else {
        setError(t((result.messageKey ?? 'errorInternal') as MessageKey));
      }
    } catch (caught) {
      setError(t(caught instanceof MessageError ? caught.info.messageKey : 'errorInternal'));
    } finally {
      setSaving(false);
    }
  };

  return (
    <form class="watch-editor" onSubmit={save} data-testid="watch-editor">
      <label class="field">
        <span class="field-label">{t('watchName')}</span>
        <input data-testid="watch-name" value={draft.name} maxLength={80} onInput={(e) => set({ name: e.currentTarget.value })} />
      </label>
      <label class="field field-inline">
        <span class="field-label">{t('watchColour')}</span>
        <input type="color" data-testid="watch-colour" value={draft.colour} onInput={(e) => set({ colour: e.currentTarget.value })} />
      </label>
      <label class="field">
        <span class="field-label">{t('watchQuery')}</span>
        <textarea
          data-testid="watch-query"
          rows={2}
          maxLength={1000}
          value={draft.query}
          aria-invalid={queryError ? 'true' : undefined}
          onInput={(e) => {
            set({ query: e.currentTarget.value });
            setQueryError(undefined);
          }}
        />
      </label>
      {/* Outside the label: a click on the summary must open the help, not focus the query. */}
      <details class="muted" data-testid="watch-query-help">
        <summary>{t('watchQueryHelp')}</summary>
        <ul>
          {QUERY_HELP.map((key) => (
            <li key={key}>{t(key)}</li>
          ))}
        </ul>
      </details>
      {queryError && <Alert testId="watch-query-error">{queryError}</Alert>}
      <label class="field">
        <span class="field-label">{t('watchAliases')}</span>
        <textarea data-testid="watch-aliases" rows={2} value={aliasText} onInput={(e) => setAliasText(e.currentTarget.value)} />
      </label>
      <label class="field">
        <span class="field-label">{t('watchLanguages')}</span>
        <input data-testid="watch-languages" value={languageText} onInput={(e) => setLanguageText(e.currentTarget.value)} />
      </label>
      <fieldset class="field">
        <legend class="field-label">{t('watchSearches')}</legend>
        {SEARCH_KINDS.map((kind) => (
          <label key={kind} class="check">
            <input
              type="checkbox"
              data-testid={`watch-search-${kind}`}
              checked={draft.sources.includes(kind)}
              onChange={(e) => toggleKind(kind, e.currentTarget.checked)}
            />
            {t(sourceKindKey(kind))}
          </label>
        ))}
      </fieldset>
      <label class="check">
        <input type="checkbox" data-testid="watch-notify" checked={draft.notify} onChange={(e) => set({ notify: e.currentTarget.checked })} />
        {t('watchNotify')}
      </label>
      {error && <Alert>{error}</Alert>}
      <div class="row-actions">
        <button type="submit" class="primary" data-testid="watch-save" disabled={saving}>
          {t('watchSave')}
        </button>
        <button type="button" onClick={onCancel}>
          {t('watchCancel')}
        </button>
      </div>
    </form>
  );
}
