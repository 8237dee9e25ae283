import type { liveQuery as LiveQuery } from 'dexie';
import type { SiarDatabase } from '../db';

// Dexie (a third of the side panel's script) and the database module load after the first rows are on
// screen: those come from plain IndexedDB (rawread.ts), and every live query starts after them.

export interface DexieParts {
  db: SiarDatabase;
  liveQuery: typeof LiveQuery;
}

let loading: Promise<DexieParts> | undefined;

export function loadDexie(): Promise<DexieParts> {
  loading ??= Promise.all([import('dexie'), import('../db')]).then(([dexie, database]) => ({ db: database.db, liveQuery: dexie.liveQuery }));
  return loading;
}
