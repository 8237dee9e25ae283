import { describe, expect, it } from 'vitest';
import { createXSearch, X_APP_BEARER } from '../../fakes/x-search';

// The recent-search fake refuses what X refuses (docs.x.com/x-api/posts/search/api-reference/get-tweets-search-recent).

const request = (query: Record<string, string>, token: string | null = X_APP_BEARER) => ({
  host: 'api.x.com',
  method: 'GET',
  path: '/2/tweets/search/recent',
  query: new URLSearchParams(query),
  headers: token ? { authorization: `Bearer ${token}` } : {},
  body: Buffer.alloc(0),
  url: new URL('https://api.x.com/2/tweets/search/recent'),
});

describe('X recent search fake', () => {
  it.each([
    ['no token', { query: 'banjir' }, null, 401],
    ['an unknown token', { query: 'banjir' }, 'nope', 401],
    ['max_results 5', { query: 'banjir', max_results: '5' }, X_APP_BEARER, 400],
    ['max_results 101', { query: 'banjir', max_results: '101' }, X_APP_BEARER, 400],
    ['an empty query', { query: '' }, X_APP_BEARER, 400],
    ['a 513-character query', { query: 'a'.repeat(513) }, X_APP_BEARER, 400],
    ['the app-only bearer', { query: 'banjir' }, X_APP_BEARER, 200],
  ] as const)('answers %s with %i', (_label, query, token, status) => {
    expect(createXSearch().handle(request(query, token)).status).toBe(status);
  });

  it('names the bad parameter as X does', () => {
    expect(createXSearch().handle(request({ query: 'banjir', max_results: '5' })).body).toMatchObject({
      title: 'Invalid Request',
      errors: [{ parameters: { max_results: ['5'] } }],
    });
  });

  it('returns 10 by default, newest first, only newer than since_id, and bills posts and authors', () => {
    const fake = createXSearch(30);
    const first = fake.handle(request({ query: 'banjir', expansions: 'author_id' })).body as { data: { id: string }[]; meta: { newest_id: string } };
    expect(first.data).toHaveLength(10);
    expect(first.data[0]!.id).toBe(fake.posts.at(-1)!.id);
    expect(fake.billed).toEqual({ posts: 10, users: 10 });
    const again = fake.handle(request({ query: 'banjir', since_id: first.meta.newest_id })).body as { meta: { result_count: number } };
    expect(again.meta.result_count).toBe(0);
    expect(fake.billed).toEqual({ posts: 10, users: 10 });
  });
});
