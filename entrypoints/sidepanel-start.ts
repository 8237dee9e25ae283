import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstScreen } from '../utils/sidepanel/first-screen';

// Loaded by sidepanel/index.html's head before its modules: see utils/sidepanel/first-screen.ts.
export default defineUnlistedScript(() => startFirstScreen());
