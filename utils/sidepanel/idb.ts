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

/** One constraint's index range over publishedAt in [from, to), or [from, to] with `includeTo`. */
export function keyRange(c: IndexConstraint, from: number, to: number, includeTo = false): IDBKeyRange {
  if (c.index === 'publishedAt' || c.value === undefined) return IDBKeyRange.bound(from, to, false, !includeTo);
  return IDBKeyRange.bound([c.value, from], [c.value, to], false, !includeTo);
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
      if (!cursor) { resolve(out); return; }
      out.push((values ? (cursor as IDBCursorWithValue).value : cursor.primaryKey) as T);
      if (out.length < count) cursor.continue(); else resolve(out);
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
