import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { FakeRequest, FakeResponse } from './fake';

// Reddit's public search listing (GET https://www.reddit.com/search.json) as Reddit says it serves callers
// without OAuth:
// - "If you are not using OAuth for authentication: 10 queries per minute" (Reddit admins, r/modnews,
//   "API Update: Continued access to our API for moderators", 2023-05-31; enforced from 2023-07-01);
// - each answer carries X-Ratelimit-Used / -Remaining / -Reset, Reset in seconds to the end of the window
//   (r/redditdev, "Formal ratelimiting headers"; reddit.com/wiki/api), and a caller over the limit gets 429;
// - Reddit's network security may block anonymous traffic outright with a 403 HTML page ("You've been
//   blocked by network security"), which is what many networks see today; `blocked` turns that on.
// Siar never sends OAuth to Reddit (it has no Reddit account type), so every request here is anonymous.

const LISTING = readFileSync(resolve(import.meta.dirname, '../fixtures/feeds/api/reddit-search.json'));

/** Documented free-tier limit without OAuth, per rolling minute. */
export const REDDIT_ANONYMOUS_PER_MINUTE = 10;
export const REDDIT_BLOCKED_PAGE = "<!doctype html><title>Blocked</title><p>You've been blocked by network security.</p>";

export interface RedditFake {
  /** Answer every request with Reddit's network-security block page. */
  blocked: boolean;
  handle(request: FakeRequest, now?: number): FakeResponse | undefined;
}

/** The Reddit search endpoints; `handle` returns undefined for requests that are not Reddit's search. */
export function createRedditSearch(): RedditFake {
  const times: number[] = [];
  const fake: RedditFake = {
    blocked: false,
    handle(request, now = Date.now()) {
      if (request.host !== 'www.reddit.com' || !/^\/(r\/\w+\/)?search\.json$/.test(request.path)) return undefined;
      if (fake.blocked) return { status: 403, headers: { 'content-type': 'text/html; charset=utf-8' }, body: REDDIT_BLOCKED_PAGE };
      while (times.length > 0 && times[0]! <= now - 60_000) times.shift();
      const reset = times.length > 0 ? Math.ceil((times[0]! + 60_000 - now) / 1000) : 60;
      const limits = (used: number) => ({
        'x-ratelimit-used': String(used),
        'x-ratelimit-remaining': String(Math.max(0, REDDIT_ANONYMOUS_PER_MINUTE - used)),
        'x-ratelimit-reset': String(reset),
      });
      if (times.length >= REDDIT_ANONYMOUS_PER_MINUTE) {
        return {
          status: 429,
          headers: { 'content-type': 'application/json; charset=UTF-8', ...limits(times.length) },
          body: JSON.stringify({ message: 'Too Many Requests', error: 429 }),
        };
      }
      if (!request.query.get('q'))
        return { status: 400, headers: { 'content-type': 'application/json; charset=UTF-8' }, body: JSON.stringify({ message: 'Bad Request', error: 400 }) };
      times.push(now);
      return { status: 200, headers: { 'content-type': 'application/json; charset=UTF-8', ...limits(times.length) }, body: LISTING };
    },
  };
  return fake;
}
