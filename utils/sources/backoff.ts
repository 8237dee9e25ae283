import { AuthError, RateLimitError, toErrorInfo, type ErrorInfo } from '../errors';

// Pure scheduling arithmetic for source polling: when is a source due again, and what does its health
// record say. Kept free of storage and timers so the scheduler and the options page share one rule.

export const MINUTE = 60_000;
export const DEFAULT_INTERVAL_MS = 5 * MINUTE;
/**
 * Kinds polled less often by default. X charges per post and author a search returns (x-cost.ts): an
 * hourly poll of 10 results costs at most US$108 a month where a 5-minute poll of 100 could cost US$12,960.
 */
export const DEFAULT_INTERVAL_MIN_BY_KIND: Readonly<Partial<Record<string, number>>> = { x: 60 };
/** The alarm ticks once a minute, so nothing can be polled more often. */
export const MIN_INTERVAL_MS = MINUTE;
export const MAX_INTERVAL_MS = 24 * 60 * MINUTE;
/** Failing sources are retried at least this often, so a fixed outage shows up within the hour. */
export const MAX_BACKOFF_MS = 60 * MINUTE;

/** A poll that worked but read less than the server meant to send (`truncated`: the feed was cut off). */
export interface SourceWarning {
  code: 'truncated';
  at: number;
}

export interface SourceHealth {
  lastSuccessAt?: number;
  lastErrorAt?: number;
  lastError?: ErrorInfo;
  /** Set by a successful poll that had a problem worth telling the officer; a clean poll clears it. */
  lastWarning?: SourceWarning;
  /** Consecutive failures since the last success. */
  failures: number;
}

export interface Schedulable {
  /** Polling interval chosen by the officer; default 5 min, at least 1 min. */
  intervalMs?: number;
  health?: SourceHealth;
}

/** `unchanged`: the server answered 304, so a warning about its last full answer still stands. */
export type PollOutcome = { ok: true; warning?: SourceWarning['code']; unchanged?: boolean } | { ok: false; error: unknown };

export function clampInterval(intervalMs: number | undefined): number {
  if (intervalMs === undefined || !Number.isFinite(intervalMs)) return DEFAULT_INTERVAL_MS;
  return Math.min(Math.max(Math.round(intervalMs), MIN_INTERVAL_MS), MAX_INTERVAL_MS);
}

/** Delay after `failures` consecutive failures: the interval doubled per failure, capped at an hour. */
export function backoffDelay(intervalMs: number, failures: number): number {
  if (failures <= 0) return intervalMs;
  // Cap the exponent first so 2 ** failures never overflows for a source that has failed for months.
  const factor = 2 ** Math.min(failures, 20);
  return Math.max(intervalMs, Math.min(intervalMs * factor, MAX_BACKOFF_MS));
}

/** The health record after one poll. */
export function updateHealth(health: SourceHealth | undefined, outcome: PollOutcome, now: number): SourceHealth {
  const previous = health ?? { failures: 0 };
  if (outcome.ok) {
    // The last error is kept (with its time) so the options page can still say "recovered at …".
    if (outcome.unchanged) return { ...previous, lastSuccessAt: now, failures: 0 };
    const { lastWarning: _cleared, ...rest } = previous;
    return { ...rest, lastSuccessAt: now, failures: 0, ...(outcome.warning ? { lastWarning: { code: outcome.warning, at: now } } : {}) };
  }
  return { ...previous, lastErrorAt: now, lastError: toErrorInfo(outcome.error), failures: previous.failures + 1 };
}

/**
 * When the source should next be polled, given its health before this outcome.
 * - success: one interval from now;
 * - rate limited: not before the server's retryAt (never sooner than the normal interval);
 * - auth failure: retrying cannot help until the officer reconnects, so wait the maximum backoff;
 * - anything else: exponential backoff.
 */
export function nextDueAt(source: Schedulable, outcome: PollOutcome, now: number): number {
  const interval = clampInterval(source.intervalMs);
  if (outcome.ok) return now + interval;
  const failures = (source.health?.failures ?? 0) + 1;
  const backoff = now + backoffDelay(interval, failures);
  if (outcome.error instanceof RateLimitError) {
    // A retryAt a day away or more is more likely a bad header than a real ban.
    const retryAt = Math.min(outcome.error.retryAt, now + MAX_INTERVAL_MS);
    return Math.max(retryAt, now + interval);
  }
  if (outcome.error instanceof AuthError) return now + Math.max(interval, MAX_BACKOFF_MS);
  return backoff;
}

/** Both at once, as the scheduler stores them. */
export function applyOutcome(source: Schedulable, outcome: PollOutcome, now: number): { health: SourceHealth; nextDueAt: number } {
  return { health: updateHealth(source.health, outcome, now), nextDueAt: nextDueAt(source, outcome, now) };
}
