import type { IncomingHttpHeaders } from 'node:http';

/** A request as a fake API sees it, with the body already read. */
export interface FakeRequest {
  host: string;
  method: string;
  path: string;
  query: URLSearchParams;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The full URL the client asked for, with the real hostname. */
  url: URL;
}

export interface FakeResponse {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Milliseconds to wait before answering (slow or hanging servers). */
  delayMs?: number;
}

/** One network's or site's API, answering as its documentation says. */
export interface Fake {
  hosts: string[];
  handle(request: FakeRequest): FakeResponse | Promise<FakeResponse>;
}

export const json = (status: number, body: unknown, headers: Record<string, string> = {}): FakeResponse => ({
  status,
  body,
  headers: { 'content-type': 'application/json; charset=utf-8', ...headers },
});

export function formBody(request: FakeRequest): URLSearchParams {
  return new URLSearchParams(request.body.toString('utf8'));
}

export function jsonBody(request: FakeRequest): unknown {
  try {
    return JSON.parse(request.body.toString('utf8'));
  } catch {
    return undefined;
  }
}
