import { SidePanel } from '../../components/SidePanel';
import { mount } from '../../components/mount';
import { startLiveQuery } from '../../components/useLiveQuery';
import { DEFAULT_FILTER, planQuery } from '../../utils/sidepanel/filters';
import { takeFirstScreen } from '../../utils/sidepanel/first-screen';
import { observePlan } from '../../utils/sidepanel/observe';
import { firstPage } from '../../utils/sidepanel/query';
import { FIRST_PAGE } from '../../utils/sidepanel/rawread';

// The first screen's rows and the watches come from one raw read that the page's head script started
// (first-screen.ts). Dexie loads and opens its connection for the live queries that take over from
// there, once the rows are on screen (dexie.ts).
const plan = planQuery(DEFAULT_FILTER);
const screen = takeFirstScreen();
mount('sidepanelTitle', <SidePanel firstScreen={{
  rows: startLiveQuery({ read: (db) => firstPage(db, plan, FIRST_PAGE), observe: (db) => observePlan(db, plan) }, screen.then((s) => s?.rows)),
  watches: startLiveQuery((db) => db.watches.toArray(), screen.then((s) => s?.watches)),
}} />);
