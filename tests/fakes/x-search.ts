import { json, type FakeRequest, type FakeResponse } from './fake';

// X recent search, GET /2/tweets/search/recent, as docs.x.com/x-api/posts/search/api-reference/get-tweets-search-recent
// describes it: App-only bearer (or a user token), `query` up to 512 characters, `max_results` 10–100
// (default 10), `since_id` for only newer posts, newest first; the answer's `meta` carries newest_id and
// result_count, and `expansions=author_id` adds the authors under includes.users. A bad parameter is a 400
// "Invalid Request" problem naming it. Pay-per-use: every post and user returned is a charged read
// (docs.x.com/x-api/getting-started/pricing), so the fake counts both.

export const X_APP_BEARER = 'fake-x-app-only-bearer';

export interface XSearchFake {
  /** Posts that exist, oldest first; ids grow with time as X's snowflake ids do. */
  posts: { id: string; text: string; authorId: string; createdAt: string }[];
  /** The query string of each search that was answered or refused, in order. */
  searches: URLSearchParams[];
  /** Posts and users returned so far: what X would bill. */
  billed: { posts: number; users: number };
  handle(request: FakeRequest): FakeResponse;
}

const invalid = (parameter: string, value: string, message: string) =>
  json(400, {
    errors: [{ parameters: { [parameter]: [value] }, message }],
    title: 'Invalid Request',
    detail: 'One or more parameters to your request was invalid.',
    type: 'https://api.twitter.com/2/problems/invalid-request',
  });

/** A search fake holding `count` posts about flooding in Semarang by `count` different authors. */
export function createXSearch(count = 30, isUserToken: (token: string) => boolean = () => false): XSearchFake {
  const base = 1_860_000_000_000_000_000n;
  const posts = Array.from({ length: count }, (_, i) => ({
    id: String(base + BigInt(i) * 1_000_000n),
    text: `Banjir rob di Semarang utara, laporan warga #${i + 1}`,
    authorId: String(2000 + i),
    createdAt: new Date(Date.UTC(2026, 10, 29, 0, i)).toISOString(),
  }));
  const fake: XSearchFake = {
    posts,
    searches: [],
    billed: { posts: 0, users: 0 },
    handle(request) {
      const token = /^Bearer (.+)$/.exec(String(request.headers.authorization ?? ''))?.[1];
      if (!token || (token !== X_APP_BEARER && !isUserToken(token))) {
        return json(401, { title: 'Unauthorized', type: 'about:blank', status: 401, detail: 'Unauthorized' });
      }
      fake.searches.push(request.query);
      const query = request.query.get('query') ?? '';
      if (query.length === 0 || query.length > 512) return invalid('query', query, `Invalid query length: ${query.length}; must be 1 to 512.`);
      const raw = request.query.get('max_results') ?? '10';
      const max = Number(raw);
      if (!Number.isInteger(max) || max < 10 || max > 100) {
        return invalid('max_results', raw, `The \`max_results\` query parameter value [${raw}] is not between 10 and 100`);
      }
      const since = request.query.get('since_id');
      const newer = posts
        .filter((p) => !since || BigInt(p.id) > BigInt(since))
        .toReversed()
        .slice(0, max);
      const expandAuthors = (request.query.get('expansions') ?? '').split(',').includes('author_id');
      const users = expandAuthors ? [...new Set(newer.map((p) => p.authorId))].map((id) => ({ id, username: `warga${id}`, name: `Warga ${id}` })) : [];
      fake.billed.posts += newer.length;
      fake.billed.users += users.length;
      if (newer.length === 0) return json(200, { meta: { result_count: 0 } });
      return json(200, {
        data: newer.map((p) => ({ id: p.id, text: p.text, author_id: p.authorId, created_at: p.createdAt, lang: 'in', edit_history_tweet_ids: [p.id] })),
        ...(users.length > 0 ? { includes: { users } } : {}),
        meta: { newest_id: newer[0]!.id, oldest_id: newer.at(-1)!.id, result_count: newer.length },
      });
    },
  };
  return fake;
}
