import { SiarDatabase, type MentionRow, type WatchHitRow, type WatchRow } from '../db';
import { ingestItems } from '../monitor/ingest';
import { compileWatches, compileWatchesAsRegexes, type MatchItem, type WatchSpec } from '../monitor/matcher';
import { detectTone } from '../monitor/tone';
import { parseFeed } from '../sources/parse-feed';

// BENCHMARK-ONLY entry points, reachable solely in the browser-test build (start.ts guards them with
// __SIAR_E2E__, so the store build drops this file). tests/bench/listening.bench.ts calls them inside
// the worker, where the real code runs, and does every timing itself from the returned figures.
// They work on scratch databases, never on the officer's `siar` database.

const SCRATCH = 'siar-bench';
const RAW = 'siar-bench-raw';

async function fresh(name: string): Promise<SiarDatabase> {
  const database = new SiarDatabase(name);
  await database.delete();
  await database.open();
  return database;
}

/** The same object store and indexes as `mentions`, written with plain IndexedDB. */
function openRaw(): Promise<IDBDatabase> {
  return new Promise((resolve, reject) => {
    indexedDB.deleteDatabase(RAW);
    const open = indexedDB.open(RAW, 1);
    open.onupgradeneeded = () => {
      const store = open.result.createObjectStore('mentions', { keyPath: 'id', autoIncrement: true });
      store.createIndex('guid', 'guid', { unique: true });
      for (const name of ['canonicalUrl', 'publishedAt', 'fetchedAt', 'storyKey']) store.createIndex(name, name);
      store.createIndex('watchIds', 'watchIds', { multiEntry: true });
      for (const field of ['state', 'starred', 'tone', 'source']) store.createIndex(`[${field}+publishedAt]`, [field, 'publishedAt']);
      open.result.createObjectStore('watchHits', { keyPath: ['watchId', 'publishedAt', 'mentionId'] }).createIndex('mentionId', 'mentionId');
    };
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
}

function rawPut(idb: IDBDatabase, rows: MentionRow[], hits: WatchHitRow[]): Promise<void> {
  return new Promise((resolve, reject) => {
    const tx = idb.transaction(['mentions', 'watchHits'], 'readwrite');
    const store = tx.objectStore('mentions');
    for (const row of rows) store.put(row);
    const hitStore = tx.objectStore('watchHits');
    for (const hit of hits) hitStore.put(hit);
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
}

async function seedWatches(database: SiarDatabase, queries: string[]): Promise<WatchRow[]> {
  const rows: WatchRow[] = queries.map((query, i) => ({
    name: `w${i}`,
    colour: '#000000',
    query,
    aliases: [],
    languages: [],
    sources: [],
    notify: false,
    createdAt: 0,
    updatedAt: i,
  }));
  await database.watches.bulkAdd(rows);
  return database.watches.toArray();
}

export const benchHooks = {
  /** Parse + match + dedupe + store of whole feeds, then a raw IndexedDB put of the very rows stored (mentions and watch hits). */
  async benchIngest(feeds: string[], queries: string[]) {
    const database = await fresh(SCRATCH);
    const watches = await seedWatches(database, queries);
    const encoder = new TextEncoder();
    const bytes = feeds.map((feed) => encoder.encode(feed));
    let items = 0;
    const started = performance.now();
    for (const [i, body] of bytes.entries()) {
      const parsed = parseFeed(body, 'application/rss+xml');
      if (!parsed.ok) throw new Error(`bench feed ${i}: ${parsed.error.code}`);
      items += parsed.items.length;
      await ingestItems(database, parsed.items, { kind: 'rss', id: i + 1 }, watches, Date.now());
    }
    const ingestMs = performance.now() - started;
    const rows = (await database.mentions.toArray()).map(({ id: _id, ...row }) => row as MentionRow);
    const hits = await database.watchHits.toArray();
    const idb = await openRaw();
    const rawStarted = performance.now();
    await rawPut(idb, rows, hits);
    const rawMs = performance.now() - rawStarted;
    idb.close();
    database.close();
    return { items, stored: rows.length, hits: hits.length, ingestMs, rawMs };
  },

  /** All watches against all items: the one-pass matcher, then the one-regex-per-watch baseline. */
  benchMatch(watches: WatchSpec[], items: MatchItem[]) {
    const time = (build: typeof compileWatches) => {
      const started = performance.now();
      const matcher = build(watches);
      let hits = 0;
      for (const item of items) hits += matcher.match(item).length;
      return { ms: performance.now() - started, hits };
    };
    return { indexed: time(compileWatches), regex: time(compileWatchesAsRegexes) };
  },

  /** detectTone over each text, as ingest calls it per mention; a first untimed pass warms the code. */
  benchTone(texts: string[]) {
    for (const text of texts) detectTone(text);
    const started = performance.now();
    let negative = 0;
    for (const text of texts) if (detectTone(text).tone === 'negative') negative += 1;
    return { ms: performance.now() - started, texts: texts.length, negative };
  },

  /** Stores `count` mentions (copies of one template) in the scratch database, for the heap figure. */
  async benchFill(template: MentionRow, count: number, batch = 5000) {
    const database = new SiarDatabase(SCRATCH);
    const base = await database.mentions.count();
    for (let done = 0; done < count; done += batch) {
      const rows = Array.from({ length: Math.min(batch, count - done) }, (_, i) => ({
        ...template,
        guid: `bench:${base + done + i}`,
        canonicalUrl: `https://bench.example/${base + done + i}`,
        publishedAt: template.publishedAt - done - i,
      }));
      await database.mentions.bulkAdd(rows);
    }
    const stored = await database.mentions.count();
    database.close();
    const memory = (performance as Performance & { memory?: { usedJSHeapSize: number } }).memory;
    return { stored, heapBytes: memory?.usedJSHeapSize };
  },
};
