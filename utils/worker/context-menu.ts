import { browser, type Browser } from '#imports';
import { t } from '../i18n';
import { openComposer, type QuoteRequest } from './composer-window';

export const QUOTE_MENU_ID = 'siar-quote';

/** Created on install/update only: Chromium keeps menu items across worker restarts. */
export async function createContextMenus() {
  await browser.contextMenus.removeAll();
  browser.contextMenus.create({
    id: QUOTE_MENU_ID,
    title: t('contextMenuQuote'),
    contexts: ['selection', 'link', 'image', 'page'],
  });
}

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
  await openComposer(quoteFromClick(info, tab));
}
