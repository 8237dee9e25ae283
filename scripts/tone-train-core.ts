// The training loop of scripts/train-tone.ts, importable by tests that train small models of their own.
import type { Example } from './tone-data';
import { compileNames, extractFeatures } from '../utils/monitor/tone-features';
import { defaultNamePhrases } from '../utils/monitor/tone-names';
import { K, newAdaGrad, predictIds, scoreLabels, seededRandom, shuffle, stepIds, type DenseModel } from '../utils/monitor/tone-learn';
import type { ToneModel } from '../utils/monitor/tone-model';

export const SEED = 17;

export interface Settings {
  minCount: number;
  l2: number;
  rate: number;
  epochs: number;
  balance: boolean;
  average: boolean;
  keep: number;
}

const names = compileNames(defaultNamePhrases());
export const featurise = (examples: Example[]) =>
  examples.map((e) => ({ keys: [...new Set(extractFeatures(e.text, names).keys)], label: e.label, domain: e.domain }));
export type Doc = ReturnType<typeof featurise>[number];

export function vocabulary(docs: Doc[], minCount: number): Map<string, number> {
  const counts = new Map<string, number>();
  for (const d of docs) for (const k of d.keys) counts.set(k, (counts.get(k) ?? 0) + 1);
  const keys = [...counts]
    .filter(([, n]) => n >= minCount)
    .map(([k]) => k)
    .sort();
  return new Map(keys.map((k, i) => [k, i]));
}

export const toIds = (docs: Doc[], vocab: Map<string, number>) =>
  docs.map((d) => Int32Array.from(d.keys.map((k) => vocab.get(k)).filter((i): i is number => i !== undefined)));

/** Per-example weights that give each (domain, class) group the same total weight when `balance` is on. */
function exampleWeights(docs: Doc[], balance: boolean): number[] {
  if (!balance) return docs.map(() => 1);
  const groups = new Map<string, number>();
  for (const d of docs) groups.set(`${d.domain}/${d.label}`, (groups.get(`${d.domain}/${d.label}`) ?? 0) + 1);
  return docs.map((d) => docs.length / (groups.size * groups.get(`${d.domain}/${d.label}`)!));
}

export function train(docs: Doc[], vocab: Map<string, number>, s: Settings, onEpoch?: (epoch: number, model: DenseModel) => void): DenseModel {
  const ids = toIds(docs, vocab);
  const weights = exampleWeights(docs, s.balance);
  const model: DenseModel = { weights: new Float64Array(vocab.size * K), bias: new Float64Array(K) };
  const state = newAdaGrad(vocab.size);
  const random = seededRandom(SEED);
  const order = docs.map((_, i) => i);
  // Averaging the weights over epochs (Polyak–Ruppert) smooths the last epochs' noise when `average` is on.
  const sum: DenseModel = { weights: new Float64Array(model.weights.length), bias: new Float64Array(K) };
  const mean: DenseModel = { weights: new Float64Array(model.weights.length), bias: new Float64Array(K) };
  for (let epoch = 1; epoch <= s.epochs; epoch++) {
    for (const i of shuffle(order, random)) stepIds(model, state, ids[i]!, docs[i]!.label, s.rate, s.l2, weights[i]);
    if (s.average) {
      for (let j = 0; j < sum.weights.length; j++) {
        sum.weights[j] = sum.weights[j]! + model.weights[j]!;
        mean.weights[j] = sum.weights[j]! / epoch;
      }
      for (let c = 0; c < K; c++) {
        sum.bias[c] = sum.bias[c]! + model.bias[c]!;
        mean.bias[c] = sum.bias[c]! / epoch;
      }
    }
    onEpoch?.(epoch, s.average ? mean : model);
  }
  return s.average ? mean : model;
}

export function evaluate(model: DenseModel, vocab: Map<string, number>, docs: Doc[]): number {
  const ids = toIds(docs, vocab);
  const predicted = ids.map((x) => {
    const p = predictIds(model, x);
    return p.indexOf(Math.max(...p));
  });
  return scoreLabels(
    docs.map((d) => d.label),
    predicted,
  ).macroF1;
}

/** The `keep` features whose weights spread most across the classes. */
export function prune(model: DenseModel, vocab: Map<string, number>, keep: number): Map<string, number> {
  const spread = [...vocab].map(([key, id]) => {
    const w = [0, 1, 2].map((c) => model.weights[id * K + c]!);
    return { key, s: Math.max(...w) - Math.min(...w) };
  });
  spread.sort((a, b) => b.s - a.s || (a.key < b.key ? -1 : 1));
  return new Map(
    spread
      .slice(0, keep)
      .map((x) => x.key)
      .sort()
      .map((k, i) => [k, i]),
  );
}

export function fit(docs: Doc[], s: Settings): { model: DenseModel; vocab: Map<string, number> } {
  const full = vocabulary(docs, s.minCount);
  const first = train(docs, full, s);
  if (full.size <= s.keep) return { model: first, vocab: full };
  // Retrained on the kept features, so the pruned model is a fitted model, not a truncated one.
  const vocab = prune(first, full, s.keep);
  return { model: train(docs, vocab, s), vocab };
}

/** A trained dense model in the shape detectTone scores with, for tests that score with their own model. */
export function asToneModel(model: DenseModel, vocab: Map<string, number>): ToneModel {
  return { index: vocab, weights: Float32Array.from(model.weights), bias: Float32Array.from(model.bias) };
}
