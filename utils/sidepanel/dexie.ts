import type { liveQuery as LiveQuery } from 'dexie';
import type { SiarDatabase } from '../db';

// Dexie and the database module are imported (evaluated, in the side panel's one-script build) after the
// first rows are on screen: those come from plain IndexedDB (rawread.ts), and every live query starts
// after them.

export interface DexieParts {
  db: SiarDatabase;
  liveQuery: typeof LiveQuery;
  /** How many database changes this page has heard of (its own and other contexts'), ever growing. */
  changes(): number;
}

let loading: Promise<DexieParts> | undefined;
let heard = 0;

export function loadDexie(): Promise<DexieParts> {
  loading ??= Promise.all([import('dexie'), import('../db')]).then(([dexie, database]) => {
    dexie.Dexie.on('storagemutated', () => {
      heard += 1;
    });
    return { db: database.db, liveQuery: dexie.liveQuery, changes: () => heard };
  });
  return loading;
}
