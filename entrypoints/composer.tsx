// First import: begins the worker round trip before the rest of this bundle is evaluated.
import '../components/composer-request';
// Before anything that builds a zod schema (composer-request builds none): see utils/zod-jitless.ts.
import '../utils/zod-jitless';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startComposer } from '../components/composer-start';
import { Popup } from '../components/Popup';
import { mount } from '../components/mount';

// The toolbar popup and the composer window (public/popup.html) run this one classic script. It is
// built on its own, with everything inlined, because every extra extension request delays the popup:
// the module graph of shared chunks that an HTML entrypoint gets cost ~15 ms more per open (npm run bench).
export default defineUnlistedScript(() => {
  mount('actionTitle', <Popup start={startComposer()} />);
});
