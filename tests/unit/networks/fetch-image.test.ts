import { createServer, type Server } from 'node:http';
import { gzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ContentError, TransientError } from '../../../utils/errors';
import { fetchImage } from '../../../utils/networks/http';

// The page image comes from an address the page chose. Its body is read with a cap on the decoded bytes
// (utils/net/read-capped.ts): fetch unpacks gzip while reading, and an endless body never "ends".

const PNG_HEAD = Buffer.from('89504e470d0a1a0a', 'hex');
let server: Server;
let base = '';
const served: string[] = [];

beforeAll(async () => {
  server = createServer((request, response) => {
    served.push(request.url ?? '');
    if (request.url === '/endless.png') {
      response.writeHead(200, { 'content-type': 'image/png' });
      const chunk = Buffer.alloc(64 * 1024, 1);
      const pump = () => {
        while (response.write(chunk)) {
          /* until the socket pushes back */
        }
      };
      response.on('drain', pump);
      response.on('close', () => response.off('drain', pump));
      pump();
      return;
    }
    if (request.url === '/bomb.png') {
      // 30 MB of zeros behind a PNG signature: about 30 KB on the wire.
      const body = gzipSync(Buffer.concat([PNG_HEAD, Buffer.alloc(30 * 1024 * 1024)]));
      response.writeHead(200, { 'content-type': 'image/png', 'content-encoding': 'gzip', 'content-length': body.length });
      response.end(body);
      return;
    }
    if (request.url === '/declared.png') {
      response.writeHead(200, { 'content-type': 'image/png', 'content-length': 50 * 1024 * 1024 });
      response.write(PNG_HEAD);
      return; // never finishes: only the declared length can refuse it
    }
    if (request.url === '/page.html') {
      response.writeHead(200, { 'content-type': 'text/html' });
      response.end('<html></html>');
      return;
    }
    if (request.url === '/busy.png') {
      response.writeHead(503, { 'content-type': 'text/plain' });
      response.end('busy');
      return;
    }
    response.writeHead(200, { 'content-type': 'image/png' });
    response.end(Buffer.concat([PNG_HEAD, Buffer.alloc(100)]));
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  base = `http://127.0.0.1:${typeof address === 'object' && address ? address.port : 0}`;
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((resolve) => server.close(resolve));
});

const MAX = 5 * 1024 * 1024;

describe('fetchImage', () => {
  it('returns a small image with its type', async () => {
    const image = await fetchImage(`${base}/ok.png`, AbortSignal.timeout(10_000), MAX);
    expect(image.type).toBe('image/png');
    expect(image.bytes.byteLength).toBe(108);
  });

  it.each([
    ['an endless body', '/endless.png'],
    ['a gzip body that unpacks to 30 MB', '/bomb.png'],
    ['a declared length over the cap', '/declared.png'],
  ])('refuses %s once past the cap, as a content problem', async (_name, path) => {
    // No timeout of its own: a reader without a cap would wait for the test's timeout on the endless body.
    const error = await fetchImage(`${base}${path}`, new AbortController().signal, MAX).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ContentError);
    expect((error as ContentError).message).toMatch(/larger than 5242880 bytes/);
  });

  it('refuses an HTML answer as a content problem and a 503 as a passing one', async () => {
    await expect(fetchImage(`${base}/page.html`, AbortSignal.timeout(10_000), MAX)).rejects.toBeInstanceOf(ContentError);
    await expect(fetchImage(`${base}/busy.png`, AbortSignal.timeout(10_000), MAX)).rejects.toBeInstanceOf(TransientError);
  });
});
