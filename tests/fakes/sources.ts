import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Accounts } from '../../utils/networks/accounts';
import type { SourceKind } from '../../utils/sources/kinds';
import { BLUESKY_ACCOUNT, createBlueskyFake, type SearchHit } from './bluesky';
import type { Fake } from './fake';
import { createFeedSites, FEED_SITES, feedUrl } from './feeds';
import { createMastodonTagsFake } from './mastodon-tags';
import { createXSearch, X_APP_BEARER } from './x-search';

// Which fake answers each kind of listening source, with a config and the accounts it polls with.
// `Record<SourceKind, …>`: a kind added to utils/sources/kinds.ts without a fake here does not compile,
// and tests/unit/sources/contract.test.ts polls every kind's adapter through its fake.

export interface SourceFake {
  /** A fresh fake serving this kind's real hosts. */
  create(): Fake;
  /** A config the officer could save, for which the fake has results. */
  config: Record<string, unknown>;
  /** The connected accounts the kind takes its credentials from, when it needs any. */
  accounts?: Accounts;
}

const blueskyHits = (JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/feeds/api/bluesky-searchposts.json'), 'utf8')) as { posts: SearchHit[] })
  .posts;

export const SOURCE_FAKES: Record<SourceKind, SourceFake> = {
  rss: { create: createFeedSites, config: { url: feedUrl(FEED_SITES[0]!) } },
  googlenews: { create: createFeedSites, config: { query: 'banjir' } },
  x: {
    create: () => ({ hosts: ['api.x.com'], handle: createXSearch().handle }),
    config: { query: 'banjir' },
    accounts: { x: { auth: 'oauth2', clientId: 'fake-oauth2-client-id', accessToken: 'fake-oauth2-user-token', bearerToken: X_APP_BEARER } },
  },
  mastodon: { create: createMastodonTagsFake, config: { hashtag: '#pelayananpublik' } },
  bluesky: {
    create: () => {
      const fake = createBlueskyFake();
      fake.searchable.push(...blueskyHits);
      return fake;
    },
    config: { query: 'vaksinasi' },
    accounts: { bluesky: { ...BLUESKY_ACCOUNT } },
  },
  reddit: { create: createFeedSites, config: { query: 'ktp' } },
};
