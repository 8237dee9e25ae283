import '../utils/zod-jitless';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { SidePanel } from '../components/SidePanel';
import { mount } from '../components/mount';
import { startLiveQuery } from '../components/useLiveQuery';
import { DEFAULT_FILTER, planQuery } from '../utils/sidepanel/filters';
import { takeFirstScreen } from '../utils/sidepanel/first-screen';
import { observePlan } from '../utils/sidepanel/observe';
import { firstPage } from '../utils/sidepanel/query';
import { FIRST_PAGE } from '../utils/sidepanel/rawread';

// The side panel (public/sidepanel.html) runs this one classic script, built with everything inlined
// like the popup's: as an HTML entrypoint its module graph cost several extension requests more, and
// the panel's first screen came ~10 ms later (npm run bench). Parts it needs only later (Dexie, zod, the
// chart) are inlined too, but evaluated only when first imported.

/**
 * How long the panel waits for its first rows before it shows itself without them. They are usually in
 * before this script runs (the page's head script asked for them first, see first-screen.ts), and the
 * panel's first frame then shows them rather than an empty list; a cold IndexedDB (the first open after
 * the browser starts) can take far longer, and the officer then sees the panel at once, rows following.
 */
const ROWS_WAIT_MS = 100;

export default defineUnlistedScript(() => {
  // The first screen's rows and the watches come from that one raw read; Dexie loads and opens its
  // connection for the live queries that take over from there, once the rows are on screen (dexie.ts).
  const plan = planQuery(DEFAULT_FILTER);
  const screen = takeFirstScreen();
  const firstScreen = {
    rows: startLiveQuery({ read: (db) => firstPage(db, plan, FIRST_PAGE), observe: (db) => observePlan(db, plan) }, screen.then((s) => s?.rows)),
    watches: startLiveQuery((db) => db.watches.toArray(), screen.then((s) => s?.watches)),
  };
  let shown = false;
  const show = () => {
    if (shown) return;
    shown = true;
    mount('sidepanelTitle', <SidePanel firstScreen={firstScreen} />);
  };
  void Promise.all([firstScreen.rows.answered, firstScreen.watches.answered]).then(show);
  setTimeout(show, ROWS_WAIT_MS);
});
