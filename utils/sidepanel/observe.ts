import type { SiarDatabase } from '../db';
import type { QueryPlan } from './filters';
import { constraintRange } from './idb';

// The side panel's list reads go to IndexedDB directly (idb.ts): inside a liveQuery, Dexie records every
// key a read returns (a range-tree insert per key), which cost more than the reads themselves, up to
// seconds of main thread for an id list of 100,000. A liveQuery over such reads observes ranges instead,
// with one cheap Dexie read per range, made before the first direct read: Dexie only tracks reads made
// in its own zone, and a plain IndexedDB answer arrives outside it.

/**
 * Makes the surrounding liveQuery re-run when anything changes in the range of any of the plan's
 * constraints (an insert, or an indexed field moving in or out), and on any deletion: Dexie reports a
 * deleted row by its primary key alone. A text search also reads title and summary, which no index
 * holds: it re-runs on any change to a mention.
 */
export function observePlan(db: SiarDatabase, plan: QueryPlan): Promise<unknown> {
  const reads: Promise<unknown>[] = [plan.driver, ...plan.others].map((c) => {
    const { store, index, lower, upper } = constraintRange(c, plan.from, plan.to);
    return db.table(store).where(index).between(lower, upper).limit(1).primaryKeys();
  });
  reads.push(plan.terms.length > 0 ? db.mentions.limit(1).toArray() : db.mentions.limit(1).primaryKeys());
  return Promise.all(reads);
}

/** Dexie's own IndexedDB connection, opened if needed (the direct reads share it). */
export async function connection(db: SiarDatabase): Promise<IDBDatabase> {
  if (!db.isOpen()) await db.open();
  return db.backendDB();
}
