import { browser } from '#imports';
import { networkNameKey } from '../networks/names';
import { db } from '../db';
import { t } from '../i18n';
import { postOutcome } from '../queue/outcome';
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

/** New mentions: the side panel where the browser lets a notification click open it, else as a tab. */
const openMentions = () => openSidePanel({ window: 'lastFocused', asTabOtherwise: true });

export async function onNotificationClick(id: string): Promise<void> {
  if (id.startsWith(PREFIX)) await browser.tabs.create({ url: browser.runtime.getURL(AUDIT_PAGE) });
  else if (id.startsWith(WATCH_NOTIFICATION_PREFIX)) await openMentions();
  else return;
  await browser.notifications.clear(id);
}
