import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import { googleNewsSource } from '../../../utils/sources/googlenews';
import { DEFAULT_RATE_LIMIT_WAIT_MS, retryAtFrom } from '../../../utils/sources/http';
import { rssSource } from '../../../utils/sources/rss';
import { fixture, routeFetch, startServer, type LocalServer } from './helpers';

const now = Date.UTC(2024, 11, 3, 4);
const ctx = { now };
const ETAG = '"antara-v1"';
const LAST_MODIFIED = 'Tue, 03 Dec 2024 03:32:11 GMT';

let server: LocalServer;
beforeAll(async () => {
  server = await startServer((request, response, url) => {
    switch (url.pathname) {
      case '/rss/terkini.xml':
        if (request.headers['if-none-match'] === ETAG) {
          response.writeHead(304, { etag: ETAG });
          response.end();
          return;
        }
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=UTF-8', etag: ETAG, 'last-modified': LAST_MODIFIED });
        response.end(fixture('antaranews-terkini.xml'));
        return;
      case '/latin1':
        response.writeHead(200, { 'content-type': 'application/rss+xml; charset=ISO-8859-1' });
        response.end(fixture('iso-8859-1-noprolog.xml'));
        return;
      case '/relative':
        response.writeHead(200, { 'content-type': 'text/xml' });
        response.end('<rss version="2.0"><channel><title>Rel</title><item><title>A</title><link>/berita/1</link></item></channel></rss>');
        return;
      case '/html':
        response.writeHead(200, { 'content-type': 'text/html' });
        response.end(fixture('html-page.html'));
        return;
      case '/redirect':
        response.writeHead(301, { location: '/rss/terkini.xml' });
        response.end();
        return;
      case '/429-seconds':
        response.writeHead(429, { 'retry-after': '120' });
        response.end('slow down');
        return;
      case '/429-date':
        response.writeHead(429, { 'retry-after': new Date(now + 3_600_000).toUTCString() });
        response.end();
        return;
      case '/429-bare':
        response.writeHead(429);
        response.end();
        return;
      case '/500':
        response.writeHead(503);
        response.end('maintenance');
        return;
      case '/401':
        response.writeHead(401);
        response.end();
        return;
      case '/404':
        response.writeHead(404);
        response.end();
        return;
      case '/huge': {
        // No Content-Length: the cap has to hold while streaming.
        response.writeHead(200, { 'content-type': 'application/rss+xml', 'transfer-encoding': 'chunked' });
        const chunk = Buffer.alloc(1024 * 1024, 0x20);
        let sent = 0;
        const pump = () => {
          while (sent < 12 && response.write(chunk)) sent++;
          if (sent >= 12) response.end();
          else
            response.once('drain', () => {
              sent++;
              pump();
            });
        };
        pump();
        return;
      }
      case '/hang':
        return; // never answers
      case '/hang-body':
        response.writeHead(200, { 'content-type': 'application/rss+xml' });
        response.write('<rss version="2.0"><channel>');
        return; // headers sent, body never finishes
      case '/rss/search':
        response.writeHead(200, { 'content-type': 'application/xml; charset=utf-8' });
        response.end(fixture('googlenews-search.xml'));
        return;
      default:
        response.writeHead(404);
        response.end();
    }
  });
});
afterAll(() => server.close());

let unroute: (() => void) | undefined;
afterEach(() => {
  unroute?.();
  unroute = undefined;
});

const fetchRss = (path: string, state = {}, signal = new AbortController().signal) => rssSource.fetch({ url: server.origin + path }, state, signal, ctx);

describe('rss source', () => {
  it('fetches, then sends validators and gets 304 with no items and the state kept', async () => {
    const first = await fetchRss('/rss/terkini.xml');
    expect(first.items).toHaveLength(3);
    expect(first.state).toEqual({ etag: ETAG, lastModified: LAST_MODIFIED });

    const second = await fetchRss('/rss/terkini.xml', first.state);
    expect(second).toEqual({ items: [], state: first.state, unchanged: true });
    const sent = server.requests.filter((request) => request.url.pathname === '/rss/terkini.xml').at(-1);
    expect(sent?.headers['if-none-match']).toBe(ETAG);
    expect(sent?.headers['if-modified-since']).toBe(LAST_MODIFIED);
  });

  it('drops validators the server no longer sends and keeps other state', async () => {
    const result = await fetchRss('/relative', { etag: '"old"', lastModified: 'x', cursor: 'keep' });
    expect(result.state).toEqual({ cursor: 'keep' });
    expect(result.items[0]?.url).toBe(`${server.origin}/berita/1`);
  });

  it('decodes with the header charset and follows redirects', async () => {
    expect((await fetchRss('/latin1')).items[0]?.title).toBe('Déjà vu à Montréal - «señor» ñandú');
    expect((await fetchRss('/redirect')).items).toHaveLength(3);
  });

  it.each([
    ['/html', ContentError, { field: 'feed' }],
    ['/404', ContentError, { field: 'url' }],
    ['/huge', ContentError, { field: 'response' }],
    ['/500', TransientError, {}],
    ['/401', AuthError, {}],
    ['/429-seconds', RateLimitError, { retryAt: now + 120_000 }],
    ['/429-date', RateLimitError, { retryAt: now + 3_600_000 }],
    ['/429-bare', RateLimitError, { retryAt: now + DEFAULT_RATE_LIMIT_WAIT_MS }],
  ] as const)('%s → %s', async (path, type, fields) => {
    const error = await fetchRss(path).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(type);
    expect(error).toMatchObject(fields);
  });

  it('rejects invalid config as a ContentError', async () => {
    await expect(rssSource.fetch({ url: 'javascript:alert(1)' }, {}, new AbortController().signal, ctx)).rejects.toMatchObject({ field: 'config' });
    await expect(rssSource.fetch({}, {}, new AbortController().signal, ctx)).rejects.toBeInstanceOf(ContentError);
  });

  it.each(['/hang', '/hang-body'])('gives up on %s when the caller signal times out', async (path) => {
    const started = Date.now();
    const error = await fetchRss(path, {}, AbortSignal.timeout(150)).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(TransientError);
    expect(Date.now() - started).toBeLessThan(5_000);
  });

  it('passes a deliberate abort through instead of calling the source broken', async () => {
    const controller = new AbortController();
    const pending = fetchRss('/hang', {}, controller.signal);
    setTimeout(() => controller.abort(), 50);
    await expect(pending).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('maps a refused connection to TransientError', async () => {
    const closed = await startServer(() => undefined);
    const origin = closed.origin;
    await closed.close();
    await expect(rssSource.fetch({ url: `${origin}/x` }, {}, new AbortController().signal, ctx)).rejects.toBeInstanceOf(TransientError);
  });
});

describe('googlenews source', () => {
  it('requests the search feed on news.google.com and cleans titles', async () => {
    unroute = routeFetch({ 'https://news.google.com': server.origin });
    const result = await googleNewsSource.fetch({ query: { all: ['banjir jakarta'], any: [], none: [], sites: [] } }, {}, new AbortController().signal, ctx);
    const sent = server.requests.at(-1);
    expect(sent?.url.pathname).toBe('/rss/search');
    expect(Object.fromEntries(sent?.url.searchParams ?? [])).toEqual({ q: '"banjir jakarta"', hl: 'id', gl: 'ID', ceid: 'ID:id' });
    expect(result.items.map((item) => item.outlet)).toEqual(['ANTARA News', 'Kompas.com', 'detikNews']);
    expect(result.items[0]?.title).toBe('Banjir Jakarta hari ini rendam 12 RT di Jakarta Timur');
  });
});

describe('retryAtFrom', () => {
  it.each([
    [{ 'retry-after': '30' }, now + 30_000],
    [{ 'retry-after': 'Tue, 03 Dec 2024 05:00:00 GMT' }, Date.UTC(2024, 11, 3, 5)],
    [{ 'x-rate-limit-reset': String((now + 900_000) / 1000) }, now + 900_000],
    [{ 'ratelimit-reset': String((now + 60_000) / 1000) }, now + 60_000],
    [{ 'x-ratelimit-reset': '42.0' }, now + 42_000],
    [{ 'retry-after': '-5' }, now + 1000],
    [{ 'retry-after': '999999999' }, now + 24 * 3_600_000],
    [{ 'retry-after': 'soon' }, now + DEFAULT_RATE_LIMIT_WAIT_MS],
  ])('%j', (headers, expected) => {
    expect(retryAtFrom(new Headers(headers), now)).toBe(expected);
  });
});
