import { browser } from '#imports';
import { db, type AuditRow } from '../db';
import type { DeliveryStatus, Handlers } from '../messages';
import type { Accounts } from '../networks/accounts';
import { NETWORK_IDS, type NetworkId } from '../networks/ids';
import { loadAccounts } from '../secrets/store';
import { SETTINGS, readSetting } from '../settings';
import { applyQuote, capturePageInPage, pageFromCapture, pageFromTab, type PageInfo } from './page';
import { takePendingQuote } from './window';

async function targetTab(tabId?: number) {
  if (tabId !== undefined) return browser.tabs.get(tabId);
  const [tab] = await browser.tabs.query({ active: true, lastFocusedWindow: true });
  return tab;
}

/** Reads the page through activeTab + scripting; pages that refuse scripts still give title and URL. */
export async function capturePage(tabId?: number): Promise<PageInfo> {
  // Each is a round trip to the browser: the popup's own tab is looked up while the pending quote is read.
  const givenTab = tabId === undefined ? undefined : targetTab(tabId).catch(() => undefined);
  const quote = await takePendingQuote();
  const tab = quote?.standalone ? undefined : await (givenTab ?? targetTab(quote?.tabId).catch(() => undefined));
  let page: PageInfo;
  if (!tab?.id) {
    // A standalone quote (a mention) never asked any page to be read: "cannot read this page" would mislead.
    page = { ...pageFromTab({ url: quote?.pageUrl, title: quote?.pageTitle }), limited: !quote?.standalone };
  } else {
    try {
      const [injection] = await browser.scripting.executeScript({ target: { tabId: tab.id }, func: capturePageInPage });
      page = pageFromCapture(injection?.result, tab);
    } catch {
      page = pageFromTab(tab);
    }
  }
  return quote ? applyQuote(page, quote) : page;
}

/** The composer's context for the page at `url`; `accounts`: begun by the caller while the page was captured. */
export async function popupContext(url: string, accounts = popupAccounts()) {
  const [{ stored, summaries }, sent] = await Promise.all([
    accounts,
    url
      ? db.audit
          .where('pageUrl')
          .equals(url)
          .filter((row) => row.event === 'sent')
          .toArray()
      : ([] as AuditRow[]),
  ]);
  // While the passphrase lock is on only the summaries tell which networks are connected.
  const connected = NETWORK_IDS.filter((id) => stored[id] !== undefined || summaries[id] !== undefined);
  return {
    connected,
    mastodonLimit: stored.mastodon?.maxChars,
    mastodonInstance: stored.mastodon?.instance ?? summaries.mastodon?.instance,
    alreadyShared: sent
      .filter((row): row is typeof row & { network: NetworkId } => row.network !== undefined)
      .map((row) => ({ network: row.network, at: row.at, url: row.url })),
  };
}

/** Connected accounts and their summaries, read together. */
export async function popupAccounts() {
  // Locked (or no device key): the summaries still say which networks are connected.
  const [stored, summaries] = await Promise.all([loadAccounts().catch((): Accounts => ({})), readSetting(SETTINGS.accountSummaries)]);
  return { stored, summaries };
}

export async function postStatus(postId: number): Promise<DeliveryStatus[]> {
  const rows = await db.deliveries.where('postId').equals(postId).toArray();
  return rows.map((row) => ({
    id: row.id!,
    network: row.network,
    state: row.state,
    remoteUrl: row.remoteUrl,
    nextAttemptAt: Number.isFinite(row.nextAttemptAt) ? row.nextAttemptAt : null,
    lastError: row.lastError,
    ...(row.notice ? { notice: row.notice } : {}),
  }));
}

/** The answers to the composer's messages (registered by utils/worker/handlers.ts). */
export const popupHandlers: Pick<Handlers, 'popupStart' | 'postStatus'> = {
  popupStart: async ({ tabId }) => {
    // The accounts are read while the page is captured: the officer waits for this answer.
    const accounts = popupAccounts();
    const page = await capturePage(tabId);
    return { page, context: await popupContext(page.url, accounts) };
  },
  postStatus: async ({ postId }) => ({ deliveries: await postStatus(postId) }),
};
