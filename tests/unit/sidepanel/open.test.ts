import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { openSidePanel } from '../../../utils/sidepanel/open';

// Stand-ins for the two browsers' panel APIs, shaped as documented: Chromium's sidePanel.open({ windowId })
// (developer.chrome.com/docs/extensions/reference/api/sidePanel#method-open), Firefox's sidebarAction.open()
// (developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/sidebarAction/open).
const apis = fakeBrowser as unknown as Record<string, unknown>;

beforeEach(() => fakeBrowser.reset());
afterEach(() => {
  vi.restoreAllMocks();
  delete apis.sidePanel;
  delete apis.sidebarAction;
});

describe('openSidePanel, the one way to open the mentions panel', () => {
  it('opens Firefox’s sidebar synchronously, inside the click (before any await)', () => {
    const open = vi.fn<() => Promise<void>>(() => Promise.resolve());
    apis.sidebarAction = { open };
    void openSidePanel({ window: 'current' });
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('opens Chromium’s side panel in the popup’s window', async () => {
    const open = vi.fn<(options: { windowId: number }) => Promise<void>>(() => Promise.resolve());
    apis.sidePanel = { open };
    // The popup's window, as tabs.query({ active, currentWindow }) reports it.
    const tab = { id: 3, windowId: 7, index: 0, highlighted: true, active: true, pinned: false, incognito: false };
    const query = vi.spyOn(fakeBrowser.tabs, 'query').mockImplementation((() => Promise.resolve([tab])) as unknown as typeof fakeBrowser.tabs.query);
    await openSidePanel({ window: 'current' });
    expect(query).toHaveBeenCalledWith({ active: true, currentWindow: true });
    expect(open).toHaveBeenCalledWith({ windowId: 7 });
  });

  it.each([
    ['the browser has no side panel API', undefined],
    ['the browser refuses to open it', { open: () => Promise.reject(new Error('user gesture required')) }],
  ])('from a notification, opens the panel as a tab when %s', async (_label, sidePanel) => {
    if (sidePanel) apis.sidePanel = sidePanel;
    await openSidePanel({ window: 'lastFocused', asTabOtherwise: true });
    const tabs = await fakeBrowser.tabs.query({});
    expect(tabs.filter((tab) => tab.url?.endsWith('/sidepanel.html'))).toHaveLength(1);
  });
});
