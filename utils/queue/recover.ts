import type { DeliveryRow } from '../db';
import type { QueueDeps } from './deliver';
import { targetFor } from './deliver';
import { appendAudit } from './audit';

/** A send never lasts this long (requests time out at 25 s), so an older `sending` row was cut off. */
export const STALE_SENDING_MS = 2 * 60_000;
/** A resend must reach the network well inside its key's lifetime, not at the last second. */
const KEY_MARGIN_MS = 5 * 60_000;

type Change = Partial<Pick<DeliveryRow, 'state' | 'nextAttemptAt' | 'remoteId' | 'remoteUrl' | 'lastError'>>;

/**
 * A delivery left `sending` was cut off mid-request by a worker stop or a browser restart, and the
 * network may or may not have published it. It is only sent again where that cannot duplicate:
 * networks that honour the idempotency key, or a post the network's own lookup confirms absent.
 * Otherwise it ends `failed` with that explanation, for the officer to check the account first.
 */
export async function recoverInterrupted(deps: QueueDeps, options: { all?: boolean } = {}): Promise<number> {
  const { database } = deps;
  const now = deps.now?.() ?? Date.now();
  const sending = await database.deliveries.where('state').equals('sending').toArray();
  // At worker start-up nothing is in flight, so every `sending` row is interrupted.
  const interrupted = options.all ? sending : sending.filter((d) => d.updatedAt < now - STALE_SENDING_MS);
  if (interrupted.length === 0) return 0;
  let accounts: Awaited<ReturnType<QueueDeps['accounts']>>;
  try {
    accounts = await deps.accounts();
  } catch {
    return 0; // locked with a passphrase: look again once the officer unlocks
  }
  for (const delivery of interrupted) {
    const network = deps.networks[delivery.network];
    const account = accounts[delivery.network];
    const post = await database.posts.get(delivery.postId);
    let change: Change | undefined;
    // The key only protects a resend while the network still remembers it (Mastodon: one hour).
    const keyRemembered =
      network?.idempotent && (network.idempotencyWindowMs === undefined || now - delivery.updatedAt < network.idempotencyWindowMs - KEY_MARGIN_MS);
    if (keyRemembered) {
      change = { state: 'pending', nextAttemptAt: now };
    } else if (network?.findExisting && account && post) {
      try {
        const found = await network.findExisting(targetFor(network, post, delivery), account as never, AbortSignal.timeout(20_000));
        change = found
          ? { state: 'sent', remoteId: found.remoteId, remoteUrl: found.url, nextAttemptAt: Infinity, lastError: undefined }
          : { state: 'pending', nextAttemptAt: now };
      } catch {
        change = undefined; // lookup failed: stay `sending`, the next tick looks again
      }
    } else {
      change = {
        state: 'failed',
        nextAttemptAt: Infinity,
        lastError: { code: 'interrupted', messageKey: 'errorInterrupted', detail: 'worker stopped during send' },
      };
    }
    if (!change) continue;
    await database.deliveries.update(delivery.id!, { ...change, updatedAt: now });
    await appendAudit(database, {
      at: now,
      actor: await deps.actor(),
      postId: delivery.postId,
      deliveryId: delivery.id,
      network: delivery.network,
      event: 'recovered',
      result: String(change.state),
    });
    if (change.state !== 'pending') deps.onSettled?.(delivery.postId);
  }
  return interrupted.length;
}
