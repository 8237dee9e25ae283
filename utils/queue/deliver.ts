import type { Accounts } from '../networks/accounts';
import { AuthError, ContentError, RateLimitError, TransientError, toErrorInfo } from '../errors';
import type { DeliveryRow, PostRow, SiarDatabase } from '../db';
import type { NetworkId } from '../networks/ids';
import type { Network, TargetPost } from '../networks/types';
import { withPageLink } from '../compose/page-link';
import { appendAudit } from './audit';
import { decideRetry } from './backoff';
import { isTimeout } from '../networks/errors';
import { safeHttpUrl } from '../net/safe-url';

/** Per request budget, kept under the MV3 worker's 30 s event budget. */
export const SEND_TIMEOUT_MS = 25_000;

export interface QueueDeps {
  database: SiarDatabase;
  networks: Partial<Record<NetworkId, Network<never>>>;
  accounts: () => Promise<Accounts>;
  actor: () => Promise<string>;
  now?: () => number;
  /** Per send; SEND_TIMEOUT_MS unless a browser-test build lowers it (utils/worker/start.ts). */
  timeoutMs?: number;
  /** Told after each settled attempt, so the worker can report a post whose deliveries all ended. */
  onSettled?(postId: number): void;
}

type Outcome = Pick<DeliveryRow, 'state' | 'nextAttemptAt' | 'remoteId' | 'remoteUrl' | 'lastError' | 'uncertain' | 'notice'>;

/**
 * Moves a due `pending` delivery to `sending` inside one IndexedDB transaction. Only the caller that
 * wins this claim sends, so a message and an alarm racing for the same delivery cannot post twice.
 */
async function claim(database: SiarDatabase, id: number, now: number) {
  return database.transaction('rw', database.deliveries, database.posts, async () => {
    const delivery = await database.deliveries.get(id);
    if (!delivery || delivery.state !== 'pending' || delivery.nextAttemptAt > now) return undefined;
    const post = await database.posts.get(delivery.postId);
    if (!post) {
      // Nothing to send without its post (a damaged database): end it, or every run would pick it again.
      await database.deliveries.update(id, {
        state: 'failed',
        nextAttemptAt: Infinity,
        updatedAt: now,
        lastError: { code: 'content', messageKey: 'errorContent', detail: 'post missing' },
      });
      return undefined;
    }
    const claimed: DeliveryRow = { ...delivery, state: 'sending', attempts: delivery.attempts + 1, updatedAt: now };
    await database.deliveries.put(claimed);
    return { delivery: claimed, post };
  });
}

/** The text one delivery sends: its variant or the post's text, with the page link where the network needs it. */
export function deliveryText(post: PostRow, network: DeliveryRow['network']): string {
  const text = post.variants[network] ?? post.text;
  // A reply stays in its conversation: adding the complaint's own link would quote it back.
  return post.replyTo?.network === network ? text : withPageLink(network, text, post.pageUrl, Boolean(post.imageUrl)).text;
}

export function targetFor(network: Network<never>, post: PostRow, delivery: DeliveryRow, database?: SiarDatabase): TargetPost {
  const text = deliveryText(post, delivery.network);
  const parts = network.split(text);
  if (parts.length === 0 || parts.some((part) => !network.measure(part).ok)) throw new ContentError('too-long');
  return {
    parts,
    url: post.pageUrl,
    title: post.pageTitle,
    description: post.description,
    image: post.imageUrl ? { url: post.imageUrl, alt: post.imageAlt ?? '' } : undefined,
    idempotencyKey: delivery.idempotencyKey,
    ...(post.lang ? { lang: post.lang } : {}),
    ...(post.replyTo?.network === delivery.network ? { replyTo: post.replyTo.remoteId } : {}),
    checkpoint: {
      value: delivery.checkpoint,
      // Written at once, outside the attempt's outcome: the progress must survive the worker stopping.
      save: async (value) => {
        await database?.deliveries.update(delivery.id!, { checkpoint: value });
      },
    },
  };
}

const UNSURE_ERROR = { code: 'interrupted', messageKey: 'errorTimeoutUnsure', detail: 'no answer in time' } as const;

/**
 * A timeout leaves the request's fate unknown: the network may have published the post and only the
 * answer was late. A resend is then safe only where it cannot duplicate: networks that honour the
 * idempotency key, or (flagged `uncertain`) after the network's own lookup finds no such post.
 * Networks with neither end `failed`, asking the officer to check the account first.
 */
function outcomeOf(error: unknown, delivery: DeliveryRow, network: Network<never> | undefined, now: number, uncertain: boolean): Outcome {
  const lastError = toErrorInfo(error);
  if (error instanceof AuthError) return { state: 'needs-auth', nextAttemptAt: Infinity, lastError, uncertain };
  const timedOut = isTimeout(error) && !network?.idempotent;
  if (timedOut && !network?.findExisting) return { state: 'failed', nextAttemptAt: Infinity, lastError: UNSURE_ERROR, uncertain: true };
  if (error instanceof RateLimitError || error instanceof TransientError) {
    const decision = decideRetry(
      error instanceof RateLimitError ? { kind: 'rate-limit', retryAt: error.retryAt } : { kind: 'transient' },
      delivery.attempts,
      now,
    );
    if (decision.kind === 'retry') {
      return { state: 'pending', nextAttemptAt: decision.at, lastError: { ...lastError, retryAt: decision.at }, uncertain: uncertain || timedOut };
    }
  }
  return { state: 'failed', nextAttemptAt: Infinity, lastError, uncertain: uncertain || timedOut };
}

async function settle(deps: QueueDeps, delivery: DeliveryRow, post: PostRow, outcome: Outcome) {
  const now = deps.now?.() ?? Date.now();
  const { database } = deps;
  // Read before the transaction: awaiting anything but Dexie inside it would commit it early.
  const actor = await deps.actor();
  await database.transaction('rw', database.deliveries, database.audit, async () => {
    await database.deliveries.update(delivery.id!, { ...outcome, updatedAt: now });
    await appendAudit(database, {
      at: now,
      actor,
      postId: post.id,
      deliveryId: delivery.id,
      network: delivery.network,
      event: outcome.state === 'sent' ? 'sent' : `attempt-${outcome.state}`,
      text: deliveryText(post, delivery.network),
      pageUrl: post.pageUrl,
      result: outcome.lastError
        ? `${outcome.lastError.code}: ${outcome.lastError.detail ?? ''}`.trim()
        : outcome.notice
          ? `ok: ${outcome.notice.detail ?? outcome.notice.messageKey}`
          : 'ok',
      ...(outcome.lastError ? { resultKey: outcome.lastError.messageKey } : {}),
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
  const network = deps.networks[delivery.network];
  let uncertain = delivery.uncertain ?? false;
  let outcome: Outcome;
  try {
    const account = (await deps.accounts())[delivery.network];
    if (!network || !account) throw new AuthError('not connected');
    const signal = AbortSignal.timeout(deps.timeoutMs ?? SEND_TIMEOUT_MS);
    const target = targetFor(network, post, delivery, deps.database);
    // An earlier attempt timed out: look on the network before publishing again.
    const found = uncertain && network.findExisting ? await network.findExisting(target, account as never, signal) : undefined;
    uncertain = false;
    const result = found ?? (await network.publish(target, account as never, signal));
    outcome = {
      state: 'sent',
      nextAttemptAt: Infinity,
      remoteId: result.remoteId,
      remoteUrl: safeHttpUrl(result.url),
      lastError: undefined,
      uncertain: false,
      notice: result.notice,
    };
  } catch (error) {
    outcome = outcomeOf(error, delivery, network, deps.now?.() ?? Date.now(), uncertain);
  }
  await settle(deps, delivery, post, outcome);
  deps.onSettled?.(post.id!);
}

/** Sends every due pending delivery; different networks in parallel. Returns how many were tried. */
export async function runDueDeliveries(deps: QueueDeps): Promise<number> {
  const now = deps.now?.() ?? Date.now();
  const due = await deps.database.deliveries.where('[state+nextAttemptAt]').between(['pending', -Infinity], ['pending', now], true, true).primaryKeys();
  await Promise.all(due.map((id) => sendDelivery(deps, id as number)));
  return due.length;
}
