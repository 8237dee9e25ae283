import { browser } from '#imports';
import { dispatch } from '../messages';
import { checkAllSettings } from '../settings';
import { createContextMenus, onContextMenuClick } from './context-menu';
import { handlers } from './handlers';

/**
 * Registers every worker listener synchronously, as MV3 requires: an event that wakes the worker is
 * only delivered to listeners added during the first turn of the script.
 */
export function startWorker() {
  browser.runtime.onInstalled.addListener(() => {
    void createContextMenus();
    void checkAllSettings();
  });
  browser.contextMenus.onClicked.addListener((info, tab) => {
    void onContextMenuClick(info, tab);
  });
  browser.runtime.onMessage.addListener((message, sender) =>
    dispatch(handlers, message, { tabId: sender.tab?.id, url: sender.url }));
}
