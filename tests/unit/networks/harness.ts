import { afterEach, beforeEach } from 'vitest';
import type { AccountFor } from '../../../utils/networks/registry';
import type { TargetPost } from '../../../utils/networks/types';
import { BLUESKY_ACCOUNT, createBlueskyFake, type BlueskyFake } from '../../fakes/bluesky';
import { createFacebookFake, FACEBOOK_ACCOUNT, type FacebookFake } from '../../fakes/facebook';
import type { FakeResponse } from '../../fakes/fake';
import { startFakeServer, type FakeServer } from '../../fakes/https-server';
import { createImagesFake, IMAGE_URL } from '../../fakes/images';
import { createInstagramFake, INSTAGRAM_ACCOUNT, mediaFrom, type InstagramFake } from '../../fakes/instagram';
import { createLinkedinFake, LINKEDIN_ACCOUNT, type LinkedinFake } from '../../fakes/linkedin';
import { createMastodonFake, MASTODON_ACCOUNT, type MastodonFake } from '../../fakes/mastodon';
import { createTelegramFake, TELEGRAM_ACCOUNT, type TelegramFake } from '../../fakes/telegram';
import { createThreadsFake, THREADS_ACCOUNT, type ThreadsFake } from '../../fakes/threads';
import { createXFake, X_CREDENTIALS, type XFake } from '../../fakes/x';
import { routeFetch, type RoutedFetch } from '../../support/route-fetch';

// Every network's fake on one local server, with fetch routed to it, fresh for each test.

export interface Env {
  server: FakeServer;
  routed: RoutedFetch;
  x: XFake;
  facebook: FacebookFake;
  mastodon: MastodonFake;
  bluesky: BlueskyFake;
  telegram: TelegramFake;
  threads: ThreadsFake;
  linkedin: LinkedinFake;
  instagram: InstagramFake;
  /** The next request to `host` (whose path includes `path`) gets `response` instead. */
  fail(host: string, response: FakeResponse, path?: string): void;
}

export function useFakes(): Env {
  const env = {} as Env;
  beforeEach(async () => {
    env.x = createXFake();
    env.facebook = createFacebookFake();
    env.mastodon = createMastodonFake();
    env.bluesky = createBlueskyFake();
    env.telegram = createTelegramFake();
    const images = createImagesFake();
    env.threads = createThreadsFake({ fetchMedia: mediaFrom([images, env.facebook]) });
    env.linkedin = createLinkedinFake();
    env.instagram = createInstagramFake({ fetchMedia: mediaFrom([images, env.facebook]) });
    env.server = await startFakeServer([env.x, env.facebook, env.mastodon, env.bluesky, env.telegram, env.threads, env.linkedin, env.instagram, images], {
      tls: false,
    });
    env.routed = routeFetch(env.server.port);
    env.fail = (host, response, path) => env.server.inject({ host, response, ...(path ? { pathIncludes: path } : {}) });
  });
  afterEach(async () => {
    env.routed.restore();
    await env.server.close();
  });
  return env;
}

export const signal = () => AbortSignal.timeout(10_000);

export function post(over: Partial<TargetPost> = {}): TargetPost {
  return {
    parts: ['Pemprov membuka layanan perizinan daring mulai hari ini.'],
    url: 'https://www.example.go.id/berita/layanan-daring',
    title: 'Layanan perizinan daring dibuka',
    description: 'Warga kini dapat mengurus izin dari rumah.',
    idempotencyKey: 'delivery-0001',
    ...over,
  };
}

export const withImage = (over: Partial<TargetPost> = {}) => post({ image: { url: IMAGE_URL, alt: 'Petugas melayani warga' }, ...over });

type OAuth1 = Extract<AccountFor<'x'>, { auth: 'oauth1' }>;
type OAuth2 = Extract<AccountFor<'x'>, { auth: 'oauth2' }>;

export const ACCOUNTS = {
  x: { auth: 'oauth1', ...X_CREDENTIALS, username: 'humasprov' } as OAuth1,
  xOAuth2: {
    auth: 'oauth2',
    clientId: X_CREDENTIALS.clientId,
    accessToken: X_CREDENTIALS.bearer,
    refreshToken: X_CREDENTIALS.refreshToken,
    expiresAt: Date.now() + 3_600_000,
    username: 'humasprov',
  } as OAuth2,
  facebook: { ...FACEBOOK_ACCOUNT } as AccountFor<'facebook'>,
  mastodon: { ...MASTODON_ACCOUNT } as AccountFor<'mastodon'>,
  bluesky: { ...BLUESKY_ACCOUNT } as AccountFor<'bluesky'>,
  telegram: { ...TELEGRAM_ACCOUNT } as AccountFor<'telegram'>,
  threads: { ...THREADS_ACCOUNT } as AccountFor<'threads'>,
  linkedin: { ...LINKEDIN_ACCOUNT } as AccountFor<'linkedin'>,
  instagram: { ...INSTAGRAM_ACCOUNT } as AccountFor<'instagram'>,
};

/** JSON the client cannot parse, sent as if it were JSON. */
export const malformed: FakeResponse = { status: 200, headers: { 'content-type': 'application/json' }, body: '{"data": [unterminated' };
