import type { Worker } from 'playwright-core';

/** Runs inside the service worker: reads storage.local keys. */
export function storageGet(worker: Worker, keys: string[]) {
  return worker.evaluate((k) => chrome.storage.local.get(k), keys);
}

export function storageSet(worker: Worker, items: Record<string, unknown>) {
  return worker.evaluate((i) => chrome.storage.local.set(i), items);
}

/** The stored accounts as the worker opens them (sealed on disk, so storage.local cannot show them). */
export function loadedAccounts(worker: Worker): Promise<Record<string, Record<string, unknown> | undefined>> {
  return worker.evaluate(() => (self as unknown as { siarSecrets: { load(): Promise<Record<string, Record<string, unknown>>> } }).siarSecrets.load());
}

/** Uncaught errors the worker recorded itself (utils/worker/diagnostics.ts). */
export async function workerErrors(worker: Worker): Promise<string[]> {
  const stored = await worker.evaluate(() => chrome.storage.session.get('workerErrors'));
  return (stored.workerErrors as string[] | undefined) ?? [];
}

/** Reads rows of a Dexie table straight from IndexedDB inside the worker. */
export function readTable<T>(worker: Worker, table: string): Promise<T[]> {
  return worker.evaluate(
    (name) =>
      new Promise<T[]>((resolve, reject) => {
        const open = indexedDB.open('siar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const request = open.result.transaction(name).objectStore(name).getAll();
          request.onsuccess = () => {
            resolve(request.result as T[]);
            open.result.close();
          };
          request.onerror = () => reject(request.error);
        };
      }),
    table,
  );
}

/** Polls `read` until `done` holds or the timeout passes (network work in the worker is async). */
export async function waitFor<T>(read: () => Promise<T>, done: (value: T) => boolean, timeoutMs = 20_000): Promise<T> {
  const end = Date.now() + timeoutMs;
  let value = await read();
  while (!done(value)) {
    if (Date.now() > end) return value;
    await new Promise((resolve) => setTimeout(resolve, 100));
    value = await read();
  }
  return value;
}

/** The id of the first tab whose URL starts with `prefix`. */
export async function tabIdOf(worker: Worker, prefix: string): Promise<number> {
  const id = await worker.evaluate(async (start) => (await chrome.tabs.query({})).find((tab) => tab.url?.startsWith(start))?.id, prefix);
  if (id === undefined) throw new Error(`no tab at ${prefix}`);
  return id;
}
