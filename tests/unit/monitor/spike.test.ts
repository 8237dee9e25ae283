import { describe, expect, it } from 'vitest';
import { bucketCounts, DAY_MS, detectSpikes, spikeIndexes } from '../../../utils/monitor/spike';

const HOUR = 3_600_000;

describe('spike detection', () => {
  // 14 days of hourly counts alternating 4,6 (mean 5, σ 1 → threshold 8).
  const history = Array.from({ length: 14 * 24 }, (_, i) => (i % 2 ? 6 : 4));

  it.each([
    [8, false],
    [9, true],
    [50, true],
  ])('after a steady fortnight, %i mentions → spike %s', (count, spike) => {
    const stats = detectSpikes([...history, count]);
    const last = stats.at(-1);
    expect(last?.mean).toBeCloseTo(5);
    expect(last?.stdev).toBeCloseTo(1);
    expect(last?.spike).toBe(spike);
  });

  it('uses only the previous 14 days, not older buckets', () => {
    const ancient = Array.from({ length: 24 * 10 }, () => 100);
    const stats = detectSpikes([...ancient, ...history, 9]);
    expect(stats.at(-1)?.mean).toBeCloseTo(5);
    expect(stats.at(-1)?.spike).toBe(true);
  });

  it('works with daily buckets', () => {
    const days = [3, 4, 5, 4, 3, 4, 5, 4, 3, 4, 5, 4, 3, 4, 30];
    expect(spikeIndexes(days, { bucketMs: DAY_MS, minHistory: 7 })).toEqual([14]);
  });

  it('needs some history and a minimum count before flagging', () => {
    expect(spikeIndexes([0, 0, 50])).toEqual([]);
    const quiet = Array.from({ length: 48 }, () => 0);
    expect(spikeIndexes([...quiet, 2])).toEqual([]);
    expect(spikeIndexes([...quiet, 3])).toEqual([48]);
  });

  it('treats junk counts as zero instead of throwing', () => {
    expect(() => detectSpikes([Number.NaN, -1, Infinity, 2])).not.toThrow();
  });

  it('bucketCounts fills empty buckets with zero', () => {
    expect(bucketCounts([0, 10, HOUR + 1, 3 * HOUR + 5, 5 * HOUR, -1], 0, 4 * HOUR)).toEqual([2, 1, 0, 1]);
  });
});
