import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';

export interface BenchRow {
  name: string;
  value: number;
  unit: string;
  /** The value divided by the floor measured in the same run, when the metric has one. */
  ratio?: number;
  floor?: string;
  budget?: string;
}

const RESULTS = resolve(import.meta.dirname, '../../bench/results.json');

export function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[middle]! : (sorted[middle - 1]! + sorted[middle]!) / 2;
}

/** Prints the rows as a table and merges them into bench/results.json under `group`. */
export function report(group: string, rows: BenchRow[]) {
  console.log(`\n${group}`);
  console.table(rows.map((row) => ({
    metric: row.name, value: `${row.value.toFixed(row.unit === 'ms' ? 1 : 0)} ${row.unit}`,
    ratio: row.ratio === undefined ? '' : row.ratio.toFixed(2), floor: row.floor ?? '', budget: row.budget ?? '',
  })));
  mkdirSync(resolve(RESULTS, '..'), { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch { /* first group of this run */ }
  all[group] = { at: new Date().toISOString(), rows };
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

/**
 * Opens `url` in a new page and returns the milliseconds from navigation start to the page's own
 * `mark` (performance.mark), or to its load event when no mark is named (the blank-page floor).
 */
export async function timeToMark(context: BrowserContext, url: string, mark?: string): Promise<{ ms: number; page: Page }> {
  const page = await context.newPage();
  await page.goto(url);
  const ms = await page.evaluate(async (name) => {
    if (!name) {
      await new Promise((done) => (document.readyState === 'complete' ? done(null) : addEventListener('load', done)));
      return (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
    }
    for (let i = 0; i < 1000 && performance.getEntriesByName(name).length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
    return performance.getEntriesByName(name)[0]?.startTime ?? Number.NaN;
  }, mark);
  return { ms, page };
}
