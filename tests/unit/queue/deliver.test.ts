import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiarDatabase } from '../../../utils/db';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import type { Network, PublishResult, TargetPost } from '../../../utils/networks/types';
import { MAX_ATTEMPTS } from '../../../utils/queue/backoff';
import { runDueDeliveries, sendDelivery, type QueueDeps } from '../../../utils/queue/deliver';
import { createPost } from '../../../utils/queue/posts';
import { recoverInterrupted, STALE_SENDING_MS } from '../../../utils/queue/recover';
import { retryDelivery } from '../../../utils/queue/retry';

/** A scripted network: answers each publish with the next scripted outcome. */
function scriptedNetwork(script: (() => PublishResult | Error)[], extra: Partial<Network<never>> = {}) {
  const sent: TargetPost[] = [];
  const network: Network<never> = {
    id: 'x',
    measure: (text) => ({ length: text.length, limit: 280, ok: text.length > 0 && text.length <= 280 }),
    split: (text) => [text],
    intentUrl: () => undefined,
    async publish(post) {
      sent.push(post);
      const next = script.shift()?.() ?? { remoteId: String(sent.length), url: `https://x.com/i/status/${sent.length}` };
      if (next instanceof Error) throw next;
      return next;
    },
    verify: async () => ({ name: 'test' }),
    ...extra,
  };
  return { network, sent };
}

let database: SiarDatabase;
let clock: number;
const deps = (network: Network<never>): QueueDeps => ({
  database,
  networks: { x: network },
  accounts: async () => ({ x: { auth: 'oauth2', clientId: 'c', accessToken: 't' } }),
  actor: async () => 'Sari',
  now: () => clock,
});
const draft = { text: 'Halo warga', variants: {}, pageUrl: 'https://a.go.id/1', pageTitle: 'Satu', targets: ['x' as const] };

beforeEach(() => {
  database = new SiarDatabase(`test-${crypto.randomUUID()}`);
  clock = 1_000_000;
});
afterEach(() => database.delete());

describe('delivery queue', () => {
  it('writes the post and its deliveries before anything is sent', async () => {
    const { postId } = await createPost(database, { ...draft, targets: ['x', 'mastodon', 'x'] }, 'Sari', clock);
    const rows = await database.deliveries.where('postId').equals(postId).toArray();
    expect(rows.map((r) => [r.network, r.state])).toEqual([
      ['x', 'pending'],
      ['mastodon', 'pending'],
    ]);
    expect(new Set(rows.map((r) => r.idempotencyKey)).size).toBe(2);
    expect(await database.audit.count()).toBe(1);
  });

  it('sends once and records the link', async () => {
    const { network, sent } = scriptedNetwork([]);
    await createPost(database, draft, 'Sari', clock);
    await runDueDeliveries(deps(network));
    await runDueDeliveries(deps(network));
    expect(sent).toHaveLength(1);
    const [row] = await database.deliveries.toArray();
    expect(row).toMatchObject({ state: 'sent', remoteUrl: 'https://x.com/i/status/1', attempts: 1 });
  });

  it.each(['javascript:alert(document.cookie)', 'data:text/html,<script>x</script>', '/relative/status/1'])(
    'keeps a sent post without its link when the network answers a non-http(s) one (%s, issue 13.8)',
    async (url) => {
      const { network } = scriptedNetwork([() => ({ remoteId: '9', url })]);
      await createPost(database, draft, 'Sari', clock);
      await runDueDeliveries(deps(network));
      const [row] = await database.deliveries.toArray();
      expect(row).toMatchObject({ state: 'sent', remoteId: '9' });
      expect(row!.remoteUrl).toBeUndefined();
      expect((await database.audit.toArray()).every((entry) => !entry.url)).toBe(true);
    },
  );

  it('keeps the sentence of a post that went out without its page image on the delivery and in the audit', async () => {
    const notice = { messageKey: 'imageNoticeFormat' as const, detail: 'image/svg+xml cannot be decoded here' };
    const { network } = scriptedNetwork([() => ({ remoteId: '7', url: 'https://x.com/i/status/7', notice })]);
    await createPost(database, draft, 'Sari', clock);
    await runDueDeliveries(deps(network));
    const [row] = await database.deliveries.toArray();
    expect(row).toMatchObject({ state: 'sent', notice });
    expect((await database.audit.toArray()).at(-1)).toMatchObject({ event: 'sent', result: `ok: ${notice.detail}` });
  });

  it('never sends the same delivery twice when two runs race for it', async () => {
    const { network, sent } = scriptedNetwork([]);
    const { deliveryIds } = await createPost(database, draft, 'Sari', clock);
    await Promise.all([sendDelivery(deps(network), deliveryIds[0]!), sendDelivery(deps(network), deliveryIds[0]!), runDueDeliveries(deps(network))]);
    expect(sent).toHaveLength(1);
  });

  it.each([
    ['a rejected token', () => new AuthError('401'), { state: 'needs-auth', lastError: { code: 'auth', messageKey: 'errorAuth' } }],
    ['duplicate content', () => new ContentError('duplicate', 'dup'), { state: 'failed', lastError: { code: 'content', messageKey: 'errorDuplicate' } }],
    ['a malformed answer', () => new ContentError('response'), { state: 'failed', lastError: { messageKey: 'errorBadResponse' } }],
    [
      'a rate limit',
      () => new RateLimitError(1_600_000),
      { state: 'pending', nextAttemptAt: 1_600_000, lastError: { code: 'rate-limit', retryAt: 1_600_000 } },
    ],
    ['a server error', () => new TransientError('500'), { state: 'pending', lastError: { code: 'transient', messageKey: 'errorNetwork' } }],
  ])('handles %s', async (_label, failure, expected) => {
    const { network } = scriptedNetwork([failure]);
    await createPost(database, draft, 'Sari', clock);
    await runDueDeliveries(deps(network));
    const [row] = await database.deliveries.toArray();
    expect(row).toMatchObject(expected);
  });

  it('waits for the rate-limit reset before trying again', async () => {
    const { network, sent } = scriptedNetwork([() => new RateLimitError(1_600_000)]);
    await createPost(database, draft, 'Sari', clock);
    await runDueDeliveries(deps(network));
    clock = 1_599_999;
    await runDueDeliveries(deps(network));
    expect(sent).toHaveLength(1);
    clock = 1_600_000;
    await runDueDeliveries(deps(network));
    expect(sent).toHaveLength(2);
    expect((await database.deliveries.toArray())[0]!.state).toBe('sent');
  });

  it('gives up after the last transient attempt with the reason kept', async () => {
    const { network, sent } = scriptedNetwork(Array.from({ length: MAX_ATTEMPTS }, () => () => new TransientError('503')));
    await createPost(database, draft, 'Sari', clock);
    for (let i = 0; i < MAX_ATTEMPTS + 2; i += 1) {
      await runDueDeliveries(deps(network));
      clock += 3_600_000;
    }
    expect(sent).toHaveLength(MAX_ATTEMPTS);
    expect((await database.deliveries.toArray())[0]).toMatchObject({ state: 'failed', lastError: { code: 'transient' } });
  });

  it('fails a text over the network limit without sending it', async () => {
    const { network, sent } = scriptedNetwork([]);
    await createPost(database, { ...draft, text: 'a'.repeat(300) }, 'Sari', clock);
    await runDueDeliveries(deps(network));
    expect(sent).toHaveLength(0);
    expect((await database.deliveries.toArray())[0]).toMatchObject({ state: 'failed', lastError: { messageKey: 'errorTooLong' } });
  });

  it('retries only failed deliveries, never sent ones', async () => {
    const { network, sent } = scriptedNetwork([() => new AuthError()]);
    const { deliveryIds } = await createPost(database, draft, 'Sari', clock);
    await runDueDeliveries(deps(network));
    expect(await retryDelivery(database, deliveryIds[0]!, 'Sari', clock)).toBe(true);
    await runDueDeliveries(deps(network));
    expect(await retryDelivery(database, deliveryIds[0]!, 'Sari', clock)).toBe(false);
    expect(sent).toHaveLength(2);
    expect((await database.deliveries.toArray())[0]!.state).toBe('sent');
  });

  it('ends a delivery whose post is missing instead of picking it on every run', async () => {
    const { network, sent } = scriptedNetwork([]);
    const { postId } = await createPost(database, draft, 'Sari', clock);
    await database.posts.delete(postId);
    expect(await runDueDeliveries(deps(network))).toBe(1);
    expect(await runDueDeliveries(deps(network))).toBe(0);
    expect(sent).toHaveLength(0);
    expect((await database.deliveries.toArray())[0]).toMatchObject({ state: 'failed', lastError: { detail: 'post missing' } });
  });

  it('keeps scheduled posts until their time', async () => {
    const { network, sent } = scriptedNetwork([]);
    await createPost(database, { ...draft, scheduledAt: clock + 60_000 }, 'Sari', clock);
    await runDueDeliveries(deps(network));
    expect(sent).toHaveLength(0);
    clock += 60_000;
    await runDueDeliveries(deps(network));
    expect(sent).toHaveLength(1);
  });
});

describe('recovery after the worker died mid-send', () => {
  async function interrupted(network: Network<never>) {
    const { deliveryIds } = await createPost(database, draft, 'Sari', clock);
    await database.deliveries.update(deliveryIds[0]!, { state: 'sending', attempts: 1, updatedAt: clock });
    clock += STALE_SENDING_MS + 1;
    await recoverInterrupted(deps(network));
    return (await database.deliveries.get(deliveryIds[0]!))!;
  }

  it('resends with the same key where the network deduplicates by it', async () => {
    const { network } = scriptedNetwork([], { idempotent: true });
    expect(await interrupted(network)).toMatchObject({ state: 'pending' });
  });

  it('marks it sent when the network already has the post', async () => {
    const { network } = scriptedNetwork([], { findExisting: async () => ({ remoteId: '9', url: 'https://x.com/i/status/9' }) });
    expect(await interrupted(network)).toMatchObject({ state: 'sent', remoteId: '9' });
  });

  it('resends when the network confirms the post is absent', async () => {
    const { network } = scriptedNetwork([], { findExisting: async () => undefined });
    expect(await interrupted(network)).toMatchObject({ state: 'pending' });
  });

  it('looks on the account instead of trusting a key older than the network remembers it (Mastodon: 1 h)', async () => {
    const { network } = scriptedNetwork([], {
      idempotent: true,
      idempotencyWindowMs: 3_600_000,
      findExisting: async () => ({ remoteId: '110', url: 'https://sosial.example.go.id/@humas/110' }),
    });
    const { deliveryIds } = await createPost(database, draft, 'Sari', clock);
    await database.deliveries.update(deliveryIds[0]!, { state: 'sending', attempts: 1, updatedAt: clock });
    clock += 2 * 3_600_000;
    await recoverInterrupted(deps(network));
    expect(await database.deliveries.get(deliveryIds[0]!)).toMatchObject({ state: 'sent', remoteId: '110' });
  });

  it('still trusts the key within its lifetime', async () => {
    const { network } = scriptedNetwork([], {
      idempotent: true,
      idempotencyWindowMs: 3_600_000,
      findExisting: async () => {
        throw new Error('not asked');
      },
    });
    expect(await interrupted(network)).toMatchObject({ state: 'pending' });
  });

  it('fails with an explanation where the network cannot tell', async () => {
    const { network } = scriptedNetwork([]);
    expect(await interrupted(network)).toMatchObject({ state: 'failed', lastError: { code: 'interrupted', messageKey: 'errorInterrupted' } });
  });

  it('leaves a recent send alone (it may still be in flight)', async () => {
    const { network } = scriptedNetwork([]);
    const { deliveryIds } = await createPost(database, draft, 'Sari', clock);
    await database.deliveries.update(deliveryIds[0]!, { state: 'sending', updatedAt: clock });
    await recoverInterrupted(deps(network));
    expect((await database.deliveries.get(deliveryIds[0]!))!.state).toBe('sending');
  });
});
