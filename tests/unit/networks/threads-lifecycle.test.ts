import { describe, expect, it } from 'vitest';
import { AuthError } from '../../../utils/errors';
import type { AccountFor } from '../../../utils/networks/registry';
import { createThreads } from '../../../utils/networks/threads';
import { THREADS_ACCOUNT, THREADS_TOKEN_TTL_S } from '../../fakes/threads';
import { ACCOUNTS, post, signal, useFakes } from './harness';

// Threads: a text container is published only once its status reads FINISHED, and a long-lived token
// near its 60-day end is renewed with th_refresh_token instead of asking the officer for a new paste.

const env = useFakes();
const DAY = 86_400_000;

describe('threads containers', () => {
  it('polls the text container before publishing it', async () => {
    await createThreads().publish(post(), ACCOUNTS.threads, signal());
    const paths = env.server.log.filter((r) => r.host === 'graph.threads.net').map((r) => `${r.method} ${r.path}?${r.query}`);
    const status = paths.findIndex((p) => p.includes('fields=status'));
    const publish = paths.findIndex((p) => p.includes('threads_publish'));
    expect(status).toBeGreaterThanOrEqual(0);
    expect(status).toBeLessThan(publish);
    expect(env.threads.posts).toHaveLength(1);
  });

  it('the fake refuses to publish a container whose status was never FINISHED (9007)', async () => {
    const base = `https://graph.threads.net/v1.0/${THREADS_ACCOUNT.userId}`;
    const form = (body: Record<string, string>) => ({
      method: 'POST',
      headers: { authorization: `Bearer ${THREADS_ACCOUNT.token}`, 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams(body),
    });
    const container = (await (await fetch(`${base}/threads`, form({ media_type: 'TEXT', text: 'Uji' }))).json()) as { id: string };
    const published = await fetch(`${base}/threads_publish`, form({ creation_id: container.id }));
    expect(published.status).toBe(400);
    expect(await published.json()).toMatchObject({ error: { code: 9007 } });
  });
});

describe('threads long-lived token', () => {
  it('renews a token that ends within a week, stores it, and posts with it', async () => {
    const stored: AccountFor<'threads'>[] = [];
    const network = createThreads({
      onAccountRefreshed: (account) => {
        stored.push(account);
      },
    });
    await network.publish(post(), { ...ACCOUNTS.threads, expiresAt: Date.now() + 3 * DAY }, signal());
    expect(env.threads.refreshes).toBe(1);
    expect(stored).toEqual([expect.objectContaining({ token: 'THfake-renewed-1' })]);
    expect(stored[0]!.expiresAt).toBeGreaterThan(Date.now() + THREADS_TOKEN_TTL_S * 1000 - 60_000);
    const posted = env.server.log.filter((r) => r.path.endsWith('/threads_publish'));
    expect(posted.map((r) => r.authorization)).toEqual(['Bearer THfake-renewed-1']);
  });

  it('leaves a token with weeks to go alone', async () => {
    await createThreads().publish(post(), { ...ACCOUNTS.threads, expiresAt: Date.now() + 30 * DAY }, signal());
    expect(env.threads.refreshes).toBe(0);
  });

  it('a lapsed token is "sign in again" (the fake answers 190 Session has expired)', async () => {
    env.threads.tokens.set(THREADS_ACCOUNT.token, Date.now() - 1);
    await expect(createThreads().publish(post(), { ...ACCOUNTS.threads, expiresAt: Date.now() - 1 }, signal())).rejects.toBeInstanceOf(AuthError);
  });
});
