import { liveQuery } from 'dexie';
import { useEffect, useState } from 'preact/hooks';

export interface Live<T> {
  value?: T;
  /** False while `value` still belongs to earlier deps (kept so the screen does not blank out). */
  fresh: boolean;
  error?: unknown;
}

/**
 * A Dexie liveQuery as Preact state: re-runs when the rows it read change in any extension context
 * (the worker's triage writes included). `cancelled` turns true when the deps change, so a long
 * search scan can stop early.
 */
export function useLiveQuery<T>(querier: (cancelled: () => boolean) => Promise<T>, deps: unknown[]): Live<T> {
  const [state, setState] = useState<{ value?: T; error?: unknown; token?: object }>({});
  const [token, setToken] = useState<object>({});
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- the caller lists what the querier reads
  useEffect(() => {
    const mine = {};
    let stopped = false;
    setToken(mine);
    const subscription = liveQuery(() => querier(() => stopped)).subscribe({
      next: (value) => { if (!stopped) setState({ value, token: mine }); },
      error: (error: unknown) => { if (!stopped) setState((old) => ({ ...old, error, token: mine })); },
    });
    return () => { stopped = true; subscription.unsubscribe(); };
  // oxlint-disable-next-line react-hooks/exhaustive-deps -- deps come from the caller, like useEffect's own
  }, deps);
  return { value: state.value, error: state.error, fresh: state.token !== undefined && state.token === token };
}
