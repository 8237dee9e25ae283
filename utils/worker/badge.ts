import { browser } from '#imports';
import { unseenKitCount } from '../campaigns/store';
import { db } from '../db';
import { t } from '../i18n';

// The toolbar badge shows how many mentions are unread. Counted from the [state+publishedAt] index,
// so it stays cheap with hundreds of thousands of stored mentions. New campaign kits take the badge (in
// blue) until the officer opens the popup's Kampanye tab: they ask for action today, mentions can wait.

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
  const kits = await unseenKitCount(db);
  await action.setBadgeBackgroundColor({ color: kits > 0 ? '#0b57d0' : '#b3261e' });
  await action.setBadgeText({ text: badgeText(kits > 0 ? kits : await unreadCount()) });
  await action.setTitle({ title: kits > 0 ? t('badgeNewKits', String(kits)) : t('actionTitle') });
}
