import type { Tone } from '../db';
import modelFile from './data/tone-model.json';
import { compileNames, extractFeatures, type Features, type NameIndex } from './tone-features';
import { CLASSES } from './tone-learn';
import { loadModel, scoreFeatures, topReasons, type Adjustment, type Scored, type ToneModel } from './tone-model';
import { defaultNamePhrases } from './tone-names';

// Tone of a mention: a logistic-regression model trained on labelled Indonesian reviews and news
// headlines (utils/monitor/data/README.md gives the data, licences and measured figures), plus what
// this device learnt from the officer's corrections. A hint, never a verdict: the side panel says so.

export interface ToneResult {
  tone: Tone;
  /** P(positive) − P(negative), from −1 to 1. */
  score: number;
  /** Probability of the chosen tone, 1/3 to 1. */
  confidence: number;
  /** Up to three words (as written, lower-case) that weighed most towards the chosen tone. */
  reasons: string[];
}

export interface ToneOptions {
  /** This device's learnt adjustment (utils/monitor/tone-adjust.ts). */
  adjust?: Adjustment;
}

let loaded: { model: ToneModel; names: NameIndex } | undefined;

/** The shipped model and the masked names, unpacked on first use (a few milliseconds, once per worker). */
export function toneScorer(): { model: ToneModel; names: NameIndex } {
  loaded ??= { model: loadModel(modelFile as Parameters<typeof loadModel>[0]), names: compileNames(defaultNamePhrases()) };
  return loaded;
}

/** The model's features of a text: the matcher's normalisation, negation marked, known names masked. */
export function toneFeatures(text: string): Features {
  return extractFeatures(text, toneScorer().names);
}

/** Scores a text's features with the shipped model and an optional learnt adjustment. */
export function scoreTone(features: Features, adjust?: Adjustment): Scored {
  return scoreFeatures(toneScorer().model, features, adjust);
}

/** Tone of a title or summary (plain text or HTML). Never throws; empty or non-text input is neutral. */
export function detectTone(text: string, options: ToneOptions = {}): ToneResult {
  const features = toneFeatures(typeof text === 'string' ? text : '');
  if (features.keys.length === 0) return { tone: 'neutral', score: 0, confidence: 1, reasons: [] };
  const scored = scoreTone(features, options.adjust);
  const [neg, neu, pos] = scored.probs as [number, number, number];
  const c = pos >= neg && pos >= neu ? 2 : neg >= neu ? 0 : 1;
  return { tone: CLASSES[c]!, score: pos - neg, confidence: scored.probs[c]!, reasons: topReasons(scored, c) };
}
