import { fakeBrowser } from 'wxt/testing/fake-browser';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { showPopup, takePendingQuote, type QuoteRequest } from '../../../utils/compose/window';
import { createContextMenus, QUOTE_MENU_ID } from '../../../utils/worker/context-menu';

// The Firefox faults of issue 18 at the API level (the real-browser proof is tests/firefox/):
// - Firefox's MV2 build has `browserAction`, not `action` (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/browserAction/openPopup);
// - openPopup works only while a user action is handled, which ends at the first await
//   (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/User_actions);
// - menus.create refuses an id that already exists (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/menus/create).

const api = fakeBrowser as unknown as Record<string, unknown>;
const QUOTE: QuoteRequest = { selection: 'Banjir surut', pageUrl: 'https://berita.example.id/1', pageTitle: 'Berita', at: 1 };

/** A toolbar API whose openPopup, like Firefox's, fails unless called in the same turn as the "click". */
function gestureBoundPopup() {
  let handling = true;
  void Promise.resolve().then(() => {
    handling = false;
  });
  return { openPopup: vi.fn<() => Promise<void>>(() => (handling ? Promise.resolve() : Promise.reject(new Error('openPopup requires a user gesture')))) };
}

describe('showPopup in Firefox (MV2)', () => {
  let createWindow: ReturnType<typeof vi.fn<() => Promise<object>>>;
  beforeEach(() => {
    fakeBrowser.reset();
    createWindow = vi.fn<() => Promise<object>>(async () => ({}));
    Object.assign(fakeBrowser.windows, { create: createWindow });
    api.action = undefined;
  });
  afterEach(() => {
    delete api.browserAction;
  });

  it('opens the toolbar popup through browserAction, within the click, and no window', async () => {
    const browserAction = gestureBoundPopup();
    api.browserAction = browserAction;
    await showPopup(QUOTE);
    expect(browserAction.openPopup).toHaveBeenCalledOnce();
    expect(createWindow).not.toHaveBeenCalled();
  });

  it('the popup reads the quote even when it asks before the quote is stored', async () => {
    api.browserAction = gestureBoundPopup();
    const opening = showPopup(QUOTE);
    // The popup's first request can arrive before storage.session has answered the write.
    await expect(takePendingQuote()).resolves.toEqual(QUOTE);
    await opening;
    await expect(takePendingQuote()).resolves.toBeUndefined();
  });

  it('falls back to the composer window when the popup cannot open', async () => {
    api.browserAction = { openPopup: vi.fn<() => Promise<void>>(() => Promise.reject(new Error('openPopup requires a user gesture'))) };
    await showPopup(QUOTE);
    expect(createWindow).toHaveBeenCalledWith(expect.objectContaining({ url: expect.stringContaining('/popup.html?window=1'), type: 'popup' }));
  });
});

describe('createContextMenus', () => {
  const items = new Map<string | number, unknown>();
  beforeEach(() => {
    items.clear();
    // The menu title comes from the shipped catalogue through i18n, which fakeBrowser leaves out.
    vi.spyOn(fakeBrowser.i18n, 'getMessage').mockImplementation((key: string) => key);
    api.contextMenus = {
      removeAll: async () => {
        items.clear();
      },
      create: (props: { id: string }) => {
        if (items.has(props.id)) throw new Error(`ID already exists: ${props.id}`);
        items.set(props.id, props);
        return props.id;
      },
    };
  });
  afterEach(() => {
    delete api.contextMenus;
    vi.restoreAllMocks();
  });

  it('can run at every start, even twice at once, and leaves one quote item', async () => {
    await Promise.all([createContextMenus(), createContextMenus()]);
    await createContextMenus();
    expect([...items.keys()]).toEqual([QUOTE_MENU_ID]);
  });
});
