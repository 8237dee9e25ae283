import type { Tone } from '../db';
import { htmlToText, normaliseTerm, positionLattice } from './normalise';
import { NEGATION_WINDOW } from './tone-features';
import { NEGATIVE_WORDS, NEGATORS, NOT_NEGATING, POSITIVE_WORDS } from './tone-words';

// The word-list tone Siar used before the trained model (utils/monitor/tone.ts), kept as the baseline
// that `npm run eval:tone` measures the model against. A negated positive counts fully negative
// ("tidak bagus"); a negated negative counts only half positive ("tidak buruk" is faint praise).

export interface ToneHit {
  term: string;
  weight: number;
  negated: boolean;
}
export interface LexiconToneResult {
  tone: Tone;
  score: number;
  hits: ToneHit[];
}

interface Entry {
  tokens: string[];
  term: string;
  weight: number;
}
type Lexicon = Map<string, Entry[]>;

function lexicon(groups: [readonly string[], number][]): Lexicon {
  const map: Lexicon = new Map();
  for (const [words, weight] of groups) {
    for (const w of words) {
      const tokens = normaliseTerm(w);
      const first = tokens[0];
      if (first === undefined) continue;
      const list = map.get(first) ?? [];
      list.push({ tokens, term: tokens.join(' '), weight });
      map.set(first, list);
    }
  }
  return map;
}

const SENTIMENT = lexicon([
  [POSITIVE_WORDS, 1],
  [NEGATIVE_WORDS, -1],
]);
const NEGATION = lexicon([[NEGATORS, 0]]);
const NON_NEGATION = lexicon([[NOT_NEGATING, 0]]);

type Lattice = ReturnType<typeof positionLattice>;

/** The end position of the longest entry starting at `start`, or -1. */
function longest(lat: Lattice, start: number, lex: Lexicon): { entry: Entry; end: number } | undefined {
  let best: { entry: Entry; end: number } | undefined;
  const reach = (tokens: string[], k: number, pos: number): number => {
    if (k === tokens.length) return pos;
    let far = -1;
    for (const t of lat[pos] ?? []) if (t.form === tokens[k]) far = Math.max(far, reach(tokens, k + 1, t.end));
    return far;
  };
  for (const t of lat[start] ?? []) {
    for (const entry of lex.get(t.form) ?? []) {
      const end = reach(entry.tokens, 1, t.end);
      if (end > 0 && (!best || end > best.end)) best = { entry, end };
    }
  }
  return best;
}

/** Word-list tone of a title or summary (plain text or HTML): the sum of ±1 per listed word. */
export function detectToneLexicon(text: string): LexiconToneResult {
  const lat = positionLattice(htmlToText(typeof text === 'string' ? text : ''));
  const hits: ToneHit[] = [];
  let score = 0;
  let negatedUntil = -1;
  let i = 0;
  while (i < lat.length) {
    const hit = longest(lat, i, SENTIMENT);
    const skip = hit ? undefined : longest(lat, i, NON_NEGATION);
    const neg = hit || skip ? undefined : longest(lat, i, NEGATION);
    if (hit) {
      const negated = i <= negatedUntil;
      const w = hit.entry.weight;
      const weight = !negated ? w : w > 0 ? -w : -w / 2;
      hits.push({ term: hit.entry.term, weight, negated });
      score += weight;
      // One negator governs one sentiment word, so "tidak lambat, sangat membantu" stays positive.
      negatedUntil = -1;
      i = hit.end;
    } else if (skip) {
      i = skip.end;
    } else if (neg) {
      negatedUntil = neg.end + NEGATION_WINDOW - 1;
      i = neg.end;
    } else {
      i++;
    }
  }
  const tone: Tone = score > 0 ? 'positive' : score < 0 ? 'negative' : 'neutral';
  return { tone, score, hits };
}
