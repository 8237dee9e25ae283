import type { DeliveryRow, PostRow, SiarDatabase } from '../db';
import type { NetworkId } from '../networks/ids';
import { appendAudit } from './audit';

/** What the composer hands over: the post as stored, less what the queue adds, plus its networks. */
export type NewPost = Omit<PostRow, 'id' | 'createdBy' | 'createdAt'> & { targets: NetworkId[] };

/**
 * Writes the post and one pending delivery per network in one transaction, before any request goes
 * out: if the worker dies right after, the queue still knows everything it has to send.
 */
export async function createPost(database: SiarDatabase, input: NewPost, actor: string, now = Date.now()) {
  return database.transaction('rw', database.posts, database.deliveries, database.audit, async () => {
    const post: PostRow = {
      text: input.text,
      variants: input.variants,
      pageUrl: input.pageUrl,
      pageTitle: input.pageTitle,
      description: input.description,
      imageUrl: input.imageUrl,
      imageAlt: input.imageAlt,
      lang: input.lang,
      createdBy: actor,
      createdAt: now,
      scheduledAt: input.scheduledAt,
      ...(input.replyTo ? { replyTo: input.replyTo } : {}),
      ...(input.kitId ? { kitId: input.kitId, ...(input.kitUpdatedAt !== undefined ? { kitUpdatedAt: input.kitUpdatedAt } : {}) } : {}),
    };
    const postId = (await database.posts.add(post)) as number;
    const dueAt = input.scheduledAt ?? now;
    const deliveries: DeliveryRow[] = [...new Set(input.targets)].map((network) => ({
      postId,
      network,
      state: 'pending',
      attempts: 0,
      nextAttemptAt: dueAt,
      idempotencyKey: crypto.randomUUID(),
      updatedAt: now,
    }));
    const ids = await database.deliveries.bulkAdd(deliveries, { allKeys: true });
    await appendAudit(database, {
      at: now,
      actor,
      postId,
      event: input.scheduledAt ? 'scheduled' : 'created',
      text: input.text,
      pageUrl: input.pageUrl,
      result: input.targets.join(' '),
      ...(input.scheduledAt ? { scheduledAt: input.scheduledAt } : {}),
    });
    return { postId, deliveryIds: ids as number[] };
  });
}
