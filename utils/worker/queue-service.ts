import type { NetworkId } from '../networks/ids';
import { browser } from '#imports';
import { db } from '../db';
import { hostOnFacebookPage } from '../networks/facebook-image-host';
import { createNetworks } from '../networks/registry';
import type { QueueDeps } from '../queue/deliver';
import { runDueDeliveries } from '../queue/deliver';
import { recoverInterrupted } from '../queue/recover';
import { loadAccounts, updateAccounts } from '../secrets/store';
import { SETTINGS, readSetting } from '../settings';
import { notifyIfFinished } from './notify';

/** One-shot alarm at the next due delivery (a scheduled post or a retry), so it fires on time. */
export const DUE_ALARM = 'siar-due';

// Rotated credentials (X OAuth 2, Bluesky session) replace the stored account at once: the old
// refresh values stop working the moment new ones are issued.
export const networks = createNetworks({
  onAccountRefreshed: async (id, account) => {
    refreshed.set(id, { account, at: Date.now() });
    await updateAccounts((accounts) => ({ ...accounts, [id]: account }));
  },
  // Instagram fetches images only by public URL: a converted one goes to the connected Facebook Page, unpublished.
  imageHost: async (jpeg, signal) => {
    const { facebook } = await loadAccounts();
    return facebook ? hostOnFacebookPage(facebook, jpeg, signal) : undefined;
  },
});

const refreshed = new Map<NetworkId, { account: unknown; at: number }>();

/**
 * The account an adapter renewed for `id` at or after `since` (ms), if any: a connection test that
 * renewed a Threads token must store the renewed token, not the one it was given.
 */
export function refreshedSince(id: NetworkId, since: number): unknown {
  const entry = refreshed.get(id);
  return entry && entry.at >= since ? entry.account : undefined;
}

/** Posts with a delivery settled in the current run; reported once the run is over. */
const settledPosts = new Set<number>();

export const queueDeps: QueueDeps = {
  database: db,
  networks: networks as QueueDeps['networks'],
  // Throws LockedError while the passphrase lock is on, which ends the delivery `needs-auth`.
  accounts: loadAccounts,
  actor: async () => {
    const profile = await readSetting(SETTINGS.profile);
    return [profile.name, profile.unit].filter(Boolean).join(' — ') || 'Siar';
  },
  onSettled: (postId) => settledPosts.add(postId),
};

/**
 * Arms DUE_ALARM at the earliest future `nextAttemptAt`, or clears it when nothing waits. The
 * one-minute tick stays as the safety net; this alarm makes "post at 14:00" go out at 14:00:00.
 */
export async function armDueAlarm(now = Date.now()): Promise<void> {
  const next = await db.deliveries.where('[state+nextAttemptAt]')
    .between(['pending', now], ['pending', Infinity], false, false).first();
  if (!next) {
    await browser.alarms.clear(DUE_ALARM);
    return;
  }
  const armed = await browser.alarms.get(DUE_ALARM);
  if (armed?.scheduledTime !== next.nextAttemptAt) await browser.alarms.create(DUE_ALARM, { when: next.nextAttemptAt });
}

let running: Promise<void> | undefined;
let again = false;

/**
 * Recovers cut-off sends, sends everything due, reports finished posts and arms the due alarm.
 * Overlapping calls share one run; a call arriving mid-run makes it look for due work once more.
 */
export function pumpQueue(options: { startup?: boolean } = {}): Promise<void> {
  if (running) {
    again = true;
    return running;
  }
  running = (async () => {
    try {
      await recoverInterrupted(queueDeps, { all: options.startup });
      do {
        again = false;
        while ((await runDueDeliveries(queueDeps)) > 0) { /* sends that became due meanwhile */ }
      } while (again);
      const finished = [...settledPosts];
      settledPosts.clear();
      await Promise.all(finished.map(notifyIfFinished));
      await armDueAlarm();
    } finally {
      running = undefined;
    }
  })();
  return running;
}

/**
 * Back online: deliveries waiting out a backoff for a network failure are due now (their backoff
 * grew while nothing could get through). Rate-limited ones keep waiting for their reset time.
 */
export async function resumeAfterOffline(now = Date.now()): Promise<void> {
  await db.deliveries.where('[state+nextAttemptAt]').between(['pending', now], ['pending', Infinity], false, false)
    .filter((row) => row.lastError?.code === 'transient')
    .modify({ nextAttemptAt: now });
  await pumpQueue();
}
