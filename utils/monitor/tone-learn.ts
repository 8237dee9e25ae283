// Multinomial logistic regression over sparse binary features: the arithmetic shared by the offline
// trainer (scripts/train-tone.ts) and the on-device learning from an officer's corrections.
// Written by hand because it is thirty lines of arithmetic; the npm ML libraries either pull in a
// tensor runtime far larger than the 250 KB budget or have no sparse input.
import type { Tone } from '../db';

/** Class order of every weight vector and probability triple. */
export const CLASSES: readonly Tone[] = ['negative', 'neutral', 'positive'];
export const K = CLASSES.length;

/** Softmax of `z` in place (numerically stable). */
export function softmax(z: Float64Array | number[]): void {
  let max = -Infinity;
  for (const v of z) if (v > max) max = v;
  let sum = 0;
  for (let c = 0; c < z.length; c++) {
    z[c] = Math.exp(z[c]! - max);
    sum += z[c]!;
  }
  for (let c = 0; c < z.length; c++) z[c] = z[c]! / sum;
}

/** A dense model over feature ids 0..V-1: weights[id*K + c], bias[c]. */
export interface DenseModel {
  weights: Float64Array;
  bias: Float64Array;
}

/** Class probabilities of one example given its unique feature ids. */
export function predictIds(model: DenseModel, ids: Int32Array | number[], out = new Float64Array(K)): Float64Array {
  for (let c = 0; c < K; c++) out[c] = model.bias[c]!;
  for (const id of ids) for (let c = 0; c < K; c++) out[c] = out[c]! + model.weights[id * K + c]!;
  softmax(out);
  return out;
}

/** AdaGrad state: summed squared gradients per weight. */
export interface AdaGrad {
  g2: Float64Array;
  b2: Float64Array;
}

export const newAdaGrad = (v: number): AdaGrad => ({ g2: new Float64Array(v * K), b2: new Float64Array(K) });

/**
 * One AdaGrad step on the cross-entropy of one example (`weight` scales it) with L2 `l2` applied
 * lazily to the touched weights only. Returns the example's probabilities before the step.
 */
export function stepIds(model: DenseModel, state: AdaGrad, ids: Int32Array | number[], label: number, rate: number, l2: number, weight = 1): Float64Array {
  const p = predictIds(model, ids);
  for (let c = 0; c < K; c++) {
    const g = weight * (p[c]! - (c === label ? 1 : 0));
    state.b2[c] = state.b2[c]! + g * g;
    model.bias[c] = model.bias[c]! - (rate * g) / (Math.sqrt(state.b2[c]!) + 1e-8);
    for (const id of ids) {
      const j = id * K + c;
      const gj = g + l2 * model.weights[j]!;
      state.g2[j] = state.g2[j]! + gj * gj;
      model.weights[j] = model.weights[j]! - (rate * gj) / (Math.sqrt(state.g2[j]!) + 1e-8);
    }
  }
  return p;
}

/** Mulberry32: a small seeded generator, so shuffles (and so the trained model) are reproducible. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** Fisher–Yates shuffle in place with the given generator. */
export function shuffle<T>(items: T[], random: () => number): T[] {
  for (let i = items.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [items[i], items[j]] = [items[j]!, items[i]!];
  }
  return items;
}

export interface Scores {
  accuracy: number;
  macroF1: number;
  f1: number[];
  confusion: number[][];
}

/** Accuracy, per-class and macro F1, and the confusion matrix (rows: gold, columns: predicted). */
export function scoreLabels(gold: readonly number[], predicted: readonly number[]): Scores {
  const confusion = CLASSES.map(() => CLASSES.map(() => 0));
  let right = 0;
  gold.forEach((g, i) => {
    const p = predicted[i]!;
    confusion[g]![p]! += 1;
    if (g === p) right += 1;
  });
  const f1 = CLASSES.map((_, c) => {
    const tp = confusion[c]![c]!;
    const predictedC = confusion.reduce((s, row) => s + row[c]!, 0);
    const goldC = confusion[c]!.reduce((s, v) => s + v, 0);
    return tp === 0 ? 0 : (2 * tp) / (predictedC + goldC);
  });
  return { accuracy: gold.length ? right / gold.length : 0, macroF1: f1.reduce((s, v) => s + v, 0) / K, f1, confusion };
}
