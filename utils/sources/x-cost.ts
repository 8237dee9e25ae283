import pricing from './data/x-pricing.json';

// What X's recent search costs an agency under pay-per-use billing: every post and every user object a
// search returns is a charged read (docs.x.com/x-api/getting-started/pricing; prices and their check date
// in data/x-pricing.json). Pure arithmetic here; the stored month's usage lives in x-budget.ts.

export const X_PRICING = pricing;

/** Recent search refuses max_results below 10 (docs.x.com/x-api/posts/search/api-reference). */
export const X_MIN_RESULTS = 10;

const DAY_MS = 86_400_000;
/** A month of polling for an estimate: the 30-day month officers budget with. */
const ESTIMATE_DAYS = 30;

export interface XReads {
  posts: number;
  users: number;
}

/** The price of some reads in US dollars, rounded to the cent's tenth so sums stay stable. */
export function xReadCost(reads: XReads): number {
  return Math.round((reads.posts * X_PRICING.postRead + reads.users * X_PRICING.userRead) * 1000) / 1000;
}

/**
 * The most one X search can cost in 30 days: every poll returns a full page of `maxResults` posts, each
 * by a different author (the user objects the search expands are charged too). since_id makes real polls
 * return only new posts, so the real bill is usually far lower; this is the ceiling the officer agrees to.
 */
export function xSearchMonthlyCeiling(maxResults: number, intervalMin: number): { reads: XReads; usd: number } {
  const polls = Math.ceil((ESTIMATE_DAYS * DAY_MS) / (Math.max(1, intervalMin) * 60_000));
  const reads = { posts: polls * maxResults, users: polls * maxResults };
  return { reads, usd: xReadCost(reads) };
}

/** X bills by calendar month; Siar counts usage per UTC month ("2026-11"). */
export function billingMonth(now: number): string {
  return new Date(now).toISOString().slice(0, 7);
}

/** Midnight UTC on the first of the next month: when a month's cap opens again. */
export function nextBillingMonth(now: number): number {
  const date = new Date(now);
  return Date.UTC(date.getUTCFullYear(), date.getUTCMonth() + 1, 1);
}

/**
 * How many posts the next poll may ask for without passing the cap, assuming each brings its author:
 * 0 when fewer than X_MIN_RESULTS fit (X refuses a smaller page), else at most `wanted`.
 * `spentUsd` is this month's cost so far; a cap of null means no cap.
 */
export function xResultsAllowed(wanted: number, spentUsd: number, capUsd: number | null): number {
  if (capUsd === null) return wanted;
  const perPost = X_PRICING.postRead + X_PRICING.userRead;
  const fit = Math.floor((capUsd - spentUsd) / perPost + 1e-9);
  return fit < X_MIN_RESULTS ? 0 : Math.min(wanted, fit);
}
