// Learning from an officer's tone corrections, on this device only. The shipped model never changes;
// a correction adds small per-feature deltas (the "adjustment") that detectTone adds to its weights,
// so the next mentions that share the corrected text's words lean the way the officer said.
// "Forget what Siar learned" (options page) empties the adjustment; corrected mentions keep their tone.
import type { Tone } from '../db';
import type { ToneLearning } from '../settings';
import type { Features } from './tone-features';
import { CLASSES, K } from './tone-learn';
import type { Adjustment, Scored } from './tone-model';

// Rate and target were chosen on SmSA's valid split (corrections from a third, measured on the rest);
// the tests measure on CNBCI's valid headlines instead.
/** How far one step moves the corrected text's own logits (spread over its distinct features). */
export const CORRECTION_RATE = 1.5;
/** Steps stop once the corrected tone has at least this probability on the corrected text. */
export const CORRECTION_TARGET = 0.75;
export const CORRECTION_MAX_STEPS = 6;
/** Most features kept; the ones whose deltas are smallest go first beyond this. */
export const MAX_LEARNT_FEATURES = 20_000;

/** The stored deltas as the map detectTone reads (feature → deltas in CLASSES order). */
export function toAdjustment(learning: ToneLearning): Adjustment {
  return new Map(Object.entries(learning.weights));
}

let unpacked: { key: string; adjust: Adjustment | undefined } | undefined;

/** toAdjustment, kept until the learning changes: the worker reads it once per source poll. */
export function cachedAdjustment(learning: ToneLearning): Adjustment | undefined {
  const key = `${learning.updatedAt}:${learning.corrections}`;
  if (unpacked?.key !== key) {
    unpacked = { key, adjust: learning.corrections === 0 ? undefined : toAdjustment(learning) };
  }
  return unpacked.adjust;
}

/**
 * Learns one correction: up to CORRECTION_MAX_STEPS gradient steps of the cross-entropy on the corrected
 * text, applied to the adjustment only, until the corrected tone reaches CORRECTION_TARGET. Each step's
 * size is divided among the text's distinct features, so a long review moves each word less than a
 * headline does. `score` is detectTone's scorer (injected so tests can learn on top of other models).
 * Returns a new learning; the input is not changed.
 */
export function learnCorrection(
  learning: ToneLearning,
  features: Features,
  tone: Tone,
  score: (features: Features, adjust: Adjustment) => Scored,
  now = Date.now(),
  rateTotal = CORRECTION_RATE,
  target = CORRECTION_TARGET,
): ToneLearning {
  const label = CLASSES.indexOf(tone);
  const keys = [...new Set(features.keys)];
  const adjust = new Map<string, number[]>(Object.entries(learning.weights).map(([k, w]) => [k, [...w]]));
  if (label < 0 || keys.length === 0) return learning;
  const rate = rateTotal / keys.length;
  for (let step = 0; step < CORRECTION_MAX_STEPS; step++) {
    const { probs } = score(features, adjust);
    if (probs[label]! >= target) break;
    for (const key of keys) {
      const w = adjust.get(key) ?? [0, 0, 0];
      for (let c = 0; c < K; c++) w[c] = w[c]! - rate * (probs[c]! - (c === label ? 1 : 0));
      adjust.set(key, w);
    }
  }
  let entries = [...adjust].map(([k, w]) => [k, w.map((v) => Math.max(-50, Math.min(50, Math.round(v * 1e4) / 1e4)))] as const);
  if (entries.length > MAX_LEARNT_FEATURES) {
    const size = (w: readonly number[]) => Math.max(...w) - Math.min(...w);
    entries = entries.sort((a, b) => size(b[1]) - size(a[1])).slice(0, MAX_LEARNT_FEATURES);
  }
  return {
    corrections: learning.corrections + 1,
    updatedAt: now,
    weights: Object.fromEntries(entries.map(([k, w]) => [k, [w[0]!, w[1]!, w[2]!] as [number, number, number]])),
  };
}
