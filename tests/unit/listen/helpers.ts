import { SiarDatabase, type WatchRow } from '../../../utils/db';
import type { RawItem } from '../../../utils/sources/types';

let counter = 0;

/** A fresh Dexie database on fake-indexeddb, one per test. */
export async function freshDatabase(): Promise<SiarDatabase> {
  const database = new SiarDatabase(`listen-test-${process.pid}-${++counter}`);
  await database.open();
  return database;
}

export async function addWatch(database: SiarDatabase, query: string, over: Partial<WatchRow> = {}): Promise<WatchRow> {
  const row: WatchRow = {
    name: query,
    colour: '#0b6e75',
    query,
    aliases: [],
    languages: [],
    sources: [],
    notify: false,
    createdAt: 1,
    updatedAt: ++counter,
    ...over,
  };
  row.id = await database.watches.add(row);
  return row;
}

export function item(over: Partial<RawItem> = {}): RawItem {
  return {
    guid: 'https://contoh.go.id/berita/1',
    url: 'https://contoh.go.id/berita/1',
    title: 'Banjir rendam Demak',
    summary: 'Warga mengungsi.',
    outlet: 'Contoh',
    publishedAt: Date.UTC(2025, 0, 2),
    ...over,
  };
}
