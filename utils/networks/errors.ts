import { AuthError, ContentError, RateLimitError, SiarError, TransientError } from '../errors';

// Turns what an API answered into the typed errors the queue acts on. Shared by every adapter so the
// same HTTP status always means the same thing to the officer.

export interface RetryAtOptions {
  /** When no header says: how long to wait. */
  fallbackMs?: number;
  /** Never wait longer than this, whatever a header claims. */
  maxMs?: number;
  /** Never retry sooner than this. */
  minMs?: number;
}

/**
 * When a rate-limited request may be retried: Retry-After (seconds or an HTTP date), else a reset
 * header (Unix seconds for X and Bluesky, a delay in seconds for the IETF RateLimit-Reset). Used by
 * both the publishing adapters and the listening sources.
 */
export function retryAtFrom(
  headers: Headers | Record<string, string | undefined>,
  now = Date.now(),
  { fallbackMs = 60_000, maxMs = Infinity, minMs = 0 }: RetryAtOptions = {},
): number {
  const get = (name: string) => (headers instanceof Headers ? headers.get(name) : headers[name]) ?? undefined;
  const clamp = (at: number) => Math.min(Math.max(at, now + minMs), now + maxMs);
  const retryAfter = get('retry-after');
  if (retryAfter) {
    const seconds = Number(retryAfter);
    if (Number.isFinite(seconds)) return clamp(now + Math.max(0, seconds) * 1000);
    const date = Date.parse(retryAfter);
    if (Number.isFinite(date)) return clamp(Math.max(now, date));
  }
  const header = get('x-rate-limit-reset') ?? get('ratelimit-reset') ?? get('x-ratelimit-reset');
  const reset = Number(header);
  if (Number.isFinite(reset) && reset > 0) {
    // Unix seconds (X, Bluesky) are far larger than a delta in seconds (IETF RateLimit-Reset).
    return clamp(reset > 1e9 ? reset * 1000 : now + reset * 1000);
  }
  // Mastodon's X-RateLimit-Reset is an ISO 8601 timestamp (docs.joinmastodon.org/api/rate-limits/).
  const resetDate = header ? Date.parse(header) : NaN;
  if (Number.isFinite(resetDate)) return clamp(Math.max(now, resetDate));
  return clamp(now + fallbackMs);
}

/**
 * The service no longer serves the API version Siar pins (LinkedIn 426 NONEXISTENT_VERSION): neither the
 * officer nor a retry can fix it, only a Siar update (utils/networks/api-versions.ts).
 */
export class ApiVersionError extends SiarError {
  constructor(detail?: string) {
    super('content', 'errorApiVersion', detail);
  }
}

export interface HttpFailure {
  status: number;
  headers: Headers | Record<string, string | undefined>;
  /** The API's own error text, kept for the audit log (never shown raw as the officer's sentence). */
  detail: string;
  duplicate?: boolean;
}

export function errorFromHttp(failure: HttpFailure, now = Date.now()): Error {
  const { status, detail } = failure;
  if (failure.duplicate) return new ContentError('duplicate', detail);
  if (status === 401) return new AuthError(detail);
  if (status === 429) return new RateLimitError(retryAtFrom(failure.headers, now), detail);
  if (status >= 500 || status === 408) return new TransientError(detail);
  if (status === 403) return new AuthError(detail);
  return new ContentError('request', detail);
}

const TIMEOUT = 'timeout';

/**
 * fetch rejects with TypeError when the network is down, and with TimeoutError (AbortSignal.timeout)
 * or AbortError when the send's time budget ran out.
 */
export function errorFromFetchFailure(error: unknown): Error {
  if (error instanceof Error && (error.name === 'AbortError' || error.name === 'TimeoutError')) return new TransientError(TIMEOUT);
  return new TransientError(error instanceof Error ? error.message : 'network');
}

/** True for a send cut off by its time budget: the request may have reached the network. */
export function isTimeout(error: unknown): boolean {
  return error instanceof TransientError && error.message === TIMEOUT;
}
