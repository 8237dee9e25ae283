import { browser } from '#imports';
import { transmit } from '../../utils/message-transport';

/** Which tab the composer is for: `?tabId=` (composer window, tests) or the popup's own active tab. */
async function popupTabId(): Promise<number | undefined> {
  const param = new URLSearchParams(location.search).get('tabId');
  if (param && /^\d+$/.test(param)) return Number(param);
  if (new URLSearchParams(location.search).has('window')) return undefined;
  const [tab] = await browser.tabs.query({ active: true, currentWindow: true });
  return tab?.id;
}

/**
 * The composer's one worker round trip, begun while this module is evaluated. The composer script
 * imports it first and it needs no zod, so the worker captures the page while the rest of the bundle
 * (schemas, Preact, counting rules) is still being evaluated. The reply is raw until
 * popup/start.ts validates it through utils/messages.ts.
 */
export const popupReply: Promise<unknown> = popupTabId().then((tabId) => transmit('popupStart', { tabId }));
// Validated (and its failure shown) by startPopup; this only keeps an early failure from being reported as unhandled.
popupReply.catch(() => undefined);
