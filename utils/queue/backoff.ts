// When to try a failed delivery again. Pure, so the policy is tested with tables.

export const MAX_ATTEMPTS = 6;
const BASE_MS = 30_000;
const CAP_MS = 30 * 60_000;

/** Exponential backoff with ±20 % jitter (so many deliveries do not retry in lock-step), capped at 30 min. */
export function backoffDelay(attempts: number, random = Math.random): number {
  const exponential = Math.min(CAP_MS, BASE_MS * 2 ** Math.max(0, attempts - 1));
  return Math.round(exponential * (0.8 + 0.4 * random()));
}

export type RetryDecision = { kind: 'retry'; at: number } | { kind: 'give-up' };

/** A transient failure is retried until MAX_ATTEMPTS; a rate limit always waits for its reset. */
export function decideRetry(
  failure: { kind: 'transient' } | { kind: 'rate-limit'; retryAt: number },
  attempts: number,
  now: number,
  random = Math.random,
): RetryDecision {
  if (failure.kind === 'rate-limit') return { kind: 'retry', at: Math.max(now + 1000, failure.retryAt) };
  if (attempts >= MAX_ATTEMPTS) return { kind: 'give-up' };
  return { kind: 'retry', at: now + backoffDelay(attempts, random) };
}
