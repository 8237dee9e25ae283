import { DB_NAME } from '../db-name';
import { DEFAULT_FILTER, planQuery } from './filters';
import { openExisting } from './idb';
import { FIRST_PAGE, readFirstScreen, type FirstScreen } from './rawread';

// The side panel's first rows are asked for by a small script in the page's head
// (entrypoints/sidepanel-start.ts), while the browser is still loading the panel's own script: opening
// IndexedDB and reading is the longest wait of the first screen, and it then overlaps that loading
// instead of following it. The panel's script takes the read from there (or starts it itself).

/** The slot the two bundles share: a registered symbol is the same in both. */
const SLOT = Symbol.for('siar.sidepanel.firstScreen');
type Slot = { [SLOT]?: Promise<FirstScreen | undefined> };

/** The default filter's first page and the watches, on a connection of their own, closed after the read. */
function readDefaultFirstScreen(): Promise<FirstScreen | undefined> {
  const plan = planQuery(DEFAULT_FILTER);
  return (
    openExisting(DB_NAME)
      .then((idb) => readFirstScreen(idb, plan, FIRST_PAGE).finally(() => idb.close()))
      // Not lost: the live queries that take over run the same reads and report a failure.
      .catch(() => undefined)
  );
}

export function startFirstScreen(): void {
  (globalThis as Slot)[SLOT] ??= readDefaultFirstScreen();
}

/** The read the head script started, once; a fresh one where that script did not run. */
export function takeFirstScreen(): Promise<FirstScreen | undefined> {
  const slot = globalThis as Slot;
  const started = slot[SLOT];
  slot[SLOT] = undefined;
  return started ?? readDefaultFirstScreen();
}
