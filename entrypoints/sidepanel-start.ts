import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startFirstScreen } from '../utils/sidepanel/first-screen';

// Loaded by public/sidepanel.html before the panel's own script: see utils/sidepanel/first-screen.ts.
export default defineUnlistedScript(() => startFirstScreen());
