import { browser } from '#imports';
import { db } from '../db';

// The toolbar badge shows how many mentions are unread. Counted from the [state+publishedAt] index,
// so it stays cheap with hundreds of thousands of stored mentions.

export async function unreadCount(): Promise<number> {
  return db.mentions.where('[state+publishedAt]').between(['unread', -Infinity], ['unread', Infinity]).count();
}

export function badgeText(count: number): string {
  if (count <= 0) return '';
  return count > 999 ? '999+' : String(count);
}

/** Call after anything that changes mention states (ingest, triage). */
export async function refreshBadge(): Promise<void> {
  // Firefox MV2 names it browserAction.
  const action = browser.action ?? browser.browserAction;
  await action.setBadgeBackgroundColor({ color: '#b3261e' });
  await action.setBadgeText({ text: badgeText(await unreadCount()) });
}
