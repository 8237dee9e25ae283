import type { SiarDatabase } from '../db';
import type { NetworkId } from '../networks/ids';
import { appendAudit } from './audit';

/** A post waiting for its time: what the scheduled list shows. */
export interface ScheduledPost {
  postId: number;
  scheduledAt: number;
  networks: NetworkId[];
  text: string;
  pageUrl: string;
}

/** Posts with a time still ahead and deliveries still pending, soonest first. */
export async function listScheduled(database: SiarDatabase, now = Date.now()): Promise<ScheduledPost[]> {
  const posts = await database.posts.where('scheduledAt').above(now).toArray();
  const list: ScheduledPost[] = [];
  for (const post of posts) {
    const pending = await database.deliveries
      .where('postId')
      .equals(post.id!)
      .filter((d) => d.state === 'pending')
      .toArray();
    if (pending.length === 0) continue;
    list.push({ postId: post.id!, scheduledAt: post.scheduledAt!, networks: pending.map((d) => d.network), text: post.text, pageUrl: post.pageUrl });
  }
  return list.sort((a, b) => a.scheduledAt - b.scheduledAt);
}

/**
 * Moves a scheduled post to `at` (epoch ms, in the future). Only its pending deliveries move; one that
 * already went out is never touched. The audit log records the new time. Returns false when nothing waits.
 */
export async function reschedulePost(database: SiarDatabase, postId: number, at: number, actor: string, now = Date.now()): Promise<boolean> {
  return database.transaction('rw', database.posts, database.deliveries, database.audit, async () => {
    const post = await database.posts.get(postId);
    const pending = await database.deliveries
      .where('postId')
      .equals(postId)
      .filter((d) => d.state === 'pending')
      .toArray();
    if (!post || pending.length === 0 || at <= now) return false;
    await database.posts.update(postId, { scheduledAt: at });
    for (const delivery of pending) await database.deliveries.update(delivery.id!, { nextAttemptAt: at, updatedAt: now });
    await appendAudit(database, {
      at: now,
      actor,
      postId,
      event: 'rescheduled',
      scheduledAt: at,
      text: post.text,
      pageUrl: post.pageUrl,
      result: pending.map((d) => d.network).join(' '),
    });
    return true;
  });
}

/**
 * Cancels a scheduled post: its pending deliveries end `failed` with the reason "cancelled" (the rows
 * and the audit trail stay; nothing is deleted). Returns false when nothing was waiting.
 */
export async function cancelScheduled(database: SiarDatabase, postId: number, actor: string, now = Date.now()): Promise<boolean> {
  return database.transaction('rw', database.posts, database.deliveries, database.audit, async () => {
    const post = await database.posts.get(postId);
    const pending = await database.deliveries
      .where('postId')
      .equals(postId)
      .filter((d) => d.state === 'pending')
      .toArray();
    if (!post || pending.length === 0) return false;
    for (const delivery of pending) {
      await database.deliveries.update(delivery.id!, {
        state: 'failed',
        nextAttemptAt: Infinity,
        updatedAt: now,
        lastError: { code: 'content', messageKey: 'scheduleCancelled', detail: 'cancelled by the officer' },
      });
    }
    await appendAudit(database, {
      at: now,
      actor,
      postId,
      event: 'cancelled',
      scheduledAt: post.scheduledAt,
      text: post.text,
      pageUrl: post.pageUrl,
      result: pending.map((d) => d.network).join(' '),
    });
    return true;
  });
}
