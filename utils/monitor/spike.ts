// Spike detection on mention counts: a bucket is a spike when its count exceeds the mean plus
// `sigmas` standard deviations of the buckets in the preceding 14 days.

export const DAY_MS = 86_400_000;

export interface SpikeOptions {
  /** Bucket width in ms (default one hour). */
  bucketMs?: number;
  /** History length in ms (default 14 days). */
  windowMs?: number;
  sigmas?: number;
  /** A spike needs at least this many mentions, so 0 → 2 on a quiet watch is not an alarm. */
  minCount?: number;
  /** Buckets of history needed before anything is flagged (default: one day's worth). */
  minHistory?: number;
}

export interface BucketStat {
  index: number;
  count: number;
  mean: number;
  stdev: number;
  threshold: number;
  spike: boolean;
}

/**
 * Counts timestamps into contiguous buckets [from, to); empty buckets are 0, so quiet hours lower
 * the baseline as they should.
 */
export function bucketCounts(timestamps: Iterable<number>, from: number, to: number, bucketMs = 3_600_000): number[] {
  const size = bucketMs > 0 ? bucketMs : 3_600_000;
  const n = Math.max(0, Math.min(1_000_000, Math.ceil((to - from) / size)));
  const counts: number[] = Array.from({ length: Number.isFinite(n) ? n : 0 }, () => 0);
  for (const t of timestamps) {
    const i = Math.floor((t - from) / size);
    if (i >= 0 && i < counts.length) counts[i] = (counts[i] ?? 0) + 1;
  }
  return counts;
}

/** Statistics for every bucket of a contiguous series of counts (oldest first). */
export function detectSpikes(counts: readonly number[], opts: SpikeOptions = {}): BucketStat[] {
  const bucketMs = opts.bucketMs && opts.bucketMs > 0 ? opts.bucketMs : 3_600_000;
  const window = Math.max(1, Math.round((opts.windowMs ?? 14 * DAY_MS) / bucketMs));
  const sigmas = opts.sigmas ?? 3;
  const minCount = opts.minCount ?? 3;
  const minHistory = Math.max(2, opts.minHistory ?? Math.min(window, Math.round(DAY_MS / bucketMs)));
  const out: BucketStat[] = [];
  // Running sums over the window make this linear in the number of buckets.
  let sum = 0;
  let sumSq = 0;
  for (let i = 0; i < counts.length; i++) {
    const raw = counts[i] ?? 0;
    const count = Number.isFinite(raw) && raw > 0 ? raw : 0;
    const n = Math.min(i, window);
    const mean = n ? sum / n : 0;
    const stdev = n ? Math.sqrt(Math.max(0, sumSq / n - mean * mean)) : 0;
    const threshold = mean + sigmas * stdev;
    out.push({ index: i, count, mean, stdev, threshold, spike: n >= minHistory && count >= minCount && count > threshold });
    sum += count;
    sumSq += count * count;
    if (i >= window) {
      const oldRaw = counts[i - window] ?? 0;
      const old = Number.isFinite(oldRaw) && oldRaw > 0 ? oldRaw : 0;
      sum -= old;
      sumSq -= old * old;
    }
  }
  return out;
}

/** Indexes of the spike buckets. */
export function spikeIndexes(counts: readonly number[], opts: SpikeOptions = {}): number[] {
  return detectSpikes(counts, opts)
    .filter((b) => b.spike)
    .map((b) => b.index);
}
