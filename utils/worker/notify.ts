import { browser } from '#imports';
import { networkNameKey } from '../networks/names';
import { db, type MentionRow } from '../db';
import { t } from '../i18n';
import { inQuietHours } from '../monitor/quiet-hours';
import { postOutcome } from '../queue/outcome';
import { SETTINGS, readSetting } from '../settings';
import { openSidePanel } from '../sidepanel/open';

const PREFIX = 'siar-post-';
/** The options page opens at its audit section when the officer clicks a report. */
export const AUDIT_PAGE = '/options.html#audit';

/**
 * One notification per finished post ("Terkirim ke 6 dari 7 jaringan; Telegram: …"). A courtesy only:
 * any failure here (notifications blocked, no permission) is swallowed so sending never waits on it.
 * The id is per post, so a post finishing again after a retry replaces its earlier report.
 */
export async function notifyIfFinished(postId: number): Promise<void> {
  try {
    const outcome = postOutcome(await db.deliveries.where('postId').equals(postId).toArray());
    if (!outcome) return;
    const problems = outcome.problems.map((p) => t('notifyProblem', [t(networkNameKey(p.network)), t(p.messageKey)]));
    await browser.notifications.create(`${PREFIX}${postId}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t(outcome.problems.length ? 'notifyTitleProblems' : 'notifyTitleSent'),
      message: [t('notifySummary', [String(outcome.sent), String(outcome.total)]), ...problems].join(' '),
    });
  } catch {
    // Notifications are optional; the popup and the audit log still show the outcome.
  }
}

export const WATCH_NOTIFICATION_PREFIX = 'siar-watch-';

/** New mentions of one listening tick: one notification per watch that asks for them, none during quiet hours. */
export async function notifyWatches(added: MentionRow[]): Promise<void> {
  const preferences = await readSetting(SETTINGS.preferences);
  if (inQuietHours(preferences.quietHours, Date.now(), preferences.timeZone)) return;
  const watches = await db.watches.bulkGet([...new Set(added.flatMap((m) => m.watchIds))]);
  for (const watch of watches) {
    if (!watch?.notify) continue;
    const mentions = added.filter((m) => m.watchIds.includes(watch.id!));
    await browser.notifications.create(`${WATCH_NOTIFICATION_PREFIX}${watch.id}`, {
      type: 'basic',
      iconUrl: browser.runtime.getURL('/icon/128.png'),
      title: t('notifyNewMentions', [String(mentions.length), watch.name]),
      // Notifications render plain text, so feed titles cannot inject markup here.
      message: mentions
        .slice(0, 3)
        .map((m) => m.title)
        .join('\n')
        .slice(0, 300),
    });
  }
}

/** New mentions: the side panel where the browser lets a notification click open it, else as a tab. */
const openMentions = () => openSidePanel({ window: 'lastFocused', asTabOtherwise: true });

export async function onNotificationClick(id: string): Promise<void> {
  if (id.startsWith(PREFIX)) await browser.tabs.create({ url: browser.runtime.getURL(AUDIT_PAGE) });
  else if (id.startsWith(WATCH_NOTIFICATION_PREFIX)) await openMentions();
  else return;
  await browser.notifications.clear(id);
}
