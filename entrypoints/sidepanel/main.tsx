import { SidePanel } from '../../components/SidePanel';
import { mount } from '../../components/mount';
import { startLiveQuery } from '../../components/useLiveQuery';
import { FIRST_PAGE } from '../../components/useMentionList';
import { DEFAULT_FILTER, planQuery } from '../../utils/sidepanel/filters';
import { firstPage } from '../../utils/sidepanel/query';
import { DB_NAME } from '../../utils/db-name';
import { openExisting } from '../../utils/sidepanel/idb';
import { observePlan } from '../../utils/sidepanel/observe';
import { readFirstScreen } from '../../utils/sidepanel/rawread';

// The first screen's rows and the watches are asked for before the first render, not by an effect after
// it: opening IndexedDB and reading them is the longest wait of the first screen, and it now overlaps
// rendering. They come from one raw read on a connection of their own, closed after it; Dexie loads and
// opens its connection for the live queries that take over from there, once the rows are on screen
// (dexie.ts). A failure of the raw read is not lost: those live queries run the same reads and report it.
const plan = planQuery(DEFAULT_FILTER);
const screen = openExisting(DB_NAME)
  .then((idb) => readFirstScreen(idb, plan, FIRST_PAGE).finally(() => idb.close()))
  .catch(() => undefined);
mount('sidepanelTitle', <SidePanel firstScreen={{
  rows: startLiveQuery({ read: (db) => firstPage(db, plan, FIRST_PAGE), observe: (db) => observePlan(db, plan) }, screen.then((s) => s?.rows)),
  watches: startLiveQuery((db) => db.watches.toArray(), screen.then((s) => s?.watches)),
}} />);
