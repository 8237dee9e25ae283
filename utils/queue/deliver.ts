import type { Accounts } from '../networks/accounts';
import { AuthError, ContentError, RateLimitError, TransientError, toErrorInfo } from '../errors';
import type { DeliveryRow, PostRow, SiarDatabase } from '../db';
import type { NetworkId } from '../networks/ids';
import type { Network, TargetPost } from '../networks/types';
import { appendAudit } from './audit';
import { decideRetry } from './backoff';

export interface QueueDeps {
  database: SiarDatabase;
  networks: Partial<Record<NetworkId, Network<never>>>;
  accounts: () => Promise<Accounts>;
  actor: () => Promise<string>;
  now?: () => number;
  /** Per request; kept under the MV3 worker's 30 s event budget. */
  timeoutMs?: number;
}

type Outcome = Pick<DeliveryRow, 'state' | 'nextAttemptAt' | 'remoteId' | 'remoteUrl' | 'lastError'>;

/**
 * Moves a due `pending` delivery to `sending` inside one IndexedDB transaction. Only the caller that
 * wins this claim sends, so a message and an alarm racing for the same delivery cannot post twice.
 */
async function claim(database: SiarDatabase, id: number, now: number) {
  return database.transaction('rw', database.deliveries, database.posts, async () => {
    const delivery = await database.deliveries.get(id);
    if (!delivery || delivery.state !== 'pending' || delivery.nextAttemptAt > now) return undefined;
    const post = await database.posts.get(delivery.postId);
    if (!post) return undefined;
    const claimed: DeliveryRow = { ...delivery, state: 'sending', attempts: delivery.attempts + 1, updatedAt: now };
    await database.deliveries.put(claimed);
    return { delivery: claimed, post };
  });
}

export function targetFor(network: Network<never>, post: PostRow, delivery: DeliveryRow): TargetPost {
  const text = post.variants[delivery.network] ?? post.text;
  const parts = network.split(text);
  if (parts.length === 0 || parts.some((part) => !network.measure(part).ok)) throw new ContentError('too-long');
  return {
    parts, url: post.pageUrl, title: post.pageTitle, description: post.description,
    image: post.imageUrl ? { url: post.imageUrl, alt: post.imageAlt ?? '' } : undefined,
    idempotencyKey: delivery.idempotencyKey,
  };
}

function outcomeOf(error: unknown, delivery: DeliveryRow, now: number): Outcome {
  const lastError = toErrorInfo(error);
  if (error instanceof AuthError) return { state: 'needs-auth', nextAttemptAt: Infinity, lastError };
  if (error instanceof RateLimitError || error instanceof TransientError) {
    const decision = decideRetry(
      error instanceof RateLimitError ? { kind: 'rate-limit', retryAt: error.retryAt } : { kind: 'transient' },
      delivery.attempts, now,
    );
    if (decision.kind === 'retry') return { state: 'pending', nextAttemptAt: decision.at, lastError: { ...lastError, retryAt: decision.at } };
  }
  return { state: 'failed', nextAttemptAt: Infinity, lastError };
}

async function settle(deps: QueueDeps, delivery: DeliveryRow, post: PostRow, outcome: Outcome) {
  const now = deps.now?.() ?? Date.now();
  const { database } = deps;
  // Read before the transaction: awaiting anything but Dexie inside it would commit it early.
  const actor = await deps.actor();
  await database.transaction('rw', database.deliveries, database.audit, async () => {
    await database.deliveries.update(delivery.id!, { ...outcome, updatedAt: now });
    await appendAudit(database, {
      at: now, actor, postId: post.id, deliveryId: delivery.id, network: delivery.network,
      event: outcome.state === 'sent' ? 'sent' : `attempt-${outcome.state}`,
      text: post.variants[delivery.network] ?? post.text, pageUrl: post.pageUrl,
      result: outcome.lastError ? `${outcome.lastError.code}: ${outcome.lastError.detail ?? ''}`.trim() : 'ok',
      url: outcome.remoteUrl,
    });
  });
}

/** Sends one delivery if it is due and nobody else claimed it. */
export async function sendDelivery(deps: QueueDeps, id: number): Promise<void> {
  const now = deps.now?.() ?? Date.now();
  const claimed = await claim(deps.database, id, now);
  if (!claimed) return;
  const { delivery, post } = claimed;
  let outcome: Outcome;
  try {
    const network = deps.networks[delivery.network];
    const account = (await deps.accounts())[delivery.network];
    if (!network || !account) throw new AuthError('not connected');
    const signal = AbortSignal.timeout(deps.timeoutMs ?? 25_000);
    const result = await network.publish(targetFor(network, post, delivery), account as never, signal);
    outcome = { state: 'sent', nextAttemptAt: Infinity, remoteId: result.remoteId, remoteUrl: result.url, lastError: undefined };
  } catch (error) {
    outcome = outcomeOf(error, delivery, deps.now?.() ?? Date.now());
  }
  await settle(deps, delivery, post, outcome);
}

/** Sends every due pending delivery; different networks in parallel. Returns how many were tried. */
export async function runDueDeliveries(deps: QueueDeps): Promise<number> {
  const now = deps.now?.() ?? Date.now();
  const due = await deps.database.deliveries
    .where('[state+nextAttemptAt]').between(['pending', -Infinity], ['pending', now], true, true)
    .primaryKeys();
  await Promise.all(due.map((id) => sendDelivery(deps, id as number)));
  return due.length;
}
