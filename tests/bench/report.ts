import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';

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
