import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { json, type Fake } from './fake';

// A Mastodon instance's public hashtag timeline, the one listening API no publishing fake serves.
// GET /api/v1/timelines/tag/:hashtag (docs.joinmastodon.org/methods/timelines/#tag): public, `limit`
// defaults to 20 and is capped at 40; a token the instance does not know is refused with 401 "The
// access token is invalid" (docs.joinmastodon.org/client/token). Statuses come from
// tests/fixtures/feeds/api/mastodon-tag-timeline.json (see that folder's README).

/** A Mastodon instance serving public hashtag timelines (the default instance of a Mastodon source). */
export const MASTODON_TAG_HOST = 'mastodon.social';

const statuses = () => JSON.parse(readFileSync(resolve(import.meta.dirname, '../fixtures/feeds/api/mastodon-tag-timeline.json'), 'utf8')) as unknown[];

export interface MastodonTagsFake extends Fake {
  /** Every hashtag timeline asked for, with its query string. */
  asked: { path: string; query: string }[];
}

export function createMastodonTagsFake(): MastodonTagsFake {
  const asked: MastodonTagsFake['asked'] = [];
  return {
    hosts: [MASTODON_TAG_HOST],
    asked,
    handle(request) {
      asked.push({ path: request.path, query: request.query.toString() });
      const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(request.path);
      if (request.method !== 'GET' || !tag) return json(404, { error: 'Record not found' });
      if (request.headers.authorization !== undefined) return json(401, { error: 'The access token is invalid' });
      const limit = Math.min(Number(request.query.get('limit') ?? 20) || 20, 40);
      return json(200, statuses().slice(0, limit));
    },
  };
}
