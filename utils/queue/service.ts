import { browser } from '#imports';
import { db } from '../db';
import { ContentError } from '../errors';
import type { Handlers } from '../messages';
import { loadAccounts } from '../secrets/store';
import { SETTINGS, readSetting } from '../settings';
import type { QueueDeps } from './deliver';
import { runDueDeliveries } from './deliver';
import { networks } from './networks';
import { createPost } from './posts';
import { recoverInterrupted } from './recover';
import { retryDelivery } from './retry';
import { cancelScheduled, listScheduled, reschedulePost } from './scheduled';

// The delivery queue's service: the pump that sends what is due, the alarm that wakes it on time and
// the answers to the publishing messages. How a finished post is reported (a notification) belongs to
// the worker, which hands it in through setQueueHooks at start-up.

/** What the worker does when a post's deliveries have all settled. */
export interface QueueHooks {
  postFinished(postId: number): Promise<void>;
}

const hooks: QueueHooks = { postFinished: async () => undefined };

/** Called once, synchronously, when the worker starts (utils/worker/start.ts). */
export function setQueueHooks(given: QueueHooks): void {
  Object.assign(hooks, given);
}

/** One-shot alarm at the next due delivery (a scheduled post or a retry), so it fires on time. */
export const DUE_ALARM = 'siar-due';

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
  const next = await db.deliveries.where('[state+nextAttemptAt]').between(['pending', now], ['pending', Infinity], false, false).first();
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
        while ((await runDueDeliveries(queueDeps)) > 0) {
          /* sends that became due meanwhile */
        }
      } while (again);
      const finished = [...settledPosts];
      settledPosts.clear();
      await Promise.all(finished.map((postId) => hooks.postFinished(postId)));
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
  await db.deliveries
    .where('[state+nextAttemptAt]')
    .between(['pending', now], ['pending', Infinity], false, false)
    .filter((row) => row.lastError?.code === 'transient')
    .modify({ nextAttemptAt: now });
  await pumpQueue();
}

type QueueHandlers = Pick<Handlers, 'publish' | 'retryDelivery' | 'scheduledList' | 'scheduledMove' | 'scheduledCancel'>;

/** The answers to the publishing messages of utils/messages.ts (registered by utils/worker/handlers.ts). */
export const queueHandlers: QueueHandlers = {
  publish: async (request) => {
    if (!request.text.trim() && Object.values(request.variants).every((v) => !v?.trim())) {
      throw new ContentError('empty', 'empty text');
    }
    const created = await createPost(db, request, await queueDeps.actor());
    void pumpQueue();
    return created;
  },
  retryDelivery: async ({ deliveryId }) => {
    const ok = await retryDelivery(db, deliveryId, await queueDeps.actor());
    if (ok) void pumpQueue();
    return { ok };
  },
  scheduledList: async () => ({ posts: await listScheduled(db) }),
  scheduledMove: async ({ postId, at }) => {
    const ok = await reschedulePost(db, postId, at, await queueDeps.actor());
    // The due alarm is armed for the earliest pending time; pumping re-arms it for the new one.
    if (ok) void pumpQueue();
    return { ok };
  },
  scheduledCancel: async ({ postId }) => ({ ok: await cancelScheduled(db, postId, await queueDeps.actor()) }),
};
