import { browser } from '#imports';
import { dispatch } from '../messages';
import { checkAllSettings } from '../settings';
import { createContextMenus, onContextMenuClick } from './context-menu';
import { recordWorkerError } from './diagnostics';
import { handlers } from './handlers';
import { onNotificationClick } from './notify';
import { DUE_ALARM, pumpQueue, queueDeps, resumeAfterOffline } from './queue-service';
import { benchHooks } from './bench-hooks';
import { listenTick } from './listen-service';

export const TICK_ALARM = 'siar-tick';

/**
 * Registers every worker listener synchronously, as MV3 requires: an event that wakes the worker is
 * only delivered to listeners added during the first turn of the script.
 */
export function startWorker() {
  self.addEventListener('error', (event) => void recordWorkerError(event.error ?? event.message));
  self.addEventListener('unhandledrejection', (event) => void recordWorkerError(event.reason));
  browser.runtime.onInstalled.addListener(() => {
    void createContextMenus();
    void checkAllSettings();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onContextMenuClick(info, tab);
  });
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(handlers, message, { tabId: sender.tab?.id, url: sender.url }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM || alarm.name === DUE_ALARM) void pumpQueue();
    if (alarm.name === TICK_ALARM) void listenTick();
  });
  browser.notifications.onClicked.addListener((id) => void onNotificationClick(id));
  self.addEventListener('online', () => void resumeAfterOffline());
  // Alarms survive restarts; creating it again only if missing keeps its phase.
  void browser.alarms.get(TICK_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
  });
  // Browser tests cannot click a native context menu; their build lets them call the same handler.
  if (__SIAR_E2E__) Object.assign(self, { siarTest: { contextMenuClick: onContextMenuClick } });
  // Listening seams of the browser-test build: fire the tick now instead of waiting a minute, and the
  // benchmark's ingest entry (utils/worker/bench-hooks.ts).
  if (__SIAR_E2E__) Object.assign(self, { siarListen: { tick: listenTick, ...benchHooks } });
  // Queue seams of the browser-test build only: run the queue now instead of waiting for the tick,
  // lower the per-send timeout so timeout faults take seconds, and click a notification.
  if (__SIAR_E2E__) {
    Object.assign(self, {
      siarQueue: {
        pump: () => pumpQueue(),
        setSendTimeout: (ms: number) => { queueDeps.timeoutMs = ms; },
        notificationClick: onNotificationClick,
      },
    });
  }
  // Nothing is in flight when the worker script starts, so any `sending` delivery was cut off.
  void pumpQueue({ startup: true });
}
