import type { MentionRow, WatchRow } from '../db';
import { rowMatches, type QueryPlan } from './filters';
import { asPromise, keyRange, newestValues } from './idb';

// The side panel's first screen read straight from IndexedDB (see idb.ts), on a connection of its own:
// Dexie opens its connection after the first rows are on screen, and the live queries that follow keep
// them up to date.

/** Rows on the first screen, read straight from the index before anything else. */
export const FIRST_PAGE = 30;

export interface FirstScreen {
  rows: MentionRow[];
  watches: WatchRow[];
}

/** Index entries read for `limit` matches: enough for the inbox, where about a quarter is archived. */
const SPAN = 2;

/**
 * The first `limit` matches of `plan` and every watch, in one read-only transaction of two requests.
 * Undefined where one read cannot answer it (a watch or a text search drives the plan, an empty date
 * range, or too few of the entries read matched): the caller then runs the general query.
 */
export async function readFirstScreen(idb: IDBDatabase, plan: QueryPlan, limit: number): Promise<FirstScreen | undefined> {
  if (plan.driver.index === 'watchHits' || plan.terms.length > 0 || plan.others.some((c) => c.index === 'watchHits')) return undefined;
  if (!(plan.from < plan.to)) return undefined;
  const tx = idb.transaction(['mentions', 'watches'], 'readonly');
  const count = limit * SPAN;
  const [read, watches] = await Promise.all([
    newestValues<MentionRow>(tx.objectStore('mentions').index(plan.driver.index), keyRange(plan.driver, plan.from, plan.to), count),
    asPromise(tx.objectStore('watches').getAll() as IDBRequest<WatchRow[]>),
  ]);
  const rows = read.filter((row) => rowMatches(row, plan)).slice(0, limit);
  return rows.length < limit && read.length === count ? undefined : { rows, watches };
}
