import type { z } from 'zod';
import { AuthError, ContentError, RateLimitError, SiarError, TransientError } from '../errors';
import { retryAtFrom as sharedRetryAt } from '../networks/errors';
import { readCapped } from '../net/read-capped';

// One place that turns HTTP into the typed errors the scheduler acts on, so every adapter behaves the
// same way on 401, 429, 5xx, hangs and garbage bodies.

/** Below the 30 s an MV3 worker may sit idle on an event, so a hung server never outlives the alarm tick. */
export const FETCH_TIMEOUT_MS = 20_000;
/** Applied when a 429 carries no usable header: X and Reddit windows are 15 and 10 minutes. */
export const DEFAULT_RATE_LIMIT_WAIT_MS = 15 * 60_000;
const MAX_RATE_LIMIT_WAIT_MS = 24 * 60 * 60_000;
/** JSON API answers are small; anything beyond this is not the API we expect. */
export const MAX_JSON_BYTES = 5 * 1024 * 1024;

/** The caller's signal plus our own timeout. AbortSignal.any is missing before Firefox 124. */
export function withTimeout(signal: AbortSignal, timeoutMs = FETCH_TIMEOUT_MS): AbortSignal {
  const timeout = AbortSignal.timeout(timeoutMs);
  if (typeof AbortSignal.any === 'function') return AbortSignal.any([signal, timeout]);
  const controller = new AbortController();
  const forward = (source: AbortSignal) => () => controller.abort(source.reason);
  if (signal.aborted) controller.abort(signal.reason);
  signal.addEventListener('abort', forward(signal), { once: true });
  timeout.addEventListener('abort', forward(timeout), { once: true });
  return controller.signal;
}

/** When a rate-limited poll may run again: the shared header rules, capped so a source never sleeps for days. */
export function retryAtFrom(headers: Headers, now: number): number {
  return sharedRetryAt(headers, now, { fallbackMs: DEFAULT_RATE_LIMIT_WAIT_MS, maxMs: MAX_RATE_LIMIT_WAIT_MS, minMs: 1000 });
}

/** The typed error for a non-success status. */
export function errorForStatus(status: number, headers: Headers, now: number, detail = ''): SiarError {
  const suffix = detail ? `: ${detail.slice(0, 200)}` : '';
  if (status === 401 || status === 403) return new AuthError(`HTTP ${status}${suffix}`);
  if (status === 429) return new RateLimitError(retryAtFrom(headers, now), `HTTP 429${suffix}`);
  if (status === 408 || status === 425 || status >= 500) return new TransientError(`HTTP ${status}${suffix}`);
  if (status === 404 || status === 410) return new ContentError('url', `HTTP ${status}${suffix}`);
  return new ContentError('request', `HTTP ${status}${suffix}`);
}

function errorName(value: unknown): string | undefined {
  return typeof value === 'object' && value !== null && 'name' in value && typeof value.name === 'string' ? value.name : undefined;
}

/**
 * Maps whatever a fetch threw to a typed error. A deliberate abort by the caller (not a timeout) is
 * passed through as the signal's reason, so a shutting-down worker is not recorded as a failing source.
 */
export function toSourceError(error: unknown, callerSignal: AbortSignal): unknown {
  if (error instanceof SiarError) return error;
  if (callerSignal.aborted && errorName(callerSignal.reason) !== 'TimeoutError') return callerSignal.reason;
  const name = errorName(error);
  if (callerSignal.aborted || name === 'AbortError' || name === 'TimeoutError') {
    return new TransientError('The server did not answer in time.');
  }
  if (error instanceof TypeError) return new TransientError(`Network error: ${error.message}`.slice(0, 200));
  return new TransientError(error instanceof Error ? error.message.slice(0, 200) : 'Request failed.');
}

export interface GetOptions {
  headers?: Record<string, string>;
  signal: AbortSignal;
  now: number;
  maxBytes: number;
  /** Lets an API flag auth failures it reports with other statuses (XRPC's 400 ExpiredToken). */
  authFailure?: (status: number, body: string) => boolean;
}

export interface GetResult {
  status: number;
  headers: Headers;
  /** Final URL after redirects, for resolving relative links. */
  url: string;
  body: Uint8Array;
}

/** GET with timeout, size cap and typed errors. 2xx and 304 resolve; everything else throws. */
export async function httpGet(url: string, options: GetOptions): Promise<GetResult> {
  const signal = withTimeout(options.signal);
  try {
    // no-store: the browser cache must not answer our conditional GET with its own stored 200.
    const response = await fetch(url, { headers: options.headers, signal, redirect: 'follow', credentials: 'omit', cache: 'no-store' });
    if (response.status === 304) {
      await response.body?.cancel().catch(() => undefined);
      return { status: 304, headers: response.headers, url: response.url || url, body: new Uint8Array() };
    }
    if (!response.ok) {
      const text = new TextDecoder().decode(await readCapped(response, 65_536).catch(() => new Uint8Array()));
      if (options.authFailure?.(response.status, text)) throw new AuthError(`HTTP ${response.status}: ${text.slice(0, 200)}`);
      throw errorForStatus(response.status, response.headers, options.now, text.replace(/\s+/g, ' ').trim());
    }
    const body = await readCapped(response, options.maxBytes);
    return { status: response.status, headers: response.headers, url: response.url || url, body };
  } catch (error) {
    throw toSourceError(error, options.signal);
  }
}

/** GET a JSON API and validate the answer; a body that is not the documented shape is a ContentError. */
export async function getJson<T>(url: string, schema: z.ZodType<T>, options: Omit<GetOptions, 'maxBytes'>): Promise<T> {
  const { body } = await httpGet(url, { ...options, maxBytes: MAX_JSON_BYTES });
  return parseJson(body, schema);
}

export function parseJson<T>(body: Uint8Array | string, schema: z.ZodType<T>): T {
  let data: unknown;
  try {
    data = JSON.parse(typeof body === 'string' ? body : new TextDecoder().decode(body));
  } catch {
    throw new ContentError('response', 'The answer is not JSON.');
  }
  return validate(schema, data, 'response');
}

export function validate<T>(schema: z.ZodType<T>, data: unknown, field: string): T {
  const result = schema.safeParse(data);
  if (result.success) return result.data;
  const issue = result.error.issues[0];
  throw new ContentError(field, `Unexpected shape at ${issue?.path.join('.') || '(root)'}: ${issue?.message ?? 'invalid'}`);
}
