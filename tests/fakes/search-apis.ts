import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { json, type Fake } from './fake';

// The two search APIs the listening sources read that no publishing fake serves: X recent search with
// the app-only bearer token, and a Mastodon instance's public hashtag timeline. Both answer with the
// documented shapes from tests/fixtures/feeds/api (see its README) and refuse what the real API refuses.

const API = resolve(import.meta.dirname, '../fixtures/feeds/api');
const read = (name: string) => readFileSync(resolve(API, name), 'utf8');

/** The app-only bearer token the X search fake accepts (accounts.x.bearerToken). */
export const X_APP_BEARER = 'fake-app-only-bearer';
/** A Mastodon instance serving public hashtag timelines (the default instance of a Mastodon source). */
export const MASTODON_TAG_HOST = 'mastodon.social';

export interface SearchApisFake extends Fake {
  /** Every search asked: host, path and query string. */
  asked: { host: string; path: string; query: string }[];
}

/**
 * X: GET /2/tweets/search/recent (docs.x.com/x-api/posts/search/api-reference/get-tweets-search-recent):
 * bearer token required (401 problem+json otherwise); `query` 1–512 characters and `max_results` 10–100,
 * else 400 "Invalid Request". Mastodon: GET /api/v1/timelines/tag/:hashtag
 * (docs.joinmastodon.org/methods/timelines/#tag): public, `limit` defaults to 20 and is capped at 40; a
 * token it does not know is refused with 401 "The access token is invalid" (docs.joinmastodon.org/client/token).
 */
export function createSearchApisFake(): SearchApisFake {
  const asked: SearchApisFake['asked'] = [];
  return {
    hosts: ['api.x.com', MASTODON_TAG_HOST],
    asked,
    handle(request) {
      asked.push({ host: request.host, path: request.path, query: request.query.toString() });
      if (request.host === 'api.x.com' && request.method === 'GET' && request.path === '/2/tweets/search/recent') {
        if (request.headers.authorization !== `Bearer ${X_APP_BEARER}`) {
          return json(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' }, { 'content-type': 'application/problem+json' });
        }
        const query = request.query.get('query') ?? '';
        const max = Number(request.query.get('max_results') ?? 10);
        if (query.length < 1 || query.length > 512 || !Number.isInteger(max) || max < 10 || max > 100) {
          return json(400, { title: 'Invalid Request', detail: 'One or more parameters to your request was invalid.', type: 'https://api.twitter.com/2/problems/invalid-request' });
        }
        return { status: 200, headers: { 'content-type': 'application/json; charset=utf-8' }, body: read('x-search-recent.json') };
      }
      const tag = /^\/api\/v1\/timelines\/tag\/([^/]+)$/.exec(request.path);
      if (request.host === MASTODON_TAG_HOST && request.method === 'GET' && tag) {
        const auth = request.headers.authorization;
        if (auth !== undefined) return json(401, { error: 'The access token is invalid' });
        const limit = Math.min(Number(request.query.get('limit') ?? 20) || 20, 40);
        const statuses = JSON.parse(read('mastodon-tag-timeline.json')) as unknown[];
        return json(200, statuses.slice(0, limit));
      }
      return json(404, { error: 'Record not found' });
    },
  };
}
