import '../utils/zod-jitless';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startSidePanel } from '../components/sidepanel/start';

// The side panel (public/sidepanel.html) runs this one classic script, built with everything inlined
// like the popup's: as an HTML entrypoint its module graph cost several extension requests more, and
// the panel's first screen came ~10 ms later (npm run bench). Parts it needs only later (Dexie, zod, the
// chart) are inlined too, but evaluated only when first imported.
export default defineUnlistedScript(() => startSidePanel());
