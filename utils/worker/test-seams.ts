import { loadAccounts } from '../secrets/store';
import { benchHooks } from './bench-hooks';
import { onContextMenuClick } from './context-menu';
import { listenTick } from '../listen/tick';
import { onNotificationClick } from './notify';
import { pumpQueue, queueDeps } from '../queue/service';

/**
 * Entry points for the browser-test build only (`__SIAR_E2E__`; the store build drops this code).
 * They call the same handlers the browser would, where a headless test cannot reach the real trigger:
 * a native context menu or notification click, an alarm a minute away, a 25 s send timeout.
 */
export function exposeTestSeams() {
  if (!__SIAR_E2E__) return;
  Object.assign(self, {
    siarTest: { contextMenuClick: onContextMenuClick },
    // Accounts are sealed in storage.local (utils/secrets/store.ts): tests read them through the one door.
    siarSecrets: { load: loadAccounts },
    siarListen: { tick: listenTick, ...benchHooks },
    siarQueue: {
      pump: () => pumpQueue(),
      setSendTimeout: (ms: number) => {
        queueDeps.timeoutMs = ms;
      },
      notificationClick: onNotificationClick,
    },
  });
}
