import { browser } from '#imports';
import { dispatch } from '../messages';
import { loadAccounts } from '../secrets/store';
import { checkAllSettings } from '../settings';
import { createContextMenus, menusAtEveryStart, onContextMenuClick } from './context-menu';
import { recordWorkerError } from './diagnostics';
import { handlers } from './handlers';
import { campaignTick, setCampaignHooks } from '../campaigns/service';
import { listenTick, setListenHooks } from '../listen/tick';
import { refreshBadge } from './badge';
import { DUE_ALARM, pumpQueue, resumeAfterOffline, setQueueHooks } from '../queue/service';
import { notifyIfFinished, notifyWatches, onNotificationClick } from './notify';
import { exposeTestSeams } from './test-seams';

export const TICK_ALARM = 'siar-tick';

/**
 * Registers every worker listener synchronously, as MV3 requires: an event that wakes the worker is
 * only delivered to listeners added during the first turn of the script.
 */
export function startWorker() {
  // Delivery and listening tell the officer through the worker's badge and notifications.
  setQueueHooks({ postFinished: notifyIfFinished });
  setListenHooks({ mentionsChanged: refreshBadge, newMentions: notifyWatches });
  setCampaignHooks({ kitsChanged: refreshBadge, recordError: recordWorkerError });
  self.addEventListener('error', (event) => void recordWorkerError(event.error ?? event.message));
  self.addEventListener('unhandledrejection', (event) => void recordWorkerError(event.reason));
  browser.runtime.onInstalled.addListener((details) => {
    if (!menusAtEveryStart) void createContextMenus();
    void checkAllSettings();
    // On an update from a Siar that stored tokens in plain text: seal them now, not at first use.
    void loadAccounts().catch(() => undefined);
    // First install only (not updates): the set-up page, in the browser's language, every step skippable.
    if (details.reason === 'install') void browser.tabs.create({ url: browser.runtime.getURL('/setup.html') });
  });
  if (menusAtEveryStart) void createContextMenus();
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onContextMenuClick(info, tab);
  });
  browser.runtime.onMessage.addListener((message, sender) => dispatch(handlers, message, { tabId: sender.tab?.id, url: sender.url }));
  browser.alarms.onAlarm.addListener((alarm) => {
    if (alarm.name === TICK_ALARM || alarm.name === DUE_ALARM) void pumpQueue();
    if (alarm.name === TICK_ALARM) {
      void listenTick();
      void campaignTick().catch((error: unknown) => recordWorkerError(error));
    }
  });
  browser.notifications.onClicked.addListener((id) => void onNotificationClick(id));
  self.addEventListener('online', () => void resumeAfterOffline());
  // Alarms survive restarts; creating it again only if missing keeps its phase.
  void browser.alarms.get(TICK_ALARM).then((alarm) => {
    if (!alarm) void browser.alarms.create(TICK_ALARM, { periodInMinutes: 1 });
  });
  exposeTestSeams();
  // Nothing is in flight when the worker script starts, so any `sending` delivery was cut off.
  void pumpQueue({ startup: true });
}
