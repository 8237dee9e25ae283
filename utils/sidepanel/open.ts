import { browser } from '#imports';

// The one way Siar opens the mentions panel, from the popup's button and from a notification click.

interface PanelApis {
  sidePanel?: { open(options: { windowId: number }): Promise<void> };
  sidebarAction?: { open(): Promise<void> };
}

export interface OpenPanelOptions {
  /**
   * `current`: the window of the page asking (the popup's). `lastFocused`: for the worker, which has no
   * window of its own (a notification click).
   */
  window: 'current' | 'lastFocused';
  /** Where the browser refuses to open the panel, open it as a tab instead (a notification click). */
  asTabOtherwise?: boolean;
}

/**
 * Opens the mentions panel. Firefox's `sidebarAction.open()` must be called synchronously in the
 * click handler: it is allowed only while a user action is being handled, which ends at the first
 * `await` (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/User_actions); so it is
 * used only from a page (`window: 'current'`). Chromium's `sidePanel.open()` needs the window id first,
 * and keeps the gesture across that lookup (https://developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open).
 */
export function openSidePanel({ window, asTabOtherwise = false }: OpenPanelOptions): Promise<void> {
  const apis = browser as unknown as PanelApis;
  if (window === 'current' && apis.sidebarAction) return apis.sidebarAction.open();
  const windowId =
    window === 'current'
      ? browser.tabs.query({ active: true, currentWindow: true }).then(([tab]) => tab?.windowId)
      : browser.windows.getLastFocused().then((focused) => focused.id);
  const open = windowId.then(async (id) => {
    if (apis.sidePanel && id !== undefined) await apis.sidePanel.open({ windowId: id });
    else if (asTabOtherwise) throw new Error('no side panel');
  });
  if (!asTabOtherwise) return open;
  return open.catch(async () => {
    await browser.tabs.create({ url: browser.runtime.getURL('/sidepanel.html') });
  });
}
