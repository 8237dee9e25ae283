// First import: begins the worker round trip before the rest of this bundle is evaluated.
import '../components/popup/request';
// Before anything that builds a zod schema (request.ts builds none): see utils/zod-jitless.ts.
import '../utils/zod-jitless';
import { defineUnlistedScript } from 'wxt/utils/define-unlisted-script';
import { startPopup } from '../components/popup/start';
import { Popup } from '../components/popup/Popup';
import { mount } from '../components/common/mount';

// The toolbar popup and the composer window (public/popup.html) run this one classic script. It is
// built on its own, with everything inlined, because every extra extension request delays the popup:
// the module graph of shared chunks that an HTML entrypoint gets cost ~15 ms more per open (npm run bench).
export default defineUnlistedScript(() => {
  mount('actionTitle', <Popup start={startPopup()} />);
});
