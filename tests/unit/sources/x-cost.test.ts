import { describe, expect, it } from 'vitest';
import { billingMonth, nextBillingMonth, X_PRICING, xReadCost, xResultsAllowed, xSearchMonthlyCeiling } from '../../../utils/sources/x-cost';

// Prices from docs.x.com/x-api/getting-started/pricing (checked 2026-11-30): Posts: Read US$0.005 and
// User: Read US$0.010 per resource returned.

describe('X search cost', () => {
  it('uses the documented per-resource read prices', () => {
    expect(X_PRICING).toMatchObject({ postRead: 0.005, userRead: 0.01, currency: 'USD', source: 'https://docs.x.com/x-api/getting-started/pricing' });
    expect(X_PRICING.checked).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it.each([
    // maxResults, interval (min), polls in 30 days, ceiling US$
    [10, 60, 720, 108],
    [10, 5, 8640, 1296],
    [100, 5, 8640, 12960],
    [10, 1440, 30, 4.5],
    [25, 45, 960, 360],
  ])('%i results every %i min: %i polls, at most US$%d a month', (maxResults, interval, polls, usd) => {
    const ceiling = xSearchMonthlyCeiling(maxResults, interval);
    expect(ceiling.reads).toEqual({ posts: polls * maxResults, users: polls * maxResults });
    expect(ceiling.usd).toBeCloseTo(usd, 6);
  });

  it.each([
    [{ posts: 0, users: 0 }, 0],
    [{ posts: 1, users: 0 }, 0.005],
    [{ posts: 10, users: 7 }, 0.12],
    [{ posts: 1000, users: 1000 }, 15],
  ])('%j costs US$%d', (reads, usd) => expect(xReadCost(reads)).toBeCloseTo(usd, 9));

  it.each([
    // wanted, spent, cap, allowed
    [10, 0, null, 10],
    [100, 9999, null, 100],
    [10, 0, 10, 10],
    [100, 0, 1, 66],
    [100, 9.85, 10, 10],
    [100, 9.86, 10, 0],
    [100, 10, 10, 0],
    [100, 12, 10, 0],
    [10, 0, 0, 0],
  ] as const)('wanting %i with US$%d spent of a %s cap allows %i', (wanted, spent, cap, allowed) => {
    expect(xResultsAllowed(wanted, spent, cap)).toBe(allowed);
  });

  it.each([
    ['2026-11-30T23:59:59Z', '2026-11', '2026-12-01T00:00:00.000Z'],
    ['2026-12-31T12:00:00Z', '2026-12', '2027-01-01T00:00:00.000Z'],
    ['2027-02-01T00:00:00Z', '2027-02', '2027-03-01T00:00:00.000Z'],
  ])('%s is in %s; the next month opens at %s', (at, month, next) => {
    expect(billingMonth(Date.parse(at))).toBe(month);
    expect(new Date(nextBillingMonth(Date.parse(at))).toISOString()).toBe(next);
  });
});
