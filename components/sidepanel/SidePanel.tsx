import { browser } from '#imports';
import { useCallback, useEffect, useLayoutEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MentionRow, WatchRow } from '../../utils/db';
import { t, uiLanguage } from '../../utils/i18n';
import type { MentionPatch } from '../../utils/monitor/protocol';
import { downloadText, openMention, updateMentions } from './actions';
import { loadDexie } from '../../utils/sidepanel/dexie';
import { exportTable } from '../../utils/export/download';
import { mentionsJson, mentionsTable } from '../../utils/sidepanel/export';
import { zoneLabel } from '../../utils/setup';
import { DEFAULT_FILTER, searchTerms, type MentionFilter } from '../../utils/sidepanel/filters';
import { keyAction, moveIndex } from '../../utils/sidepanel/keys';
import { readPreferences, send } from './lazy';
import { rowsInOrder } from '../../utils/sidepanel/query';
import { dateInZone } from '../../utils/time';
import { Alert } from '../common/Alert';
import { MentionDetail } from './MentionDetail';
import { MentionFilters } from './MentionFilters';
import { MentionList } from './MentionList';
import { MentionToolbar } from './MentionToolbar';
import { markReady } from '../common/mount';
import { PageHeader } from '../common/PageHeader';
import { SourceHealthStrip } from './SourceHealthStrip';
import { useLiveQuery, type WarmQuery } from '../common/useLiveQuery';
import { useMentionList } from './useMentionList';
import { VolumeChart } from './VolumeChart';
import './sidepanel.css';

const lang = uiLanguage();

function toggled(set: ReadonlySet<number>, id: number, on: boolean): ReadonlySet<number> {
  const next = new Set(set);
  if (on) next.add(id);
  else next.delete(id);
  return next;
}

/** Reads the page's script started before this renders: the default filter's first page and the watches. */
export interface FirstScreenReads {
  rows: WarmQuery<MentionRow[]>;
  watches: WarmQuery<WatchRow[]>;
}

export function SidePanel({ firstScreen }: { firstScreen?: FirstScreenReads }) {
  const [timeZone, setTimeZone] = useState('Asia/Jakarta');
  const [filter, setFilter] = useState<MentionFilter>(DEFAULT_FILTER);
  const [activeIndex, setActiveIndex] = useState(-1);
  const [selected, setSelected] = useState<ReadonlySet<number>>(new Set());
  const [problem, setProblem] = useState<string>();
  const [chartOpen, setChartOpen] = useState(false);
  const [now, setNow] = useState(() => Date.now());
  const [refreshing, setRefreshing] = useState(false);
  const [refreshNote, setRefreshNote] = useState<string>();
  const watchRows = useLiveQuery((db) => db.watches.toArray(), [], firstScreen?.watches);
  const watches = useMemo(() => new Map((watchRows.value ?? []).map((w): [number, WatchRow] => [w.id!, w])), [watchRows.value]);
  const list = useMentionList(filter, firstScreen?.rows);
  const terms = useMemo(() => searchTerms(filter.text), [filter.text]);
  const active = activeIndex >= 0 ? list.rowAt(activeIndex) : undefined;

  // Settings and the settings warning load zod (see lazy.ts), and the source health strip loads Dexie
  // (see dexie.ts): only once the first rows are on screen, so neither holds the main thread while the
  // rows' IndexedDB answer waits for it.
  const [warning, setWarning] = useState<typeof import('../common/SettingsWarning')>();
  const [rowsShown, setRowsShown] = useState(false);
  const firstDone = list.ready || list.error !== undefined;
  useEffect(() => {
    if (!firstDone || rowsShown) return;
    setRowsShown(true);
    void readPreferences().then((p) => setTimeZone(p.timeZone));
    void import('../common/SettingsWarning').then(setWarning, () => undefined);
  }, [firstDone, rowsShown]);
  // Relative times ("5 menit lalu") move on while the panel stays open.
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), 60_000);
    return () => clearInterval(timer);
  }, []);
  useLayoutEffect(() => {
    if (list.ready) markReady();
  }, [list.ready]);

  const patch = useCallback(async (ids: number[], change: MentionPatch) => {
    if (ids.length === 0) return;
    try {
      await updateMentions(ids, change);
      setProblem(undefined);
    } catch {
      setProblem(t('panelActionFailed'));
    }
  }, []);

  const star = (index: number) => {
    const row = list.rowAt(index);
    if (row) void patch([row.id!], { starred: row.starred ? 0 : 1 });
  };
  const archive = (index: number) => {
    const row = list.rowAt(index);
    if (row) void patch([row.id!], { state: row.state === 'archived' ? 'read' : 'archived' });
  };
  const opened = (index: number) => {
    const row = list.rowAt(index);
    if (row?.state === 'unread') void patch([row.id!], { state: 'read' });
  };
  const toggleSelect = (id: number, on: boolean) => setSelected((old) => toggled(old, id, on));

  // Keys can arrive faster than renders: the handler is registered once and reads the latestRef state from
  // a ref, and a move updates the ref at once so "j x j x" selects two different rows.
  const activeRef = useRef(-1);
  const latestRef = useRef({ list, star, archive, opened });
  useLayoutEffect(() => {
    latestRef.current = { list, star, archive, opened };
  });
  const setActive = useCallback((index: number) => {
    activeRef.current = index;
    setActiveIndex(index);
  }, []);
  const changeFilter = useCallback(
    (next: MentionFilter) => {
      setFilter(next);
      setActive(-1);
      setSelected(new Set());
    },
    [setActive],
  );
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const target = event.target as HTMLElement | null;
      const action = keyAction({
        key: event.key,
        ctrlKey: event.ctrlKey,
        metaKey: event.metaKey,
        altKey: event.altKey,
        targetTag: target?.tagName,
        editable: target?.isContentEditable,
      });
      if (!action) return;
      event.preventDefault();
      const current = latestRef.current;
      if (action === 'next' || action === 'previous') {
        setActive(moveIndex(activeRef.current, action, current.list.length));
        return;
      }
      const index = activeRef.current;
      const row = current.list.rowAt(index);
      if (!row) return;
      if (action === 'star') current.star(index);
      else if (action === 'archive') current.archive(index);
      else if (action === 'select') setSelected((old) => toggled(old, row.id!, !old.has(row.id!)));
      else void openMention(row.url).then((ok) => ok && current.opened(index));
    };
    document.addEventListener('keydown', onKey);
    return () => document.removeEventListener('keydown', onKey);
  }, [setActive]);

  /** "Perbarui sekarang": polls every due source now; the list follows by itself through liveQuery. */
  const refresh = async () => {
    setRefreshing(true);
    setRefreshNote(undefined);
    try {
      const result = await send('listenNow', {});
      setRefreshNote(t('panelRefreshed', [String(result.polled), String(result.added)]));
      setProblem(undefined);
    } catch {
      setProblem(t('panelActionFailed'));
    } finally {
      setRefreshing(false);
    }
  };

  const exportAs = async (format: 'csv' | 'xlsx' | 'json') => {
    try {
      const rows = await rowsInOrder((await loadDexie()).db, list.ids ?? []);
      const day = dateInZone(Date.now(), timeZone);
      if (format === 'json') downloadText(`siar-sebutan-${day}.json`, mentionsJson(rows), 'application/json');
      else {
        const preferences = await readPreferences();
        await exportTable(
          mentionsTable(rows, watchRows.value ?? [], timeZone, zoneLabel(timeZone), t),
          format,
          `siar-sebutan-${day}`,
          preferences.csvSeparator,
        );
      }
    } catch {
      setProblem(t('panelExportFailed'));
    }
  };
  // The report opens on its default period, the last 24 hours (issue 14.11), for the watch in view.
  const reportHref = `/report.html${filter.watchId === undefined ? '' : `?watch=${filter.watchId}`}`;

  return (
    <main class="sidepanel">
      <PageHeader subtitle="sidepanelTitle">
        <button type="button" data-testid="panel-refresh" disabled={refreshing} onClick={() => void refresh()}>
          {t('listenNow')}
        </button>
        <button type="button" class="link" data-testid="panel-settings" onClick={() => void browser.runtime.openOptionsPage()}>
          {t('openOptions')}
        </button>
      </PageHeader>
      {refreshNote && (
        <Alert tone="info" testId="panel-refresh-note">
          {refreshNote}
        </Alert>
      )}
      {warning && <warning.SettingsWarning />}
      {rowsShown && <SourceHealthStrip timeZone={timeZone} />}
      <MentionFilters filter={filter} watches={watchRows.value ?? []} timeZone={timeZone} onChange={changeFilter} />
      <details class="chart-section" onToggle={(event) => setChartOpen(event.currentTarget.open)}>
        <summary>{t('panelChart')}</summary>
        {chartOpen && <VolumeChart watchId={filter.watchId} lang={lang} timeZone={timeZone} />}
      </details>
      <MentionToolbar
        count={list.count}
        selectedCount={selected.size}
        canExport={list.ids !== undefined}
        reportHref={reportHref}
        onBulk={(change) => void patch([...selected], change)}
        onClearSelection={() => setSelected(new Set())}
        onExport={(f) => void exportAs(f)}
      />
      {problem && <Alert testId="panel-problem">{problem}</Alert>}
      {list.ready && list.length === 0 && (
        <p class="empty" data-testid="mention-empty">
          {filter === DEFAULT_FILTER ? t('sidepanelEmpty') : t('panelNoMatches')}
        </p>
      )}
      <MentionList
        list={list}
        watches={watches}
        terms={terms}
        activeIndex={activeIndex}
        selected={selected}
        now={now}
        lang={lang}
        timeZone={timeZone}
        filterKey={JSON.stringify(filter)}
        onActivate={setActive}
        onSelect={toggleSelect}
        onStar={star}
        onArchive={archive}
        onOpened={opened}
      />
      {active && (
        <MentionDetail
          row={active}
          terms={terms}
          onPatch={(change) => void patch([active.id!], change)}
          onClose={() => setActive(-1)}
          onRespond={() => void send('respondToMention', { id: active.id! }).catch(() => setProblem(t('panelActionFailed')))}
        />
      )}
      <p class="muted shortcuts">{t('panelKeyboardHelp')}</p>
    </main>
  );
}
