import type { SiarDatabase } from '../../utils/db';
import { loadDexie } from '../../utils/sidepanel/dexie';
import { useLayoutEffect, useRef, useState } from 'preact/hooks';
import { sameDeps } from '../../utils/sidepanel/deps';

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
  /** The latest result, if one is in. */
  latest(): Outcome<T> | undefined;
  /** Settles with the first result (a value or an error). */
  answered: Promise<void>;
}

/** A querier is handed the database, so Dexie can load after the first screen (see dexie.ts). */
export type Querier<T> = (db: SiarDatabase, cancelled: () => boolean) => Promise<T>;

/**
 * A read that goes to IndexedDB directly and names the ranges its liveQuery observes (observe.ts).
 * Its first run starts at once rather than when liveQuery gets to it, a timer later (often after a
 * frame); the liveQuery's own first run then only observes, unless the database changed meanwhile.
 */
export interface RangeRead<T> {
  read: Querier<T>;
  observe(db: SiarDatabase): Promise<unknown>;
}

type Query<T> = Querier<T> | RangeRead<T>;

/** What a liveQuery run answers when the value was already handed on. */
const HANDED_ON = Symbol('handed on');

function subscribe<T>(query: Query<T>, listener: (outcome: Outcome<T>) => void): () => void {
  let stopped = false;
  let stop: (() => void) | undefined;
  const cancelled = () => stopped;
  loadDexie().then(
    ({ db, liveQuery, changes }) => {
      if (stopped) return;
      const goLive = (run: () => Promise<T | typeof HANDED_ON>) => {
        if (stopped) return;
        const subscription = liveQuery(run).subscribe({
          next: (value) => {
            if (value !== HANDED_ON) listener({ value });
          },
          error: (error: unknown) => listener({ error }),
        });
        stop = () => subscription.unsubscribe();
      };
      if (typeof query === 'function') {
        goLive(() => query(db, cancelled));
        return;
      }
      // The liveQuery subscribes once the direct read has answered: its Dexie reads would otherwise compete
      // with that read. A change heard of since the read began makes its first run read again.
      const since = changes();
      const early = query.read(db, cancelled);
      let seeded = true;
      const run = async () => {
        const observing = query.observe(db);
        if (seeded && changes() === since) {
          seeded = false;
          await observing;
          return HANDED_ON;
        }
        seeded = false;
        const [value] = await Promise.all([query.read(db, cancelled), observing]);
        return value;
      };
      early
        .then(
          (value) => {
            if (!stopped) listener({ value });
          },
          (error: unknown) => {
            if (!stopped) listener({ error });
          },
        )
        .finally(() => goLive(run));
    },
    (error: unknown) => {
      if (!stopped) listener({ error });
    },
  );
  return () => {
    stopped = true;
    stop?.();
  };
}

/**
 * Starts a query at once, e.g. at the start of a page's script, so its IndexedDB reads overlap
 * loading and rendering the page. The first answer is `first` (a cheaper read of the same thing, see
 * rawread.ts) or else the querier run directly; the liveQuery that keeps it up to date subscribes only
 * once that answer is out, so neither loading Dexie nor its first run competes with it, and an answer
 * equal to the one already shown is not handed on (no second render of the same rows).
 */
export function startLiveQuery<T>(query: Query<T>, first?: Promise<T | undefined>): WarmQuery<T> {
  let latest: Outcome<T> | undefined;
  let listener: ((outcome: Outcome<T>) => void) | undefined;
  let stop: (() => void) | undefined;
  let stopped = false;
  const deliver = (outcome: Outcome<T>) => {
    latest = outcome;
    listener?.(outcome);
  };
  const goLive = () => {
    if (stopped) return;
    let shown = latest && 'value' in latest ? latest.value : undefined;
    stop = subscribe(query, (outcome) => {
      const same = shown !== undefined && 'value' in outcome && JSON.stringify(outcome.value) === JSON.stringify(shown);
      shown = undefined;
      if (!same) deliver(outcome);
    });
  };
  const direct = typeof query === 'function' ? query : query.read;
  const answered = Promise.resolve(first)
    .then(async (value) => value ?? direct((await loadDexie()).db, () => stopped))
    .then(
      (value) => deliver({ value }),
      (error: unknown) => deliver({ error }),
    );
  void answered.finally(goLive);
  return {
    answered,
    latest: () => latest,
    take(next) {
      listener = next;
      if (latest) next(latest);
      return () => {
        listener = undefined;
        stopped = true;
        stop?.();
      };
    },
  };
}

/**
 * A Dexie liveQuery as Preact state: re-runs when the rows it read change in any extension context
 * (the worker's triage writes included). `cancelled` turns true when the deps change, so a long
 * read can stop early. Subscribed in a layout effect, so a query starts in the same task as the
 * render that asked for it rather than a frame later. `warm` (see startLiveQuery) answers the first deps.
 */
export function useLiveQuery<T>(query: Query<T> | undefined, deps: unknown[], warm?: WarmQuery<T>): Live<T> {
  // A warm query already answered gives the first render its value, rather than a render without it.
  const [state, setState] = useState<{ value?: T; error?: unknown; deps?: unknown[] }>(() => {
    const now = warm?.latest();
    return now && 'value' in now ? { value: now.value, deps } : {};
  });
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
    if (!adopted && !query) return undefined;
    const stop = adopted ? adopted.take(apply) : subscribe(query!, apply);
    return () => {
      stopped = true;
      stop();
    };
    // oxlint-disable-next-line react-hooks/exhaustive-deps -- deps come from the caller, like useEffect's own
  }, deps);
  return { value: state.value, error: state.error, fresh: sameDeps(state.deps, deps) };
}
