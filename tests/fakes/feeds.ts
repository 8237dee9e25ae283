import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Fake, FakeRequest, FakeResponse } from './fake';
import { createRedditSearch, type RedditFake } from './reddit';

// News sites serving the real-world-shaped feed files of tests/fixtures/feeds at their real hostnames,
// with ETag / If-None-Match as a CDN does, plus sites that fail (500, not a feed, never answering).
// Google News search RSS and Reddit search (tests/fakes/reddit.ts) answer as their public endpoints do.

const FEEDS = resolve(import.meta.dirname, '../fixtures/feeds');
const read = (name: string) => readFileSync(resolve(FEEDS, name));

export interface FeedSite {
  host: string;
  path: string;
  file: string;
}

export const FEED_SITES: FeedSite[] = [
  { host: 'www.antaranews.com', path: '/rss/terkini.xml', file: 'antaranews-terkini.xml' },
  { host: 'news.detik.com', path: '/berita/rss', file: 'detik-news.xml' },
  { host: 'nasional.kompas.com', path: '/rss', file: 'kompas-nasional.xml' },
  { host: 'siaranpers.kominfo.go.id', path: '/feeds/posts/default', file: 'kominfo-blog-atom.xml' },
];
/** Answers 500 to everything. */
export const BROKEN_HOST = 'rss.dinas-rusak.go.id';
/** Serves a sitemap where the feed should be. */
export const NOT_A_FEED_HOST = 'www.bukan-feed.go.id';
/** Accepts the connection and never answers. */
export const HANGING_HOST = 'rss.lambat.go.id';
/** Serves a feed cut off after its second item (the first 2,100 bytes of antaranews-terkini.xml). */
export const CUT_OFF_HOST = 'rss.terpotong.go.id';

export const feedUrl = (site: FeedSite) => `https://${site.host}${site.path}`;

export interface FeedFake extends Fake {
  /** Every answer given, by host: its status. */
  answers: { host: string; path: string; status: number; ifNoneMatch?: string }[];
  /** Reddit's search, limited as for callers without OAuth; set `reddit.blocked` to refuse it outright. */
  reddit: RedditFake;
}

function conditional(request: FakeRequest, body: Buffer, type: string, answers: FeedFake['answers']): FakeResponse {
  const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 16)}"`;
  const ifNoneMatch = typeof request.headers['if-none-match'] === 'string' ? request.headers['if-none-match'] : undefined;
  const status = ifNoneMatch === etag ? 304 : 200;
  answers.push({ host: request.host, path: request.path, status, ifNoneMatch });
  return status === 304
    ? { status, headers: { etag } }
    : { status, headers: { 'content-type': type, etag, 'last-modified': 'Mon, 02 Dec 2024 03:00:00 GMT' }, body };
}

export function createFeedSites(): FeedFake {
  const answers: FeedFake['answers'] = [];
  const reddit = createRedditSearch();
  const hosts = [...FEED_SITES.map((s) => s.host), BROKEN_HOST, NOT_A_FEED_HOST, HANGING_HOST, CUT_OFF_HOST, 'news.google.com', 'www.reddit.com'];
  return {
    hosts,
    answers,
    reddit,
    handle(request) {
      if (request.host === BROKEN_HOST) {
        answers.push({ host: request.host, path: request.path, status: 500 });
        return { status: 500, headers: { 'content-type': 'text/html' }, body: '<h1>502 Bad Gateway</h1>' };
      }
      if (request.host === NOT_A_FEED_HOST) return conditional(request, read('not-a-feed.xml'), 'application/xml', answers);
      if (request.host === HANGING_HOST) return { status: 200, delayMs: 120_000, body: '' };
      if (request.host === CUT_OFF_HOST) return conditional(request, read('truncated.xml'), 'application/rss+xml; charset=UTF-8', answers);
      if (request.host === 'news.google.com' && request.path === '/rss/search' && request.query.get('q')) {
        return conditional(request, read('googlenews-search.xml'), 'application/xml; charset=UTF-8', answers);
      }
      const fromReddit = reddit.handle(request);
      if (fromReddit) {
        answers.push({ host: request.host, path: request.path, status: fromReddit.status });
        return fromReddit;
      }
      const site = FEED_SITES.find((s) => s.host === request.host && s.path === request.path);
      if (site) return conditional(request, read(site.file), 'application/rss+xml; charset=UTF-8', answers);
      return { status: 404, headers: { 'content-type': 'text/plain' }, body: 'not found' };
    },
  };
}

/** An OPML file as feed readers export it. */
export function opmlOf(urls: string[]): string {
  const outlines = urls.map((url) => `<outline type="rss" text="${new URL(url).host}" xmlUrl="${url}"/>`).join('\n      ');
  return `<?xml version="1.0" encoding="UTF-8"?>
<opml version="2.0"><head><title>Feeds Humas</title></head>
  <body><outline text="Berita">
      ${outlines}
  </outline></body></opml>`;
}
