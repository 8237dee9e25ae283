import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { SiarDatabase } from '../../../utils/db';
import { errorFromFetchFailure } from '../../../utils/networks/errors';
import type { Network, PublishResult, TargetPost } from '../../../utils/networks/types';
import { runDueDeliveries, type QueueDeps } from '../../../utils/queue/deliver';
import { createPost } from '../../../utils/queue/posts';

// A send that times out may still have been published: the answer was late, not the post. These
// tests pin what happens next for each kind of network, so a timeout never becomes a double post.

const timedOut = () => errorFromFetchFailure(new DOMException('signal timed out', 'TimeoutError'));
const offline = () => errorFromFetchFailure(new TypeError('Failed to fetch'));

/**
 * A network that records publishes; `posted` is what the network really holds. A 'timeout' answer
 * comes after the post was made (the slow answer), an 'offline' one before anything reached it.
 */
function network(script: ('timeout' | 'offline')[], extra: Partial<Network<never>> = {}) {
  const calls = { publish: [] as TargetPost[] };
  const posted: PublishResult[] = [];
  const n: Network<never> = {
    id: 'telegram',
    measure: (text) => ({ length: text.length, limit: 4096, ok: text.length > 0 }),
    split: (text) => [text],
    intentUrl: () => undefined,
    async publish(post) {
      calls.publish.push(post);
      const answer = script.shift();
      if (answer === 'offline') throw offline();
      const result = { remoteId: String(posted.length + 1), url: `https://t.me/humas/${posted.length + 1}` };
      posted.push(result);
      if (answer === 'timeout') throw timedOut();
      return result;
    },
    verify: async () => ({ name: 'test' }),
    ...extra,
  };
  return { n, calls, posted };
}

let database: SiarDatabase;
let clock: number;
const deps = (n: Network<never>): QueueDeps => ({
  database,
  networks: { telegram: n },
  accounts: async () => ({ telegram: { botToken: '1:a', chatId: '@humas' } }),
  actor: async () => 'Sari',
  now: () => clock,
});
const draft = { text: 'Pengumuman', variants: {}, pageUrl: 'https://a.go.id/1', pageTitle: 'Satu', targets: ['telegram' as const] };

async function runUntilSettled(queue: QueueDeps) {
  for (let round = 0; round < 10; round++) {
    await runDueDeliveries(queue);
    clock += 60 * 60_000;
  }
  return (await database.deliveries.toArray())[0]!;
}

beforeEach(() => {
  database = new SiarDatabase(`test-${crypto.randomUUID()}`);
  clock = 1_000_000;
});
afterEach(() => database.delete());

describe('a send that timed out', () => {
  it('is resent with the same idempotency key where the network deduplicates by it', async () => {
    const { n, calls } = network(['timeout'], { idempotent: true });
    await createPost(database, draft, 'Sari', clock);
    const row = await runUntilSettled(deps(n));
    expect(row.state).toBe('sent');
    expect(calls.publish.map((p) => p.idempotencyKey)).toEqual([row.idempotencyKey, row.idempotencyKey]);
  });

  it('is looked up before any resend, and found it is recorded as sent without publishing again', async () => {
    const held: { posts?: PublishResult[] } = {};
    const { n, calls, posted } = network(['timeout'], { findExisting: async () => held.posts?.[0] });
    held.posts = posted;
    await createPost(database, draft, 'Sari', clock);
    const row = await runUntilSettled(deps(n));
    expect(calls.publish).toHaveLength(1);
    expect(posted).toHaveLength(1);
    expect(row).toMatchObject({ state: 'sent', remoteId: '1', uncertain: false, attempts: 2 });
  });

  it('is published again once the lookup shows the network does not have it', async () => {
    let lookups = 0;
    const { n, calls } = network(['timeout'], {
      findExisting: async () => {
        lookups++;
        return undefined;
      },
    });
    await createPost(database, draft, 'Sari', clock);
    const row = await runUntilSettled(deps(n));
    expect(lookups).toBe(1);
    expect(calls.publish).toHaveLength(2);
    expect(row).toMatchObject({ state: 'sent', uncertain: false });
  });

  it('stays uncertain when the lookup itself fails, and looks again next time', async () => {
    let lookups = 0;
    const { n, calls } = network(['timeout'], {
      findExisting: async () => {
        lookups++;
        if (lookups === 1) throw offline();
        return { remoteId: '1', url: 'https://t.me/humas/1' };
      },
    });
    await createPost(database, draft, 'Sari', clock);
    const row = await runUntilSettled(deps(n));
    expect(lookups).toBe(2);
    expect(calls.publish).toHaveLength(1);
    expect(row.state).toBe('sent');
  });

  it('ends failed, asking the officer to check, where the network can neither deduplicate nor look', async () => {
    const { n, calls } = network(['timeout']);
    await createPost(database, draft, 'Sari', clock);
    const row = await runUntilSettled(deps(n));
    expect(calls.publish).toHaveLength(1);
    expect(row).toMatchObject({ state: 'failed', uncertain: true, lastError: { code: 'interrupted', messageKey: 'errorTimeoutUnsure' } });
  });
});

describe('a send that could not connect (offline)', () => {
  it('waits and retries even where the network cannot be checked: nothing left the device', async () => {
    const { n, calls, posted } = network(['offline', 'offline']);
    await createPost(database, draft, 'Sari', clock);
    await runDueDeliveries(deps(n));
    const waiting = (await database.deliveries.toArray())[0]!;
    expect(waiting).toMatchObject({ state: 'pending', lastError: { code: 'transient', messageKey: 'errorNetwork' } });
    expect(waiting.nextAttemptAt).toBeGreaterThan(clock);
    const row = await runUntilSettled(deps(n));
    expect(row.state).toBe('sent');
    expect(calls.publish).toHaveLength(3);
    expect(posted).toHaveLength(1);
  });
});
