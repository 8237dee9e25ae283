import { describe, expect, it } from 'vitest';
import { MAX_ATTEMPTS, backoffDelay, decideRetry } from '../../../utils/queue/backoff';

describe('backoff', () => {
  it.each([
    [1, 0.5, 30_000],
    [2, 0.5, 60_000],
    [3, 0.5, 120_000],
    [6, 0.5, 960_000],
    [7, 0.5, 1_800_000],
    [20, 0.5, 1_800_000],
    [1, 0, 24_000],
    [1, 1, 36_000],
  ])('attempt %i with jitter %f waits %i ms', (attempts, random, expected) => {
    expect(backoffDelay(attempts, () => random)).toBe(expected);
  });

  it.each([
    [{ kind: 'transient' as const }, 1, { kind: 'retry', at: 1_000_000 + 30_000 }],
    [{ kind: 'transient' as const }, MAX_ATTEMPTS, { kind: 'give-up' }],
    [{ kind: 'rate-limit' as const, retryAt: 1_500_000 }, 1, { kind: 'retry', at: 1_500_000 }],
    [{ kind: 'rate-limit' as const, retryAt: 1_500_000 }, 50, { kind: 'retry', at: 1_500_000 }],
    [{ kind: 'rate-limit' as const, retryAt: 0 }, 1, { kind: 'retry', at: 1_001_000 }],
  ])('%j after %i attempts → %j', (failure, attempts, expected) => {
    expect(decideRetry(failure, attempts, 1_000_000, () => 0.5)).toEqual(expected);
  });
});
