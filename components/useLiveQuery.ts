import type { SiarDatabase } from '../utils/db';
import { loadDexie } from '../utils/sidepanel/dexie';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sameDeps } from '../utils/sidepanel/deps';

export interface Live<T> {
  value?: T;
  /** False while `value` still belongs to earlier deps (kept so the screen does not blank out). */
  fresh: boolean;
  error?: unknown;
}

type Outcome<T> = { value: T } | { error: unknown };

/** A liveQuery already running before any component exists, for the first useLiveQuery given it. */
export interface WarmQuery<T> {
  /** Hands every result (the latest one at once, if any) to `listener`; the returned function stops the query. */
  take(listener: (outcome: Outcome<T>) => void): () => void;
}

/** A querier is handed the database, so Dexie can load after the first screen (see dexie.ts). */
export type Querier<T> = (db: SiarDatabase, cancelled: () => boolean) => Promise<T>;

function subscribe<T>(querier: (db: SiarDatabase) => Promise<T>, listener: (outcome: Outcome<T>) => void): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  loadDexie().then(({ db, liveQuery }) => {
    if (stopped) return;
    const subscription = liveQuery(() => querier(db)).subscribe({
      next: (value) => listener({ value }),
      error: (error: unknown) => listener({ error }),
    });
    stop = () => subscription.unsubscribe();
  }, (error: unknown) => { if (!stopped) listener({ error }); });
  return () => { stopped = true; stop?.(); };
}

/**
 * Starts a query at once, e.g. at the top of a page's entry module, so its IndexedDB reads overlap
 * loading and rendering the page. The first answer is `first` (a cheaper read of the same thing, see
 * rawread.ts) or else the querier run directly; the liveQuery that keeps it up to date subscribes only
 * once that answer is out, so neither loading Dexie nor its first run competes with it, and an answer
 * equal to the one already shown is not handed on (no second render of the same rows).
 */
export function startLiveQuery<T>(querier: (db: SiarDatabase) => Promise<T>, first?: Promise<T | undefined>): WarmQuery<T> {
  let latest: Outcome<T> | undefined;
  let listener: ((outcome: Outcome<T>) => void) | undefined;
  let stop: (() => void) | undefined;
  let stopped = false;
  const deliver = (outcome: Outcome<T>) => { latest = outcome; listener?.(outcome); };
  const goLive = () => {
    if (stopped) return;
    let shown = latest && 'value' in latest ? latest.value : undefined;
    stop = subscribe(querier, (outcome) => {
      const same = shown !== undefined && 'value' in outcome && JSON.stringify(outcome.value) === JSON.stringify(shown);
      shown = undefined;
      if (!same) deliver(outcome);
    });
  };
  Promise.resolve(first).then(async (value) => value ?? querier((await loadDexie()).db))
    .then((value) => deliver({ value }), (error: unknown) => deliver({ error }))
    .finally(goLive);
  return {
    take(next) {
      listener = next;
      if (latest) next(latest);
      return () => { listener = undefined; stopped = true; stop?.(); };
    },
  };
}

/**
 * A Dexie liveQuery as Preact state: re-runs when the rows it read change in any extension context
 * (the worker's triage writes included). `cancelled` turns true when the deps change, so a long
 * read can stop early. Subscribed in a layout effect, so a query starts in the same task as the
 * render that asked for it rather than a frame later. `warm` (see startLiveQuery) answers the first deps.
 */
export function useLiveQuery<T>(querier: Querier<T> | undefined, deps: unknown[], warm?: WarmQuery<T>): Live<T> {
  const [state, setState] = useState<{ value?: T; error?: unknown; deps?: unknown[] }>({});
  const adoptable = useRef(warm);
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the querier reads
  useLayoutEffect(() => {
    let stopped = false;
    const apply = (outcome: Outcome<T>) => {
      if (stopped) return;
      if ('value' in outcome) setState({ value: outcome.value, deps });
      else setState((old) => ({ ...old, error: outcome.error, deps }));
    };
    const adopted = adoptable.current;
    adoptable.current = undefined;
    // No querier: nothing to read for these deps, and no reason to load Dexie for it.
    if (!adopted && !querier) return undefined;
    const stop = adopted ? adopted.take(apply) : subscribe((db) => querier!(db, () => stopped), apply);
    return () => { stopped = true; stop(); };
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- deps come from the caller, like useEffect's own
  }, deps);
  return { value: state.value, error: state.error, fresh: sameDeps(state.deps, deps) };
}
