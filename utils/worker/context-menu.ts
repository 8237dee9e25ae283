import { browser, type Browser } from '#imports';
import { t } from '../i18n';
import { showPopup, type QuoteRequest } from '../compose/window';

export const QUOTE_MENU_ID = 'siar-quote';

let menusCreated: Promise<void> = Promise.resolve();

/**
 * (Re)creates Siar's menu items: removes all, then creates them, so it can run at any time. Calls
 * are chained one after another, so two overlapping calls never create the same id twice (which
 * the browser refuses). Chromium keeps menu items across worker restarts, so the worker calls this
 * on install/update only; Firefox does not keep them across a browser restart for a persistent MV2
 * background page, so there it runs at every background start (menusAtEveryStart).
 */
export function createContextMenus(): Promise<void> {
  menusCreated = menusCreated
    .catch(() => undefined)
    .then(async () => {
      await browser.contextMenus.removeAll();
      browser.contextMenus.create({
        id: QUOTE_MENU_ID,
        title: t('contextMenuQuote'),
        contexts: ['selection', 'link', 'image', 'page'],
      });
    });
  return menusCreated;
}

/**
 * Whether the menus must be created at every background start rather than on install only:
 * Firefox forgets them at a browser restart (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/API/menus/create:
 * only event pages, `persistent: false`, keep them; Siar's MV2 background is persistent).
 */
export const menusAtEveryStart = import.meta.env.FIREFOX;

export function quoteFromClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab): QuoteRequest {
  return {
    selection: info.selectionText?.slice(0, 10_000) ?? '',
    linkUrl: info.linkUrl,
    imageUrl: info.srcUrl && info.mediaType === 'image' ? info.srcUrl : undefined,
    pageUrl: info.pageUrl ?? tab?.url ?? '',
    pageTitle: tab?.title ?? '',
    tabId: tab?.id,
    at: Date.now(),
  };
}

export async function onContextMenuClick(info: Browser.contextMenus.OnClickData, tab?: Browser.tabs.Tab) {
  if (info.menuItemId !== QUOTE_MENU_ID) return;
  await showPopup(quoteFromClick(info, tab));
}
