import { browser } from '#imports';
import { z } from 'zod';
import { respondSchema } from './reply';

export const quoteRequestSchema = z.object({
  selection: z.string().max(10_000),
  linkUrl: z.string().max(4000).optional(),
  imageUrl: z.string().max(4000).optional(),
  pageUrl: z.string().max(4000),
  pageTitle: z.string().max(1000),
  tabId: z.number().int().optional(),
  at: z.number(),
  /** The quote is about `pageUrl` itself (a mention from the side panel), not about any open tab. */
  standalone: z.boolean().optional(),
  /** Answering a mention: its headline, outlet and, where Siar can reply there, its network post. */
  respond: z.optional(respondSchema),
});
export type QuoteRequest = z.infer<typeof quoteRequestSchema>;

const PENDING_QUOTE_KEY = 'pendingQuote';

/** The last quote's write to storage.session; the composer's read waits for it (see showPopup). */
let quoteStored: Promise<unknown> = Promise.resolve();

/**
 * The toolbar popup API: `action` in MV3; Firefox's MV2 build has only `browserAction` (there
 * `browser.action` is undefined). Both have the same `openPopup()`.
 */
function toolbarAction(): { openPopup(): Promise<void> } | undefined {
  const api = browser as unknown as Record<'action' | 'browserAction', { openPopup?(): Promise<void> } | undefined>;
  const action = api.action ?? api.browserAction;
  return action?.openPopup ? (action as { openPopup(): Promise<void> }) : undefined;
}

/**
 * Opens the composer with a quote: the toolbar popup where the browser allows it, else a small
 * composer window showing the same page. The quote goes to storage.session (it survives worker
 * restarts but not the browser).
 *
 * `openPopup()` is called in the same turn as this function, before any `await`: Firefox allows it
 * only while the extension handles a user action such as a menu click, and that ends at the first
 * await (https://developer.mozilla.org/docs/Mozilla/Add-ons/WebExtensions/User_actions). So the popup
 * may ask for the quote before it is stored; takePendingQuote waits for this write first.
 */
export async function showPopup(quote: QuoteRequest) {
  const stored = browser.storage.session.set({ [PENDING_QUOTE_KEY]: quote });
  quoteStored = stored.catch(() => undefined);
  let opened: Promise<boolean>;
  try {
    opened =
      toolbarAction()
        ?.openPopup()
        .then(
          () => true,
          () => false,
        ) ?? Promise.resolve(false);
  } catch {
    opened = Promise.resolve(false);
  }
  await stored;
  if (await opened) return;
  await browser.windows.create({
    url: browser.runtime.getURL('/popup.html?window=1'),
    type: 'popup',
    width: 460,
    height: 640,
  });
}

/** Returns and clears the quote waiting for the composer, if any. */
export async function takePendingQuote(): Promise<QuoteRequest | undefined> {
  await quoteStored;
  const stored = await browser.storage.session.get(PENDING_QUOTE_KEY);
  // Not awaited: storage calls run in order, so any later read already sees it gone.
  void browser.storage.session.remove(PENDING_QUOTE_KEY).catch(() => undefined);
  const parsed = quoteRequestSchema.safeParse(stored[PENDING_QUOTE_KEY]);
  return parsed.success ? parsed.data : undefined;
}
