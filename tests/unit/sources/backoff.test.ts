import { describe, expect, it } from 'vitest';
import { AuthError, ContentError, RateLimitError, TransientError } from '../../../utils/errors';
import { applyOutcome, DEFAULT_INTERVAL_MS, MAX_BACKOFF_MS, MINUTE, nextDueAt, updateHealth, type SourceHealth } from '../../../utils/sources/backoff';

const now = Date.UTC(2024, 11, 3, 3);
const failing = (failures: number): SourceHealth => ({ failures, lastErrorAt: now - MINUTE });

describe('nextDueAt', () => {
  it.each([
    ['default interval', {}, 5 * MINUTE],
    ['one minute allowed', { intervalMs: MINUTE }, MINUTE],
    ['below one minute is clamped', { intervalMs: 5_000 }, MINUTE],
    ['NaN falls back to the default', { intervalMs: Number.NaN }, DEFAULT_INTERVAL_MS],
    ['success resets backoff', { health: failing(7) }, 5 * MINUTE],
  ])('success: %s', (_name, source, delay) => {
    expect(nextDueAt(source, { ok: true }, now)).toBe(now + delay);
  });

  it.each([
    [0, 10 * MINUTE],
    [1, 20 * MINUTE],
    [2, 40 * MINUTE],
    [3, 60 * MINUTE],
    [50, 60 * MINUTE],
    [1e9, 60 * MINUTE],
  ])('after %i earlier failures a transient error waits %i ms', (failures, delay) => {
    expect(nextDueAt({ health: failing(failures) }, { ok: false, error: new TransientError() }, now)).toBe(now + delay);
  });

  it('never backs off below a long chosen interval', () => {
    expect(nextDueAt({ intervalMs: 3 * 60 * MINUTE }, { ok: false, error: new ContentError('feed') }, now)).toBe(now + 3 * 60 * MINUTE);
  });

  it('honours retryAt, but not sooner than the interval nor later than a day', () => {
    expect(nextDueAt({}, { ok: false, error: new RateLimitError(now + 37 * MINUTE) }, now)).toBe(now + 37 * MINUTE);
    expect(nextDueAt({}, { ok: false, error: new RateLimitError(now + 1000) }, now)).toBe(now + 5 * MINUTE);
    expect(nextDueAt({}, { ok: false, error: new RateLimitError(now + 90 * 24 * 60 * MINUTE) }, now)).toBe(now + 24 * 60 * MINUTE);
  });

  it('waits the maximum backoff after an auth failure', () => {
    expect(nextDueAt({}, { ok: false, error: new AuthError() }, now)).toBe(now + MAX_BACKOFF_MS);
  });
});

describe('updateHealth', () => {
  it('counts consecutive failures and records the error as plain info', () => {
    const once = updateHealth(undefined, { ok: false, error: new RateLimitError(now + MINUTE, 'HTTP 429') }, now);
    expect(once).toEqual({
      failures: 1,
      lastErrorAt: now,
      lastError: { code: 'rate-limit', messageKey: expect.any(String), detail: 'HTTP 429', retryAt: now + MINUTE },
    });
    const twice = updateHealth(once, { ok: false, error: new Error('boom') }, now + 1);
    expect(twice.failures).toBe(2);
    expect(twice.lastError?.code).toBe('internal');
  });

  it('resets failures on success and keeps the last error for "recovered" display', () => {
    const recovered = updateHealth(failing(3), { ok: true }, now);
    expect(recovered).toEqual({ failures: 0, lastSuccessAt: now, lastErrorAt: now - MINUTE });
  });

  it('applyOutcome returns both', () => {
    expect(applyOutcome({}, { ok: true }, now)).toEqual({ health: { failures: 0, lastSuccessAt: now }, nextDueAt: now + 5 * MINUTE });
  });
});
