import { browser } from '#imports';
import type { MessageType, RequestOf } from './messages';

// The bare sending half of utils/messages.ts, without zod, so a page can begin a round trip before its
// schemas are even built (components/popup/request.ts). Its answer is unchecked: only `receive` of
// utils/message-client.ts turns it into a typed response.

/** Sends a typed request to the worker; resolves to the worker's raw, not yet validated reply. */
export function transmit<K extends MessageType>(type: K, payload: RequestOf<K>): Promise<unknown> {
  return browser.runtime.sendMessage({ type, payload });
}
