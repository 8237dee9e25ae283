/**
 * The name of Siar's one IndexedDB database (utils/db.ts). On its own, without Dexie, so the side
 * panel can read its first screen (utils/sidepanel/rawread.ts) before Dexie has loaded.
 */
export const DB_NAME = 'siar';
