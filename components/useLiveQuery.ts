import { liveQuery } from 'dexie';
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

function subscribe<T>(querier: () => Promise<T>, listener: (outcome: Outcome<T>) => void): () => void {
  const subscription = liveQuery(querier).subscribe({
    next: (value) => listener({ value }),
    error: (error: unknown) => listener({ error }),
  });
  return () => subscription.unsubscribe();
}

/**
 * Starts a query at once, e.g. at the top of a page's entry module, so its IndexedDB reads overlap
 * loading and rendering the page. Dexie's liveQuery runs its first query only after a setTimeout (a
 * frame of rendering may come first): the first answer is read directly, and the liveQuery's answers,
 * read after it and kept live, replace it.
 */
export function startLiveQuery<T>(querier: () => Promise<T>): WarmQuery<T> {
  let latest: Outcome<T> | undefined;
  let live = false;
  let listener: ((outcome: Outcome<T>) => void) | undefined;
  const deliver = (outcome: Outcome<T>) => { latest = outcome; listener?.(outcome); };
  querier().then((value) => { if (!live) deliver({ value }); }, (error: unknown) => { if (!live) deliver({ error }); });
  const stop = subscribe(querier, (outcome) => { live = true; deliver(outcome); });
  return {
    take(next) {
      listener = next;
      if (latest) next(latest);
      return () => { listener = undefined; stop(); };
    },
  };
}

/**
 * A Dexie liveQuery as Preact state: re-runs when the rows it read change in any extension context
 * (the worker's triage writes included). `cancelled` turns true when the deps change, so a long
 * read can stop early. Subscribed in a layout effect, so a query starts in the same task as the
 * render that asked for it rather than a frame later. `warm` (see startLiveQuery) answers the first deps.
 */
export function useLiveQuery<T>(querier: (cancelled: () => boolean) => Promise<T>, deps: unknown[], warm?: WarmQuery<T>): Live<T> {
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
    const stop = adopted ? adopted.take(apply) : subscribe(() => querier(() => stopped), apply);
    return () => { stopped = true; stop(); };
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- deps come from the caller, like useEffect's own
  }, deps);
  return { value: state.value, error: state.error, fresh: sameDeps(state.deps, deps) };
}
