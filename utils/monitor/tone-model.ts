// The tone model's file format and its scoring. The weights come from scripts/train-tone.ts; an
// officer's corrections add a per-device adjustment on top (utils/monitor/tone-adjust.ts).
import type { Features } from './tone-features';
import { K, softmax } from './tone-learn';

/** Weights are stored as integers: the real weight times this. */
export const MODEL_SCALE = 100;

/** utils/monitor/data/tone-model.json: features[i]'s weights are weights[i*3 .. i*3+2] (class order). */
export interface ToneModelFile {
  version: 1;
  classes: string[];
  scale: number;
  bias: number[];
  features: string[];
  weights: number[];
  trainedOn: string;
  settings: Record<string, number | boolean>;
  validation: Record<string, number>;
}

export interface ToneModel {
  index: Map<string, number>;
  weights: Float32Array;
  bias: Float32Array;
}

/** Per-device additions to the weights, learnt from corrections: feature → three class deltas. */
export type Adjustment = ReadonlyMap<string, readonly number[]>;

/** Unpacks the shipped file once; throws if its shape is not the one this code scores. */
export function loadModel(file: ToneModelFile): ToneModel {
  if (file.version !== 1 || file.weights.length !== file.features.length * K || file.bias.length !== K) {
    throw new Error('The tone model file does not match its format.');
  }
  return {
    index: new Map(file.features.map((f, i) => [f, i])),
    weights: Float32Array.from(file.weights, (w) => w / file.scale),
    bias: Float32Array.from(file.bias, (w) => w / file.scale),
  };
}

export interface Scored {
  /** Class probabilities in CLASSES order. */
  probs: number[];
  /** Each distinct feature that the model knows, with the words shown for it and its weights. */
  parts: { key: string; shown: string; w: number[] }[];
}

/** Probabilities of the three classes for one text's features (each distinct feature counts once). */
export function scoreFeatures(model: ToneModel, features: Features, adjust?: Adjustment): Scored {
  // Runs for every stored mention: plain locals and one object per known feature, nothing else.
  let z0 = model.bias[0]!;
  let z1 = model.bias[1]!;
  let z2 = model.bias[2]!;
  const seen = new Set<string>();
  const parts: Scored['parts'] = [];
  const { keys, shown } = features;
  for (let n = 0; n < keys.length; n++) {
    const key = keys[n]!;
    if (seen.has(key)) continue;
    seen.add(key);
    const id = model.index.get(key);
    const extra = adjust?.get(key);
    if (id === undefined && !extra) continue;
    let w0 = 0;
    let w1 = 0;
    let w2 = 0;
    if (id !== undefined) {
      const j = id * K;
      w0 = model.weights[j]!;
      w1 = model.weights[j + 1]!;
      w2 = model.weights[j + 2]!;
    }
    if (extra) {
      w0 += extra[0] ?? 0;
      w1 += extra[1] ?? 0;
      w2 += extra[2] ?? 0;
    }
    z0 += w0;
    z1 += w1;
    z2 += w2;
    parts.push({ key, shown: shown[n]!, w: [w0, w1, w2] });
  }
  const probs = [z0, z1, z2];
  softmax(probs);
  return { probs, parts };
}

/**
 * The words that weighed most towards class `c`: a feature's pull is its weight for c minus the
 * mean of its weights, so words that push every class alike do not count. Distinct shown words only.
 */
export function topReasons(scored: Scored, c: number, count = 3): string[] {
  const pulls = scored.parts
    .map((p) => ({ shown: p.shown, pull: p.w[c]! - (p.w[0]! + p.w[1]! + p.w[2]!) / K }))
    .filter((p) => p.pull > 0)
    .sort((a, b) => b.pull - a.pull);
  const out: string[] = [];
  for (const p of pulls) {
    if (out.length === count) break;
    // A bigram and its own words say the same thing twice; keep the first (strongest) of them.
    if (out.some((o) => o.includes(p.shown) || p.shown.includes(o))) continue;
    out.push(p.shown);
  }
  return out;
}
