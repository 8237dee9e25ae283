import type { Tone } from '../db';
import { bucketCounts, DAY_MS, detectSpikes } from '../monitor/spike';

// Mentions per hour or day, split by tone, with spike markers: a bucket whose total rises above the
// mean + 3σ of the two weeks before it (utils/monitor/spike.ts).

export const HOUR_MS = 3_600_000;
export const HISTORY_MS = 14 * DAY_MS;

export interface VolumePoint {
  t: number;
  tone: Tone;
}

export interface VolumeSeries {
  /** Bucket starts in seconds (uPlot's x unit). */
  xs: number[];
  positive: number[];
  neutral: number[];
  negative: number[];
  total: number[];
  /** The total where the bucket is a spike, null elsewhere (drawn as markers only). */
  spikes: (number | null)[];
}

export interface VolumeRange {
  from: number;
  to: number;
  bucketMs: number;
}

/** The range shown for a granularity: the last 48 hours by hour, or the last 30 days by day. */
export function volumeRange(granularity: 'hour' | 'day', now: number): VolumeRange {
  const bucketMs = granularity === 'hour' ? HOUR_MS : DAY_MS;
  const to = Math.floor(now / bucketMs) * bucketMs + bucketMs;
  return { from: to - (granularity === 'hour' ? 48 : 30) * bucketMs, to, bucketMs };
}

/** Points are read from `from - HISTORY_MS`, so the first shown bucket already has its two weeks. */
export function volumeSeries(points: readonly VolumePoint[], range: VolumeRange): VolumeSeries {
  const { from, to, bucketMs } = range;
  const start = from - HISTORY_MS;
  const byTone = (tone: Tone) =>
    bucketCounts(
      points.filter((p) => p.tone === tone).map((p) => p.t),
      start,
      to,
      bucketMs,
    );
  const positive = byTone('positive');
  const neutral = byTone('neutral');
  const negative = byTone('negative');
  const total = positive.map((n, i) => n + neutral[i]! + negative[i]!);
  const stats = detectSpikes(total, { bucketMs, windowMs: HISTORY_MS });
  const skip = Math.round(HISTORY_MS / bucketMs);
  const shown = <T>(values: T[]) => values.slice(skip);
  return {
    xs: shown(total.map((_n, i) => (start + i * bucketMs) / 1000)),
    positive: shown(positive),
    neutral: shown(neutral),
    negative: shown(negative),
    total: shown(total),
    spikes: shown(stats.map((s) => (s.spike ? s.count : null))),
  };
}
