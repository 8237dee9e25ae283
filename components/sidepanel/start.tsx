import { DEFAULT_FILTER, planQuery } from '../../utils/sidepanel/filters';
import { takeFirstScreen } from '../../utils/sidepanel/first-screen';
import { observePlan } from '../../utils/sidepanel/observe';
import { firstPage } from '../../utils/sidepanel/query';
import { FIRST_PAGE } from '../../utils/sidepanel/rawread';
import { mount } from '../common/mount';
import { startLiveQuery } from '../common/useLiveQuery';
import { SidePanel } from './SidePanel';

// The side panel's start-up, called by its entrypoint (entrypoints/sidepanel-app.tsx) as the popup's is
// (components/popup/start.ts): the first screen's live queries begin at once, and the panel mounts when
// their first answers are in.

/**
 * How long the panel waits for its first rows before it shows itself without them. They are usually in
 * before this script runs (the page's head script asked for them first, see first-screen.ts), and the
 * panel's first frame then shows them rather than an empty list; a cold IndexedDB (the first open after
 * the browser starts) can take far longer, and the officer then sees the panel at once, rows following.
 */
const ROWS_WAIT_MS = 100;

/** Starts the first screen's reads and mounts the panel once they answer (or after ROWS_WAIT_MS). */
export function startSidePanel(): void {
  // The first screen's rows and the watches come from that one raw read; Dexie loads and opens its
  // connection for the live queries that take over from there, once the rows are on screen (dexie.ts).
  const plan = planQuery(DEFAULT_FILTER);
  const screen = takeFirstScreen();
  const firstScreen = {
    rows: startLiveQuery(
      { read: (db) => firstPage(db, plan, FIRST_PAGE), observe: (db) => observePlan(db, plan) },
      screen.then((s) => s?.rows),
    ),
    watches: startLiveQuery(
      (db) => db.watches.toArray(),
      screen.then((s) => s?.watches),
    ),
  };
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    mount('sidepanelTitle', <SidePanel firstScreen={firstScreen} />);
  };
  void Promise.all([firstScreen.rows.answered, firstScreen.watches.answered]).then(show);
  setTimeout(show, ROWS_WAIT_MS);
}
