import { SETTINGS, readSetting, updateSetting } from '../settings';
import { billingMonth, xReadCost, type XReads } from './x-cost';

// This device's X search bill for the month, kept in storage.local so a worker restart forgets nothing.
// X bills the developer app, not one search, so the ceiling covers every X search Siar runs.

export interface XBudget {
  /** Cost of this month's reads so far, US dollars. */
  spentUsd: number;
  capUsd: number | null;
  reads: XReads;
  month: string;
}

/** This month's reads, cost and the ceiling; a stored month that has passed counts as nothing read. */
export async function readXBudget(now: number): Promise<XBudget> {
  const [usage, budget] = await Promise.all([readSetting(SETTINGS.xSearchUsage), readSetting(SETTINGS.xSearchBudget)]);
  const month = billingMonth(now);
  const reads = usage.month === month ? { posts: usage.posts, users: usage.users } : { posts: 0, users: 0 };
  return { spentUsd: xReadCost(reads), capUsd: budget.monthlyCapUsd, reads, month };
}

/** Adds the posts and users one search answer returned to this month's count. */
export async function chargeXReads(reads: XReads, now: number): Promise<void> {
  if (reads.posts === 0 && reads.users === 0) return;
  const month = billingMonth(now);
  await updateSetting(SETTINGS.xSearchUsage, (usage) => {
    const base = usage.month === month ? usage : { month, posts: 0, users: 0 };
    return { month, posts: base.posts + reads.posts, users: base.users + reads.users };
  });
}
