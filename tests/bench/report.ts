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
  console.table(
    rows.map((row) => ({
      metric: row.name,
      value: `${row.value.toFixed(row.unit === 'ms' ? 1 : 0)} ${row.unit}`,
      ratio: row.ratio === undefined ? '' : row.ratio.toFixed(2),
      floor: row.floor ?? '',
      budget: row.budget ?? '',
    })),
  );
  mkdirSync(resolve(RESULTS, '..'), { recursive: true });
  let all: Record<string, unknown> = {};
  try {
    all = JSON.parse(readFileSync(RESULTS, 'utf8')) as Record<string, unknown>;
  } catch {
    /* first group of this run */
  }
  all[group] = { at: new Date().toISOString(), rows };
  writeFileSync(RESULTS, `${JSON.stringify(all, null, 2)}\n`);
}

/**
 * Opens `url` in a new page and returns the milliseconds from navigation start to the page's own
 * `mark` (performance.mark), or to its load event when no mark is named (the blank-page floor).
 * `painted`: for Siar's pages, when the frame showing the marked state had been painted (`siar-painted`).
 */
export async function timeToMark(context: BrowserContext, url: string, mark?: string): Promise<{ ms: number; painted: number; page: Page }> {
  const page = await context.newPage();
  await page.goto(url);
  const [ms, painted] = await page.evaluate(async (name) => {
    if (!name) {
      await new Promise((done) => (document.readyState === 'complete' ? done(null) : addEventListener('load', done)));
      const end = (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming).loadEventEnd;
      return [end, end];
    }
    const at = async (entry: string) => {
      for (let i = 0; i < 1000 && performance.getEntriesByName(entry).length === 0; i += 1) await new Promise((r) => setTimeout(r, 5));
      return performance.getEntriesByName(entry)[0]?.startTime ?? Number.NaN;
    };
    return [await at(name), await at('siar-painted')];
  }, mark);
  return { ms: ms!, painted: painted!, page };
}
