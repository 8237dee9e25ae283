import type { Page } from 'playwright-core';
import type { MentionRow, SourceRow, WatchRow } from '../../../utils/db';

// Test data written straight into the extension's IndexedDB (what the listening engine would store),
// from an extension page where the `siar` database is already open with its schema.

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;

export function mention(id: number, over: Partial<MentionRow> = {}): MentionRow {
  return {
    id,
    guid: `guid-${id}`,
    url: `https://berita.example.id/artikel/${id}`,
    canonicalUrl: `https://berita.example.id/artikel/${id}`,
    title: `Berita nomor ${id}`,
    summary: `Ringkasan berita ${id}.`,
    source: 'rss',
    outlet: 'Kabar Daerah',
    author: undefined,
    publishedAt: Date.now() - id * MINUTE,
    fetchedAt: Date.now(),
    watchIds: [1],
    keywords: [],
    storyKey: `story-${id}`,
    tone: 'neutral',
    state: 'unread',
    starred: 0,
    response: { status: 'baru' },
    ...over,
  };
}

export function watch(id: number, name: string, colour: string): WatchRow {
  return { id, name, colour, query: name.toLowerCase(), aliases: [], languages: ['id'], sources: [], notify: false, createdAt: 0, updatedAt: 0 };
}

export interface Seed {
  mentions?: MentionRow[];
  watches?: WatchRow[];
  sources?: SourceRow[];
  clear?: boolean;
}

/**
 * Writes rows (and each mention's watchHits) in one transaction; `clear` empties the tables first.
 * Runs inside an extension page (any driver's `page.evaluate`), so it uses raw IndexedDB only.
 */
export async function seedInPage({ mentions = [], watches = [], sources = [], clear = true }: Seed): Promise<void> {
  const db = await new Promise<IDBDatabase>((resolve, reject) => {
    const open = indexedDB.open('siar');
    open.onsuccess = () => resolve(open.result);
    open.onerror = () => reject(open.error);
  });
  const tables = ['mentions', 'watchHits', 'watches', 'sources'];
  const tx = db.transaction(tables, 'readwrite');
  if (clear) for (const name of tables) tx.objectStore(name).clear();
  for (const row of mentions) {
    tx.objectStore('mentions').put(row);
    for (const watchId of row.watchIds) tx.objectStore('watchHits').put({ watchId, publishedAt: row.publishedAt, mentionId: row.id });
  }
  for (const row of watches) tx.objectStore('watches').put(row);
  for (const row of sources) tx.objectStore('sources').put(row);
  await new Promise<void>((resolve, reject) => {
    tx.oncomplete = () => resolve();
    tx.onerror = () => reject(tx.error);
  });
  db.close();
}

/** seedInPage in a Playwright page. */
export async function seed(page: Page, data: Seed): Promise<void> {
  await page.evaluate(seedInPage, data);
}
