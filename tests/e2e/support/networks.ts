import type { Worker } from 'playwright-core';
import type { NetworkId } from '../../../utils/networks/ids';
import { BLUESKY_ACCOUNT, createBlueskyFake } from '../../fakes/bluesky';
import { createFacebookFake, FACEBOOK_ACCOUNT } from '../../fakes/facebook';
import type { LoggedRequest } from '../../fakes/https-server';
import { createImagesFake } from '../../fakes/images';
import { createInstagramFake, INSTAGRAM_ACCOUNT, mediaFrom } from '../../fakes/instagram';
import { createNewsSite } from '../../fakes/news-site';
import { createLinkedinFake, LINKEDIN_ACCOUNT } from '../../fakes/linkedin';
import { createMastodonFake, MASTODON_ACCOUNT, MASTODON_HOST } from '../../fakes/mastodon';
import { createTelegramFake, TELEGRAM_ACCOUNT } from '../../fakes/telegram';
import { createThreadsFake, THREADS_ACCOUNT } from '../../fakes/threads';
import { createXFake, X_CREDENTIALS } from '../../fakes/x';

// The eight networks' fakes and the accounts they accept, shared by the publishing browser tests.

export function createNetworkFakes() {
  const facebook = createFacebookFake();
  // Meta fetches image_url itself: from the agency's sites (stateless fakes) or the Facebook CDN.
  const instagram = createInstagramFake({ fetchMedia: mediaFrom([facebook, createImagesFake(), createNewsSite()]) });
  return {
    x: createXFake(),
    facebook,
    mastodon: createMastodonFake(),
    bluesky: createBlueskyFake(),
    telegram: createTelegramFake(),
    threads: createThreadsFake({ fetchMedia: mediaFrom([facebook, createImagesFake(), createNewsSite()]) }),
    linkedin: createLinkedinFake(),
    instagram,
  };
}
export type NetworkFakes = ReturnType<typeof createNetworkFakes>;

const { appKey, appSecret, accessToken, accessSecret } = X_CREDENTIALS;
export const ACCOUNTS = {
  x: { auth: 'oauth1', appKey, appSecret, accessToken, accessSecret, username: 'humasjateng' },
  facebook: FACEBOOK_ACCOUNT,
  mastodon: MASTODON_ACCOUNT,
  bluesky: BLUESKY_ACCOUNT,
  telegram: TELEGRAM_ACCOUNT,
  threads: THREADS_ACCOUNT,
  linkedin: LINKEDIN_ACCOUNT,
  instagram: INSTAGRAM_ACCOUNT,
};

/** Each network's API host (as the fake server logs it). */
export const HOSTS: Record<NetworkId, string[]> = {
  x: ['api.x.com', 'api.twitter.com'],
  facebook: ['graph.facebook.com'],
  mastodon: [MASTODON_HOST],
  bluesky: ['bsky.social'],
  telegram: ['api.telegram.org'],
  threads: ['graph.threads.net'],
  linkedin: ['api.linkedin.com', 'www.linkedin.com'],
  instagram: ['graph.instagram.com'],
};

/** Every secret string per network, including the Bluesky session tokens the PDS issues. */
export const SECRETS: Record<NetworkId, (string | RegExp)[]> = {
  x: [appKey, appSecret, accessToken, accessSecret],
  facebook: [FACEBOOK_ACCOUNT.token],
  mastodon: [MASTODON_ACCOUNT.accessToken],
  bluesky: [BLUESKY_ACCOUNT.appPassword, /bsky-(access|refresh)-\d+/],
  telegram: [TELEGRAM_ACCOUNT.botToken],
  threads: [THREADS_ACCOUNT.token],
  linkedin: [LINKEDIN_ACCOUNT.token],
  instagram: [INSTAGRAM_ACCOUNT.token],
};

/** Requests that carried a network's secret to any host other than that network's own. */
export function leakedTokens(log: LoggedRequest[]): string[] {
  const leaks: string[] = [];
  for (const request of log) {
    const seen = JSON.stringify([request.path, request.query, request.headers, request.body]);
    for (const [network, secrets] of Object.entries(SECRETS) as [NetworkId, (string | RegExp)[]][]) {
      const carried = secrets.some((secret) => (typeof secret === 'string' ? seen.includes(secret) : secret.test(seen)));
      if (carried && !HOSTS[network].includes(request.host)) leaks.push(`${network} secret sent to ${request.host}${request.path}`);
    }
  }
  return leaks;
}

/** The text of every post each fake accepted (what the public would see). */
export function acceptedTexts(fakes: NetworkFakes): Record<NetworkId, string[]> {
  return {
    x: fakes.x.tweets.map((t) => t.text),
    facebook: fakes.facebook.posts.map((p) => p.message),
    mastodon: fakes.mastodon.posts.map((p) => p.status),
    bluesky: fakes.bluesky.posts.map((p) => String(p.record.text)),
    telegram: fakes.telegram.posts.map((p) => p.text ?? p.caption ?? ''),
    threads: fakes.threads.posts.map((p) => p.text ?? ''),
    linkedin: fakes.linkedin.posts.map((p) => p.body.commentary ?? ''),
    instagram: fakes.instagram.media.map((m) => m.caption ?? ''),
  };
}

type QueueHooks = { pump(): Promise<void>; setSendTimeout(ms: number): void; notificationClick(id: string): Promise<void> };

/** Runs the worker's queue now (the browser-test build's seam; production waits for its alarms). */
export function pumpNow(worker: Worker) {
  return worker.evaluate(() => (self as unknown as { siarQueue: QueueHooks }).siarQueue.pump());
}

export function setSendTimeout(worker: Worker, ms: number) {
  return worker.evaluate((value) => (self as unknown as { siarQueue: QueueHooks }).siarQueue.setSendTimeout(value), ms);
}

export function clickNotification(worker: Worker, id: string) {
  return worker.evaluate((value) => (self as unknown as { siarQueue: QueueHooks }).siarQueue.notificationClick(value), id);
}

/**
 * Makes every waiting delivery due now, straight in IndexedDB, so a test does not sit out real
 * backoff minutes; the backoff that set those times is the production one. Returns the times moved.
 */
export function makeDueNow(worker: Worker): Promise<{ id: number; nextAttemptAt: number }[]> {
  return worker.evaluate(
    () =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open('siar');
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const tx = open.result.transaction('deliveries', 'readwrite');
          const store = tx.objectStore('deliveries');
          const moved: { id: number; nextAttemptAt: number }[] = [];
          const now = Date.now();
          store.openCursor().onsuccess = (event) => {
            const cursor = (event.target as IDBRequest<IDBCursorWithValue | null>).result;
            if (!cursor) return;
            const row = cursor.value as { id: number; state: string; nextAttemptAt: number };
            if (row.state === 'pending' && row.nextAttemptAt > now) {
              moved.push({ id: row.id, nextAttemptAt: row.nextAttemptAt });
              cursor.update({ ...row, nextAttemptAt: now });
            }
            cursor.continue();
          };
          tx.oncomplete = () => {
            open.result.close();
            resolve(moved);
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
  );
}
