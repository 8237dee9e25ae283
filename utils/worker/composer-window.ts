import { browser } from '#imports';
import { z } from 'zod';
import { respondSchema } from '../compose/reply';

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

/**
 * Opens the composer with a quote. The quote is stored first (storage.session survives worker
 * restarts but not the browser), then the popup opens where the browser allows it from a menu click;
 * otherwise a small composer window shows the same page.
 */
export async function openComposer(quote: QuoteRequest) {
  await browser.storage.session.set({ [PENDING_QUOTE_KEY]: quote });
  try {
    await browser.action.openPopup();
  } catch {
    await browser.windows.create({
      url: browser.runtime.getURL('/popup.html?window=1'),
      type: 'popup',
      width: 460,
      height: 640,
    });
  }
}

/** Returns and clears the quote waiting for the composer, if any. */
export async function takePendingQuote(): Promise<QuoteRequest | undefined> {
  const stored = await browser.storage.session.get(PENDING_QUOTE_KEY);
  // Not awaited: storage calls run in order, so any later read already sees it gone.
  void browser.storage.session.remove(PENDING_QUOTE_KEY).catch(() => undefined);
  const parsed = quoteRequestSchema.safeParse(stored[PENDING_QUOTE_KEY]);
  return parsed.success ? parsed.data : undefined;
}
