import { SidePanel } from '../../components/SidePanel';
import { mount } from '../../components/mount';
import { startLiveQuery } from '../../components/useLiveQuery';
import { FIRST_PAGE } from '../../components/useMentionList';
import { db } from '../../utils/db';
import { DEFAULT_FILTER, planQuery } from '../../utils/sidepanel/filters';
import { firstPage } from '../../utils/sidepanel/query';

// The first screen's rows are asked for before the first render, not by an effect after it: opening
// IndexedDB and reading them is the longest wait of the first screen, and it now overlaps rendering.
// An open failure is not lost: every query on the database reports it again.
db.open().catch(() => undefined);
const firstScreen = startLiveQuery(() => firstPage(db, planQuery(DEFAULT_FILTER), FIRST_PAGE));
mount('sidepanelTitle', <SidePanel firstScreen={firstScreen} />);
