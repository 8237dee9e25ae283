import type { MentionRow } from '../db';
import { firstStep, type IndexConstraint, type QueryPlan } from './filters';
import { asPromise, keyRange, LOWEST, newestKeys, readStore, valuesAt, type HitKey } from './idb';

// The first page of a filter that combines several indexes, found from index keys alone: the driver's
// newest keys fix a time window, every other constraint's ids in that window come from its own index
// (all at once), and only the rows that match all of them are read. Checking rows instead cost a full
// row per index entry: about 2,400 rows for a watch + tone + state + source filter.
// The caller observes the constraints' ranges for its liveQuery (observe.ts).

/** The most driver entries read in one window. */
const MAX_WINDOW = 5000;

/** Where the next window ends: below a full watchHits key, or at a publishedAt (ids already seen skipped). */
type Upper = { hit: HitKey } | { at: number; inclusive: boolean };

interface Window {
  /** Driver ids newest first. */
  ids: number[];
  /** Publication time of the oldest of them. */
  oldest: number;
  /** The driver's range held more entries than were read. */
  more: boolean;
}

async function driverWindow(idb: IDBDatabase, plan: QueryPlan, upper: Upper, size: number): Promise<Window> {
  const { driver, from } = plan;
  if ('hit' in upper) {
    const range = IDBKeyRange.bound([upper.hit[0], from, LOWEST], upper.hit, false, true);
    const keys = await newestKeys<HitKey>(readStore(idb, 'watchHits'), range, size);
    return { ids: keys.map((k) => k[2]), oldest: keys.at(-1)?.[1] ?? from, more: keys.length === size };
  }
  const index = readStore(idb, 'mentions').index(driver.index);
  const ids = await newestKeys<number>(index, keyRange(driver, from, upper.at, upper.inclusive), size);
  // An index's getAllKeys gives primary keys only: the oldest id's row gives the window's edge.
  const last = ids.length > 0 ? await asPromise(readStore(idb, 'mentions').get(ids.at(-1)!) as IDBRequest<MentionRow | undefined>) : undefined;
  return { ids, oldest: last?.publishedAt ?? from, more: ids.length === size };
}

/** Ids of one constraint published in [from, to] (both ends: the window's edges may be ties). */
async function idsBetween(idb: IDBDatabase, c: IndexConstraint, from: number, to: number): Promise<Set<number>> {
  if (c.index === 'watchHits') {
    const watchId = Number(c.value);
    const range = IDBKeyRange.bound([watchId, from, LOWEST], [watchId, to, Infinity]);
    return new Set(((await asPromise(readStore(idb, 'watchHits').getAllKeys(range))) as HitKey[]).map((k) => k[2]));
  }
  return new Set(
    (await asPromise(
      readStore(idb, 'mentions')
        .index(c.index)
        .getAllKeys(keyRange(c, from, to, true)),
    )) as number[],
  );
}

/** The first `limit` matches of an index-only plan with constraints besides its driver, newest first. */
export async function firstPageByKeys(idb: IDBDatabase, plan: QueryPlan, limit: number): Promise<MentionRow[]> {
  if (!(plan.from < plan.to)) return [];
  const matched: number[] = [];
  const seen = new Set<number>();
  let upper: Upper = plan.driver.index === 'watchHits' ? { hit: [Number(plan.driver.value), plan.to, LOWEST] } : { at: plan.to, inclusive: false };
  let size = firstStep(plan, limit, MAX_WINDOW);
  let read = 0;
  for (;;) {
    const got = await driverWindow(idb, plan, upper, size);
    const newest = 'hit' in upper ? Math.min(upper.hit[1], plan.to) : upper.at;
    const sets = got.ids.length === 0 ? [] : await Promise.all(plan.others.map((c) => idsBetween(idb, c, got.oldest, newest)));
    let fresh = 0;
    for (const id of got.ids) {
      if (seen.has(id)) continue;
      seen.add(id);
      fresh += 1;
      if (matched.length < limit && plan.others.every((c, i) => sets[i]!.has(id) !== Boolean(c.exclude))) matched.push(id);
    }
    read += fresh;
    if (matched.length >= limit || !got.more) break;
    // A window of nothing but ties already seen: the same start, a bigger window.
    if (fresh === 0) {
      size *= 2;
      continue;
    }
    upper = 'hit' in upper ? { hit: [upper.hit[0], got.oldest, got.ids.at(-1)!] } : { at: got.oldest, inclusive: true };
    // 1.5× what the share matched so far predicts for the matches still missing.
    size = Math.min(MAX_WINDOW, Math.max(size, Math.ceil(((limit - matched.length) * read * 1.5) / Math.max(matched.length, 1))));
  }
  return valuesAt<MentionRow>(idb, 'mentions', matched);
}
