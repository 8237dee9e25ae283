import type { z } from 'zod';
import { ContentError, TransientError } from '../errors';
import { readCapped } from '../net/read-capped';
import { errorFromFetchFailure } from './errors';

// The plumbing every fetch-based adapter shares: one request, the body read once, JSON parsed
// leniently (an error page in HTML must still become a typed error, not a SyntaxError).

export interface HttpResponse {
  status: number;
  ok: boolean;
  headers: Headers;
  /** Parsed JSON, the raw text when it is not JSON, undefined when empty. */
  data: unknown;
}

export async function http(url: string, init: RequestInit): Promise<HttpResponse> {
  let response: Response;
  let text: string;
  try {
    response = await fetch(url, init);
    text = await response.text();
  } catch (error) {
    throw errorFromFetchFailure(error);
  }
  let data: unknown;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = text;
    }
  }
  return { status: response.status, ok: response.ok, headers: response.headers, data };
}

/** Validates a successful answer; anything unexpected means the API changed or a proxy interfered. */
export function parse<T>(schema: z.ZodType<T>, data: unknown, network: string): T {
  const parsed = schema.safeParse(data);
  if (!parsed.success) throw new ContentError('response', `unexpected ${network} response`);
  return parsed.data;
}

/** Validates an error body, or undefined so the caller falls back to the HTTP status alone. */
export function parseError<T>(schema: z.ZodType<T>, data: unknown): T | undefined {
  const parsed = schema.safeParse(data);
  return parsed.success ? parsed.data : undefined;
}

export const jsonHeaders = (headers: Record<string, string> = {}) => ({
  'content-type': 'application/json',
  accept: 'application/json',
  ...headers,
});

export const IMAGE_MAX_BYTES = 5 * 1024 * 1024;

export interface FetchedImage {
  bytes: Uint8Array;
  type: string;
}

/**
 * The page's image, fetched without credentials (it lives on the agency's site, not on a network).
 * A missing or non-image file is a content problem the officer can fix; a dropped connection is not.
 */
export async function fetchImage(url: string, signal: AbortSignal, maxBytes = IMAGE_MAX_BYTES): Promise<FetchedImage> {
  let response: Response;
  try {
    response = await fetch(url, { signal, credentials: 'omit', referrerPolicy: 'no-referrer' });
  } catch (error) {
    throw errorFromFetchFailure(error);
  }
  // Status and type first: an error page or an HTML body is never downloaded.
  const type = (response.headers.get('content-type') ?? '').split(';')[0]!.trim().toLowerCase();
  if (response.status >= 500 || !response.ok || !type.startsWith('image/')) {
    await response.body?.cancel().catch(() => undefined);
    if (response.status >= 500) throw new TransientError(`image ${response.status}`);
    throw new ContentError('image', `image ${response.status} ${type}`);
  }
  let bytes: Uint8Array;
  try {
    bytes = await readCapped(response, maxBytes);
  } catch (error) {
    if (error instanceof ContentError) throw new ContentError('image', `image larger than ${maxBytes} bytes`);
    throw errorFromFetchFailure(error);
  }
  return { bytes, type };
}

/** Reads a header that may hold Unix seconds or an ISO date (Mastodon), as epoch milliseconds. */
export function resetAt(value: string | null, now = Date.now()): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return seconds > 1e9 ? seconds * 1000 : now + seconds * 1000;
  const date = Date.parse(value);
  return Number.isFinite(date) ? Math.max(now, date) : undefined;
}
