import { SidePanel } from '../../components/SidePanel';
import { mount } from '../../components/mount';
import { db } from '../../utils/db';

// Opened before the first render, not by the first query in an effect after the first frame: opening
// IndexedDB is the longest wait of the first screen, and it now overlaps rendering the page around the list.
// A failure is not lost: every query on the database reports it again.
db.open().catch(() => undefined);
mount('sidepanelTitle', <SidePanel />);
