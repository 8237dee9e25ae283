import type { ServerResponse } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SOURCES } from '../../../utils/sources/registry';
import { pollDueSources, type PollDeps } from '../../../utils/listen/scheduler';
import { saveSource } from '../../../utils/listen/store';
import { fixture, startServer, type LocalServer } from '../sources/helpers';
import { addWatch, freshDatabase } from './helpers';

// Real feeds over real HTTP from a local server; the scheduler, adapters, parser and Dexie are the
// production code.

type Mode = 'ok' | 'error' | 'hang' | 'limit' | 'garbage' | 'cut' | 'cut-304';
let server: LocalServer;
const modes = new Map<string, Mode>();

function feedAnswer(response: ServerResponse, path: string, etag: string, ifNoneMatch: string | undefined) {
  const mode = modes.get(path) ?? 'ok';
  if (mode === 'hang') return;
  if (mode === 'error') return void response.writeHead(500).end('upstream down');
  if (mode === 'limit') return void response.writeHead(429, { 'retry-after': '600' }).end();
  if (mode === 'garbage') return void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('not-a-feed.xml'));
  // The first 2,100 bytes of antaranews-terkini.xml: two whole items, then the connection drops.
  if (mode === 'cut-304') return void response.writeHead(304).end();
  if (mode === 'cut') return void response.writeHead(200, { 'content-type': 'application/rss+xml' }).end(fixture('truncated.xml'));
  if (ifNoneMatch === etag) return void response.writeHead(304, { etag }).end();
  response.writeHead(200, { 'content-type': 'application/rss+xml; charset=utf-8', etag });
  response.end(fixture(path.slice(1)));
}

beforeAll(async () => {
  server = await startServer((request, response, url) => {
    const inm = request.headers['if-none-match'];
    feedAnswer(response, url.pathname, `"${url.pathname}-v1"`, typeof inm === 'string' ? inm : undefined);
  });
});
afterAll(() => server.close());

async function setup(paths: string[]) {
  const database = await freshDatabase();
  await addWatch(database, 'hujan OR pelayanan OR banjir OR DPR OR ASN');
  const ids: number[] = [];
  for (const path of paths) {
    const saved = await saveSource(database, { kind: 'rss', config: { url: `${server.origin}${path}` } }, 0);
    if (!saved.ok) throw new Error('source not saved');
    ids.push(saved.source.id);
  }
  let clock = 1_000_000;
  const deps: PollDeps = { database, sources: SOURCES, credentials: async () => undefined, now: () => clock, deadlineMs: 1500 };
  return {
    database,
    ids,
    deps,
    advance: (ms: number) => {
      clock += ms;
    },
  };
}

const requestsTo = (path: string) => server.requests.filter((r) => r.url.pathname === path);

describe('pollDueSources', () => {
  it('stores each mention once and uses 304 with the stored ETag on the next poll', async () => {
    const { database, deps, advance, ids } = await setup(['/antaranews-terkini.xml', '/kompas-nasional.xml']);
    const first = await pollDueSources(deps);
    expect(first.polled).toBe(2);
    const stored = await database.mentions.count();
    expect(stored).toBeGreaterThan(1);
    const row = await database.sources.get(ids[0]!);
    expect(row).toMatchObject({ etag: '"/antaranews-terkini.xml-v1"', health: { failures: 0, lastSuccessAt: 1_000_000 }, nextDueAt: 1_000_000 + 5 * 60_000 });

    advance(60_000);
    expect((await pollDueSources(deps)).polled).toBe(0);
    advance(5 * 60_000);
    const again = await pollDueSources(deps);
    expect(again).toMatchObject({ polled: 2, added: [] });
    expect(requestsTo('/antaranews-terkini.xml').at(-1)?.headers['if-none-match']).toBe('"/antaranews-terkini.xml-v1"');
    expect(await database.mentions.count()).toBe(stored);
  });

  it('stores the items of a feed cut off in transit and records in the source health that it was cut off', async () => {
    modes.set('/antaranews-terkini.xml', 'cut');
    try {
      const { database, deps, ids, advance } = await setup(['/antaranews-terkini.xml']);
      await pollDueSources(deps);
      const row = await database.sources.get(ids[0]!);
      expect(row?.health).toMatchObject({ failures: 0, lastSuccessAt: 1_000_000, lastWarning: { code: 'truncated', at: 1_000_000 } });
      expect((await database.mentions.toArray()).map((m) => m.title)).toContain('Pemprov DKI siagakan 1.200 pompa hadapi puncak musim hujan');
      // 304 Not Modified: the cut-off answer is still the last one read, so the warning stays.
      modes.set('/antaranews-terkini.xml', 'cut-304');
      advance(5 * 60_000);
      await pollDueSources(deps);
      expect((await database.sources.get(ids[0]!))?.health).toMatchObject({
        lastSuccessAt: 1_000_000 + 5 * 60_000,
        lastWarning: { code: 'truncated', at: 1_000_000 },
      });
      // A whole answer on the next poll clears the warning.
      modes.set('/antaranews-terkini.xml', 'ok');
      advance(5 * 60_000);
      await pollDueSources(deps);
      expect((await database.sources.get(ids[0]!))?.health.lastWarning).toBeUndefined();
    } finally {
      modes.delete('/antaranews-terkini.xml');
    }
  });

  it.each([
    ['error', 'sourceErrorNetwork', 10 * 60_000],
    ['garbage', 'sourceErrorFeed', 10 * 60_000],
    ['hang', 'sourceErrorNetwork', 10 * 60_000],
    ['limit', 'sourceErrorRateLimited', 600_000],
  ] as const)('a source answering %s records %s and backs off, while the healthy one is stored', async (mode, key, delay) => {
    const path = `/detik-news.xml?${mode}`;
    modes.set('/detik-news.xml', mode);
    try {
      const { database, deps, ids } = await setup(['/kompas-nasional.xml', path]);
      await pollDueSources(deps);
      const failing = await database.sources.get(ids[1]!);
      expect(failing?.health).toMatchObject({ failures: 1, lastErrorAt: 1_000_000, lastError: { messageKey: key } });
      expect(failing?.nextDueAt).toBe(1_000_000 + delay);
      expect(failing?.etag).toBeUndefined();
      const outlets = (await database.mentions.toArray()).map((m) => m.sourceId);
      expect(outlets.length).toBeGreaterThan(0);
      expect(new Set(outlets)).toEqual(new Set([ids[0]]));
    } finally {
      modes.delete('/detik-news.xml');
    }
  });

  it('polls the given sources even when they are not due', async () => {
    const { deps, ids, database } = await setup(['/kompas-nasional.xml']);
    await database.sources.update(ids[0]!, { nextDueAt: 9e15 });
    expect((await pollDueSources(deps, ids)).polled).toBe(1);
  });
});
