import type { IndexConstraint } from './filters';

// Plain IndexedDB reads for the side panel's hottest paths, where Dexie's promise zones and liveQuery
// bookkeeping (a range-tree insert per key read) cost more than the reads themselves. Dexie's store
// and index names are the real IndexedDB ones.

export function asPromise<T>(request: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    request.onsuccess = () => resolve(request.result);
    request.onerror = () => reject(request.error);
  });
}

/** Below every mention id: a watchHits bound [watch, publishedAt, LOWEST] falls before that moment's hits. */
export const LOWEST = -Infinity;

/** A watchHits key: [watchId, publishedAt, mentionId]. */
export type HitKey = [number, number, number];

/** Where one constraint's entries published in [from, to) are, for Dexie (`index`) and plain reads alike. */
export interface ConstraintRange {
  store: 'mentions' | 'watchHits';
  /** Dexie's name for it: an index of `mentions`, or the compound primary key of `watchHits`. */
  index: string;
  lower: IDBValidKey;
  /** Excluded: an entry published exactly at `to` lies at or above it. */
  upper: IDBValidKey;
}

export function constraintRange(c: IndexConstraint, from: number, to: number): ConstraintRange {
  if (c.index === 'watchHits') {
    const watchId = Number(c.value);
    return { store: 'watchHits', index: '[watchId+publishedAt+mentionId]', lower: [watchId, from, LOWEST], upper: [watchId, to, LOWEST] };
  }
  if (c.index === 'publishedAt' || c.value === undefined) return { store: 'mentions', index: 'publishedAt', lower: from, upper: to };
  return { store: 'mentions', index: c.index, lower: [c.value, from], upper: [c.value, to] };
}

/** One mention constraint's index range over publishedAt in [from, to), or [from, to] with `includeTo`. */
export function keyRange(c: IndexConstraint, from: number, to: number, includeTo = false): IDBKeyRange {
  const { lower, upper } = constraintRange(c, from, to);
  return IDBKeyRange.bound(lower, upper, false, !includeTo);
}

type Source = IDBIndex | IDBObjectStore;
type GetAllOptions = { query: IDBKeyRange; count: number; direction: IDBCursorDirection };

/** Up to `count` values or primary keys newest first: one getAll where the browser takes a direction, else a cursor. */
function newest<T>(source: Source, range: IDBKeyRange, count: number, values: boolean): Promise<T[]> {
  if ('getAllRecords' in source) {
    const read = (values ? source.getAll : source.getAllKeys) as unknown as (options: GetAllOptions) => IDBRequest<T[]>;
    return asPromise(read.call(source, { query: range, count, direction: 'prev' }));
  }
  return new Promise((resolve, reject) => {
    const out: T[] = [];
    const request = values ? source.openCursor(range, 'prev') : source.openKeyCursor(range, 'prev');
    request.onsuccess = () => {
      const cursor = request.result;
      if (!cursor) {
        resolve(out);
        return;
      }
      out.push((values ? (cursor as IDBCursorWithValue).value : cursor.primaryKey) as T);
      if (out.length < count) cursor.continue();
      else resolve(out);
    };
    request.onerror = () => reject(request.error);
  });
}

export const newestValues = <T>(source: Source, range: IDBKeyRange, count: number) => newest<T>(source, range, count, true);
export const newestKeys = <T>(source: Source, range: IDBKeyRange, count: number) => newest<T>(source, range, count, false);

/** A store of its own read-only transaction (each read may follow an await, after which one would have ended). */
export const readStore = (idb: IDBDatabase, name: string) => idb.transaction(name, 'readonly').objectStore(name);

/**
 * Opens a database at the version it has, without Dexie. Rejects where it does not exist yet rather than
 * creating it empty (Dexie creates it, with its schema), and gives way to a version change at once.
 */
export function openExisting(name: string): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    const request = indexedDB.open(name);
    request.onupgradeneeded = () => request.transaction?.abort();
    request.onsuccess = () => {
      const idb = request.result;
      idb.onversionchange = () => idb.close();
      resolve(idb);
    };
    request.onerror = () => reject(request.error);
  });
}

/** The values at `keys`, in order, all requested in one read-only transaction; missing ones are left out. */
export async function valuesAt<T>(idb: IDBDatabase, name: string, keys: readonly IDBValidKey[]): Promise<T[]> {
  const store = readStore(idb, name);
  const values: (T | undefined)[] = await Promise.all(keys.map((key) => asPromise(store.get(key) as IDBRequest<T | undefined>)));
  return values.filter((value) => value !== undefined);
}
