import { useEffect, useMemo, useRef, useState } from 'preact/hooks';
import type { MentionRow } from '../../utils/db';
import { narrows, planQuery, type MentionFilter, type QueryPlan } from '../../utils/sidepanel/filters';
import { observePlan } from '../../utils/sidepanel/observe';
import { firstPage, matchingIds, rowsByIds, storyOutletCounts, type Narrowed } from '../../utils/sidepanel/query';
import { FIRST_PAGE } from '../../utils/sidepanel/rawread';
import { useLiveQuery, type RangeRead, type WarmQuery } from '../common/useLiveQuery';

/** Rows are fetched for the visible range rounded out to blocks, so scrolling re-reads rarely. */
const BLOCK = 40;
/**
 * The full id list (and so the count) starts once the first rows are in and the filter has stayed put
 * this long: an officer clicking through filters gets each first page without background reads queued
 * ahead of it in IndexedDB, which serves one database's requests largely in order.
 */
const SETTLE_MS = 120;

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

/** The plan once its first rows are in and it has not changed for SETTLE_MS; undefined before. */
function useSettledPlan(plan: QueryPlan, firstReady: boolean): QueryPlan | undefined {
  const [settled, setSettled] = useState<QueryPlan>();
  useEffect(() => {
    if (!firstReady) return undefined;
    const timer = setTimeout(() => setSettled(plan), SETTLE_MS);
    return () => clearTimeout(timer);
  }, [plan, firstReady]);
  return settled === plan ? plan : undefined;
}

/**
 * The mention list for a filter: the first page, then the full id list as a separate live read.
 * `firstScreen` is the first page of the initial filter, already being read when the panel renders.
 */
export function useMentionList(filter: MentionFilter, firstScreen?: WarmQuery<MentionRow[]>): MentionList {
  const plan = useMemo(() => planQuery(filter), [filter]);
  // When the new filter only narrows the one before (a watch, tone or source added, a state picked out
  // of the inbox) and that one's full id list was known, its first page is read from that list: a few
  // dozen rows instead of index walks. Once only: a re-run after a change must not trust an old list.
  const previousRef = useRef<{ plan: QueryPlan; narrowed: Narrowed }>(undefined);
  const firstRead = useMemo((): RangeRead<MentionRow[]> => {
    const last = previousRef.current;
    previousRef.current = undefined;
    let within = last && narrows(last.plan, plan) ? last.narrowed : undefined;
    return {
      read: (db) => {
        const list = within;
        within = undefined;
        return firstPage(db, plan, FIRST_PAGE, list);
      },
      observe: (db) => observePlan(db, plan),
    };
  }, [plan]);
  const first = useLiveQuery(firstRead, [firstRead], firstScreen);
  const firstReady = first.fresh && first.value !== undefined;
  // The count is the id list's length: Chromium's IDBIndex.count walks every key in one request that
  // nothing can cancel (0.3–0.5 s for 100,000), while the id list comes in small cancellable chunks.
  const background = useSettledPlan(plan, firstReady);
  const all = useLiveQuery(
    background && {
      read: (db, cancelled) => matchingIds(db, background, cancelled),
      observe: (db) => observePlan(db, background),
    },
    [background],
  );
  const [range, setRange] = useState<[number, number]>([0, BLOCK]);
  const ids = background && all.fresh ? all.value : undefined;
  const firstRows = useMemo(() => first.value ?? [], [first.value]);
  const idAt = (index: number) => (ids ? ids[index] : firstRows[index]?.id);
  const windowIds = useMemo(() => (ids ?? firstRows.map((row) => row.id!)).slice(range[0], range[1]), [ids, firstRows, range]);
  // Nothing to read before the first rows (Dexie then loads after them, see dexie.ts), nor while the
  // rows on screen belong to the filter before: that read would only delay the new filter's first page.
  const shown = useLiveQuery(
    windowIds.length === 0 || !firstReady
      ? undefined
      : async (db) => {
          const rows = await rowsByIds(db, windowIds);
          return {
            rows,
            outlets: await storyOutletCounts(
              db,
              rows.map((row) => row.storyKey),
            ),
          };
        },
    [windowIds, firstReady],
  );
  const byId = useMemo(() => {
    const map = new Map<number, MentionRow>();
    for (const row of firstRows) map.set(row.id!, row);
    for (const row of shown.value?.rows ?? []) map.set(row.id!, row);
    return map;
  }, [firstRows, shown.value]);
  // What a narrower filter next can start from: this one's full list and the rows it has read.
  useEffect(() => {
    if (background && ids) previousRef.current = { plan: background, narrowed: { ids, rows: byId } };
  }, [background, ids, byId]);
  return {
    length: ids?.length ?? firstRows.length,
    count: ids?.length,
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
