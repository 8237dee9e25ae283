import { useEffect, useState } from 'preact/hooks';
import type { Tone, WatchRow } from '../../utils/db';
import { t } from '../../utils/i18n';
import type { MentionFilter, StateFilter } from '../../utils/sidepanel/filters';
import { SOURCE_KINDS } from '../../utils/sources/kinds';
import { TONE_KEYS } from '../../utils/sidepanel/labels';
import { sourceKindKey } from '../../utils/sources/labels';
import { dayRange, startOfDay } from '../../utils/time';
import { Alert } from '../common/Alert';

const STATES: [StateFilter, Parameters<typeof t>[0]][] = [
  ['inbox', 'panelStateInbox'],
  ['unread', 'panelStateUnread'],
  ['read', 'panelStateRead'],
  ['archived', 'panelStateArchived'],
  ['all', 'panelStateAll'],
];
/** Typing in the search box re-queries after this pause, not on every key. */
const SEARCH_DEBOUNCE_MS = 150;

export interface MentionFiltersProps {
  filter: MentionFilter;
  watches: readonly WatchRow[];
  timeZone: string;
  onChange(filter: MentionFilter): void;
}

export function MentionFilters({ filter, watches, timeZone, onChange }: MentionFiltersProps) {
  const [text, setText] = useState(filter.text);
  const [days, setDays] = useState({ from: '', to: '' });
  const [badRange, setBadRange] = useState(false);
  // In a narrow panel the filters fold behind one button beside the search box (CSS shows them when wide).
  const [open, setOpen] = useState(false);
  const active =
    [filter.watchId, filter.source, filter.tone, filter.starredOnly, filter.from, filter.to].filter((v) => v !== undefined).length +
    (filter.state === 'inbox' ? 0 : 1);
  useEffect(() => {
    if (text === filter.text) return undefined;
    const timer = setTimeout(() => onChange({ ...filter, text }), SEARCH_DEBOUNCE_MS);
    return () => clearTimeout(timer);
  }, [text, filter, onChange]);

  const setDay = (which: 'from' | 'to', value: string) => {
    const next = { ...days, [which]: value };
    setDays(next);
    const from = next.from ? startOfDay(next.from, timeZone) : undefined;
    const to = next.to ? dayRange(next.to, timeZone)?.to : undefined;
    const bad = from !== undefined && to !== undefined && from >= to;
    setBadRange(bad);
    if (!bad) onChange({ ...filter, from, to });
  };

  return (
    <div class={`filters${open ? ' open' : ''}`}>
      <div class="search-row">
        <input
          type="search"
          class="search"
          data-testid="mention-search"
          aria-label={t('panelSearchLabel')}
          placeholder={t('panelSearchLabel')}
          value={text}
          maxLength={500}
          onInput={(event) => setText(event.currentTarget.value)}
        />
        <button
          type="button"
          class="filters-toggle"
          data-testid="filters-toggle"
          aria-expanded={open}
          aria-controls="filter-row"
          onClick={() => setOpen(!open)}
        >
          {active ? t('panelFiltersActive', String(active)) : t('panelFilters')}
        </button>
      </div>
      <div class="filter-row" id="filter-row">
        <label>
          {t('panelWatchLabel')}
          <select
            data-testid="watch-filter"
            value={filter.watchId === undefined ? '' : String(filter.watchId)}
            onChange={(event) => onChange({ ...filter, watchId: event.currentTarget.value ? Number(event.currentTarget.value) : undefined })}
          >
            <option value="">{t('panelWatchAll')}</option>
            {watches.map((w) => (
              <option key={w.id} value={String(w.id)}>
                {w.name}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panelSourceLabel')}
          <select
            data-testid="source-filter"
            value={filter.source ?? ''}
            onChange={(event) => onChange({ ...filter, source: event.currentTarget.value || undefined })}
          >
            <option value="">{t('panelSourceAll')}</option>
            {SOURCE_KINDS.map((kind) => (
              <option key={kind} value={kind}>
                {t(sourceKindKey(kind))}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panelStateLabel')}
          <select
            data-testid="state-filter"
            value={filter.state}
            onChange={(event) => onChange({ ...filter, state: event.currentTarget.value as StateFilter })}
          >
            {STATES.map(([value, key]) => (
              <option key={value} value={value}>
                {t(key)}
              </option>
            ))}
          </select>
        </label>
        <label>
          {t('panelToneLabel')}
          <select
            data-testid="tone-filter"
            value={filter.tone ?? ''}
            onChange={(event) => onChange({ ...filter, tone: (event.currentTarget.value || undefined) as Tone | undefined })}
          >
            <option value="">{t('panelToneAll')}</option>
            {(Object.keys(TONE_KEYS) as Tone[]).map((tone) => (
              <option key={tone} value={tone}>
                {t(TONE_KEYS[tone])}
              </option>
            ))}
          </select>
        </label>
        <label class="inline">
          <input
            type="checkbox"
            data-testid="starred-filter"
            checked={Boolean(filter.starredOnly)}
            onChange={(event) => onChange({ ...filter, starredOnly: event.currentTarget.checked || undefined })}
          />
          {t('panelStarredOnly')}
        </label>
        <label>
          {t('panelFrom')}
          <input type="date" data-testid="date-from" value={days.from} onInput={(event) => setDay('from', event.currentTarget.value)} />
        </label>
        <label>
          {t('panelTo')}
          <input type="date" data-testid="date-to" value={days.to} onInput={(event) => setDay('to', event.currentTarget.value)} />
        </label>
      </div>
      {badRange && <Alert testId="filter-problem">{t('panelBadRange')}</Alert>}
    </div>
  );
}
