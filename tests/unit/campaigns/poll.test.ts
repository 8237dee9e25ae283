import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { MAX_KIT_FILE_BYTES } from '../../../utils/campaigns/kit';
import { newCampaignSource, pollCampaignSource } from '../../../utils/campaigns/poll';
import { startServer, type LocalServer } from '../sources/helpers';

// A static host as RFC 9110 §13.1.2 describes: an If-None-Match that matches the current ETag gets
// 304 Not Modified with no body (https://www.rfc-editor.org/rfc/rfc9110#section-13.1.2).

const kit = (id: string, change: Record<string, unknown> = {}) => ({
  id,
  updated: '2026-08-10T08:00:00+07:00',
  title: `Kit ${id}`,
  period: { start: '2026-08-10T00:00:00+07:00' },
  link: `https://www.komdigi.go.id/${id}`,
  text: 'Mari rayakan HUT RI ke-81.',
  ...change,
});
const files: Record<string, string | Buffer> = {
  '/kits.json': JSON.stringify({ siarKits: 1, kits: [kit('a'), kit('b', { link: 'javascript:alert(1)' }), kit('c')] }),
  '/huge.json': Buffer.alloc(MAX_KIT_FILE_BYTES + 10, 32),
  '/page.html': '<!doctype html><html><body>Bukan kit</body></html>',
};

let server: LocalServer;
beforeAll(async () => {
  server = await startServer((request, response, url) => {
    if (url.pathname === '/down') return void response.writeHead(503).end();
    const body = files[url.pathname];
    if (body === undefined) return void response.writeHead(404).end();
    const etag = `"${createHash('sha1').update(body).digest('hex').slice(0, 12)}"`;
    if (request.headers['if-none-match'] === etag) return void response.writeHead(304, { etag }).end();
    response.writeHead(200, { etag, 'content-type': url.pathname.endsWith('.json') ? 'application/json' : 'text/html' }).end(body);
  });
});
afterAll(() => server.close());

const NOW = Date.parse('2026-11-30T03:00:00Z');
const source = (path: string) => newCampaignSource('src-1', `${server.origin}${path}`, 'Komdigi', NOW);

describe('polling a campaign source', () => {
  it('reads the valid kits, lists the malformed one in the health, keeps the ETag, then asks conditionally', async () => {
    const first = await pollCampaignSource(source('/kits.json'), new AbortController().signal, NOW);
    expect(first.kits?.map((k) => k.id)).toEqual(['a', 'c']);
    expect(first.source.health).toMatchObject({ failures: 0, kits: 2, lastSuccessAt: NOW });
    expect(first.source.health.problems).toEqual(['Kit 2 (b): link: must be an http(s) address']);
    expect(first.source.etag).toMatch(/^"[0-9a-f]{12}"$/);
    expect(first.source.nextDueAt).toBe(NOW + 30 * 60_000);

    const second = await pollCampaignSource(first.source, new AbortController().signal, NOW + 1);
    expect(server.requests.at(-1)!.headers['if-none-match']).toBe(first.source.etag);
    expect(second.kits).toBeUndefined();
    // A 304 keeps what the last full read said.
    expect(second.source.health).toMatchObject({ failures: 0, kits: 2, problems: first.source.health.problems });
    expect(second.source.etag).toBe(first.source.etag);
  });

  it.each([
    ['a file above the size limit', '/huge.json', 'content', 'campaignErrorTooLarge'],
    ['a page that is neither a kit file nor a feed', '/page.html', 'content', 'sourceErrorFeed'],
    ['a missing file', '/gone.json', 'content', 'sourceErrorNotFound'],
    ['a server error', '/down', 'transient', 'sourceErrorNetwork'],
  ])('records %s as a failure with one sentence and backs off', async (_name, path, code, messageKey) => {
    const result = await pollCampaignSource(source(path), new AbortController().signal, NOW);
    expect(result.kits).toBeUndefined();
    expect(result.source.health).toMatchObject({ failures: 1, lastErrorAt: NOW, lastError: { code, messageKey } });
    expect(result.source.nextDueAt).toBeGreaterThan(NOW + 30 * 60_000);
  });
});
