import { readFileSync } from 'node:fs';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const FIXTURES = new URL('../../fixtures/feeds/', import.meta.url);

export function fixture(name: string): Uint8Array {
  return new Uint8Array(readFileSync(new URL(name, FIXTURES)));
}

export function fixtureText(name: string): string {
  return readFileSync(new URL(name, FIXTURES), 'utf8');
}

export interface Recorded {
  method: string;
  url: URL;
  headers: IncomingMessage['headers'];
}

export interface LocalServer {
  origin: string;
  requests: Recorded[];
  close(): Promise<void>;
}

type Handler = (request: IncomingMessage, response: ServerResponse, url: URL) => void;

/** A real HTTP server on 127.0.0.1 with a random port; every request is recorded for assertions. */
export async function startServer(handler: Handler): Promise<LocalServer> {
  const requests: Recorded[] = [];
  const open = new Set<ServerResponse>();
  const server = createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://127.0.0.1');
    requests.push({ method: request.method ?? 'GET', url, headers: request.headers });
    open.add(response);
    response.on('close', () => open.delete(response));
    handler(request, response, url);
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    origin: `http://127.0.0.1:${port}`,
    requests,
    async close() {
      // Hanging handlers never end their responses; destroy them so close() returns.
      for (const response of open) response.destroy();
      server.closeAllConnections();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/**
 * Sends requests for fixed hosts (https://www.reddit.com, https://api.x.com…) to a local server by
 * rewriting only the origin; adapters keep their real endpoints. Returns the function that undoes it.
 */
export function routeFetch(routes: Record<string, string>): () => void {
  const realFetch = globalThis.fetch;
  const routed: typeof fetch = (input, init) => {
    const href = typeof input === 'string' ? input : input instanceof URL ? input.href : input.url;
    for (const [from, to] of Object.entries(routes)) {
      if (href.startsWith(from)) return realFetch(to + href.slice(from.length), init);
    }
    return realFetch(input, init);
  };
  globalThis.fetch = routed;
  return () => {
    globalThis.fetch = realFetch;
  };
}

/** Sends a JSON body with a status and extra headers. */
export function sendJson(response: ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}): void {
  response.writeHead(status, { 'content-type': 'application/json; charset=utf-8', ...headers });
  response.end(typeof body === 'string' ? body : JSON.stringify(body));
}
