import { useMemo, useState } from 'preact/hooks';
import { db, type MentionRow } from '../utils/db';
import { planQuery, type MentionFilter } from '../utils/sidepanel/filters';
import { fastCount, firstPage, matchingIds, rowsByIds, storyOutletCounts } from '../utils/sidepanel/query';
import { useLiveQuery } from './useLiveQuery';

/** Rows on the first screen, read straight from the index before anything else. */
export const FIRST_PAGE = 30;
/** Rows are fetched for the visible range rounded out to blocks, so scrolling re-reads rarely. */
const BLOCK = 40;

export interface MentionList {
  /** Rows the list can show now (all matches once their ids are known, else the first page). */
  length: number;
  /** Matches of the current filter; undefined while still counting. */
  count?: number;
  /** The first page of the current filter is on screen. */
  ready: boolean;
  /** Every matching id newest first, once known (exports, bulk selection). */
  ids?: number[];
  idAt(index: number): number | undefined;
  rowAt(index: number): MentionRow | undefined;
  outlets(row: MentionRow): number;
  showRange(start: number, end: number): void;
  error?: unknown;
}

/** The mention list for a filter: first page, count and full id list as three separate live reads. */
export function useMentionList(filter: MentionFilter): MentionList {
  const plan = useMemo(() => planQuery(filter), [filter]);
  // Each result names its plan, so a result of the previous filter is never taken for the current one.
  const first = useLiveQuery(async () => ({ plan, rows: await firstPage(db, plan, FIRST_PAGE) }), [plan]);
  const firstReady = first.value?.plan === plan;
  // Counting and the full id list wait for the first page: IndexedDB serves one database's requests
  // largely in order, and a 100,000-key read queued ahead would hold the first screen back by a second.
  const fast = useLiveQuery(async () => (firstReady ? fastCount(db, plan) : undefined), [plan, firstReady]);
  const all = useLiveQuery(async (cancelled) => (firstReady ? matchingIds(db, plan, cancelled) : undefined), [plan, firstReady]);
  const [range, setRange] = useState<[number, number]>([0, BLOCK]);
  const ids = all.fresh && firstReady ? all.value : undefined;
  const firstRows = useMemo(() => first.value?.rows ?? [], [first.value]);
  const idAt = (index: number) => (ids ? ids[index] : firstRows[index]?.id);
  const windowIds = useMemo(() => (ids ?? firstRows.map((row) => row.id!)).slice(range[0], range[1]), [ids, firstRows, range]);
  const shown = useLiveQuery(async () => {
    const rows = await rowsByIds(db, windowIds);
    return { rows, outlets: await storyOutletCounts(db, rows.map((row) => row.storyKey)) };
  }, [windowIds]);
  const byId = useMemo(() => {
    const map = new Map<number, MentionRow>();
    for (const row of firstRows) map.set(row.id!, row);
    for (const row of shown.value?.rows ?? []) map.set(row.id!, row);
    return map;
  }, [firstRows, shown.value]);
  return {
    length: ids?.length ?? firstRows.length,
    count: ids ? ids.length : fast.fresh && firstReady ? fast.value : undefined,
    ready: firstReady,
    ids,
    idAt,
    rowAt: (index) => {
      const id = idAt(index);
      return id === undefined ? undefined : byId.get(id);
    },
    outlets: (row) => shown.value?.outlets.get(row.storyKey) ?? 1,
    showRange: (start, end) => {
      const from = Math.floor(start / BLOCK) * BLOCK;
      const to = (Math.floor(end / BLOCK) + 1) * BLOCK;
      if (from !== range[0] || to !== range[1]) setRange([from, to]);
    },
    error: first.error ?? all.error ?? shown.error,
  };
}
